/** A row of `public.policies` (优惠政策). `value`: factor 0–1 (0.98 = 98折) or an amount in yuan. */
export interface Policy {
  id: string;
  project_id: string;
  name: string;
  kind: "factor" | "amount";
  value: number | string;
  stackable: boolean;
  active: boolean;
  sort: number;
  note: string | null;
  /** Conditions: the payment methods / customer sources it applies to; null = any. */
  payment_methods: string[] | null;
  customer_sources: string[] | null;
}

/** Empty choices mean "any" (null in the table, whose check refuses an empty array). */
export const conditionsOf = (v: Pick<Policy, "payment_methods" | "customer_sources">) => ({
  payment_methods: v.payment_methods?.length ? v.payment_methods : null,
  customer_sources: v.customer_sources?.length ? v.customer_sources : null,
});

/** 0.98 → "98", 0.985 → "98.5" (percent of the price that remains). */
export const factorPercent = (value: number | string) => String(Number((Number(value) * 100).toFixed(2)));
