import Decimal from "decimal.js";

/**
 * 万元 (as people type and say prices: 285.5, "300") → 元 for the database, exactly: the decimal
 * point moves four places (no binary floating point on the way), as "2855000.00". null, undefined
 * and "" stay null.
 */
export function wanToYuan(wan: number | string): string;
export function wanToYuan(wan: number | string | null | undefined): string | null;
export function wanToYuan(wan: number | string | null | undefined): string | null {
  if (wan === null || wan === undefined || wan === "") return null;
  return new Decimal(String(wan)).times(10_000).toFixed(2);
}
