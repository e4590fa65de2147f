import { DEC, parseNumber } from "./numbers.js";
import { matchAll, spanOf, type Found } from "./span.js";

/**
 * Floor areas in m² (every unit spelling is 平 after normalization): 120平, 一百二十平,
 * 90-120平, 120平以上, 90平以下, 100多平.
 *
 * Conventions: a single area, with or without 左右/上下, means "about" and becomes ±10 m²
 * (120平 → 110–130), because real unit areas are never round numbers; N多平 is N to N+10;
 * 以上/以下 give an open range.
 */

export type AreaMention = Found<{ min: number | null; max: number | null }>;

export const ABOUT_TOLERANCE_M2 = 10;

const AREA = new RegExp(
  `(大于|超过|至少|不小于|小于|不超过|不到|不大于)?\\s?(?:(${DEC})\\s?平?\\s?(?:-|~|到|至)\\s?)?(${DEC})\\s?(多)?\\s?平(?![\\d/])\\s?(以上|以下|以内|之内|左右|上下|出头)?`,
);

export function findArea(text: string): AreaMention | null {
  for (const match of matchAll(text, AREA)) {
    const area = toArea(text, match);
    if (area) return area;
  }
  return null;
}

function toArea(text: string, match: RegExpExecArray): AreaMention | null {
  // The character before the figure itself (the match may start with a space): 3万一平.
  const lead = /^\s*/.exec(match[0])![0].length;
  const before = text.slice(Math.max(0, match.index + lead - 1), match.index + lead);
  if (/[万\/]/.test(before)) return null; // 3万一平 is a unit price, not an area
  const [, prefix, lowText, valueText, more, suffix] = match;
  const value = parseNumber(valueText!);
  if (value === null || value <= 0) return null;
  const span = spanOf(match);

  if (lowText !== undefined) {
    const low = parseNumber(lowText);
    return low === null ? null : { min: Math.min(low, value), max: Math.max(low, value), ...span };
  }
  if (more) return { min: value, max: value + ABOUT_TOLERANCE_M2, ...span };
  if ((prefix && /大于|超过|至少|不小于/.test(prefix)) || (suffix && /以上|出头/.test(suffix))) {
    return { min: value, max: suffix === "出头" ? value + ABOUT_TOLERANCE_M2 : null, ...span };
  }
  if (prefix || (suffix && /以下|以内|之内/.test(suffix))) return { min: null, max: value, ...span };
  return { min: Math.max(0, value - ABOUT_TOLERANCE_M2), max: value + ABOUT_TOLERANCE_M2, ...span };
}
