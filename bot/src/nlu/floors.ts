import { INT, parseNumber } from "./numbers.js";
import { spanOf, type Found } from "./span.js";

/**
 * Floor ranges: 10层以上, 10楼以上, 15层以下, 10-20层, 10到20楼, 12层.
 * 低楼层/中楼层/高楼层 depend on each building's height, which a filter cannot know, so they give
 * no bounds (the words are still consumed so they are not mistaken for anything else).
 */

export type FloorMention = Found<{ min: number | null; max: number | null }>;

const FLOOR = "(?:层|楼)";
const RANGE = new RegExp(`(?<![\\d.])(${INT})\\s?${FLOOR}?\\s?(?:-|~|到|至)\\s?(${INT})\\s?${FLOOR}`);
const BOUNDED = new RegExp(`(?<![\\d.])(${INT})\\s?${FLOOR}\\s?(以上|以下|以内|之上|之下|及以上|及以下)`);
const SINGLE = new RegExp(`(?<![\\d.])(${INT})\\s?${FLOOR}(?!\\d|号|栋)`);
const RELATIVE = /(?:低|中|高|底|顶)(?:楼)?层|低区|中区|高区/;

export function findFloors(text: string): FloorMention | null {
  const range = RANGE.exec(text);
  if (range) {
    const a = parseNumber(range[1]!);
    const b = parseNumber(range[2]!);
    if (a !== null && b !== null) return { min: Math.min(a, b), max: Math.max(a, b), ...spanOf(range) };
  }
  const bounded = BOUNDED.exec(text);
  if (bounded) {
    const value = parseNumber(bounded[1]!);
    if (value !== null) {
      const isMin = /上/.test(bounded[2]!);
      return { min: isMin ? value : null, max: isMin ? null : value, ...spanOf(bounded) };
    }
  }
  const single = SINGLE.exec(text);
  if (single) {
    const value = parseNumber(single[1]!);
    if (value !== null) return { min: value, max: value, ...spanOf(single) };
  }
  const relative = RELATIVE.exec(text);
  return relative ? { min: null, max: null, ...spanOf(relative) } : null;
}
