/**
 * exceljs, loaded only when a spreadsheet is read or written (it is large). Its browser build is
 * CommonJS: the bundler hands it over as `default`, its types as named exports.
 */
export async function loadExcelJS(): Promise<typeof import("exceljs")> {
  const mod = await import("exceljs");
  return (mod as unknown as { default?: typeof mod }).default ?? mod;
}
