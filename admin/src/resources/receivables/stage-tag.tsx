import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const COLORS: Record<string, string | undefined> = { normal: undefined, week: "orange", month: "red" };

/** 催款阶段 as the database states it: 正常 / 逾期一周 / 逾期一月. */
export function CollectionStageTag({ stage }: { stage: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[stage]} data-testid="collection-stage">
      {t(`collection_paper.stages.${stage}`)}
    </Tag>
  );
}
