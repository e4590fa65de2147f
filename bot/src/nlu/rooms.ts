import { parseNumber } from "./numbers.js";
import { spanOf, type Found } from "./span.js";

/** Bedroom count: 三房, 3房, 两房, 三室两厅, 3室2厅2卫, 三居室, 大三房. */
export type RoomsMention = Found<{ rooms: number }>;

// One digit only and not after another digit, so room numbers such as 1203室 never count;
// 一房一价 is a pricing rule, not a one-bedroom.
const ROOMS = /(?<![\d.])([1-9]|[一二两三四五六七八九])\s?(?:房|居室|居|室)(?!一价|源|子|号|贷|东|间)/;

export function findRooms(text: string): RoomsMention | null {
  const match = ROOMS.exec(text);
  if (!match) return null;
  const rooms = parseNumber(match[1]!);
  return rooms === null ? null : { rooms, ...spanOf(match) };
}
