import crypto from "node:crypto";
import { DEMO_PROJECT_ID } from "../../../../supabase/seed/accounts.ts";
import { sql } from "../../../../supabase/tests/support/clients.ts";

export const PROJECT = DEMO_PROJECT_ID;

/** A mobile number nobody used yet. */
export const freshPhone = () => `166${crypto.randomInt(0, 100_000_000).toString().padStart(8, "0")}`;

export interface TestUnit {
  id: string;
  label: string;
  listPrice: string;
}

/**
 * A throwaway building of the demo project with a code the parser reads (two digits, one not
 * used yet) and `count` available 3室 units on floor 12 (…1201, 1202…): list price 3,000,000.00
 * (30,000.00/㎡ × 100㎡) unless given.
 */
export async function testBuilding(count = 4, opts: { unitPrice?: string; area?: string; rooms?: number } = {}) {
  const [{ code }] = await sql<{ code: string }>(
    `select c::text as code from generate_series(10, 99) c
      where not exists (select 1 from public.buildings b where b.project_id = $1 and b.code = c::text)
      order by random() limit 1`,
    [PROJECT],
  );
  const [b] = await sql<{ id: string }>(
    `insert into public.buildings (project_id, code, name, floors, sort) values ($1, $2, $2 || '栋', 30, 50) returning id`,
    [PROJECT, code],
  );
  const unitPrice = opts.unitPrice ?? "30000";
  const area = opts.area ?? "100";
  const rows = await sql<{ id: string; number: string; list_price: string }>(
    `insert into public.units (project_id, building_id, floor, number, rooms, halls, baths, building_area, inner_area,
                               orientation, unit_price, list_price)
     select $1, $2, 12, (1200 + i)::text, $4, 2, 2, $5::numeric, round($5::numeric * 0.78, 2), '南', $6::numeric,
            round($5::numeric * $6::numeric, 2)
       from generate_series(1, $3::int) i
     returning id, number, list_price::text`,
    [PROJECT, b.id, count, opts.rooms ?? 3, area, unitPrice],
  );
  return {
    code,
    units: rows.sort((x, y) => x.number.localeCompare(y.number)).map((r) => ({ id: r.id, label: `${code}-${r.number}`, listPrice: r.list_price })),
  };
}

/** A customer owned by a staff member (arranged in SQL). */
export async function customerOf(staffId: string, name: string, phone = freshPhone()): Promise<{ id: string; name: string; phone: string }> {
  const [row] = await sql<{ id: string }>(
    `insert into public.customers (project_id, name, phone, source, owner_id, created_by)
     values ($1, $2, $3, 'walk_in', $4, $4) returning id`,
    [PROJECT, name, phone, staffId],
  );
  return { id: row.id, name, phone };
}

// A random start, then one step per name: two names of one test never coincide (a random draw per
// name did, now and then — a "later" customer then shared a name with an overdue one).
let nameCounter = crypto.randomInt(0, 256);
const SURNAMES = ["王", "李", "赵", "钱", "孙", "周", "吴", "郑", "冯", "陈", "褚", "卫", "蒋", "沈", "韩", "杨"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明"];
/** A two-character name, different from the previous 255 of this test file. */
export function testName(): string {
  const n = nameCounter++;
  return SURNAMES[n % SURNAMES.length] + GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length];
}
