import { Show } from "@refinedev/antd";
import { useGo, useList, useShow } from "@refinedev/core";
import { Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApprovalTimeline } from "../../components/approvals/approval-timeline.tsx";
import type { ApprovalOverview } from "../../components/approvals/types.ts";
import { Money } from "../../components/money.tsx";
import { StatusTag } from "../../components/deals/status-tag.tsx";
import { useAllowed } from "../../hooks/use-allowed.ts";
import { DealPayments } from "../../components/finance/deal-payments.tsx";
import { QualificationAlert } from "../../components/qualifications/qualification-alert.tsx";
import { SignActions } from "./sign-actions.tsx";
import type { ContractOverview } from "./types.ts";
import { NOWRAP_LABELS, THREE_COLUMNS } from "../../components/deals/descriptions.ts";

interface PlanItem {
  id: string;
  seq: number;
  kind: string;
  due_date: string;
  amount: number;
}
interface Receivable {
  plan_item_id: string;
  paid: number;
  outstanding: number;
  overdue_days: number;
}

/** 合同详情: terms, payment plan with what is paid and overdue, the approval, signing and 网签备案. */
export default function ContractShow() {
  const { t } = useTranslation();
  const go = useGo();
  const { id } = useParams();
  const { result: contract, query } = useShow<ContractOverview>({ resource: "contract_overview", id });
  const plan = useList<PlanItem>({
    resource: "payment_plan_items",
    pagination: { mode: "off" },
    filters: [{ field: "contract_id", operator: "eq", value: id }],
    sorters: [{ field: "seq", order: "asc" }],
  }).result.data;
  const due = useList<Receivable>({
    resource: "receivables",
    pagination: { mode: "off" },
    filters: [{ field: "contract_id", operator: "eq", value: id }],
    meta: { select: "plan_item_id, paid, outstanding, overdue_days" },
  }).result.data;
  const approval = useList<ApprovalOverview>({
    resource: "approval_overview",
    filters: [
      { field: "subject_type", operator: "eq", value: "contract" },
      { field: "subject_id", operator: "eq", value: id },
    ],
  }).result.data[0];
  const canReadPayments = useAllowed("payments", "list");
  const byItem = new Map(due.map((d) => [d.plan_item_id, d]));

  return (
    <Show isLoading={query.isLoading} title={contract ? t("contracts.titles.showOf", { no: contract.contract_no }) : undefined} headerButtons={contract && <SignActions contract={contract} />}>
      {contract && (
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          {(contract.status === "pending" || contract.status === "approved") && <QualificationAlert subscriptionId={contract.subscription_id} />}
          <Descriptions bordered size="small" column={THREE_COLUMNS} styles={NOWRAP_LABELS} data-testid="contract-details">
            <Descriptions.Item label={t("contracts.fields.status")}>
              <span data-testid="contract-status">
                <StatusTag family="contract" value={contract.status} />
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t("contracts.fields.unit")}>{contract.unit_label}</Descriptions.Item>
            <Descriptions.Item label={t("contracts.fields.customer")}>{contract.customer_name}</Descriptions.Item>
            <Descriptions.Item label={t("contracts.fields.price")}>
              <Money value={contract.price} strong />
            </Descriptions.Item>
            <Descriptions.Item label={t("contracts.fields.payment_method")}>{t(`deals.paymentMethods.${contract.payment_method}`)}</Descriptions.Item>
            <Descriptions.Item label={t("contracts.fields.consultant")}>{contract.consultant_name}</Descriptions.Item>
            <Descriptions.Item label={t("contracts.fields.received")}>
              <Money value={contract.received} />
            </Descriptions.Item>
            <Descriptions.Item label={t("contracts.fields.outstanding")}>
              <Money value={contract.outstanding} />
            </Descriptions.Item>
            <Descriptions.Item label={t("contracts.fields.signed_on")}>{contract.signed_on ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("contracts.fields.registration_no")}>
              <span data-testid="registration">{contract.registration_no ? `${contract.registration_no}（${contract.registered_on}）` : "—"}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("contracts.fields.subscription")}>
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => go({ to: `/subscriptions/show/${contract.subscription_id}` })}>
                {t("contracts.openSubscription")}
              </Button>
            </Descriptions.Item>
          </Descriptions>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={15}>
              <Card size="small" title={t("contracts.fields.plan")}>
                <Table<PlanItem> size="small" rowKey="id" dataSource={plan} pagination={false} data-testid="plan-table">
                  <Table.Column<PlanItem> title={t("deals.plan.seq")} dataIndex="seq" />
                  <Table.Column<PlanItem> title={t("deals.plan.kind")} dataIndex="kind" render={(v) => t(`deals.planKinds.${v}`)} />
                  <Table.Column<PlanItem> title={t("deals.plan.due_date")} dataIndex="due_date" />
                  <Table.Column<PlanItem> title={t("deals.plan.amount")} dataIndex="amount" align="right" render={(v) => <Money value={v} />} />
                  <Table.Column<PlanItem> title={t("receivables.fields.paid")} align="right" render={(_, row) => <Money value={byItem.get(row.id)?.paid} />} />
                  <Table.Column<PlanItem>
                    title={t("receivables.fields.outstanding")}
                    align="right"
                    render={(_, row) => {
                      const r = byItem.get(row.id);
                      if (!r) return <Typography.Text type="secondary">—</Typography.Text>;
                      return (
                        <Space size={4}>
                          <Money value={r.outstanding} />
                          {r.overdue_days > 0 && <Tag color="error">{t("receivables.overdue", { days: r.overdue_days })}</Tag>}
                        </Space>
                      );
                    }}
                  />
                </Table>
              </Card>
            </Col>
            <Col xs={24} lg={9}>
              <Card
                size="small"
                title={t("contracts.approval")}
                extra={approval && <Button size="small" onClick={() => go({ to: `/approvals/${approval.id}` })}>{t("buttons.show")}</Button>}
              >
                {approval ? <ApprovalTimeline approval={approval} /> : <Typography.Text type="secondary">—</Typography.Text>}
              </Card>
            </Col>
          </Row>
          {canReadPayments && (
            <Card size="small" title={t("contracts.payments")}>
              <DealPayments subscriptionId={contract.subscription_id} />
            </Card>
          )}
        </Space>
      )}
    </Show>
  );
}
