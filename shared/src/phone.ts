/**
 * Mainland-China mobile numbers: the full 11-digit form and the masked `138****5678` form that
 * brokers use when reporting a customer (报备) without revealing the whole number.
 */

const MOBILE = /^1[3-9]\d{9}$/;
const MASKED = /^(1[3-9]\d)\*{4}(\d{4})$/;
const SEPARATORS = /[\s\-()（）.]/g;
const COUNTRY_PREFIX = /^(?:\+86|0086|86)(?=1\d{10}$)/;

/** `+86 138 1234 5678`, `138-1234-5678`, `008613812345678` → `13812345678`; anything else → null. */
export function normalizeMobile(input: string): string | null {
  const compact = input.trim().replace(SEPARATORS, "").replace(COUNTRY_PREFIX, "");
  return MOBILE.test(compact) ? compact : null;
}

/** `13812345678` → `138****5678`; null when the input is not a mobile number. */
export function maskMobile(input: string): string | null {
  const mobile = normalizeMobile(input);
  return mobile === null ? null : `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
}

/** `138xxxx5678`, `138 **** 5678`, `+86 138XXXX5678` → `138****5678`; anything else → null. */
export function normalizeMaskedMobile(input: string): string | null {
  const compact = input
    .trim()
    .replace(SEPARATORS, "")
    .replace(/[xX×＊]/g, "*")
    .replace(/^(?:\+86|0086|86)(?=1\d\d\*{4}\d{4}$)/, "");
  return MASKED.test(compact) ? compact : null;
}
