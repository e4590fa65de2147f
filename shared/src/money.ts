import Decimal from "decimal.js";

/**
 * Money in CNY with exact decimals, mirroring the database's price build-up
 * (private.compute_buildup) so the admin and the bot can show a live build-up while the user
 * types; the database recomputes and decides. Amounts travel as strings ("2856000.00"); every
 * step rounds half-up to the fen (分), like Postgres `round(x, 2)` on positive amounts.
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
export function orderPolicies<T extends PolicyLike>(policies: readonly T[]): T[] {
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

/** At most one non-stackable policy per deal (一次性付款 and 按揭 exclude each other). */
export function policiesStack(policies: readonly PolicyLike[]): boolean {
  return policies.filter((p) => !p.stackable).length <= 1;
}

/**
 * Depth of the special discount beyond policies, in percent of the price after policies,
 * 2 decimals half-up: depthPct("2856000", "2750000") = "3.71". "0.00" when not below.
 */
export function depthPct(priceAfter: MoneyInput, requested: MoneyInput): string {
  const after = new D(priceAfter);
  const special = after.minus(requested);
  if (special.lte(0) || after.lte(0)) return "0.00";
  return special.div(after).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export interface ApprovalRule {
  /** Up to this depth in percent; null = no upper limit. */
  max_depth_pct: MoneyInput | null;
  chain: string[];
}

/**
 * The chain for a depth: the narrowest rule covering it, [] when nothing is asked below the
 * policies, null when beyond every rule (the database refuses with discount_beyond_authority).
 */
export function approvalChain(rules: readonly ApprovalRule[], depth: MoneyInput): string[] | null {
  const d = new D(depth);
  if (d.lte(0)) return [];
  const wanted = D.max(d, "0.01");   // a discount under 0.005% still needs someone
  const sorted = [...rules].sort((a, b) =>
    a.max_depth_pct === null ? 1 : b.max_depth_pct === null ? -1 : new D(a.max_depth_pct).cmp(b.max_depth_pct),
  );
  const rule = sorted.find((r) => r.max_depth_pct === null || new D(r.max_depth_pct).gte(wanted));
  return rule ? [...rule.chain] : null;
}

export interface PriceBuildup {
  list_price: string;
  steps: BuildupStep[];
  price_after_policies: string;
  requested_price: string | null;
  special_discount_amount: string;
  depth_pct: string;
  final_price: string;
  total_discount_amount: string;
  needs_approval: boolean;
  beyond_authority: boolean;
  chain: string[] | null;
}

/** The whole build-up, shaped like the database's price_buildup() (without the unit fields). */
export function priceBuildup(
  listPrice: MoneyInput,
  policies: readonly PolicyLike[],
  requestedPrice: MoneyInput | null = null,
  rules: readonly ApprovalRule[] = [],
): PriceBuildup {
  const { steps, price } = priceAfterPolicies(listPrice, policies);
  const requested = requestedPrice === null || requestedPrice === "" ? null : roundFen(requestedPrice);
  const special = requested && requested.lt(price) ? new D(price).minus(requested) : new D(0);
  const depth = depthPct(price, requested ?? price);
  const chain = special.gt(0) ? approvalChain(rules, depth) : [];
  const final = requested ?? new D(price);
  return {
    list_price: moneyText(listPrice),
    steps,
    price_after_policies: price,
    requested_price: requested ? requested.toFixed(2) : null,
    special_discount_amount: special.toFixed(2),
    depth_pct: depth,
    final_price: final.toFixed(2),
    total_discount_amount: roundFen(listPrice).minus(final).toFixed(2),
    needs_approval: special.gt(0),
    beyond_authority: special.gt(0) && chain === null,
    chain,
  };
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
