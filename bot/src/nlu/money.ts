import { CN_NUMERALS, DEC, parseNumber } from "./numbers.js";
import { matchAll, overlaps, spanOf, type Found } from "./span.js";

/**
 * Total-price amounts in 万元: 300万, 三百万, 300w, 250-300万, 300万以内, 预算300.
 * Unit prices (2.8万/平, 单价3万, 每平2.8万) and other amounts that are not a total
 * (首付, 月供) are never returned: they do not bound the price of a unit.
 */

export type MoneyMention = Found<{
  /** The amount as written; for a range, its upper end. */
  value: number;
  low: number | null;
  bound: "max" | "min" | "about";
  /** The few characters before the amount, for callers that weigh its role (降到, 优惠). */
  before: string;
}>;

const WAN = "(?:万元?|[wW])";
const RANGE_SEPARATOR = "(?:-|~|到|至)";
const AFTER = "(以内|以下|之内|内|左右|上下|出头|以上|起)?";
const AMOUNT = new RegExp(
  `(不超过|不要超过|最多|不到|低于|至少|超过)?\\s?(?:(${DEC})\\s?${WAN}?\\s?${RANGE_SEPARATOR}\\s?)?(${DEC})\\s?${WAN}(?!元?\\s?(?:\\/|每|一)\\s?平)\\s?${AFTER}`,
);
/** 预算300: consultants often leave out 万 after 预算. */
const BUDGET_WITHOUT_UNIT = new RegExp(
  `预算\\s?(?:在)?\\s?(?:(${DEC})\\s?${RANGE_SEPARATOR}\\s?)?(${DEC})(?![\\d.万wW平${CN_NUMERALS}])\\s?${AFTER}`,
);
const NOT_A_TOTAL = /(?:首付|月供|单价|每平米?|均价|定金|订金|租金)\s*$/;

export function findAmounts(text: string): MoneyMention[] {
  const found: MoneyMention[] = [];
  for (const match of matchAll(text, AMOUNT)) {
    const [, prefix, lowText, valueText, suffix] = match;
    const mention = toMention(text, match, prefix, lowText, valueText!, suffix);
    if (mention) found.push(mention);
  }
  for (const match of matchAll(text, BUDGET_WITHOUT_UNIT)) {
    const [, lowText, valueText, suffix] = match;
    const mention = toMention(text, match, undefined, lowText, valueText!, suffix);
    if (mention && mention.value >= 10 && !found.some((f) => overlaps(f, mention))) {
      found.push(mention);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function toMention(
  text: string,
  match: RegExpExecArray,
  prefix: string | undefined,
  lowText: string | undefined,
  valueText: string,
  suffix: string | undefined,
): MoneyMention | null {
  const value = parseNumber(valueText);
  if (value === null || value <= 0) return null;
  const before = text.slice(Math.max(0, match.index - 4), match.index);
  if (NOT_A_TOTAL.test(before)) return null;
  const low = lowText === undefined ? null : parseNumber(lowText);
  return { value, low, bound: boundOf(prefix, suffix, low), before, ...spanOf(match) };
}

function boundOf(prefix: string | undefined, suffix: string | undefined, low: number | null): MoneyMention["bound"] {
  if (prefix && /至少|超过/.test(prefix) && !/不/.test(prefix)) return "min";
  if (suffix && /以上|起/.test(suffix)) return "min";
  if (prefix || (suffix && /内|下/.test(suffix)) || low !== null) return "max";
  return "about";
}
