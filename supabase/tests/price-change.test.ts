import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { as, auditFor, ok, refused, userId } from "./support/sales.ts";

// Price-list authority (调价审批): a cut beyond the project's threshold (3%) or below the floor
// price waits for 营销部长 → 总经理 and takes effect only when approved; raises and small cuts
// apply at once — through the price-list import, the single edit, and never by a direct write.

/**
 * A project of its own with exactly the demo accounts' roles that matter here (one 销售经理, one
 * 营销部长, one 主管副总, one 总经理, a consultant), so other test files' people never join its chains.
 */
let PROJECT: string;
beforeAll(async () => {
  PROJECT = randomUUID();
  await sql(`insert into public.projects (id, code, name, city) values ($1, $2, '测试调价项目', '杭州')`, [PROJECT, `T-PRICE-${PROJECT.slice(0, 6)}`]);
  for (const [who, role] of [["manager", "sales_manager"], ["director", "marketing_director"], ["vp", "vp"], ["gm", "gm"], ["consultant1", "consultant"]]) {
    await sql(`insert into public.staff_projects (staff_id, project_id, role) values ($1, $2, $3)`, [userId(who), PROJECT, role]);
  }
});

/** A building of the test project with `count` available units 101, 102… at 30,000/m² × 100 m². */
async function testUnits(count: number) {
  const code = `P${randomUUID().slice(0, 6)}`;
  const [b] = await sql<{ id: string }>(`insert into public.buildings (project_id, code, name, floors) values ($1, $2, $2, 30) returning id`, [PROJECT, code]);
  const rows = await sql<{ id: string }>(
    `insert into public.units (project_id, building_id, floor, number, rooms, halls, baths, building_area, inner_area, orientation, unit_price, list_price)
     select $1, $2, 1, '1' || lpad(i::text, 2, '0'), 3, 2, 2, 100, 78, '南', 30000, 3000000 from generate_series(1, $3::int) i returning id`,
    [PROJECT, b.id, count],
  );
  return { code, unitIds: rows.map((r) => r.id) };
}

/** A 价目表 row for unit `number` of the test building at a unit price per m² (area 100 m²). */
const row = (code: string, number: string, unitPrice: number) => ({
  building_code: code, floor: Number(number.slice(0, -2)), number, rooms: 3, halls: 2, baths: 2,
  building_area: 100, inner_area: 78, orientation: "南", unit_price: unitPrice, list_price: unitPrice * 100,
});
const prices = async (ids: string[]) =>
  (await sql<{ id: string; list_price: string }>(`select id, list_price from public.units where id = any($1) order by floor, number`, [ids]))
    .map((u) => u.list_price);
const stepsOf = (approvalId: string) =>
  sql<{ id: string; role: string; status: string }>(`select id, role, status from public.approval_steps where approval_id = $1 order by seq`, [approvalId]);

