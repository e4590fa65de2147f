import type { ViewRow } from "../../lib/db-rows.ts";
import { Show } from "@refinedev/antd";
import { useGo, useList, useOne, useShow } from "@refinedev/core";
import { PrinterOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Descriptions, Row, Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { BuildupTable, type Buildup } from "../../components/deals/buildup-table.tsx";
import { Money, formatYuan } from "../../components/money.tsx";
import { StatusTag } from "../../components/deals/status-tag.tsx";
import { useAllowed } from "../../hooks/use-allowed.ts";
import { DealPayments } from "../../components/finance/deal-payments.tsx";
import { QualificationCard } from "../../components/qualifications/qualification-card.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";
import { CancellationModal, UnitChangeModal } from "./change-requests.tsx";
import { DeadlineCell } from "./deadline-tag.tsx";
import { ExtendDeadlineModal } from "./extend-deadline.tsx";
import type { SubscriptionOverview } from "./types.ts";
import { NOWRAP_LABELS, TWO_COLUMNS } from "../../components/deals/descriptions.ts";

type ChangeRow = Pick<ViewRow<"unit_change_overview", "new_unit_label">, "id" | "approval_id" | "kind" | "unit_label" | "new_unit_label" | "reason" | "status" | "requester_name" | "created_at">;

/**
 * 认购详情: parties, unit, price build-up, money, deadline; print, contract (once the 定金 is in),
 * 换房, 退房, 收款, 延期 (managers). Past the deadline it offers the manager 延期 or 发起退房.
 */
export default function SubscriptionShow() {
  const { t } = useTranslation();
  const go = useGo();
  const { identity } = useCurrentProject();
  const { id } = useParams();
  // The overview (balances, deadline flag) rather than the table: refine's Show buttons still use the route's resource.
  const { result: sub, query } = useShow<SubscriptionOverview>({ resource: "subscription_overview", id });
  const { result: raw } = useOne<{ buildup: Buildup }>({
    resource: "subscriptions",
    id: sub?.id ?? "",
    meta: { select: "id, buildup" },
    queryOptions: { enabled: Boolean(sub) },
  });
  const changes = useList<ChangeRow>({
    resource: "unit_change_overview",
    pagination: { mode: "off" },
    filters: [{ field: "subscription_id", operator: "eq", value: sub?.id }],
    sorters: [{ field: "created_at", order: "desc" }],
    queryOptions: { enabled: Boolean(sub) },
  }).result.data;
  const canContract = useAllowed("contracts", "create");
  const canChange = useAllowed("unit_changes", "create");
  const canCollect = useAllowed("payments", "create");
  const canReadPayments = useAllowed("payments", "list");
  const canExtend = useAllowed("subscriptions", "edit");
  const [modal, setModal] = useState<"change" | "cancel" | "extend" | null>(null);

  const pendingChange = changes.some((c) => c.status === "pending");
  const afterRequest = (approvalId: string) => {
    setModal(null);
    go({ to: `/approvals/${approvalId}` });
  };

  return (
    <Show
      isLoading={query.isLoading}
      title={sub ? t("subscriptions.titles.showOf", { unit: sub.unit_label, customer: sub.customer_name ?? "" }) : undefined}
      headerButtons={
        sub && (
          <Space wrap>
            <Button icon={<PrinterOutlined />} onClick={() => go({ to: `/subscriptions/print/${sub.id}` })} data-testid="print">
              {t("subscriptions.actions.print")}
            </Button>
            {sub.contract_id && <Button onClick={() => go({ to: `/contracts/show/${sub.contract_id}` })}>{t("subscriptions.actions.openContract")}</Button>}
            {canContract && sub.status === "active" && !sub.contract_id && (
              <Button
                type="primary"
                onClick={() => go({ to: `/contracts/create?subscription=${sub.id}` })}
                disabled={Number(sub.deposit_outstanding) > 0}
                title={Number(sub.deposit_outstanding) > 0 ? t("subscriptions.depositFirst", { amount: formatYuan(String(sub.deposit_outstanding)) }) : undefined}
                data-testid="to-contract"
              >
                {t("subscriptions.actions.contract")}
              </Button>
            )}
            {canExtend && sub.status === "active" && (
              <Button onClick={() => setModal("extend")} data-testid="extend-deadline">
                {t("subscriptions.actions.extend")}
              </Button>
            )}
            {canCollect && sub.status === "active" && (
              <Button onClick={() => go({ to: `/payments/create?customer=${sub.customer_id}&subscription=${sub.id}&kind=deposit` })}>
                {t("subscriptions.actions.collect")}
              </Button>
            )}
            {canChange && sub.status === "active" && !pendingChange && !sub.contract_id && (
              <Button onClick={() => setModal("change")} data-testid="request-change">
                {t("subscriptions.actions.change")}
              </Button>
            )}
            {canChange && (sub.status === "active" || sub.status === "converted") && !pendingChange && (
              <Button danger onClick={() => setModal("cancel")} data-testid="request-cancel">
                {t("subscriptions.actions.cancel")}
              </Button>
            )}
          </Space>
        )
      }
    >
      {sub && (
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          {sub.past_deadline && (
            <Alert
              type="error"
              showIcon
              data-testid="overdue-actions"
              message={t("subscriptions.overdue.message", { days: sub.days_past_deadline ?? 0 })}
              description={t("subscriptions.overdue.description")}
              action={
                <Space direction="vertical">
                  {canExtend && (
                    <Button size="small" type="primary" onClick={() => setModal("extend")} data-testid="overdue-extend">
                      {t("subscriptions.overdue.extend")}
                    </Button>
                  )}
                  {canChange && !pendingChange && (
                    <Button size="small" danger onClick={() => setModal("cancel")} data-testid="overdue-cancel">
                      {t("subscriptions.overdue.cancel")}
                    </Button>
                  )}
                </Space>
              }
            />
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={13}>
              <Descriptions bordered size="small" column={TWO_COLUMNS} styles={NOWRAP_LABELS} data-testid="subscription-details">
                <Descriptions.Item label={t("subscriptions.fields.status")}>
                  <StatusTag family="subscription" value={sub.status} />
                </Descriptions.Item>
                <Descriptions.Item label={t("subscriptions.fields.unit")}>{sub.unit_label}</Descriptions.Item>
                <Descriptions.Item label={t("subscriptions.fields.customer")}>{sub.customer_name}</Descriptions.Item>
                <Descriptions.Item label={t("subscriptions.fields.consultant")}>{sub.consultant_name}</Descriptions.Item>
                <Descriptions.Item label={t("subscriptions.fields.payment_method")}>{t(`deals.paymentMethods.${sub.payment_method}`)}</Descriptions.Item>
                <Descriptions.Item label={t("subscriptions.fields.price")}>
                  <span data-testid="subscription-price">
                    <Money value={sub.price} strong />
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t("subscriptions.fields.deposit_due")}>
                  <Money value={sub.deposit_due} />
                </Descriptions.Item>
                <Descriptions.Item label={t("subscriptions.fields.sincerity_applied")}>
                  <Money value={sub.sincerity_applied} />
                </Descriptions.Item>
                <Descriptions.Item label={t("subscriptions.fields.received")}>
                  <span data-testid="subscription-received">
                    <Money value={sub.received} strong />
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t("subscriptions.fields.deposit_outstanding")}>
                  <Money value={sub.deposit_outstanding} />
                </Descriptions.Item>
                <Descriptions.Item label={t("subscriptions.fields.contract_deadline")}>
                  <DeadlineCell row={sub} />
                </Descriptions.Item>
                <Descriptions.Item label={t("subscriptions.fields.created_at")}>{dayjs(sub.created_at).format("YYYY-MM-DD HH:mm")}</Descriptions.Item>
              </Descriptions>
            </Col>
            <Col xs={24} lg={11}>
              <Card size="small" title={t("deals.buildup.title")}>
                {raw?.buildup && <BuildupTable buildup={raw.buildup} capital />}
              </Card>
            </Col>
          </Row>
          {(sub.status === "active" || sub.status === "converted") && <QualificationCard subscriptionId={sub.id} active={sub.status === "active"} />}
          {canReadPayments && (
            <Card size="small" title={t("subscriptions.sections.payments")}>
              <DealPayments subscriptionId={sub.id} />
            </Card>
          )}
          {changes.length > 0 && (
            <Card size="small" title={t("subscriptions.sections.changes")}>
              <Table<ChangeRow> size="small" rowKey="id" dataSource={changes} pagination={false}>
                <Table.Column<ChangeRow> title={t("unit_changes.fields.kind")} dataIndex="kind" render={(v) => <StatusTag family="unitChange" value={v} />} />
                <Table.Column<ChangeRow> title={t("unit_changes.fields.new_unit")} dataIndex="new_unit_label" render={(v) => v ?? "—"} />
                <Table.Column<ChangeRow> title={t("unit_changes.fields.reason")} dataIndex="reason" />
                <Table.Column<ChangeRow> title={t("unit_changes.fields.status")} dataIndex="status" render={(v) => <StatusTag family="approval" value={v} />} />
                <Table.Column<ChangeRow>
                  title={t("table.actions")}
                  render={(_, row) => (
                    <Button size="small" onClick={() => go({ to: `/approvals/${row.approval_id}` })}>
                      {t("unit_changes.openApproval")}
                    </Button>
                  )}
                />
              </Table>
            </Card>
          )}
          {pendingChange && <Typography.Text type="warning">{t("subscriptions.changePending")}</Typography.Text>}
          <UnitChangeModal subscription={sub} open={modal === "change"} onClose={() => setModal(null)} onDone={afterRequest} meId={identity?.id} />
          <CancellationModal subscription={sub} open={modal === "cancel"} onClose={() => setModal(null)} onDone={afterRequest} />
          <ExtendDeadlineModal
            subscription={sub}
            open={modal === "extend"}
            onClose={() => setModal(null)}
            onDone={() => {
              setModal(null);
              void query.refetch();
            }}
          />
        </Space>
      )}
    </Show>
  );
}
