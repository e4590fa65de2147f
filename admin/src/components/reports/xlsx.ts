import type { Workbook } from "exceljs";
import { downloadWorkbook } from "../../lib/spreadsheet.ts";
import { amountNumber, dec } from "../money.tsx";

/** How a column's values are written: money (¥, 2 decimals), a count, a percentage (12.50 → 12.50%), text. */
export type CellKind = "money" | "count" | "pct" | "text";

export interface SheetColumn {
  header: string;
  key: string;
  kind?: CellKind;
  width?: number;
}

/**
 * One worksheet of a report: row 1 the title, row 2 the headers, then one row per record and,
 * when given, a bold total row. Every report exports this way, so a sheet reads the same
 * whichever screen it came from.
 */
export interface SheetSpec {
  name: string;
  title: string;
  columns: SheetColumn[];
  rows: Record<string, unknown>[];
  total?: Record<string, unknown>;
}

const FORMATS: Record<CellKind, string | undefined> = {
  money: '"¥"#,##0.00',
  count: "0",
  pct: '0.00"%"',
  text: undefined,
};

function cellValue(kind: CellKind, value: unknown): string | number | null {
  if (value === null || value === undefined || value === "") return null;
  if (kind === "money") return amountNumber(value);
  if (kind === "count" || kind === "pct") return dec(value).toNumber();
  return String(value);
}

/** Adds the sheets to a workbook (also used by tests through the same specs). */
export function addSheets(workbook: Workbook, sheets: SheetSpec[]): void {
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31));
    sheet.columns = spec.columns.map((c) => ({ key: c.key, width: c.width ?? (c.kind === "money" ? 18 : c.kind === "text" || !c.kind ? 16 : 10) }));
    const title = sheet.getRow(1);
    title.getCell(1).value = spec.title;
    title.font = { bold: true, size: 13 };
    sheet.mergeCells(1, 1, 1, Math.max(spec.columns.length, 1));
    const header = sheet.getRow(2);
    spec.columns.forEach((c, i) => (header.getCell(i + 1).value = c.header));
    header.font = { bold: true };
    const write = (record: Record<string, unknown>, bold = false) => {
      const row = sheet.addRow(spec.columns.map((c) => cellValue(c.kind ?? "text", record[c.key])));
      spec.columns.forEach((c, i) => {
        const format = FORMATS[c.kind ?? "text"];
        if (format) row.getCell(i + 1).numFmt = format;
      });
      if (bold) row.font = { bold: true };
    };
    spec.rows.forEach((r) => write(r));
    if (spec.total) write(spec.total, true);
    sheet.views = [{ state: "frozen", ySplit: 2 }];
  }
}

/** Builds the workbook (exceljs loads only when someone exports) and downloads it. */
export async function downloadXlsx(filename: string, sheets: SheetSpec[]): Promise<void> {
  await downloadWorkbook(filename, (workbook) => addSheets(workbook, sheets));
}
