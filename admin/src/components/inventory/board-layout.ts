import type { BoardUnit } from "./use-sales-board.ts";

/** Where a building's units sit on the 销控表: floors top to bottom, unit positions left to right. */
export interface BuildingGrid {
  /** Floors that have units, highest first. */
  floors: number[];
  /** Position keys left to right: "01", "02", … (the room number without its floor). */
  columns: string[];
  /** `${floor}|${column}` → unit */
  cells: Map<string, BoardUnit>;
}

/** "1203" on floor 12 → "03"; a number that does not start with its floor stands for itself. */
export function positionOf(unit: Pick<BoardUnit, "floor" | "number">): string {
  const floor = String(unit.floor);
  return unit.number.length > floor.length && unit.number.startsWith(floor) ? unit.number.slice(floor.length) : unit.number;
}

const naturalOrder = new Intl.Collator("zh-CN", { numeric: true }).compare;

export const cellKey = (floor: number, column: string) => `${floor}|${column}`;

export function buildingGrid(units: readonly BoardUnit[]): BuildingGrid {
  const floors = new Set<number>();
  const columns = new Set<string>();
  const cells = new Map<string, BoardUnit>();
  for (const unit of units) {
    const column = positionOf(unit);
    floors.add(unit.floor);
    columns.add(column);
    cells.set(cellKey(unit.floor, column), unit);
  }
  return {
    floors: [...floors].sort((a, b) => b - a),
    columns: [...columns].sort(naturalOrder),
    cells,
  };
}
