import type { ViewRow } from "../../lib/db-rows.ts";
import type { DataProvider } from "@refinedev/core";
import dayjs from "dayjs";
import type { TFunction } from "i18next";
import { addSheet, downloadWorkbook } from "../../components/finance/xlsx.ts";
import { ruleText } from "../commissions/rule-text.ts";
import type { CommissionRow } from "../commissions/types.ts";

export type StatementRow = ViewRow<"commission_statements", "agency_name" | "computed_amount" | "approved_amount" | "paid_amount">;

/** 佣金结算单 for one agency and month as .xlsx: each signed deal, its rule and commission, and the totals. */
export async function exportStatement(dataProvider: DataProvider, statement: StatementRow, t: TFunction, projectName: string): Promise<void> {
  const month = dayjs(statement.month);
  const { data } = await dataProvider.getList<CommissionRow>({
    resource: "commission_overview",
    filters: [
      { field: "project_id", operator: "eq", value: statement.project_id },
      { field: "agency_id", operator: "eq", value: statement.agency_id },
      { field: "status", operator: "ne", value: "cancelled" },
      { field: "signed_on", operator: "gte", value: month.startOf("month").format("YYYY-MM-DD") },
      { field: "signed_on", operator: "lte", value: month.endOf("month").format("YYYY-MM-DD") },
    ],
    sorters: [
      { field: "signed_on", order: "asc" },
      { field: "contract_no", order: "asc" },
    ],
    pagination: { mode: "off" },
  });
  const monthText = month.format("YYYY年M月");
  await downloadWorkbook(`${t("commission_statements.export.file", { agency: statement.agency_name, month: month.format("YYYYMM") })}.xlsx`, (workbook) =>
    addSheet<CommissionRow>(workbook, {
      name: month.format("YYYY-MM"),
      title: [
        t("commission_statements.export.title", { agency: statement.agency_name, month: monthText }),
        t("commission_statements.export.project", { project: projectName }),
        t("commission_statements.export.when", { at: dayjs().format("YYYY-MM-DD HH:mm") }),
      ],
      totalLabel: t("commission_statements.export.total"),
      rows: data,
      columns: [
        { header: t("commissions.fields.contract_no"), width: 16, value: (r) => r.contract_no },
        { header: t("commissions.fields.signed_on"), width: 12, value: (r) => r.signed_on },
        { header: t("commission_statements.export.unit"), width: 10, value: (r) => r.unit_label },
        { header: t("commission_statements.export.customer"), width: 10, value: (r) => r.customer_name },
        { header: t("commission_statements.export.broker"), width: 10, value: (r) => r.broker_name },
        { header: t("commissions.fields.basis_amount"), width: 16, money: true, value: (r) => r.basis_amount },
        { header: t("commissions.fields.rule"), width: 14, value: (r) => ruleText(t, r) },
        { header: t("commissions.fields.amount"), width: 14, money: true, value: (r) => r.amount },
        { header: t("commissions.fields.status"), width: 10, value: (r) => t(`finance.commissionStatus.${r.status}`) },
        { header: t("commissions.fields.paid_on"), width: 12, value: (r) => r.paid_on },
      ],
    }),
  );
}
