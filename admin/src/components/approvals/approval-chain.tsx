import { Steps } from "antd";
import { useTranslation } from "react-i18next";

/** The roles that will approve, in order (审批链), as shown before a request is submitted. */
export function ApprovalChain({ roles, testId = "approval-chain" }: { roles: readonly string[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Steps
      data-testid={testId}
      size="small"
      labelPlacement="vertical"
      current={-1}
      items={[
        { title: t("approval_center.chain.submit"), status: "finish" },
        ...roles.map((role) => ({ title: t(`roles.${role}`), status: "wait" as const })),
      ]}
    />
  );
}