describe("price-list import", () => {
  it("holds back a 10% cut by the 销售经理 as a request; raises and small cuts apply at once", async () => {
    const { code, unitIds } = await testUnits(3);          // 30,000/m² × 100 m² = 3,000,000 each
    const result = await ok("manager", "import_price_list", {
      p_project_id: PROJECT,
      p_rows: [row(code, "101", 27000), row(code, "102", 30300), row(code, "103", 29400)],   // −10%, +1%, −2%
    });
    expect(result).toMatchObject({ ok: true, held_for_approval: 1 });
    expect(result.price_change_request).toMatchObject({ units: 1, chain: ["marketing_director", "gm"] });
    expect(await prices(unitIds)).toEqual(["3000000.00", "3030000.00", "2940000.00"]);

    const req = result.price_change_request;
    const overview = (await (await as("manager")).from("price_change_overview").select("*").eq("id", req.id).single()).data!;
    expect(overview).toMatchObject({ status: "pending", source: "import", units_count: 1, current_step_role: "marketing_director" });
    expect(overview.items).toEqual([expect.objectContaining({
      unit_id: unitIds[0], old_list_price: "3000000.00", new_list_price: "2700000.00", cut_pct: "10.00", below_floor: false,
    })]);
    // The 销控表 shows the pending change on the cell, the price stays.
    const board = await ok("consultant1", "sales_board", { p_project_id: PROJECT });
    const cell = board.units.find((u: any) => u.id === unitIds[0]);
    expect(cell).toMatchObject({ list_price: "3000000.00", pending_price: { request_id: req.id, new_list_price: "2700000.00", cut_pct: "10.00" } });
    expect(board.units.find((u: any) => u.id === unitIds[1]).pending_price).toBeNull();

    // The requester cannot decide; 营销部长 then 总经理; only then the price changes.
    const [first, second] = await stepsOf(req.approval_id);
    await refused("manager", "decide_approval", { p_step_id: first.id, p_decision: "approve" }, "self_approval");
    await refused("vp", "decide_approval", { p_step_id: first.id, p_decision: "approve" }, "not_approver");
    const inbox = (await (await as("director")).from("my_approval_inbox").select("subject_type, summary").eq("approval_id", req.approval_id)).data!;
    expect(inbox[0]).toMatchObject({ subject_type: "price_change", summary: { kind: "price_change", units_count: 1, max_cut_pct: "10.00" } });
    await ok("director", "decide_approval", { p_step_id: first.id, p_decision: "approve" });
    expect(await prices([unitIds[0]])).toEqual(["3000000.00"]);
    const done = await ok("gm", "decide_approval", { p_step_id: second.id, p_decision: "approve" });
    expect(done).toMatchObject({ approval_status: "approved", outcome: { status: "approved", applied: 1 } });
    expect(await prices([unitIds[0]])).toEqual(["2700000.00"]);
    const [unit] = await sql(`select unit_price::text from public.units where id = $1`, [unitIds[0]]);
    expect(unit.unit_price).toBe("27000.00");
    const audit = await auditFor(unitIds[0], "unit.price_change");
    expect(audit.at(-1)).toMatchObject({ actor: userId("gm"), after: { list_price: 2700000, price_change_request_id: req.id } });
    expect((await ok("consultant1", "sales_board", { p_project_id: PROJECT })).units.find((u: any) => u.id === unitIds[0]).pending_price).toBeNull();
  });

  it("applies nothing when the request is rejected, and a preview opens no request", async () => {
    const { code, unitIds } = await testUnits(1);
    const preview = await ok("manager", "preview_price_list", { p_project_id: PROJECT, p_rows: [row(code, "101", 25000)] });
    expect(preview).toMatchObject({ ok: true, preview: true, held_for_approval: 1 });
    const none = await sql(`select count(*)::int as n from public.price_change_items where unit_id = $1`, [unitIds[0]]);
    expect(none[0].n).toBe(0);

    const result = await ok("director", "import_price_list", { p_project_id: PROJECT, p_rows: [row(code, "101", 25000)] });
    const req = result.price_change_request;
    // The 营销部长 asked: their level goes up to the 总经理's (already in the chain): skipped up.
    const steps = await stepsOf(req.approval_id);
    expect(steps.map((s) => [s.role, s.status])).toEqual([["marketing_director", "skipped"], ["gm", "pending"]]);
    await ok("gm", "decide_approval", { p_step_id: steps[1].id, p_decision: "reject", p_comment: "降幅过大" });
    expect(await prices(unitIds)).toEqual(["3000000.00"]);
    const [r] = await sql(`select status from public.price_change_requests where id = $1`, [req.id]);
    expect(r.status).toBe("rejected");
  });

  it("refuses the only 总经理's own deep cut (nobody could approve it), writing nothing", async () => {
    // A project of its own where the demo 总经理 is the only approver of any level.
    const project = randomUUID();
    await sql(`insert into public.projects (id, code, name, city) values ($1, $2, '测试独董项目', '杭州')`, [project, `T-GM-${project.slice(0, 6)}`]);
    await sql(`insert into public.staff_projects (staff_id, project_id, role) values ($1, $2, 'gm')`, [userId("gm"), project]);
    const [b] = await sql<{ id: string }>(`insert into public.buildings (project_id, code, name, floors) values ($1, 'G', 'G栋', 30) returning id`, [project]);
    const [u] = await sql<{ id: string }>(
      `insert into public.units (project_id, building_id, floor, number, rooms, halls, baths, building_area, unit_price, list_price)
       values ($1, $2, 1, '101', 3, 2, 2, 100, 30000, 3000000) returning id`, [project, b.id]);
    const code = "G";
    const unitIds = [u.id];
    const e = await refused("gm", "import_price_list", { p_project_id: project, p_rows: [row(code, "101", 27000)] }, "no_approver");
    expect(e.message).toContain("没有可以审批此申请的人");
    expect(await prices(unitIds)).toEqual(["3000000.00"]);
    const none = await sql(`select count(*)::int as n from public.price_change_items where unit_id = $1`, [unitIds[0]]);
    expect(none[0].n).toBe(0);
    // A raise by the same person applies at once.
    expect(await ok("gm", "import_price_list", { p_project_id: project, p_rows: [row(code, "101", 30600)] })).toMatchObject({ ok: true, held_for_approval: 0 });
    expect(await prices(unitIds)).toEqual(["3060000.00"]);
  });

  it("holds back a small cut that goes below the floor price", async () => {
    const { code, unitIds } = await testUnits(1);
    await sql(`update public.units set floor_price = 2950000 where id = $1`, [unitIds[0]]);
    const result = await ok("manager", "import_price_list", { p_project_id: PROJECT, p_rows: [row(code, "101", 29400)] });  // −2%, below 底价
    expect(result.held_for_approval).toBe(1);
    const [item] = await sql(`select below_floor from public.price_change_items where request_id = $1`, [result.price_change_request.id]);
    expect(item.below_floor).toBe(true);
    expect(await prices(unitIds)).toEqual(["3000000.00"]);
    await ok("manager", "cancel_price_change", { p_request_id: result.price_change_request.id, p_reason: "重新核价" });
    await refused("consultant1", "cancel_price_change", { p_request_id: result.price_change_request.id }, "not_requester");
  });
});

