import { formatWan, formatYuan } from "@so/shared/money";
import { Typography } from "antd";
import Decimal from "decimal.js";

/** An amount from the database (JSON number or string) as an exact decimal; null/empty → 0. */
export const dec = (value: unknown): Decimal =>
  new Decimal(value === null || value === undefined || value === "" ? 0 : String(value));

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

/** ¥ with two decimals (or 万 with `wan`); refunds and reversals in red. */
export function Money({ value, wan, strong }: { value: unknown; wan?: boolean; strong?: boolean }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  const d = dec(value);
  return (
    <Typography.Text strong={strong} type={d.isNeg() ? "danger" : undefined} style={{ whiteSpace: "nowrap" }}>
      {wan ? wanText(d) : formatYuan(d)}
    </Typography.Text>
  );
}

/** The exact sum of amounts (e.g. a section's total row). */
export const sumAmounts = (values: unknown[]): string => values.reduce<Decimal>((acc, v) => acc.plus(dec(v)), new Decimal(0)).toFixed(2);

/** The sum of counts. */
export const sumCounts = (values: (number | null | undefined)[]): number => values.reduce<number>((acc, v) => acc + (v ?? 0), 0);
