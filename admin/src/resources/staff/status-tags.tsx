import { Tag } from "antd";
import { useTranslation } from "react-i18next";

/** 在职 / 停用. */
export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return <Tag color={active ? "success" : "default"}>{t(active ? "staff.active" : "staff.inactive")}</Tag>;
}

/** 试用期 / 已转正 (the database's on_probation). */
export function ProbationTag({ onProbation }: { onProbation: boolean }) {
  const { t } = useTranslation();
  return <Tag color={onProbation ? "orange" : "blue"}>{t(onProbation ? "staff.probation" : "staff.regularised")}</Tag>;
}