describe("single price edit and direct writes", () => {
  it("turns a deep single cut into a request, applies a raise at once, refuses consultants", async () => {
    const { unitIds } = await testUnits(2);
    const cut = await ok("manager", "set_unit_price", { p_unit_id: unitIds[0], p_list_price: "2700000", p_reason: "尾盘促销" });
    expect(cut).toMatchObject({ applied: false, price_change_request: { units: 1 } });
    const raise = await ok("manager", "set_unit_price", { p_unit_id: unitIds[1], p_list_price: "3100000" });
    expect(raise).toMatchObject({ applied: true, list_price: "3100000.00", unit_price: "31000.00" });
    expect(await prices(unitIds)).toEqual(["3000000.00", "3100000.00"]);
    await refused("consultant1", "set_unit_price", { p_unit_id: unitIds[0], p_list_price: "3100000" }, "forbidden");
    await refused("manager", "set_unit_price", { p_unit_id: unitIds[1], p_list_price: "3100000" }, "price_unchanged");
  });

  it("refuses staff a direct UPDATE of unit prices, and any other path past the guard", async () => {
    const { unitIds } = await testUnits(1);
    for (const who of ["manager", "director", "gm", "admin"]) {
      const res = await (await as(who)).from("units").update({ list_price: 100000 }).eq("id", unitIds[0]).select();
      expect(res.error?.code ?? (res.data?.length === 0 ? "none" : "updated")).not.toBe("updated");
    }
    expect(await prices(unitIds)).toEqual(["3000000.00"]);
    // Any other path running for a signed-in user (a function, a policy added later) meets the guard.
    const guard = await sql(
      `do $$ begin
         perform set_config('request.jwt.claims', json_build_object('sub', '${userId("gm")}', 'role', 'authenticated')::text, true);
         update public.units set list_price = 100000 where id = '${unitIds[0]}';
       end $$`,
    ).catch((e: { detail?: string }) => e.detail);
    expect(guard).toBe("price_change_needs_approval");
    expect(await prices(unitIds)).toEqual(["3000000.00"]);
  });
});
