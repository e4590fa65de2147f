import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";

const GRADE_COLORS: Record<string, string> = { A: "red", B: "orange", C: "blue", D: "default" };
const STATUS_COLORS: Record<string, string> = { new: "blue", following: "processing", subscribed: "gold", signed: "green", lost: "default" };

/** 意向等级 A–D, with what the letter means on hover. */
export function GradeTag({ grade }: { grade: string | null | undefined }) {
  const { t } = useTranslation();
  if (!grade) return <Tag>{t("customers.grades.none")}</Tag>;
  return (
    <Tooltip title={t(`customers.grades.${grade}`)}>
      <Tag color={GRADE_COLORS[grade]} style={{ fontWeight: 600 }}>
        {grade}
      </Tag>
    </Tooltip>
  );
}

/** 新客 · 跟进中 · 已认购 · 已签约 · 流失 */
export function CustomerStatusTag({ status }: { status: string | null | undefined }) {
  const { t } = useTranslation();
  if (!status) return null;
  return <Tag color={STATUS_COLORS[status]}>{t(`customers.statuses.${status}`)}</Tag>;
}

/** 公客池: shown wherever a customer's ownership has lapsed. */
export function PoolTag() {
  const { t } = useTranslation();
  return <Tag color="magenta">{t("customers.tabs.pool")}</Tag>;
}
