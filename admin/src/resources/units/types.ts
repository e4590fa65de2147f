import type { BoardUnit } from "../../components/inventory/use-sales-board.ts";
import type { UnitStatus } from "../../components/inventory/unit-status.ts";

/** A row of the `unit_board` view (销控表, effective status) as PostgREST returns it. */
export interface UnitBoardRow {
  id: string;
  project_id: string;
  building_id: string;
  building_code: string;
  building_name: string;
  building_sort: number;
  floor: number;
  number: string;
  rooms: number;
  halls: number;
  baths: number;
  layout: string;
  building_area: number;
  inner_area: number | null;
  orientation: string | null;
  unit_price: number;
  list_price: number;
  status: UnitStatus;
  held_by: string | null;
  held_by_name: string | null;
  held_for: string | null;
  hold_expires_at: string | null;
  withheld_reason: string | null;
  updated_at: string;
}

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
