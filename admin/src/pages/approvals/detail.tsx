import { useGo, useOne } from "@refinedev/core";
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Result, Row, Space, Spin, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApprovalTimeline } from "../../components/approvals/approval-timeline.tsx";
import { LapseCountdown } from "../../components/approvals/lapse-countdown.tsx";
import { UnitLiveStatus } from "../../components/approvals/unit-live-status.tsx";
import type { ApprovalOverview } from "../../components/approvals/types.ts";
import { DbError } from "../../components/deals/db-error.tsx";
import { StatusTag } from "../../components/deals/status-tag.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import type { RpcArgs } from "../../providers/rpc-types.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { DecidePanel } from "./decide-panel.tsx";
import { NextSteps } from "./next-steps.tsx";
import { APPROVALS_REFRESH_MS } from "./refresh.ts";
import { SubjectPanel, type DiscountRequestRow } from "./subject-panel.tsx";
import { NOWRAP_LABELS, THREE_COLUMNS } from "../../components/deals/descriptions.ts";

type WithdrawFn = "cancel_discount_request" | "cancel_unit_change" | "withdraw_contract" | "cancel_price_change";
const withdrawing = <F extends WithdrawFn>(fn: F, args: (subjectId: string) => RpcArgs<F>) => ({ fn, args });
const WITHDRAW: Record<string, { fn: WithdrawFn; args: (subjectId: string) => RpcArgs<WithdrawFn> } | undefined> = {
  discount: withdrawing("cancel_discount_request", (id) => ({ p_request_id: id })),
  unit_change: withdrawing("cancel_unit_change", (id) => ({ p_unit_change_id: id })),
  cancellation: withdrawing("cancel_unit_change", (id) => ({ p_unit_change_id: id })),
  contract: withdrawing("withdraw_contract", (id) => ({ p_contract_id: id })),
  price_change: withdrawing("cancel_price_change", (id) => ({ p_request_id: id })),
};

/** 审批详情: what is asked, the chain as a timeline, time left, what happens next, and my decision. */
export default function ApprovalDetailPage() {
  const { t } = useTranslation();
  const go = useGo();
  const { message } = App.useApp();
  const { id } = useParams();
  const { identity } = useCurrentProject();
  const { result: approval, query } = useOne<ApprovalOverview>({
    resource: "approval_overview",
    id: id ?? "",
    queryOptions: { enabled: Boolean(id), refetchInterval: APPROVALS_REFRESH_MS },
  });
  const discount = useOne<DiscountRequestRow>({
    resource: "discount_request_overview",
    id: approval?.subject_id ?? "",
    queryOptions: { enabled: approval?.subject_type === "discount" },
  }).result;
  const withdraw = useRpc<WithdrawFn>(WITHDRAW[approval?.subject_type ?? ""]?.fn ?? "cancel_discount_request");

  if (query.isLoading) return <Spin style={{ display: "block", margin: 48 }} />;
  if (!approval) return <Result status="404" title={t("approval_center.detail.notFound")} />;

  const subjectStatus = approval.subject_type === "discount" ? discount?.effective_status : undefined;
  const shownStatus = subjectStatus === "used" || subjectStatus === "lapsed" ? subjectStatus : approval.effective_status;
  const mine = approval.requester_id === identity?.id;
  const withdrawable =
    mine && (approval.effective_status === "pending" || (approval.subject_type === "contract" && approval.effective_status === "lapsed")) &&
    WITHDRAW[approval.subject_type];
  const timeMatters = shownStatus === "pending" || (approval.subject_type === "discount" && shownStatus === "approved");

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card>
        <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
          <Space size="middle" wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => go({ to: "/approvals" })}>
              {t("approval_center.detail.back")}
            </Button>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t(`approval_center.subjectTypes.${approval.subject_type}`)} · {[approval.summary.unit_label, approval.summary.customer_name].filter(Boolean).join(" · ")}
            </Typography.Title>
            <span data-testid="approval-status">
              <StatusTag family="approval" value={shownStatus} />
            </span>
          </Space>
          <Space wrap>
            {mine && approval.subject_type === "discount" && shownStatus === "approved" && discount && (
              <Button type="primary" onClick={() => go({ to: `/subscriptions/create?unit=${discount.unit_id}&customer=${discount.customer_id}&request=${discount.id}` })}>
                {t("approval_center.detail.subscribe")}
              </Button>
            )}
            {approval.subject_type === "contract" && (
              <Button onClick={() => go({ to: `/contracts/show/${approval.subject_id}` })}>{t("approval_center.detail.openContract")}</Button>
            )}
            {withdrawable && (
              <Popconfirm
                title={t("approval_center.detail.withdrawConfirm")}
                onConfirm={() =>
                  withdraw.call(withdrawable.args(approval.subject_id)).then(() => message.success(t("approval_center.detail.withdrawn")), () => undefined)
                }
              >
                <Button danger>{t("approval_center.detail.withdraw")}</Button>
              </Popconfirm>
            )}
          </Space>
        </Space>
        <Descriptions size="small" column={THREE_COLUMNS} styles={NOWRAP_LABELS} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t("approval_center.fields.requester")}>{approval.requester_name}</Descriptions.Item>
          <Descriptions.Item label={t("approval_center.fields.submitted_at")}>{dayjs(approval.created_at).format("YYYY-MM-DD HH:mm")}</Descriptions.Item>
          <Descriptions.Item label={t("approval_center.fields.lapse")}>
            <LapseCountdown lapsesAt={approval.lapses_at} active={timeMatters} />
          </Descriptions.Item>
        </Descriptions>
        <DbError error={withdraw.error} style={{ marginTop: 12, marginBottom: 0 }} />
        {approval.current_escalated && approval.current_escalation_reason && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            message={t("approval_center.detail.escalatedTitle")}
            description={approval.current_escalation_reason}
            data-testid="approval-escalation"
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space direction="vertical" size="middle" style={{ width: "100%" }}>
            <Card title={t("approval_center.detail.subject")}>
              <SubjectPanel approval={approval} />
            </Card>
            <DecidePanel approvalId={approval.id} />
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size="middle" style={{ width: "100%" }}>
            {discount && (
              <UnitLiveStatus
                unitId={discount.unit_id}
                customerId={discount.customer_id}
                approvalId={approval.id}
                used={discount.effective_status === "used"}
                refreshMs={APPROVALS_REFRESH_MS}
              />
            )}
            <NextSteps approval={approval} subjectStatus={subjectStatus} />
            <Card title={t("approval_center.detail.timeline")}>
              <ApprovalTimeline approval={approval} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
