import type { ViewRow, With } from "../../lib/db-rows.ts";
import { List, useTable } from "@refinedev/antd";
import { formatYuan, sumMoney } from "@so/shared/money";
import { Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { CommissionRule } from "../../components/channel/commission-rule.tsx";
import type { CommissionType } from "../../components/channel/types.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { CardTable } from "../../components/responsive/card-table.tsx";

type CommissionRow = With<
  Pick<ViewRow<"broker_commissions", "paid_on">, "id" | "contract_no" | "signed_on" | "unit_label" | "customer_name" | "basis_amount" | "commission_value" | "amount" | "paid_on">,
  { commission_type: CommissionType; status: "computed" | "approved" | "paid" | "cancelled" }
>;

const STATUS_COLORS = { computed: "processing", approved: "gold", paid: "success", cancelled: "default" } as const;

/** 我的佣金 (brokers): commissions of their deals only — contract, price, rule, amount, status. */
export default function BrokerCommissionList() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const { tableProps } = useTable<CommissionRow>({
    syncWithLocation: false,
    // A broker's own deals are few: all on one page, so the totals below are the totals.
    pagination: { mode: "off" },
    sorters: { initial: [{ field: "signed_on", order: "desc" }] },
  });
  const rows = (tableProps.dataSource ?? []).filter((c) => c.status !== "cancelled");
  const total = sumMoney(rows.map((c) => String(c.amount)));
  const paid = sumMoney(rows.filter((c) => c.status === "paid").map((c) => String(c.amount)));
  return (
    <List>
      <CardTable
        {...tableProps}
        rowKey="id"
        data-testid="broker-commissions-table"
        summary={() =>
          rows.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={5}>
                <Typography.Text strong>{t("broker_commissions.total")}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <Typography.Text strong data-testid="commission-total">
                  {formatYuan(total)}
                </Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6}>
                <Typography.Text type="secondary">{t("broker_commissions.paidOf", { amount: formatYuan(paid) })}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      >
        <Table.Column<CommissionRow> dataIndex="customer_name" title={t("broker_commissions.fields.customer_name")} />
        <Table.Column<CommissionRow> dataIndex="unit_label" title={t("broker_commissions.fields.unit_label")} />
        <Table.Column<CommissionRow> dataIndex="signed_on" title={t("broker_commissions.fields.signed_on")} />
        <Table.Column<CommissionRow> dataIndex="basis_amount" title={t("broker_commissions.fields.basis_amount")} align="right" render={(v: number) => formatYuan(String(v))} />
        <Table.Column<CommissionRow> title={t("broker_commissions.fields.rule")} render={(_, c) => <CommissionRule type={c.commission_type} value={c.commission_value} />} />
        <Table.Column<CommissionRow>
          dataIndex="amount"
          title={t("broker_commissions.fields.amount")}
          align="right"
          render={(v: number) => <strong>{formatYuan(String(v))}</strong>}
        />
        <Table.Column<CommissionRow>
          dataIndex="status"
          title={t("broker_commissions.fields.status")}
          render={(v: CommissionRow["status"], c) => (
            <Tag color={STATUS_COLORS[v]}>
              {t(`broker_commissions.statuses.${v}`)}
              {v === "paid" && c.paid_on ? ` ${c.paid_on}` : ""}
            </Tag>
          )}
        />
      </CardTable>
    </List>
  );
}
