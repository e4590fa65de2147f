/** Unit layouts (户型) written the usual way: 3室2厅2卫. */

export interface Layout {
  rooms: number;
  halls: number;
  baths: number;
}

const SMALL_NUMERALS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

const COUNT = "(\\d{1,2}|[零〇一二两三四五六七八九])";
const LAYOUT_TEXT = new RegExp(`^${COUNT}\\s*[室房]\\s*${COUNT}\\s*厅\\s*(?:${COUNT}\\s*厨\\s*)?${COUNT}\\s*卫$`);

export function layoutText({ rooms, halls, baths }: Layout): string {
  for (const [label, value] of [["rooms", rooms], ["halls", halls], ["baths", baths]] as const) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`layout ${label} must be a non-negative integer, got ${value}`);
  }
  return `${rooms}室${halls}厅${baths}卫`;
}

/** `3室2厅2卫`, `三室两厅一卫`, `3房2厅1厨2卫` → counts; anything else → null. */
export function parseLayoutText(text: string): Layout | null {
  const match = LAYOUT_TEXT.exec(text.trim());
  if (!match) return null;
  const [, rooms, halls, , baths] = match;
  return { rooms: count(rooms!), halls: count(halls!), baths: count(baths!) };
}

function count(token: string): number {
  return /^\d+$/.test(token) ? Number(token) : SMALL_NUMERALS[token]!;
}
