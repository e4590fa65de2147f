import { findArea } from "../area.js";
import { findFloors } from "../floors.js";
import { findAmounts } from "../money.js";
import { findRooms } from "../rooms.js";
import type { QueryUnits } from "../schema.js";
import { findBuilding, findUnit, floorOfRoom } from "../units.js";

/**
 * 3栋还有三房吗 / 300万以内 120平左右 → a unit search. A specific unit (3-1203还在吗) becomes its
 * building and floor. Any total price that is not a lower bound is the ceiling (300万, 300万左右,
 * 250-300万 → 300; 300万以上 → none). Unit prices (2.8万/平) are ignored: the filter has only a
 * total price, and multiplying by an area would invent precision the consultant did not give.
 */
export function buildQuery(text: string): QueryUnits {
  const unit = findUnit(text);
  const fullUnit = unit?.building ? unit : null;
  const building = fullUnit?.building ?? findBuilding(text)?.building ?? null;
  const floors = findFloors(text);
  const unitFloor = fullUnit ? floorOfRoom(fullUnit.room) : null;
  const area = findArea(text);
  const price = findAmounts(text).find((amount) => amount.bound !== "min");

  return {
    intent: "query_units",
    filter: {
      building,
      rooms: findRooms(text)?.rooms ?? null,
      area_min: area?.min ?? null,
      area_max: area?.max ?? null,
      price_max_wan: price?.value ?? null,
      floor_min: floors?.min ?? unitFloor,
      floor_max: floors?.max ?? unitFloor,
    },
  };
}
