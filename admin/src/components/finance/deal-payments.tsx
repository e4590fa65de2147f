import { useList } from "@refinedev/core";
import { Table, Typography } from "antd";
import Decimal from "decimal.js";
import { useTranslation } from "react-i18next";
import { dec, Money } from "../money.tsx";
import { StatusTag } from "../deals/status-tag.tsx";
import { PaymentNote } from "./payment-note.tsx";
import type { PaymentRow } from "./payment-row.ts";

/** The money of one deal (a subscription, with its contract's items): every entry, reversals included, and the balance. */
export function DealPayments({ subscriptionId }: { subscriptionId: string }) {
  const { t } = useTranslation();
  const { result, query } = useList<PaymentRow>({
    resource: "payment_overview",
    pagination: { mode: "off" },
    filters: [{ field: "subscription_id", operator: "eq", value: subscriptionId }],
    sorters: [
      { field: "paid_on", order: "asc" },
      { field: "created_at", order: "asc" },
    ],
  });
  const total = result.data.reduce<Decimal>((acc, p) => acc.plus(dec(p.amount)), new Decimal(0));
  return (
    <Table<PaymentRow>
      size="small"
      loading={query.isLoading}
      rowKey="id"
      dataSource={result.data}
      pagination={false}
      data-testid="deal-payments"
      locale={{ emptyText: t("finance.payment.none") }}
      summary={() =>
        result.data.length ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <Typography.Text strong>{t("finance.payment.net")}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <span data-testid="deal-payments-net">
                <Money value={total.toFixed(2)} strong />
              </span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} colSpan={2} />
          </Table.Summary.Row>
        ) : null
      }
    >
      <Table.Column<PaymentRow> title={t("payments.fields.paid_on")} dataIndex="paid_on" />
      <Table.Column<PaymentRow> title={t("payments.fields.receipt_no")} dataIndex="receipt_no" render={(v) => v ?? "—"} />
      <Table.Column<PaymentRow> title={t("payments.fields.kind")} dataIndex="kind" render={(v) => <StatusTag family="paymentKind" value={v} />} />
      <Table.Column<PaymentRow> title={t("payments.fields.amount")} dataIndex="amount" align="right" render={(v) => <Money value={v} />} />
      <Table.Column<PaymentRow> title={t("payments.fields.method")} dataIndex="method" render={(v) => t(`finance.paymentChannels.${v}`)} />
      <Table.Column<PaymentRow> title={t("payments.fields.note")} render={(_, row) => <PaymentNote row={row} />} />
    </Table>
  );
}
