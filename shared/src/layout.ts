/** Unit layouts (户型) written the usual way: 3室2厅2卫. */

export interface Layout {
  rooms: number;
  halls: number;
  baths: number;
}

export function layoutText({ rooms, halls, baths }: Layout): string {
  for (const [label, value] of [["rooms", rooms], ["halls", halls], ["baths", baths]] as const) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`layout ${label} must be a non-negative integer, got ${value}`);
  }
  return `${rooms}室${halls}厅${baths}卫`;
}
