import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import type { ApprovalOverview } from "../../components/approvals/types.ts";

/** 接下来: what happens next for this approval, in words. */
export function NextSteps({ approval, subjectStatus }: { approval: ApprovalOverview; subjectStatus?: string }) {
  const { t } = useTranslation();
  const steps = approval.steps ?? [];
  const status = subjectStatus === "used" || subjectStatus === "lapsed" ? subjectStatus : approval.effective_status;
  const type = approval.subject_type;
  const lines: string[] = [];
  let kind: "info" | "success" | "warning" | "error" = "info";

  if (status === "pending") {
    const later = steps.filter((s) => s.status === "waiting").map((s) => t(`roles.${s.role}`));
    lines.push(
      t("approval_center.next.waiting", { role: t(`roles.${approval.current_step_role}`), seq: approval.current_seq, total: steps.length }) +
        (later.length ? t("approval_center.next.then", { roles: later.join(" → ") }) : t("approval_center.next.last")),
    );
    lines.push(t(`approval_center.next.onApproval.${type}`));
  } else if (status === "approved") {
    kind = "success";
    lines.push(t(`approval_center.next.approved.${type}`));
  } else if (status === "used") {
    kind = "success";
    lines.push(t("approval_center.next.used"));
  } else if (status === "rejected") {
    kind = "error";
    const rejected = steps.find((s) => s.status === "rejected");
    lines.push(t("approval_center.next.rejected", { name: rejected?.decider ?? "", comment: rejected?.comment ?? "" }));
  } else if (status === "lapsed") {
    kind = "warning";
    lines.push(t(type === "contract" ? "approval_center.next.lapsedContract" : "approval_center.next.lapsed"));
  } else if (status === "cancelled") {
    kind = "warning";
    lines.push(t("approval_center.next.cancelled"));
  }
  return <Alert type={kind} showIcon message={t("approval_center.next.title")} description={lines.join(" ")} data-testid="next-steps" />;
}
