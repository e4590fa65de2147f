/**
 * Numbers as consultants type them: Arabic (120, 2.8) or Chinese numerals (一百二十, 两百五, 九七).
 * 万 is deliberately not part of a numeral here: in this domain it is the money unit (三百万 = 300 万元).
 */

const DIGIT_VALUES: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNIT_VALUES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CN_DIGITS = "零〇一二两三四五六七八九";
export const CN_NUMERALS = `${CN_DIGITS}十百千`;

/** Regex source of a whole number in either script. */
export const INT = `(?:\\d+|[${CN_NUMERALS}]{1,12})`;
/** Regex source of a number that may have a fractional part (2.8, 二点八). */
export const DEC = `(?:\\d+(?:\\.\\d+)?|[${CN_NUMERALS}]{1,12}(?:点[${CN_DIGITS}]{1,6})?)`;

/**
 * Chinese integer numerals. Without 十/百/千 the characters are read digit by digit, the way
 * people say discounts and years (九七 → 97, 二零二六 → 2026). A trailing digit after a unit
 * takes the next lower unit, as in speech (两百五 → 250, 一千二 → 1200).
 */
export function parseChineseInteger(text: string): number | null {
  if (text.length === 0) return null;
  const chars = [...text];
  if (chars.some((c) => !(c in DIGIT_VALUES) && !(c in UNIT_VALUES))) return null;

  if (chars.every((c) => c in DIGIT_VALUES)) {
    return Number(chars.map((c) => DIGIT_VALUES[c]).join(""));
  }

  let total = 0;
  let digit: number | null = null;
  let lastUnit = 0;
  let sawZero = false;
  for (const c of chars) {
    if (c in DIGIT_VALUES) {
      const value = DIGIT_VALUES[c]!;
      if (digit !== null && digit !== 0) return null; // two digits in a row: not a numeral
      if (value === 0) sawZero = true;
      digit = value;
      continue;
    }
    const unit = UNIT_VALUES[c]!;
    if (lastUnit !== 0 && unit >= lastUnit) return null; // 百十, 十十: malformed
    total += (digit ?? (total === 0 ? 1 : NaN)) * unit; // 十二 = 12; 一百十 is malformed
    if (Number.isNaN(total)) return null;
    digit = null;
    lastUnit = unit;
    sawZero = false;
  }
  if (digit !== null) {
    const spokenShortcut = !sawZero && lastUnit >= 100;
    total += spokenShortcut ? digit * (lastUnit / 10) : digit;
  }
  return total;
}

/** `120`, `2.8`, `一百二十`, `二点八`, `两` → number; anything else → null. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const [whole, fraction] = trimmed.split("点");
  if (whole === undefined) return null;
  const integer = parseChineseInteger(whole);
  if (integer === null) return null;
  if (fraction === undefined) return integer;
  if (fraction.length === 0 || [...fraction].some((c) => !(c in DIGIT_VALUES))) return null;
  return Number(`${integer}.${[...fraction].map((c) => DIGIT_VALUES[c]).join("")}`);
}

/** Rounds away binary noise (1 - 0.03 → 0.97). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
