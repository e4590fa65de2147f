import { formatWan, formatYuan, moneyText, roundFen } from "@so/shared/money";
import { maskMobile } from "@so/shared/phone";

/** ¥4,172,800.00（417.28万）— exact yuan first, then as people say it. */
export const priceText = (amount: string) => `${formatYuan(amount)}（${formatWan(amount)}）`;
export { formatWan, formatYuan };

export { wanToYuan } from "@so/shared/wan";

/** A price factor (0.97) applied to an amount, rounded to the fen like the database. */
export const applyRate = (amount: string, rate: number): string => moneyText(roundFen(amount).times(String(rate)));

/** 128.00 → 128㎡, 99.84 → 99.84㎡. */
export const areaText = (area: string | number) => `${Number(area).toString()}㎡`;

/** 138****5678, or the input itself when it is not a full mobile (already masked). */
export const maskedPhone = (phone: string) => maskMobile(phone) ?? phone;

/** A short stable fingerprint of what a message shows (to skip edits that change nothing). */
export function fingerprint(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return `${text.length}:${(h >>> 0).toString(36)}`;
}
