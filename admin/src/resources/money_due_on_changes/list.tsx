import type { ViewRow, With } from "../../lib/db-rows.ts";
import { List, useTable } from "@refinedev/antd";
import { useGo } from "@refinedev/core";
import { App, Button, Popconfirm, Radio, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DbError } from "../../components/deals/db-error.tsx";
import { amountText, dec, formatYuan, Money } from "../../components/money.tsx";
import { StatusTag } from "../../components/deals/status-tag.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import { useAllowed } from "../../hooks/use-allowed.ts";
import { useCurrentProject } from "../../session/current-project.tsx";

type Row = With<
  ViewRow<"money_due_on_changes", "new_subscription_id" | "customer_name" | "new_unit_label" | "refund_due" | "carry_over_due" | "carried_over">,
  { kind: "change" | "cancellation" }
>;

/**
 * 退款与结转: money left on subscriptions closed by 退房 (to refund with record_payment kind refund)
 * or 换房 (to carry over to the new subscription with carry_over_payment). Never silently dropped.
 */
export default function MoneyDueList() {
  const { t } = useTranslation();
  const go = useGo();
  const { message } = App.useApp();
  const { project } = useCurrentProject();
  const canSettle = useAllowed("money_due_on_changes", "create");
  const carry = useRpc("carry_over_payment");
  const [scope, setScope] = useState<"open" | "all">("open");
  const { tableProps, setFilters } = useTable<Row>({
    resource: "money_due_on_changes",
    syncWithLocation: false,
    filters: {
      initial: [{ field: "settled", operator: "eq", value: false }],
    },
    sorters: { initial: [{ field: "decided_at", order: "desc" }] },
  });

  return (
    <List>
      <Typography.Paragraph type="secondary">{t("money_due_on_changes.help")}</Typography.Paragraph>
      <Radio.Group
        style={{ marginBottom: 16 }}
        optionType="button"
        value={scope}
        onChange={(e) => {
          setScope(e.target.value);
          setFilters([{ field: "settled", operator: "eq", value: e.target.value === "open" ? false : undefined }], "merge");
        }}
        options={[
          { value: "open", label: t("money_due_on_changes.scope.open") },
          { value: "all", label: t("money_due_on_changes.scope.all") },
        ]}
      />
      <DbError error={carry.error} />
      <Table<Row> {...tableProps} rowKey="unit_change_id" data-testid="money-due-table">
        <Table.Column<Row> title={t("money_due_on_changes.fields.kind")} dataIndex="kind" render={(v) => <StatusTag family="unitChange" value={v} />} />
        <Table.Column<Row> title={t("money_due_on_changes.fields.customer")} dataIndex="customer_name" />
        <Table.Column<Row> title={t("money_due_on_changes.fields.units")} render={(_, r) => (r.new_unit_label ? `${r.unit_label} → ${r.new_unit_label}` : r.unit_label)} />
        <Table.Column<Row> title={t("money_due_on_changes.fields.decided_at")} dataIndex="decided_at" render={(v) => dayjs(v).format("YYYY-MM-DD")} />
        <Table.Column<Row>
          title={t("money_due_on_changes.fields.due")}
          align="right"
          render={(_, r) => <Money value={r.kind === "cancellation" ? r.refund_due : r.carry_over_due} />}
        />
        <Table.Column<Row> title={t("money_due_on_changes.fields.balance_on_old")} dataIndex="balance_on_old" align="right" render={(v) => <Money value={v} strong />} />
        <Table.Column<Row>
          title={t("money_due_on_changes.fields.settled")}
          render={(_, r) =>
            r.settled ? (
              <Tag color="success">{r.kind === "change" ? t("money_due_on_changes.carried", { amount: formatYuan(dec(r.carried_over)) }) : t("money_due_on_changes.refunded")}</Tag>
            ) : (
              <Tag color="warning">{t("money_due_on_changes.open")}</Tag>
            )
          }
        />
        <Table.Column<Row>
          title={t("table.actions")}
          render={(_, r) =>
            !canSettle || r.settled ? null : r.kind === "change" ? (
              <Popconfirm
                title={t("money_due_on_changes.carryConfirm", { amount: formatYuan(dec(r.balance_on_old)), unit: r.new_unit_label })}
                onConfirm={() => carry.call({ p_unit_change_id: r.unit_change_id }).then((x) => message.success(t("money_due_on_changes.carriedDone", { amount: formatYuan(dec(x.amount)) })), () => undefined)}
              >
                <Button size="small" type="primary">
                  {t("money_due_on_changes.carry")}
                </Button>
              </Popconfirm>
            ) : (
              <Space>
                <Button
                  size="small"
                  type="primary"
                  danger
                  disabled={dec(r.balance_on_old).lte(0)}
                  data-testid={`refund-${r.unit_change_id}`}
                  onClick={() =>
                    go({ to: `/payments/create?kind=refund&customer=${r.customer_id}&subscription=${r.subscription_id}&amount=${amountText(r.balance_on_old)}&back=/money_due_on_changes` })
                  }
                >
                  {t("money_due_on_changes.refund")}
                </Button>
              </Space>
            )
          }
        />
      </Table>
    </List>
  );
}
