/**
 * Stand-in for papaparse, which @refinedev/core imports for its CSV import/export hooks
 * (useImport, useExport). The admin never uses those (spreadsheets are exceljs, loaded with the
 * pages that export), so the parser stays out of the entry chunk. Aliased in vite.config.ts.
 */
const unused = (): never => {
  throw new Error("papaparse is not bundled in the admin (refine's useImport/useExport are not used)");
};
export default { parse: unused, unparse: unused };
