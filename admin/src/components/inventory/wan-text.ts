/**
 * 万元 for the board's cells, exactly as `formatWan` (shared/src/money.ts) writes it —
 * 3698809.18 → "369.88万", 1000000 → "100万" — but on the decimal string's digits with integer
 * arithmetic, because the board writes a thousand of them at once. Non-negative amounts with up
 * to two decimals, as list prices are; anything else goes through `fallback`.
 */
export function wanText(amount: string, fallback: (amount: string) => string): string {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) return fallback(amount);
  const fen = BigInt(match[1] + (match[2] ?? "").padEnd(2, "0"));
  const hundredths = (fen + 5000n) / 10000n; // 万 to two decimals, half up
  const whole = hundredths / 100n;
  const frac = (hundredths % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  return `${whole}${frac ? `.${frac}` : ""}万`;
}
