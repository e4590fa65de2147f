import type { Db } from "../../db/clients.ts";
import type { UnitFilter } from "../../nlu/schema.ts";
import { wanToYuan } from "../common/format.ts";
import { row, rows } from "../common/rpc.ts";

export const PAGE_SIZE = 8;

export interface UnitLine {
  id: string;
  building_code: string;
  floor: number;
  number: string;
  layout: string;
  building_area: string;
  list_price: string;
}

export interface UnitDetail extends UnitLine {
  project_id: string;
  building_name: string;
  rooms: number;
  inner_area: string | null;
  orientation: string | null;
  unit_price: string;
  status: "available" | "held" | "subscribed" | "signed" | "withheld";
  held_by: string | null;
  held_by_name: string | null;
  hold_expires_at: string | null;
}

/** Available units of the project matching the filter (the board's effective status), one page. */
export async function searchUnits(db: Db, projectId: string, f: UnitFilter, page: number): Promise<{ units: UnitLine[]; total: number }> {
  let q = db
    .from("unit_board")
    .select("id, building_code, floor, number, layout, building_area, list_price", { count: "exact" })
    .eq("project_id", projectId)
    .eq("status", "available");
  if (f.building) q = q.eq("building_code", f.building);
  if (f.rooms !== null) q = q.eq("rooms", f.rooms);
  if (f.area_min !== null) q = q.gte("building_area", f.area_min);
  if (f.area_max !== null) q = q.lte("building_area", f.area_max);
  if (f.price_max_wan !== null) q = q.lte("list_price", wanToYuan(f.price_max_wan));
  if (f.floor_min !== null) q = q.gte("floor", f.floor_min);
  if (f.floor_max !== null) q = q.lte("floor", f.floor_max);
  if (f.orientation) q = q.ilike("orientation", `%${f.orientation}%`);
  if (f.sort) q = q.order("list_price", { ascending: f.sort === "price_asc" });
  const { data, error, count } = await q
    .order("building_sort")
    .order("building_code")
    .order("floor")
    .order("number")
    .range(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE - 1);
  const units = await rows<UnitLine>("search units", Promise.resolve({ data, error }));
  return { units, total: count ?? units.length };
}

export const unitDetail = (db: Db, unitId: string) =>
  row<UnitDetail>(
    "unit card",
    db
      .from("unit_board")
      .select("id, project_id, building_code, building_name, floor, number, rooms, layout, building_area, inner_area, orientation, unit_price, list_price, status, held_by, held_by_name, hold_expires_at")
      .eq("id", unitId)
      .maybeSingle(),
  );

/** Units of the project with this room number (and building, when given), whatever their status. */
export const unitsByLabel = (db: Db, projectId: string, unit: { building: string | null; room: string }) => {
  let q = db
    .from("unit_board")
    .select("id, building_code, floor, number, layout, building_area, list_price")
    .eq("project_id", projectId)
    .eq("number", unit.room);
  if (unit.building) q = q.eq("building_code", unit.building);
  return rows<UnitLine>("units by label", q.order("building_sort").order("building_code").limit(8));
};

export const unitLabel = (u: { building_code: string; number: string }) => `${u.building_code}-${u.number}`;

/** The building codes of the project, in board order (to say which exist when one does not). */
export async function buildingCodes(db: Db, projectId: string): Promise<string[]> {
  const found = await rows<{ code: string }>(
    "buildings",
    db.from("buildings").select("code").eq("project_id", projectId).order("sort").order("code"),
  );
  return found.map((b) => b.code);
}

/** The units a staff member holds now (the board's effective status), soonest to lapse first, with the customer's name. */
export async function heldBy(db: Db, staffId: string): Promise<(UnitLine & { hold_expires_at: string; held_for_name: string | null })[]> {
  const units = await rows<UnitLine & { hold_expires_at: string; held_for: string | null }>(
    "my holds",
    db.from("unit_board")
      .select("id, building_code, floor, number, layout, building_area, list_price, hold_expires_at, held_for")
      .eq("held_by", staffId).eq("status", "held").order("hold_expires_at").limit(20),
  );
  const ids = units.map((u) => u.held_for).filter((id): id is string => id !== null);
  const names = ids.length > 0 ? await rows<{ id: string; name: string }>("held customers", db.from("customers").select("id, name").in("id", ids)) : [];
  return units.map((u) => ({ ...u, held_for_name: names.find((n) => n.id === u.held_for)?.name ?? null }));
}
