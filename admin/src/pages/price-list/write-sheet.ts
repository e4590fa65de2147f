import type { BoardUnit } from "../../components/inventory/use-sales-board.ts";
import { toCsv } from "./csv.ts";
import { XLSX_TYPE, loadExcelJS, saveFile } from "../../lib/spreadsheet.ts";
import { PRICE_LIST_COLUMNS, type PriceListKey } from "./columns.ts";

export type SheetFormat = "xlsx" | "csv";

const HEADERS = PRICE_LIST_COLUMNS.map((c) => c.header);
const NUMERIC: ReadonlySet<PriceListKey> = new Set(["floor", "rooms", "halls", "baths", "building_area", "inner_area", "unit_price", "list_price"]);
const FORMAT: Partial<Record<PriceListKey, string>> = {
  building_area: "0.00",
  inner_area: "0.00",
  unit_price: "#,##0.00",
  list_price: "#,##0.00",
};
const WIDTH: Partial<Record<PriceListKey, number>> = { orientation: 12, building_area: 11, inner_area: 11, unit_price: 14, list_price: 16 };

/** A unit as a price-list row: the values of the template's columns, exact decimals as text. */
export function unitRow(u: BoardUnit): Record<PriceListKey, string | null> {
  return {
    building_code: u.building_code,
    floor: String(u.floor),
    number: u.number,
    rooms: String(u.rooms),
    halls: String(u.halls),
    baths: String(u.baths),
    building_area: u.building_area,
    inner_area: u.inner_area,
    orientation: u.orientation,
    unit_price: u.unit_price,
    list_price: u.list_price,
  };
}

async function xlsxBlob(rows: Record<PriceListKey, string | null>[], notes?: string[]): Promise<Blob> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("价目表", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = PRICE_LIST_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: WIDTH[c.key] ?? 8, style: FORMAT[c.key] ? { numFmt: FORMAT[c.key] } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    // Numbers as numbers (the sheet can sum them); a decimal string with ≤ 2 places reads back exactly.
    sheet.addRow(Object.fromEntries(PRICE_LIST_COLUMNS.map((c) => [c.key, row[c.key] !== null && NUMERIC.has(c.key) ? Number(row[c.key]) : row[c.key]])));
  }
  if (notes) {
    const help = workbook.addWorksheet("填写说明");
    help.columns = [{ width: 100 }];
    for (const line of notes) help.addRow([line]);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: XLSX_TYPE });
}

function csvBlob(rows: Record<PriceListKey, string | null>[]): Blob {
  const lines = [HEADERS, ...rows.map((row) => PRICE_LIST_COLUMNS.map((c) => row[c.key]))];
  // The BOM makes Excel open UTF-8 Chinese text correctly.
  return new Blob(["\uFEFF", toCsv(lines)], { type: "text/csv;charset=utf-8" });
}

/** 导出价目表: the project's units, in the template's columns, as .xlsx or .csv. */
export async function exportPriceList(units: readonly BoardUnit[], format: SheetFormat, fileStem: string) {
  const rows = units.map(unitRow);
  saveFile(format === "xlsx" ? await xlsxBlob(rows) : csvBlob(rows), `${fileStem}.${format}`);
}

/** 下载模板: the headers only (the .xlsx also explains each column on a second sheet). */
export async function downloadTemplate(format: SheetFormat, notes: string[], fileStem: string) {
  saveFile(format === "xlsx" ? await xlsxBlob([], notes) : csvBlob([]), `${fileStem}.${format}`);
}
