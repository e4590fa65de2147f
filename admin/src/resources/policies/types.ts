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
}

/** 0.98 → "98", 0.985 → "98.5" (percent of the price that remains). */
export const factorPercent = (value: number | string) => String(Number((Number(value) * 100).toFixed(2)));
