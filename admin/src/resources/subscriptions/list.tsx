import { CreateButton, List, ShowButton, useTable } from "@refinedev/antd";
import { Input, Select, Space, Switch, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { dec, formatYuan, Money } from "../../components/money.tsx";
import { MoneyWithNote } from "../../components/money-with-note.tsx";
import { StatusTag } from "../../components/deals/status-tag.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";
import { DeadlineCell } from "./deadline-tag.tsx";
import type { SubscriptionOverview } from "./types.ts";
import { textSearch } from "../../components/text-search.ts";

const STATUSES = ["active", "converted", "changed", "cancelled"];

/** 认购列表: every subscription I may see, its price, money received and contract deadline (逾期 flagged). */
export default function SubscriptionList() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const { tableProps, setFilters, filters } = useTable<SubscriptionOverview>({
    resource: "subscription_overview",
    syncWithLocation: false,
    sorters: { initial: [{ field: "created_at", order: "desc" }] },
  });
  const value = (field: string) => filters.find((f) => "field" in f && f.field === field)?.value;

  return (
    <List headerButtons={<CreateButton>{t("subscriptions.titles.create")}</CreateButton>}>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t("subscriptions.filters.search")}
          onSearch={(v) =>
            setFilters([textSearch(["customer_name", "unit_label"], v)], "merge")
          }
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t("subscriptions.filters.status")}
          value={value("status") as string | undefined}
          onChange={(v) => setFilters([{ field: "status", operator: "eq", value: v }], "merge")}
          options={STATUSES.map((s) => ({ value: s, label: t(`deals.subscriptionStatus.${s}`) }))}
        />
        <Space>
          <Switch
            checked={value("past_deadline") === true}
            onChange={(on) => setFilters([{ field: "past_deadline", operator: "eq", value: on ? true : undefined }], "merge")}
            data-testid="past-deadline-filter"
          />
          <Typography.Text>{t("subscriptions.filters.pastDeadline")}</Typography.Text>
        </Space>
      </Space>
      <Table<SubscriptionOverview> {...tableProps} rowKey="id" data-testid="subscriptions-table">
        <Table.Column<SubscriptionOverview> title={t("subscriptions.fields.unit")} dataIndex="unit_label" />
        <Table.Column<SubscriptionOverview> title={t("subscriptions.fields.customer")} dataIndex="customer_name" />
        <Table.Column<SubscriptionOverview> title={t("subscriptions.fields.consultant")} dataIndex="consultant_name" />
        <Table.Column<SubscriptionOverview> title={t("subscriptions.fields.payment_method")} dataIndex="payment_method" render={(v) => t(`deals.paymentMethods.${v}`)} />
        <Table.Column<SubscriptionOverview> title={t("subscriptions.fields.price")} dataIndex="price" align="right" render={(v) => <Money value={v} strong />} />
        <Table.Column<SubscriptionOverview>
          title={t("subscriptions.fields.received")}
          align="right"
          render={(_, row) => <MoneyWithNote value={row.received} note={t("subscriptions.depositDue", { amount: formatYuan(dec(row.deposit_due)) })} />}
        />
        <Table.Column<SubscriptionOverview> title={t("subscriptions.fields.contract_deadline")} render={(_, row) => <DeadlineCell row={row} />} />
        <Table.Column<SubscriptionOverview> title={t("subscriptions.fields.status")} dataIndex="status" render={(v) => <StatusTag family="subscription" value={v} />} />
        <Table.Column<SubscriptionOverview> title={t("table.actions")} render={(_, row) => <ShowButton hideText size="small" recordItemId={row.id} />} />
      </Table>
    </List>
  );
}
