import type { ViewRow, With } from "../../lib/db-rows.ts";
import type { BoardUnit } from "../../components/inventory/use-sales-board.ts";
import type { UnitStatus } from "../../components/inventory/unit-status.ts";

/** A row of the `unit_board` view (销控表, effective status) as PostgREST returns it. */
export type UnitBoardRow = With<
  ViewRow<"unit_board", "inner_area" | "orientation" | "held_by" | "held_by_name" | "held_for" | "hold_expires_at" | "withheld_reason">,
  { status: UnitStatus }
>;

/** Numbers from PostgREST → the exact decimal strings the inventory components take. */
export function toBoardUnit(row: UnitBoardRow, heldForName: string | null = null): BoardUnit {
  return {
    ...row,
    building_area: Number(row.building_area).toFixed(2),
    inner_area: row.inner_area === null ? null : Number(row.inner_area).toFixed(2),
    unit_price: String(row.unit_price),
    list_price: String(row.list_price),
    held_for_name: heldForName,
  };
}
