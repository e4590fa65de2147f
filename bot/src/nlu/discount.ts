import { CN_DIGITS, DEC, parseChineseInteger, parseNumber, roundTo } from "./numbers.js";
import { spanOf, type Found } from "./span.js";

/**
 * Discounts as a price factor: 97折 → 0.97, 九七折 → 0.97, 9.5折 → 0.95, 九折 → 0.9,
 * 98.5折 → 0.985; 优惠3个点 / 让2个点 / 3个点 → 1 − points/100.
 */

export type DiscountMention = Found<{ rate: number }>;

const ARABIC_ZHE = /(?<![\d.])(\d{1,2})(?:\.(\d{1,2}))?\s?折/;
const CHINESE_ZHE = new RegExp(`([${CN_DIGITS}]{1,3})(?:点([${CN_DIGITS}]))?\\s?折`);
const POINTS = new RegExp(`(${DEC})\\s?个\\s?点`);
/** 让2点, 优惠3点: the 个 is often dropped after a verb of giving. */
const VERB_POINTS = new RegExp(`(?:优惠|让|降|少|便宜|下浮|再让|再降|多给)\\s?(${DEC})\\s?点(?![\\d半钟])`);

export function findDiscount(text: string): DiscountMention | null {
  const candidates = [fromArabicZhe(text), fromChineseZhe(text), fromPoints(text, POINTS), fromPoints(text, VERB_POINTS)];
  const found = candidates.filter((c): c is DiscountMention => c !== null);
  found.sort((a, b) => a.start - b.start);
  return found[0] ?? null;
}

function fromArabicZhe(text: string): DiscountMention | null {
  const match = ARABIC_ZHE.exec(text);
  if (!match) return null;
  // The digits are the leading decimals of the factor: 9折 0.9, 9.5折 0.95, 97折 0.97, 98.5折 0.985.
  const rate = Number(`0.${match[1]}${match[2] ?? ""}`);
  return isRate(rate) ? { rate: roundTo(rate, 4), ...spanOf(match) } : null;
}

function fromChineseZhe(text: string): DiscountMention | null {
  const match = CHINESE_ZHE.exec(text);
  if (!match) return null;
  const digits = parseChineseInteger(match[1]!);
  if (digits === null) return null;
  const fraction = match[2] === undefined ? "" : String(parseChineseInteger(match[2]));
  const rate = Number(`0.${String(digits)}${fraction}`);
  return isRate(rate) ? { rate: roundTo(rate, 4), ...spanOf(match) } : null;
}

function fromPoints(text: string, pattern: RegExp): DiscountMention | null {
  const match = pattern.exec(text);
  if (!match) return null;
  if (pattern === VERB_POINTS && match[1] === "一") return null; // 便宜一点 = "a bit cheaper"
  const points = parseNumber(match[1]!);
  if (points === null || points <= 0 || points >= 100) return null;
  return { rate: roundTo(1 - points / 100, 4), ...spanOf(match) };
}

function isRate(rate: number): boolean {
  return Number.isFinite(rate) && rate > 0 && rate < 1;
}
