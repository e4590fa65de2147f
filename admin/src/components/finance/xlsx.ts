import type { Workbook, Worksheet } from "exceljs";
import { dec } from "../deals/money.tsx";

export interface SheetColumn<T> {
  header: string;
  width?: number;
  /** A money column: written as a number with two decimals, summed exactly for the totals row. */
  money?: boolean;
  value: (row: T) => string | number | null | undefined;
}

export interface SheetSpec<T> {
  name: string;
  /** Lines above the table (title, project, filters, when exported). */
  title: string[];
  columns: SheetColumn<T>[];
  rows: T[];
  /** Label of the totals row; money columns are summed (with decimal.js) under it. */
  totalLabel?: string;
}

const MONEY_FORMAT = "#,##0.00";

/** Writes one sheet: title lines, a bold header, rows, and an exact totals row. */
export function addSheet<T>(workbook: Workbook, spec: SheetSpec<T>): Worksheet {
  const sheet = workbook.addWorksheet(spec.name);
  for (const line of spec.title) sheet.addRow([line]).font = { bold: line === spec.title[0], size: line === spec.title[0] ? 14 : 11 };
  if (spec.title.length) sheet.addRow([]);
  const header = sheet.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFEFEF" } };
    cell.border = { bottom: { style: "thin" } };
  });
  for (const row of spec.rows) {
    const added = sheet.addRow(spec.columns.map((c) => (c.money ? moneyCell(c.value(row)) : (c.value(row) ?? ""))));
    spec.columns.forEach((c, i) => {
      if (c.money) added.getCell(i + 1).numFmt = MONEY_FORMAT;
    });
  }
  if (spec.totalLabel) {
    const totals = spec.columns.map((c, i) =>
      i === 0 ? spec.totalLabel : c.money ? moneyCell(spec.rows.reduce((acc, r) => acc.plus(dec(c.value(r))), dec(0)).toFixed(2)) : "",
    );
    const added = sheet.addRow(totals);
    added.font = { bold: true };
    spec.columns.forEach((c, i) => {
      if (c.money) added.getCell(i + 1).numFmt = MONEY_FORMAT;
    });
  }
  spec.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width ?? 14;
  });
  return sheet;
}

/** An exact decimal written as the spreadsheet number it denotes (two decimals). */
function moneyCell(value: unknown): number | string {
  if (value === null || value === undefined || value === "") return "";
  return Number(dec(value).toFixed(2));
}

/** Builds a workbook (exceljs is loaded only when someone exports) and downloads it as .xlsx. */
export async function downloadWorkbook(filename: string, build: (workbook: Workbook) => void): Promise<void> {
  // exceljs ships a UMD bundle for browsers: its namespace may arrive as the default export.
  const mod = await import("exceljs");
  const ExcelJS = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof mod;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "销售案场管理后台";
  workbook.created = new Date();
  build(workbook);
  const buffer = await workbook.xlsx.writeBuffer();
  const blob = new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
