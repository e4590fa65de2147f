import { formatWan, formatYuan, moneyText } from "@so/shared/money";
import { Typography } from "antd";
import Decimal from "decimal.js";

/**
 * Amounts arrive from PostgREST as JSON numbers (numeric(14,2)) or from jsonb as strings; both
 * become exact decimals here. Never add or compare them as JS numbers.
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

/** ¥2,856,000.00; negative amounts (refunds, reversals) in red. */
export function Money({ value, strong, wan, colorNegative = true }: { value: unknown; strong?: boolean; wan?: boolean; colorNegative?: boolean }) {
  if (value === null || value === undefined || value === "") return <Typography.Text type="secondary">—</Typography.Text>;
  const d = dec(value);
  return (
    <Typography.Text strong={strong} type={colorNegative && d.isNeg() && !d.isZero() ? "danger" : undefined} style={{ whiteSpace: "nowrap" }}>
      {wan ? formatWan(d) : formatYuan(d)}
    </Typography.Text>
  );
}

export { formatWan, formatYuan };
