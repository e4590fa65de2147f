import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const COLORS: Record<string, string> = { pending: "orange", eligible: "green", ineligible: "red" };

/** 待核 / 符合 / 不符合. */
export function QualificationResultTag({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[value]} data-testid="qualification-result">
      {t(`purchase_qualifications.result.${value}`)}
    </Tag>
  );
}
