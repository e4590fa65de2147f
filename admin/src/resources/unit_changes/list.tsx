import type { ViewRow, With } from "../../lib/db-rows.ts";
import { List, useTable } from "@refinedev/antd";
import { useGo } from "@refinedev/core";
import { Button, Select, Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Money } from "../../components/money.tsx";
import { nowrap } from "../../components/deals/nowrap.tsx";
import { StatusTag } from "../../components/deals/status-tag.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";

type Row = With<
  ViewRow<"unit_change_overview", "new_subscription_id" | "customer_name" | "new_unit_id" | "new_unit_label" | "new_price_preview" | "current_step_role" | "amount_received" | "refund_due" | "carry_over_due" | "carried_over" | "settled_at" | "decided_at">,
  { kind: "change" | "cancellation" }
>;

/** 换房/退房: requests, where their approval stands, and the money they leave for finance. */
export default function UnitChangeList() {
  const { t } = useTranslation();
  const go = useGo();
  const { project } = useCurrentProject();
  const { tableProps, setFilters, filters } = useTable<Row>({
    resource: "unit_change_overview",
    syncWithLocation: false,
    sorters: { initial: [{ field: "created_at", order: "desc" }] },
  });
  const value = (field: string) => filters.find((f) => "field" in f && f.field === field)?.value as string | undefined;
  return (
    <List>
      <Typography.Paragraph type="secondary">{t("unit_changes.help")}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t("unit_changes.fields.kind")}
          value={value("kind")}
          onChange={(v) => setFilters([{ field: "kind", operator: "eq", value: v }], "merge")}
          options={["change", "cancellation"].map((k) => ({ value: k, label: t(`deals.unitChangeKinds.${k}`) }))}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t("unit_changes.fields.status")}
          value={value("status")}
          onChange={(v) => setFilters([{ field: "status", operator: "eq", value: v }], "merge")}
          options={["pending", "approved", "rejected", "cancelled"].map((k) => ({ value: k, label: t(`approval_center.status.${k}`) }))}
        />
      </Space>
      <Table<Row> {...tableProps} rowKey="id" data-testid="unit-changes-table">
        <Table.Column<Row> title={t("unit_changes.fields.kind")} dataIndex="kind" render={(v) => <StatusTag family="unitChange" value={v} />} />
        <Table.Column<Row> title={t("unit_changes.fields.customer")} dataIndex="customer_name" render={nowrap} />
        <Table.Column<Row>
          title={t("unit_changes.fields.units")}
          render={(_, row) => nowrap(row.new_unit_label ? `${row.unit_label} → ${row.new_unit_label}` : row.unit_label)}
        />
        <Table.Column<Row> title={t("unit_changes.fields.reason")} dataIndex="reason" ellipsis />
        <Table.Column<Row> title={t("unit_changes.fields.requester")} dataIndex="requester_name" render={nowrap} />
        <Table.Column<Row>
          title={t("unit_changes.fields.status")}
          render={(_, row) => (
            <Space direction="vertical" size={0}>
              <StatusTag family="approval" value={row.status} />
              {row.status === "pending" && row.current_step_role && (
                <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>{t("discount_requests.waitingFor", { role: t(`roles.${row.current_step_role}`) })}</Typography.Text>
              )}
            </Space>
          )}
        />
        <Table.Column<Row>
          title={t("unit_changes.fields.money")}
          align="right"
          render={(_, row) =>
            row.status !== "approved" ? (
              "—"
            ) : row.kind === "cancellation" ? (
              <Space direction="vertical" size={0} align="end">
                <Typography.Text type="secondary">{t("unit_changes.refundDue")}</Typography.Text>
                <Money value={row.refund_due} />
              </Space>
            ) : (
              <Space direction="vertical" size={0} align="end">
                <Typography.Text type="secondary">{row.settled_at ? t("unit_changes.carried") : t("unit_changes.carryDue")}</Typography.Text>
                <Money value={row.carry_over_due} />
              </Space>
            )
          }
        />
        <Table.Column<Row> title={t("unit_changes.fields.created_at")} dataIndex="created_at" render={(v) => nowrap(dayjs(v).format("YYYY-MM-DD"))} />
        <Table.Column<Row>
          title={t("table.actions")}
          render={(_, row) => (
            <Space>
              <Button size="small" onClick={() => go({ to: `/approvals/${row.approval_id}` })}>
                {t("unit_changes.openApproval")}
              </Button>
              <Button size="small" type="link" onClick={() => go({ to: `/subscriptions/show/${row.new_subscription_id ?? row.subscription_id}` })}>
                {t("unit_changes.openSubscription")}
              </Button>
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
