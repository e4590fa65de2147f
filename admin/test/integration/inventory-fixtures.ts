import type { Enums } from "@so/shared/database.types";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { SCREENSHOT_DIR, SCREENSHOTS } from "./support/browser.ts";
import { createProject, createStaff } from "./support/users.ts";

/**
 * Throwaway inventory for the inventory, board and price-list tests: a project of its own with
 * its buildings, units, staff and customers, so the demo data stays as every other test expects.
 */

export const PASSWORD = "inventory-e2e-password";

export interface Person {
  id: string;
  email: string;
  name: string;
}

export async function person(projectId: string, role: Enums<"staff_role">, name: string): Promise<Person> {
  const { id, email } = await createStaff({ name, password: PASSWORD, roles: [{ projectId, role }] });
  return { id, email, name };
}

export async function building(projectId: string, code: string, floors: number, sort = 0): Promise<string> {
  const [row] = await sql<{ id: string }>(
    "insert into public.buildings (project_id, code, name, floors, sort) values ($1, $2, $3, $4, $5) returning id",
    [projectId, code, `${code}栋`, floors, sort],
  );
  return row.id;
}

/** floors × positions available units, number = floor + 2-digit position; returns number → id. */
export async function units(projectId: string, buildingId: string, floors: number, positions: number): Promise<Map<string, string>> {
  const rows = await sql<{ id: string; number: string }>(
    `insert into public.units (project_id, building_id, floor, number, rooms, halls, baths, building_area, inner_area, orientation, unit_price, list_price)
     select $1, $2, f, f::text || lpad(p::text, 2, '0'), 2 + p % 2, 2, 1 + p % 2, 89 + p * 10, 70 + p * 8, '南',
            30000 + f * 100, round((30000 + f * 100) * (89 + p * 10), 2)
       from generate_series(1, $3::int) f, generate_series(1, $4::int) p
     returning id, number`,
    [projectId, buildingId, floors, positions],
  );
  return new Map(rows.map((r) => [r.number, r.id]));
}

export async function customer(projectId: string, owner: Person, name: string): Promise<string> {
  const phone = `139${String(crypto.randomInt(0, 1e8)).padStart(8, "0")}`;
  const [row] = await sql<{ id: string }>(
    `insert into public.customers (project_id, name, phone, owner_id, created_by, status, last_follow_up_at)
     values ($1, $2, $3, $4, $4, 'following', now()) returning id`,
    [projectId, name, phone, owner.id],
  );
  return row.id;
}

/** Puts a unit in a status directly (arranging data, not the thing under test). */
export async function setStatus(unitId: string, status: string, heldBy?: Person, holdMinutesFromNow = 30): Promise<void> {
  if (status === "held") {
    await sql(
      `update public.units set status = 'held', held_by = $2, hold_expires_at = now() + make_interval(mins => $3::int) where id = $1`,
      [unitId, heldBy?.id, holdMinutesFromNow],
    );
  } else if (status === "withheld") {
    await sql(`update public.units set status = 'withheld', withheld_reason = '公司保留', withheld_at = now() where id = $1`, [unitId]);
  } else {
    await sql(`update public.units set status = $2 where id = $1`, [unitId, status]);
  }
}

export const newProject = (name: string) => createProject(name);

/**
 * The visible window only (screenshots/admin/<name>.png): what a drawer covers, and cheaper than
 * a full-page shot, which re-lays the whole page out at its full height.
 */
export async function viewShot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), animations: "disabled" });
}
