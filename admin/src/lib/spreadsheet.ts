/**
 * exceljs, loaded only when a spreadsheet is read or written (it is large). Its browser build is
 * CommonJS: the bundler hands it over as `default`, its types as named exports.
 */
export async function loadExcelJS(): Promise<typeof import("exceljs")> {
  const mod = await import("exceljs");
  return (mod as unknown as { default?: typeof mod }).default ?? mod;
}

/** Hands a file to the browser's download. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Builds a workbook with `build` and downloads it as .xlsx. */
export async function downloadWorkbook(fileName: string, build: (workbook: import("exceljs").Workbook) => void): Promise<void> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "销售案场管理后台";
  workbook.created = new Date();
  build(workbook);
  saveFile(new Blob([await workbook.xlsx.writeBuffer()], { type: XLSX_TYPE }), fileName);
}
