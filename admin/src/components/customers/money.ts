import Decimal from "decimal.js";

/** 万元 typed in a form → 元 for the database (exact: decimal.js, never float arithmetic). */
export const wanToYuan = (wan: number | string | null | undefined): number | null =>
  wan === null || wan === undefined || wan === "" ? null : new Decimal(String(wan)).times(10_000).toNumber();

/** 元 from the database → 万元 for a form. */
export const yuanToWan = (yuan: number | string | null | undefined): number | null =>
  yuan === null || yuan === undefined ? null : new Decimal(String(yuan)).div(10_000).toNumber();
