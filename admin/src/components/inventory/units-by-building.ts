import type { BoardUnit } from "./use-sales-board.ts";

/** building id → its units, in the order given. */
export function unitsByBuilding(units: readonly BoardUnit[]): Map<string, BoardUnit[]> {
  const map = new Map<string, BoardUnit[]>();
  for (const unit of units) {
    const list = map.get(unit.building_id);
    if (list) list.push(unit);
    else map.set(unit.building_id, [unit]);
  }
  return map;
}
