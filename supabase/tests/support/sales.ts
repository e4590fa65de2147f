import crypto from "node:crypto";
import { expect } from "vitest";
import { DEMO_PROJECT_ID, demoUserId } from "../../seed/accounts.ts";
import { signedIn, sql, untyped } from "./clients.ts";

/** Helpers for the inventory, customer, channel and reception tests. */

export const PROJECT = DEMO_PROJECT_ID;

/** The auth user id of a demo account: userId("consultant1"). */
export const userId = (who: string) => demoUserId(who.includes("@") ? who : `${who}@demo.local`);

type Client = Awaited<ReturnType<typeof signedIn>>;
const clients = new Map<string, Promise<Client>>();
/** A signed-in client per demo account, reused within a test file. */
export const as = (who: string) => {
  if (!clients.has(who)) clients.set(who, signedIn(who));
  return clients.get(who)!;
};

export interface RpcResult<T = any> {
  data: T;
  error: { code: string; message: string; details: string; hint: string } | null;
}

/** Call an RPC as a demo account. */
export async function rpc<T = any>(who: string, fn: string, args: Record<string, unknown> = {}): Promise<RpcResult<T>> {
  const client = await as(who);
  return (await untyped(client).rpc(fn, args)) as unknown as RpcResult<T>;
}

/** Call an RPC that must succeed; returns its data. */
export async function ok<T = any>(who: string, fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const { data, error } = await rpc<T>(who, fn, args);
  expect(error, `${fn} as ${who}: ${error?.details} ${error?.message}`).toBeNull();
  return data;
}

/** Call an RPC that must be refused with this machine code (error.details) and a zh-CN message. */
export async function refused(who: string, fn: string, args: Record<string, unknown>, code: string) {
  const { data, error } = await rpc(who, fn, args);
  expect(data, `${fn} as ${who} should have been refused with ${code}`).toBeNull();
  expect(error?.details).toBe(code);
  expect(error?.message).toMatch(/[\u4e00-\u9fa5]/);
  return error!;
}

/** A mobile number nobody used yet (166 + 8 random digits). */
export const freshPhone = () => `166${crypto.randomInt(0, 100_000_000).toString().padStart(8, "0")}`;

/** A customer registered through the API by `who`; returns its id. */
export async function newCustomer(who: string, fields: Record<string, unknown> = {}) {
  const result = await ok(who, "register_customer", {
    p_project_id: PROJECT,
    p_name: fields.p_name ?? "测试客户",
    p_phone: fields.p_phone ?? freshPhone(),
    p_source: fields.p_source ?? "walk_in",
    ...fields,
  });
  expect(result.outcome).toBe("new");
  return result.customer_id as string;
}

/** Put a customer's ownership `days` into the past (owned_since and last follow-up). */
export const ageOwnership = (customerId: string, days: number) =>
  sql(
    `update public.customers set owned_since = owned_since - make_interval(days => $2),
            last_follow_up_at = last_follow_up_at - make_interval(days => $2) where id = $1`,
    [customerId, days],
  );

/** A throwaway building of this project with `count` available units on floor 1.. (own code). */
export async function testUnits(count: number, price = { unitPrice: 30000, area: 100 }) {
  const code = `T${crypto.randomInt(0, 1e9)}`;
  const [b] = await sql<{ id: string }>(
    `insert into public.buildings (project_id, code, name, floors, sort) values ($1, $2, $2 || '栋', 30, 99) returning id`,
    [PROJECT, code],
  );
  const rows = await sql<{ id: string }>(
    `insert into public.units (project_id, building_id, floor, number, rooms, halls, baths, building_area, inner_area,
                               orientation, unit_price, list_price)
     select $1, $2, 1 + (i - 1) / 4, (1 + (i - 1) / 4)::text || lpad((1 + (i - 1) % 4)::text, 2, '0'), 3, 2, 2,
            $4::numeric, round($4::numeric * 0.78, 2), '南', $5::numeric, $4::numeric * $5::numeric
       from generate_series(1, $3::int) i
     returning id`,
    [PROJECT, b.id, count, price.area, price.unitPrice],
  );
  return { buildingId: b.id, code, unitIds: rows.map((r) => r.id) };
}

/** Notifications of a kind for a recipient created since `since`. */
export const notificationsFor = (who: string, kind: string, since: Date) =>
  sql<{ payload: any }>(
    `select payload from public.notifications where recipient_id = $1 and kind = $2 and created_at >= $3 order by id`,
    [userId(who), kind, since],
  );

/** Audit rows for a record and action. */
export const auditFor = (recordId: string, action: string) =>
  sql<{ actor: string; surface: string; before: any; after: any }>(
    `select actor, surface, before, after from public.audit_log where record_id = $1 and action = $2 order by id`,
    [recordId, action],
  );

/** The database's clock (for "since" filters, immune to clock skew with the test process). */
export const dbNow = async () => (await sql<{ now: Date }>("select now() as now"))[0].now;
