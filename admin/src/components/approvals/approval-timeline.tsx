import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, MinusCircleOutlined, RiseOutlined, SendOutlined } from "@ant-design/icons";
import { Space, Tag, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { ApprovalOverview } from "./types.ts";
import { useStaffNames } from "./use-staff-names.ts";

const fmt = (at: string | null) => (at ? dayjs(at).format("YYYY-MM-DD HH:mm") : "");

/** 审批记录: submitted by whom and when, then each step — who decided, when, the comment, on whose behalf. */
export function ApprovalTimeline({ approval }: { approval: ApprovalOverview }) {
  const { t } = useTranslation();
  const steps = approval.steps ?? [];
  const names = useStaffNames(steps.map((s) => s.on_behalf_of));
  const lapsed = approval.effective_status === "lapsed";

  const items = [
    {
      color: "blue",
      dot: <SendOutlined />,
      children: (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{t("approval_center.timeline.submitted", { name: approval.requester_name ?? "" })}</Typography.Text>
          <Typography.Text type="secondary">{fmt(approval.created_at)}</Typography.Text>
          {approval.summary.reason && <Typography.Text>{t("approval_center.timeline.reason", { reason: approval.summary.reason })}</Typography.Text>}
        </Space>
      ),
    },
    ...steps.map((step) => {
      const decided = step.status === "approved" || step.status === "rejected";
      const color = step.status === "approved" ? "green" : step.status === "rejected" ? "red" : step.status === "pending" ? "blue" : "gray";
      const skippedUp = step.status === "skipped" && Boolean(step.escalation_reason);
      const dot = skippedUp ? <RiseOutlined /> :
        step.status === "approved" ? <CheckCircleFilled /> : step.status === "rejected" ? <CloseCircleFilled /> : step.status === "pending" ? <ClockCircleOutlined /> : <MinusCircleOutlined />;
      return {
        color,
        dot,
        children: (
          <Space direction="vertical" size={0} data-testid={`step-${step.seq}`}>
            <Space size={6} wrap>
              <Typography.Text strong>{t("approval_center.timeline.step", { seq: step.seq, role: t(`roles.${step.role}`) })}</Typography.Text>
              <Tag color={step.status === "approved" ? "success" : step.status === "rejected" ? "error" : step.status === "pending" ? (lapsed ? "warning" : "processing") : "default"}>
                {step.status === "pending" && lapsed ? t("approval_center.status.lapsed") : t(`approval_center.stepStatus.${skippedUp ? "skipped_up" : step.status}`)}
              </Tag>
              {step.escalation_reason && (
                <Tag color="orange" icon={<RiseOutlined />}>
                  {t("approval_center.timeline.escalated")}
                  {step.escalated_from && step.escalated_from !== step.role ? ` · ${t("approval_center.timeline.escalatedFrom", { role: t(`roles.${step.escalated_from}`) })}` : ""}
                </Tag>
              )}
            </Space>
            {step.escalation_reason && (
              <Typography.Text type="warning" data-testid={`step-${step.seq}-escalation`}>{step.escalation_reason}</Typography.Text>
            )}
            {decided && (
              <Typography.Text>
                {step.decider}
                {step.on_behalf_of && <Typography.Text type="secondary">{t("approval_center.timeline.onBehalf", { name: names[step.on_behalf_of] ?? "" })}</Typography.Text>}
                <Typography.Text type="secondary"> · {fmt(step.decided_at)}</Typography.Text>
              </Typography.Text>
            )}
            {step.comment && <Typography.Text type={step.status === "rejected" ? "danger" : undefined}>{t("approval_center.timeline.comment", { comment: step.comment })}</Typography.Text>}
          </Space>
        ),
      };
    }),
  ];
  return <Timeline items={items} data-testid="approval-timeline" />;
}
