import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { useQualification } from "./use-qualification.ts";

/** Where a contract is drafted or signed: what the 购房资质审核 still lacks (nothing once 符合). */
export function QualificationAlert({ subscriptionId }: { subscriptionId: string | undefined }) {
  const { t } = useTranslation();
  const { state } = useQualification(subscriptionId);
  if (!state || state.signable) return null;
  const missing = state.missing.map((m) => t(`purchase_qualifications.missing.${m}`)).join("、");
  return (
    <Alert
      type={state.result === "ineligible" ? "error" : "warning"}
      showIcon
      data-testid="qualification-alert"
      message={t(state.result === "ineligible" ? "purchase_qualifications.alert.ineligible" : "purchase_qualifications.alert.pending")}
      description={missing ? t("purchase_qualifications.alert.missing", { missing }) : t("purchase_qualifications.alert.waiting")}
    />
  );
}
