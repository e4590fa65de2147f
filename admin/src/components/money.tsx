import { formatWan, formatYuan, moneyText } from "@so/shared/money";
import { Typography } from "antd";
import Decimal from "decimal.js";

/**
 * Amounts arrive from PostgREST as JSON numbers (numeric(14,2)) or from jsonb as strings; both
 * become exact decimals here. Never add or compare them as JS numbers. null/empty → 0.
 */
export const dec = (value: unknown): Decimal => new Decimal(value === null || value === undefined || value === "" ? 0 : String(value));

/** "2856000.00" — the string form an RPC argument takes. */
export const amountText = (value: unknown): string => moneyText(dec(value));

/** Is this text an amount a person may have meant (digits, optional 2 decimals, commas/¥ allowed)? */
export function parseAmount(text: string | null | undefined): Decimal | null {
  const cleaned = String(text ?? "").trim().replace(/[,，\s]/g, "").replace(/^[¥￥]/, "");
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(cleaned)) return null;
  return new Decimal(cleaned);
}

/** ¥1,234,567.89 */
export const yuanText = (value: unknown): string => formatYuan(dec(value));

/** 万元 as people say large amounts, grouped: 96869.85 万 → "96,869.85万". */
export const wanText = (value: unknown): string => {
  const [int, frac] = formatWan(dec(value)).replace("万", "").split(".");
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac ? `.${frac}` : ""}万`;
};

/** A percentage the database computed ("12.50" → "12.50%"); — when there is none. */
export const pctText = (value: unknown): string =>
  value === null || value === undefined || value === "" ? "—" : `${dec(value).toFixed(2)}%`;

/** The amount as a number for a spreadsheet cell or a chart (exact to the fen at these sizes). */
export const amountNumber = (value: unknown): number => dec(value).toDecimalPlaces(2).toNumber();

/** The exact sum of amounts (e.g. a section's total row). */
export const sumAmounts = (values: unknown[]): string => values.reduce<Decimal>((acc, v) => acc.plus(dec(v)), new Decimal(0)).toFixed(2);

/** The sum of counts. */
export const sumCounts = (values: (number | null | undefined)[]): number => values.reduce<number>((acc, v) => acc + (v ?? 0), 0);

/** 万元 typed in a form → 元 for the database (exact, as a string). */
export { wanToYuan } from "@so/shared/wan";

/** 元 from the database → 万元 for a form. */
export const yuanToWan = (yuan: number | string | null | undefined): number | null =>
  yuan === null || yuan === undefined ? null : new Decimal(String(yuan)).div(10_000).toNumber();

/** ¥2,856,000.00 (or 万 with `wan`); negative amounts (refunds, reversals) in red. */
export function Money({ value, strong, wan, colorNegative = true }: { value: unknown; strong?: boolean; wan?: boolean; colorNegative?: boolean }) {
  if (value === null || value === undefined || value === "") return <Typography.Text type="secondary">—</Typography.Text>;
  const d = dec(value);
  return (
    <Typography.Text strong={strong} type={colorNegative && d.isNeg() && !d.isZero() ? "danger" : undefined} style={{ whiteSpace: "nowrap" }}>
      {wan ? wanText(d) : formatYuan(d)}
    </Typography.Text>
  );
}

export { formatWan, formatYuan };
