import Decimal from "decimal.js";

/**
 * Money in CNY with exact decimals: amounts travel as strings ("2856000.00") and round half-up to
 * the fen (分), like Postgres `round(x, 2)` on positive amounts. Screens ask the database for
 * prices (price_buildup); priceAfterPolicies serves the demo data's generator and tests only.
 */

/** A decimal amount as it travels: a string such as "2856000.00" (numbers are accepted too). */
export type MoneyInput = Decimal.Value;

/** A private Decimal constructor: no global configuration is changed for other users of decimal.js. */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** Round to the fen, half away from zero (= half-up for positive amounts), as Postgres `round(x, 2)`. */
export function roundFen(value: MoneyInput): Decimal {
  return new D(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** The canonical string of an amount: two decimals, no grouping ("2856000.00"). */
export function moneyText(value: MoneyInput): string {
  return roundFen(value).toFixed(2);
}

export interface PolicyLike {
  id?: string;
  name: string;
  /** factor: price × value (0.98 = 98折); amount: price − value yuan. */
  kind: "factor" | "amount";
  value: MoneyInput;
  stackable?: boolean;
  sort?: number;
}

export interface BuildupStep {
  policy_id?: string;
  policy: string;
  kind: "factor" | "amount";
  factor?: string;
  amount?: string;
  price_after: string;
}

const codePointCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order the database applies policies in: by `sort`, then by name. */
function orderPolicies<T extends PolicyLike>(policies: readonly T[]): T[] {
  return [...policies].sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0) || codePointCompare(a.name, b.name));
}

/** Trim a factor for display: 0.9800 → "0.98". */
const factorText = (value: MoneyInput) => new D(value).toString();

/**
 * List price → each policy (rounded to the fen after every step) → the price after policies.
 * Throws when the price would not stay positive (the database refuses it with invalid_price).
 */
export function priceAfterPolicies(listPrice: MoneyInput, policies: readonly PolicyLike[]): { steps: BuildupStep[]; price: string } {
  let price = roundFen(listPrice);
  const steps: BuildupStep[] = [];
  for (const p of orderPolicies(policies)) {
    price = p.kind === "factor" ? roundFen(price.times(p.value)) : price.minus(roundFen(p.value));
    if (price.lte(0)) throw new RangeError("优惠后价格必须大于零");
    steps.push({
      ...(p.id ? { policy_id: p.id } : {}),
      policy: p.name,
      kind: p.kind,
      ...(p.kind === "factor" ? { factor: factorText(p.value) } : { amount: moneyText(p.value) }),
      price_after: price.toFixed(2),
    });
  }
  return { steps, price: price.toFixed(2) };
}

/** ¥2,856,000.00 (negative: -¥1,000.00). */
export function formatYuan(value: MoneyInput): string {
  const v = roundFen(value);
  const [int, frac] = v.abs().toFixed(2).split(".");
  return `${v.isNeg() && !v.isZero() ? "-" : ""}¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}

/** 万元 as people say prices: 2856000 → "285.6万", 1000000 → "100万", 2914285.71 → "291.43万". */
export function formatWan(value: MoneyInput): string {
  const wan = new D(value).div(10000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return `${wan.toString()}万`;
}

/** Sum amounts exactly (e.g. a payment plan must add up to the price to the fen). */
export function sumMoney(values: readonly MoneyInput[]): string {
  return values.reduce<Decimal>((acc, v) => acc.plus(v), new D(0)).toFixed(2);
}
