import type { Workbook, Worksheet } from "exceljs";
import { dec } from "../money.tsx";

export { downloadWorkbook } from "../../lib/spreadsheet.ts";

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
