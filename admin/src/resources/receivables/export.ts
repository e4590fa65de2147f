import type { CrudFilter, DataProvider } from "@refinedev/core";
import dayjs from "dayjs";
import type { TFunction } from "i18next";
import { addSheet, downloadWorkbook } from "../../components/finance/xlsx.ts";
import { itemLabel } from "./item-label.ts";
import type { ReceivableRow } from "./types.ts";

/** 应收款/催款表 as .xlsx: every row matching the list's filters (not just the page), with exact totals. */
export async function exportReceivables(
  dataProvider: DataProvider,
  project: { id: string; name: string },
  filters: CrudFilter[],
  t: TFunction,
): Promise<number> {
  const projectName = project.name;
  const { data } = await dataProvider.getList<ReceivableRow>({
    resource: "receivables",
    filters: [...filters.filter((f) => !("field" in f && f.field === "project_id")), { field: "project_id", operator: "eq", value: project.id }],
    sorters: [
      { field: "overdue_days", order: "desc" },
      { field: "due_date", order: "asc" },
      { field: "contract_no", order: "asc" },
      { field: "seq", order: "asc" },
    ],
    pagination: { mode: "off" },
  });
  const now = dayjs();
  await downloadWorkbook(`${t("receivables.export.file")}-${now.format("YYYYMMDD-HHmm")}.xlsx`, (workbook) =>
    addSheet<ReceivableRow>(workbook, {
      name: t("receivables.export.sheet"),
      title: [t("receivables.export.title", { project: projectName }), t("receivables.export.when", { at: now.format("YYYY-MM-DD HH:mm") })],
      totalLabel: t("receivables.export.total"),
      rows: data,
      columns: [
        { header: t("receivables.fields.contract_no"), width: 16, value: (r) => r.contract_no ?? t("receivables.beforeContract") },
        { header: t("receivables.fields.unit"), width: 10, value: (r) => r.unit_label },
        { header: t("receivables.fields.customer"), width: 10, value: (r) => r.customer_name },
        { header: t("receivables.fields.phone"), width: 14, value: (r) => r.customer_phone },
        { header: t("receivables.fields.consultant"), width: 10, value: (r) => r.consultant_name },
        { header: t("receivables.fields.item"), width: 12, value: (r) => itemLabel(t, r) },
        { header: t("receivables.fields.due_date"), width: 12, value: (r) => r.due_date },
        { header: t("receivables.fields.amount_due"), width: 16, money: true, value: (r) => r.amount_due },
        { header: t("receivables.fields.paid"), width: 16, money: true, value: (r) => r.paid },
        { header: t("receivables.fields.outstanding"), width: 16, money: true, value: (r) => r.outstanding },
        { header: t("receivables.fields.overdue_days"), width: 10, value: (r) => r.overdue_days },
        { header: t("receivables.fields.last_contact"), width: 30, value: (r) => r.last_contact_at ? `${r.last_contact_by_name ?? ""} ${dayjs(r.last_contact_at).format("YYYY-MM-DD HH:mm")} ${t(`receivables.collect.channels.${r.last_contact_channel}`)}：${r.last_contact_note ?? ""}` : "" },
      ],
    }),
  );
  return data.length;
}
