import type { CellValue } from "exceljs";
import { decodeCsv, parseCsv } from "./csv.ts";
import { loadExcelJS } from "../../lib/spreadsheet.ts";
import { normalizeHeader, PRICE_LIST_COLUMNS, type PriceListKey, type PriceListRow } from "./columns.ts";

export interface SheetRow {
  /** The row's number in the spreadsheet (the header is row 1 in the usual layout). */
  line: number;
  values: PriceListRow;
}

export type ReadResult =
  | { ok: true; rows: SheetRow[] }
  | { ok: false; problem: "unreadable" | "noHeader" | "missingHeaders" | "noRows" | "unsupported"; missing?: string[]; detail?: string };

/** A cell's content as text: numbers in their exact shortest form, formulas by their result. */
export function cellText(value: CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("result" in value) return cellText((value.result ?? null) as CellValue);
  if ("richText" in value) return cellText(value.richText.map((r) => r.text).join(""));
  if ("text" in value) return cellText(value.text as CellValue);
  if ("error" in value) return String(value.error);
  return null;
}

/**
 * Grid of cells (first non-empty row = headers) → rows keyed like import_price_list wants them.
 * Blank lines are skipped; their line numbers still count, so errors point at the right line.
 */
export function rowsFromGrid(grid: (string | null)[][], firstLine = 1): ReadResult {
  const headerIndex = grid.findIndex((cells) => cells.some((c) => c !== null && c !== ""));
  if (headerIndex < 0) return { ok: false, problem: "noHeader" };
  const headers = grid[headerIndex].map((h) => normalizeHeader(h ?? ""));
  const position = new Map<PriceListKey, number>();
  for (const column of PRICE_LIST_COLUMNS) {
    const at = headers.indexOf(column.header);
    if (at >= 0) position.set(column.key, at);
  }
  const missing = PRICE_LIST_COLUMNS.filter((c) => c.required && !position.has(c.key)).map((c) => c.header);
  if (missing.length) return { ok: false, problem: "missingHeaders", missing };

  const rows: SheetRow[] = [];
  grid.slice(headerIndex + 1).forEach((cells, i) => {
    if (!cells.some((c) => c !== null && c.trim() !== "")) return;
    const values = Object.fromEntries(
      PRICE_LIST_COLUMNS.map((c) => {
        const at = position.get(c.key);
        const v = at === undefined ? null : (cells[at] ?? null);
        return [c.key, v === null || v.trim() === "" ? null : v.trim()];
      }),
    ) as PriceListRow;
    rows.push({ line: firstLine + headerIndex + 1 + i, values });
  });
  if (!rows.length) return { ok: false, problem: "noRows" };
  return { ok: true, rows };
}

async function xlsxGrid(buffer: ArrayBuffer): Promise<(string | null)[][]> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const grid: (string | null)[][] = [];
  // Row and column numbers are 1-based; keep gaps so line numbers match the sheet.
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: (string | null)[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, sheet.columnCount); c++) cells.push(cellText(row.getCell(c).value));
    grid.push(cells);
  }
  return grid;
}

/** Reads a 价目表 file (.xlsx or .csv) in the browser. Nothing is sent anywhere. */
export async function readPriceListFile(file: File): Promise<ReadResult> {
  const name = file.name.toLowerCase();
  try {
    const buffer = await file.arrayBuffer();
    if (name.endsWith(".xlsx")) return rowsFromGrid(await xlsxGrid(buffer));
    if (name.endsWith(".csv")) return rowsFromGrid(parseCsv(decodeCsv(buffer)).map((cells) => cells.map((c) => (c.trim() === "" ? null : c))));
    return { ok: false, problem: "unsupported" };
  } catch (error) {
    return { ok: false, problem: "unreadable", detail: error instanceof Error ? error.message : String(error) };
  }
}
