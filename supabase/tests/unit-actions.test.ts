import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { as, dealProject, ok, otherProjectPerson, refused, type DealProject } from "./support/deals.ts";

// unit_actions(): what the caller may do with a unit, by the same rule the four unit RPCs enforce —
// every "may" is checked against the RPC itself, so the two cannot drift apart.
let p: DealProject;
let outsider: { id: string; email: string };

beforeAll(async () => {
  p = await dealProject("T-UNIT-ACTIONS", 4);
  outsider = await otherProjectPerson("外项目经理", "sales_manager", "UA-OTHER");
});

const actions = (who: string, unit: number) => ok(who, "unit_actions", { p_unit_id: p.units[unit] });
const NONE = { hold: false, release: false, withhold: false, unwithhold: false };

describe("unit_actions", () => {
  it("an available unit: the consultant may hold it, a manager may hold or withhold it and reads its history", async () => {
    expect(await actions("consultant1", 0)).toEqual({ ...NONE, hold: true, read_audit: false });
    expect(await actions("manager", 0)).toEqual({ ...NONE, hold: true, withhold: true, read_audit: true });
    expect(await actions("finance", 0)).toEqual({ ...NONE, read_audit: false });
    expect(await actions("channel", 0)).toEqual({ ...NONE, read_audit: false });
    expect(await actions("admin", 0)).toMatchObject({ ...NONE, read_audit: true });
  });

  it("a held unit: its holder and a manager may release it, a colleague is refused by release_unit too", async () => {
    await ok("consultant1", "hold_unit", { p_unit_id: p.units[1], p_customer_id: p.customers.c11 });
    expect(await actions("consultant1", 1)).toMatchObject({ ...NONE, release: true });
    expect(await actions("consultant2", 1)).toMatchObject(NONE);
    await refused("consultant2", "release_unit", { p_unit_id: p.units[1] }, "not_holder");
    await refused("consultant2", "hold_unit", { p_unit_id: p.units[1], p_customer_id: p.customers.c21 }, "unit_not_available");
    expect(await actions("manager", 1)).toMatchObject({ ...NONE, release: true, withhold: true });
    await ok("manager", "release_unit", { p_unit_id: p.units[1] });
    expect(await actions("consultant1", 1)).toMatchObject({ ...NONE, hold: true });
  });

  it("a withheld unit: only a manager may lift it; a consultant's unwithhold is refused", async () => {
    await ok("manager", "withhold_unit", { p_unit_id: p.units[2], p_reason: "领导保留" });
    expect(await actions("manager", 2)).toMatchObject({ ...NONE, unwithhold: true });
    expect(await actions("consultant1", 2)).toMatchObject(NONE);
    await refused("consultant1", "unwithhold_unit", { p_unit_id: p.units[2] }, "forbidden");
    await refused("manager", "withhold_unit", { p_unit_id: p.units[2], p_reason: "再次" }, "unit_already_withheld");
    await ok("manager", "unwithhold_unit", { p_unit_id: p.units[2] });
    expect(await actions("manager", 2)).toMatchObject({ ...NONE, hold: true, withhold: true });
  });

  it("is refused to a broker, another project's manager, an unknown unit and a deactivated account", async () => {
    await refused("broker1", "unit_actions", { p_unit_id: p.units[0] }, "unit_not_found");
    await refused(outsider.email, "unit_actions", { p_unit_id: p.units[0] }, "unit_not_found");
    await refused("consultant1", "unit_actions", { p_unit_id: randomUUID() }, "unit_not_found");
    await as(outsider.email);                                // signed in before the deactivation
    await sql(`update public.staff set active = false where id = $1`, [outsider.id]);
    await refused(outsider.email, "unit_actions", { p_unit_id: p.units[0] }, "staff_inactive");
  });

  it("changes nothing", async () => {
    const before = await sql(`select id, status::text, held_by, updated_at from public.units where project_id = $1 order by id`, [p.projectId]);
    await actions("manager", 3);
    await actions("consultant1", 3);
    expect(await sql(`select id, status::text, held_by, updated_at from public.units where project_id = $1 order by id`, [p.projectId])).toEqual(before);
  });
});
