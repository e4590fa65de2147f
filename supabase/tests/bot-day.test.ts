import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PROJECT_ID } from "../seed/accounts.ts";
import { sql } from "./support/clients.ts";
import { dealProject, ok, refused, rpc, uid, type DealProject } from "./support/deals.ts";

// The database side of the bot's day: whom a message names (as the consultant, RLS deciding),
// what a registration would decide before it is confirmed, and extending a hold within policy,
// with the reminder before it lapses.
let p: DealProject;
beforeAll(async () => {
  p = await dealProject("T-BOTDAY", 6);
});

const phoneOf = async (id: string) => (await sql<{ phone: string }>("select phone from public.customers where id = $1", [id]))[0].phone;

describe("customers named in a message", () => {
  it("finds only the caller's own customers of that project, longest name first", async () => {
    const mine = await ok<{ id: string; name: string }[]>("consultant1", "customers_named_in", { p_project_id: p.projectId, p_text: "客户c11 和 客户c21 都嫌贵" });
    expect(mine.map((c) => c.id)).toEqual([p.customers.c11]);
    const theirs = await ok<{ id: string }[]>("consultant2", "customers_named_in", { p_project_id: p.projectId, p_text: "客户c11 和 客户c21 都嫌贵" });
    expect(theirs.map((c) => c.id)).toEqual([p.customers.c21]);
    // Another project: the same words name nobody there.
    expect(await ok("consultant1", "customers_named_in", { p_project_id: DEMO_PROJECT_ID, p_text: "客户c11 嫌贵" })).toEqual([]);
    // A broker owns no customers; anon may not call it at all.
    expect(await ok("broker1", "customers_named_in", { p_project_id: p.projectId, p_text: "客户c11" })).toEqual([]);
  });
});

describe("registration_preview", () => {
  it("tells new / already yours / 撞单 with the owner's name, writing nothing; brokers are refused", async () => {
    expect(await ok("consultant1", "registration_preview", { p_project_id: p.projectId, p_phone: "16600000001" })).toEqual({ outcome: "new" });
    expect(await ok("consultant1", "registration_preview", { p_project_id: p.projectId, p_phone: await phoneOf(p.customers.c12) }))
      .toMatchObject({ outcome: "already_yours", customer_id: p.customers.c12 });
    const before = await sql("select count(*)::int as n from public.customer_collisions where project_id = $1", [p.projectId]);
    const collision = await ok("consultant1", "registration_preview", { p_project_id: p.projectId, p_phone: await phoneOf(p.customers.c22) });
    expect(collision.outcome).toBe("collision");
    expect(collision.owner_name).toBeTruthy();
    expect(collision.customer_id).toBeUndefined();
    expect(await sql("select count(*)::int as n from public.customer_collisions where project_id = $1", [p.projectId])).toEqual(before);
    await sql("update public.customers set owned_since = now() - interval '400 days' where id = $1", [p.customers.c23]);
    expect(await ok("consultant1", "registration_preview", { p_project_id: p.projectId, p_phone: await phoneOf(p.customers.c23) })).toEqual({ outcome: "claimed_from_pool" });
    await refused("consultant1", "registration_preview", { p_project_id: p.projectId, p_phone: "12345" }, "invalid_phone");
    await refused("broker1", "registration_preview", { p_project_id: p.projectId, p_phone: "16600000001" }, "forbidden");
  });
});

describe("extend_hold", () => {
  it("the holder extends once by the project's hold minutes; the rival, a stale tap and a second extension are refused; a new hold may be extended again", async () => {
    const held = await ok("consultant1", "hold_unit", { p_unit_id: p.units[0], p_customer_id: p.customers.c14 });
    await refused("consultant2", "extend_hold", { p_unit_id: p.units[0], p_seen_expires_at: held.hold_expires_at }, "hold_not_yours");
    await refused("consultant1", "extend_hold", { p_unit_id: p.units[0], p_seen_expires_at: "2020-01-01T00:00:00Z" }, "hold_already_handled");
    await refused("finance", "extend_hold", { p_unit_id: p.units[0] }, "forbidden");

    const extended = await ok("consultant1", "extend_hold", { p_unit_id: p.units[0], p_seen_expires_at: held.hold_expires_at });
    const [{ minutes }] = await sql<{ minutes: number }>("select hold_minutes as minutes from public.projects where id = $1", [p.projectId]);
    expect(new Date(extended.hold_expires_at).getTime() - new Date(held.hold_expires_at).getTime()).toBe(minutes * 60_000);
    // The same tap again: already handled; a fresh one: the one extension is used.
    await refused("consultant1", "extend_hold", { p_unit_id: p.units[0], p_seen_expires_at: held.hold_expires_at }, "hold_already_handled");
    await refused("consultant1", "extend_hold", { p_unit_id: p.units[0], p_seen_expires_at: extended.hold_expires_at }, "hold_extension_used");
    const audit = await sql("select 1 from public.audit_log where record_id = $1 and action = 'unit.hold_extend'", [p.units[0]]);
    expect(audit).toHaveLength(1);

    await ok("consultant1", "release_unit", { p_unit_id: p.units[0] });
    const again = await ok("consultant1", "hold_unit", { p_unit_id: p.units[0], p_customer_id: p.customers.c14 });
    await ok("consultant1", "extend_hold", { p_unit_id: p.units[0], p_seen_expires_at: again.hold_expires_at });
    await refused("consultant1", "extend_hold", { p_unit_id: p.units[1] }, "hold_not_active");
  });

  it("two taps at once: exactly one extends", async () => {
    const held = await ok("consultant1", "hold_unit", { p_unit_id: p.units[3], p_customer_id: p.customers.c15 });
    const taps = await Promise.all([1, 2].map(() => rpc("consultant1", "extend_hold", { p_unit_id: p.units[3], p_seen_expires_at: held.hold_expires_at })));
    expect(taps.filter((r) => r.error === null)).toHaveLength(1);
    expect(taps.find((r) => r.error !== null)?.error?.details).toBe("hold_already_handled");
    const [row] = await sql<{ n: number }>("select hold_extensions as n from public.units where id = $1", [p.units[3]]);
    expect(row.n).toBe(1);
  });

  it("reminds the holder once, ten minutes before the hold lapses; only the service role runs it", async () => {
    await ok("consultant2", "hold_unit", { p_unit_id: p.units[2], p_customer_id: p.customers.c25 });
    await sql("update public.units set hold_expires_at = now() + interval '8 minutes' where id = $1", [p.units[2]]);
    const run = () =>
      sql<{ r: { hold_expiring: number } }>(
        `select set_config('request.jwt.claims', '{"role":"service_role"}', true), public.run_hold_reminders() as r`,
      );
    const count = async () =>
      (await sql<{ n: number }>(
        "select count(*)::int as n from public.notifications where recipient_id = $1 and kind = 'hold_expiring' and payload->>'unit_id' = $2",
        [uid("consultant2"), p.units[2]],
      ))[0].n;
    await run();
    await run();
    expect(await count()).toBe(1);
    const { error } = await rpc("consultant2", "run_hold_reminders", {});
    expect(error).not.toBeNull();
  });
});
