import { useList } from "@refinedev/core";
import { Alert, App, Button, Card, Form, Input, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useStaffNames } from "../../components/approvals/use-staff-names.ts";
import { DbError } from "../../components/deals/db-error.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import { APPROVALS_REFRESH_MS } from "./refresh.ts";

interface InboxStep {
  step_id: string;
  seq: number;
  role: string;
  on_behalf_of: string | null;
}

/**
 * 审批意见: shown only when this approval's current step waits for me (my_approval_inbox) —
 * never to the requester, never before the earlier steps. The database decides again
 * (decide_approval) and its refusal is shown here; a rejection needs a comment.
 */
export function DecidePanel({ approvalId }: { approvalId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const decide = useRpc("decide_approval");
  const { result } = useList<InboxStep>({
    resource: "my_approval_inbox",
    filters: [{ field: "approval_id", operator: "eq", value: approvalId }],
    meta: { select: "step_id, seq, role, on_behalf_of" },
    queryOptions: { refetchInterval: APPROVALS_REFRESH_MS },
  });
  const step = result.data[0];
  const names = useStaffNames([step?.on_behalf_of]);
  if (!step) return null;

  const submit = async (decision: "approve" | "reject") => {
    const comment = (form.getFieldValue("comment") as string | undefined)?.trim() || null;
    form.setFields([{ name: "comment", errors: [] }]);
    try {
      await decide.call({ p_step_id: step.step_id, p_decision: decision, p_comment: comment });
      form.resetFields();
      message.success(t(decision === "approve" ? "approval_center.decide.approved" : "approval_center.decide.rejected"));
    } catch (e) {
      const error = e as { details?: string; message: string };
      // The database's own words, on the field it is about.
      if (error.details === "comment_required") form.setFields([{ name: "comment", errors: [error.message] }]);
    }
  };

  return (
    <Card title={t("approval_center.decide.title", { role: t(`roles.${step.role}`), seq: step.seq })} data-testid="decide-panel">
      {step.on_behalf_of && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t("approval_center.decide.onBehalf", { name: names[step.on_behalf_of] ?? "" })} />}
      {decide.error?.details !== "comment_required" && <DbError error={decide.error} />}
      <Form form={form} layout="vertical">
        <Form.Item name="comment" label={t("approval_center.decide.comment")} extra={t("approval_center.decide.commentHelp")}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t("approval_center.decide.commentPlaceholder")} />
        </Form.Item>
        <Space>
          <Button type="primary" loading={decide.pending} onClick={() => submit("approve")} data-testid="approve">
            {t("approval_center.decide.approve")}
          </Button>
          <Button danger loading={decide.pending} onClick={() => submit("reject")} data-testid="reject">
            {t("approval_center.decide.reject")}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
