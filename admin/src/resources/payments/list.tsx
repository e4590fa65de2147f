import { CreateButton, List, useTable } from "@refinedev/antd";
import { useGo } from "@refinedev/core";
import { Button, DatePicker, Input, Select, Space, Table, Typography } from "antd";
import { PAYMENT_KINDS } from "@so/shared/schemas/deals";
import Decimal from "decimal.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { dec, Money } from "../../components/money.tsx";
import { StatusTag } from "../../components/deals/status-tag.tsx";
import { useAllowed } from "../../hooks/use-allowed.ts";
import { PaymentNote } from "../../components/finance/payment-note.tsx";
import type { PaymentRow } from "../../components/finance/payment-row.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { ReverseModal } from "./reverse-modal.tsx";
import { textSearch } from "../../components/text-search.ts";
import { TwoLines } from "../../components/two-lines.tsx";

/** 收款流水: every entry (reversals and carry-overs included, never edited), 冲销 for finance. */
export default function PaymentList() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const canReverse = useAllowed("payments", "edit");
  const go = useGo();
  const [reversing, setReversing] = useState<PaymentRow | null>(null);
  const { tableProps, setFilters, filters } = useTable<PaymentRow>({
    resource: "payment_overview",
    syncWithLocation: false,
    // 收款流水 in date order, newest first; entries of one day in the order they were recorded.
    sorters: { initial: [{ field: "paid_on", order: "desc" }, { field: "created_at", order: "desc" }] },
  });
  const kind = filters.find((f) => "field" in f && f.field === "kind")?.value as string | undefined;
  const rows = (tableProps.dataSource ?? []) as PaymentRow[];
  const pageTotal = rows.reduce<Decimal>((acc, r) => acc.plus(dec(r.amount)), new Decimal(0));

  return (
    <List headerButtons={<CreateButton>{t("payments.titles.create")}</CreateButton>}>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          allowClear
          style={{ width: 320 }}
          placeholder={t("payments.filters.search")}
          data-testid="payments-search"
          onSearch={(v) =>
            setFilters([textSearch(["customer_name", "receipt_no", "unit_label", "contract_no"], v)], "merge")
          }
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t("payments.fields.kind")}
          value={kind}
          onChange={(v) => setFilters([{ field: "kind", operator: "eq", value: v }], "merge")}
          options={PAYMENT_KINDS.map((k) => ({ value: k, label: t(`finance.paymentKinds.${k}`) }))}
        />
        <DatePicker.RangePicker
          placeholder={[t("payments.filters.from"), t("payments.filters.to")]}
          onChange={(range) =>
            setFilters(
              [
                { field: "paid_on", operator: "gte", value: range?.[0]?.format("YYYY-MM-DD") },
                { field: "paid_on", operator: "lte", value: range?.[1]?.format("YYYY-MM-DD") },
              ],
              "merge",
            )
          }
        />
      </Space>
      <Table<PaymentRow>
        {...tableProps}
        rowKey="id"
        data-testid="payments-table"
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <Typography.Text strong>{t("payments.pageTotal")}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Money value={pageTotal.toFixed(2)} strong />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} colSpan={3} />
          </Table.Summary.Row>
        )}
      >
        <Table.Column<PaymentRow>
          title={t("payments.fields.paid_on")}
          render={(_, row) => <TwoLines main={row.paid_on} sub={row.receipt_no ?? "—"} nowrap />}
        />
        <Table.Column<PaymentRow>
          title={t("payments.fields.customer")}
          render={(_, row) => (
            <Space direction="vertical" size={0}>
              <span>{row.customer_name}</span>
              <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
                {[row.unit_label, row.contract_no].filter(Boolean).join(" · ")}
              </Typography.Text>
            </Space>
          )}
        />
        <Table.Column<PaymentRow> title={t("payments.fields.kind")} dataIndex="kind" render={(v) => <StatusTag family="paymentKind" value={v} />} />
        <Table.Column<PaymentRow> title={t("payments.fields.amount")} dataIndex="amount" align="right" render={(v) => <Money value={v} strong />} />
        <Table.Column<PaymentRow>
          title={t("payments.fields.method")}
          render={(_, row) => <TwoLines main={t(`finance.paymentChannels.${row.method}`)} sub={row.recorded_by_name} nowrap />}
        />
        <Table.Column<PaymentRow> title={t("payments.fields.note")} width="28%" render={(_, row) => <PaymentNote row={row} />} />
        <Table.Column<PaymentRow>
          title={t("table.actions")}
          render={(_, row) => (
            <Space size="small">
              {row.receipt_no && !row.reverses && (
                <Button size="small" onClick={() => go({ to: `/payments/receipt/${row.id}` })} data-testid={`receipt-${row.receipt_no}`}>
                  {t("papers.receipt.title")}
                </Button>
              )}
              {canReverse && !row.reverses && !row.reversed_by && row.kind !== "carry_over" ? (
                <Button size="small" danger onClick={() => setReversing(row)} data-testid={`reverse-${row.receipt_no}`}>
                  {t("payments.reverse.action")}
                </Button>
              ) : null}
            </Space>
          )}
        />
      </Table>
      <ReverseModal payment={reversing} onClose={() => setReversing(null)} />
    </List>
  );
}
