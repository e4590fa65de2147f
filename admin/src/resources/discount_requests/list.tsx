import type { ViewRow } from "../../lib/db-rows.ts";
import { CreateButton, List, useTable } from "@refinedev/antd";
import { useGo } from "@refinedev/core";
import { Button, Select, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { LapseCountdown } from "../../components/approvals/lapse-countdown.tsx";
import { Money } from "../../components/money.tsx";
import { nowrap } from "../../components/deals/nowrap.tsx";
import { StatusTag } from "../../components/deals/status-tag.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";

type Row = ViewRow<"discount_request_overview", "customer_name" | "current_step_id" | "current_step_role" | "decided_at" | "used_at">;

const STATUSES = ["pending", "approved", "used", "rejected", "lapsed", "cancelled"];

/** 特殊优惠申请: every request I may see, where it stands, and the way to use an approved one. */
export default function DiscountRequestList() {
  const { t } = useTranslation();
  const go = useGo();
  const { project, identity } = useCurrentProject();
  const { tableProps, setFilters, filters } = useTable<Row>({
    resource: "discount_request_overview",
    syncWithLocation: false,
    sorters: { initial: [{ field: "created_at", order: "desc" }] },
  });
  const status = filters.find((f) => "field" in f && f.field === "effective_status")?.value as string | undefined;

  return (
    <List headerButtons={<CreateButton>{t("discount_requests.titles.create")}</CreateButton>}>
      <Space style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t("discount_requests.filters.status")}
          value={status}
          onChange={(v) => setFilters([{ field: "effective_status", operator: "eq", value: v }], "merge")}
          options={STATUSES.map((s) => ({ value: s, label: t(`approval_center.status.${s}`) }))}
        />
      </Space>
      <Table<Row> {...tableProps} rowKey="id" data-testid="discount-requests-table">
        <Table.Column<Row> title={t("discount_requests.fields.unit")} dataIndex="unit_label" render={nowrap} />
        <Table.Column<Row> title={t("discount_requests.fields.customer")} dataIndex="customer_name" render={nowrap} />
        <Table.Column<Row> title={t("discount_requests.fields.requester")} dataIndex="requester_name" render={nowrap} />
        <Table.Column<Row> title={t("deals.buildup.afterPolicies")} dataIndex="price_after_policies" align="right" render={(v) => <Money value={v} />} />
        <Table.Column<Row> title={t("discount_requests.fields.requested_price")} dataIndex="requested_price" align="right" render={(v) => <Money value={v} strong />} />
        <Table.Column<Row> title={t("discount_requests.fields.depthShort")} dataIndex="depth_pct" align="right" render={(v) => `${Number(v).toFixed(2)}%`} />
        <Table.Column<Row>
          title={t("approval_center.fields.status")}
          render={(_, row) => (
            <Space direction="vertical" size={0}>
              <StatusTag family="approval" value={row.effective_status} />
              {row.current_step_role && row.effective_status === "pending" && (
                <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>{t("discount_requests.waitingFor", { role: t(`roles.${row.current_step_role}`) })}</Typography.Text>
              )}
            </Space>
          )}
        />
        <Table.Column<Row>
          title={t("approval_center.fields.lapse")}
          render={(_, row) => (row.effective_status === "pending" || row.effective_status === "approved" ? <LapseCountdown lapsesAt={row.lapses_at} /> : "—")}
        />
        <Table.Column<Row>
          title={t("table.actions")}
          render={(_, row) => (
            <Space>
              <Button size="small" onClick={() => go({ to: `/approvals/${row.approval_id}` })}>
                {t("buttons.show")}
              </Button>
              {row.effective_status === "approved" && row.requester_id === identity?.id && (
                <Button size="small" type="primary" onClick={() => go({ to: `/subscriptions/create?unit=${row.unit_id}&customer=${row.customer_id}&request=${row.id}` })}>
                  {t("discount_requests.subscribe")}
                </Button>
              )}
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
