import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { approveAll, as, auditOf, currentStep, dealProject, ok, refused, rpc, type DealProject } from "./support/deals.ts";

// Holds that respect pending work: a hold under a pending special-discount request is kept until
// the request is decided or lapses, then the normal timer restarts. Through the API as the
// people; "time passing" is the fixture's timestamps moved back, never a sleep.
let p: DealProject;
beforeAll(async () => {
  p = await dealProject("T-HOLDS", 12);
});

/** consultant1's request 3% below 一次性付款98折 (manager + director), on a full-payment deal. */
async function requestDiscount(unit: number, customer: string) {
  const b = await ok("consultant1", "price_buildup", { p_unit_id: p.units[unit], p_policy_ids: [p.policies.full] });
  const requested = (Number(b.price_after_policies) * 0.97).toFixed(2);
  const r = await ok("consultant1", "request_discount", {
    p_unit_id: p.units[unit], p_customer_id: p.customers[customer], p_policy_ids: [p.policies.full],
    p_requested_price: requested, p_reason: "客户一次性付款，请求特批",
  });
  return { ...r, requested } as { id: string; approval_id: string; current_step_id: string; requested: string; lapses_at: string };
}

/** As if `minutes` had passed: every timestamp of the unit's hold and of the approval moves back. */
async function age(unit: number, minutes: number, approvalId?: string) {
  await sql(`update public.units set hold_expires_at = hold_expires_at - make_interval(mins => $2) where id = $1`, [p.units[unit], minutes]);
  if (approvalId) {
    await sql(
      `update public.approvals set lapses_at = lapses_at - make_interval(mins => $2), created_at = created_at - make_interval(mins => $2) where id = $1`,
      [approvalId, minutes],
    );
  }
}

/** Minutes from now until the stored hold expires, and the approval it waits for. */
async function hold(unit: number) {
  const [row] = await sql<{ minutes: number; hold_approval_id: string | null; status: string; held_for: string | null }>(
    `select round(extract(epoch from hold_expires_at - now()) / 60)::int as minutes, hold_approval_id, status::text, held_for
       from public.units where id = $1`,
    [p.units[unit]],
  );
  return row;
}

const boardStatus = async (who: string, unit: number) =>
  (await (await as(who)).from("unit_board").select("status, held_for").eq("id", p.units[unit]).single()).data as { status: string; held_for: string | null };

describe("a hold under a pending discount request", () => {
  it("is kept past the 30 minutes; a colleague's hold is refused naming the approval; after approval the requester subscribes at the approved price", async () => {
    await ok("consultant1", "hold_unit", { p_unit_id: p.units[0], p_customer_id: p.customers.c11 });
    const r = await requestDiscount(0, "c11");
    const kept = await hold(0);
    expect(kept.hold_approval_id).toBe(r.approval_id);
    expect(kept.minutes).toBeGreaterThan(60);

    await age(0, 31, r.approval_id);
    expect(await boardStatus("consultant2", 0)).toEqual({ status: "held", held_for: p.customers.c11 });
    const refusal = await refused("consultant2", "hold_unit", { p_unit_id: p.units[0], p_customer_id: p.customers.c21 }, "unit_not_available");
    expect(refusal.message).toContain("特殊优惠申请正在审批中");
    expect(refusal.message).toContain("王芳");
    // A manager cannot take it for someone else either.
    await refused("manager", "hold_unit", { p_unit_id: p.units[0], p_customer_id: p.customers.c21 }, "unit_not_available");

    await approveAll(r.approval_id);
    const restarted = await hold(0);
    expect(restarted).toMatchObject({ status: "held", hold_approval_id: null, held_for: p.customers.c11, minutes: 30 });
    const audit = (await auditOf("units", p.units[0])).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(["unit.hold", "unit.hold_kept", "unit.hold_restarted"]));

    await refused("consultant2", "hold_unit", { p_unit_id: p.units[0], p_customer_id: p.customers.c21 }, "unit_not_available");
    const sub = await ok("consultant1", "create_subscription", {
      p_unit_id: p.units[0], p_customer_id: p.customers.c11, p_payment_method: "full", p_policy_ids: [p.policies.full],
      p_discount_request_id: r.id, p_deposit_due: "50000",
    });
    expect(Number(sub.price).toFixed(2)).toBe(r.requested);
    expect((await boardStatus("consultant2", 0)).status).toBe("subscribed");
  });

  it("after a rejection the unit frees at the normal timer", async () => {
    await ok("consultant1", "hold_unit", { p_unit_id: p.units[1], p_customer_id: p.customers.c12 });
    const r = await requestDiscount(1, "c12");
    await age(1, 45, r.approval_id);
    await refused("consultant2", "hold_unit", { p_unit_id: p.units[1], p_customer_id: p.customers.c22 }, "unit_not_available");

    const step = await currentStep(r.approval_id);
    await ok("manager", "decide_approval", { p_step_id: step.id, p_decision: "reject", p_comment: "幅度过大，请按政策价成交" });
    expect(await hold(1)).toMatchObject({ status: "held", hold_approval_id: null, minutes: 30 });
    // Still the requester's for the normal 30 minutes…
    await refused("consultant2", "hold_unit", { p_unit_id: p.units[1], p_customer_id: p.customers.c22 }, "unit_not_available");
    // …and free after them.
    await age(1, 31);
    expect((await boardStatus("consultant2", 1)).status).toBe("available");
    await ok("consultant2", "hold_unit", { p_unit_id: p.units[1], p_customer_id: p.customers.c22 });
  });

  it("a request made first is honoured by a later hold; a lapsed approval ends the hold with it", async () => {
    const r = await requestDiscount(2, "c13");
    await ok("consultant1", "hold_unit", { p_unit_id: p.units[2], p_customer_id: p.customers.c13 });
    expect((await hold(2)).hold_approval_id).toBe(r.approval_id);
    await age(2, 31, r.approval_id);
    await refused("consultant2", "hold_unit", { p_unit_id: p.units[2], p_customer_id: p.customers.c23 }, "unit_not_available");

    // The approval lapses undecided (48 h): the hold goes with it, no job run.
    await age(2, 48 * 60, r.approval_id);
    expect((await boardStatus("consultant2", 2)).status).toBe("available");
    await ok("consultant2", "hold_unit", { p_unit_id: p.units[2], p_customer_id: p.customers.c23 });
    expect((await hold(2)).hold_approval_id).toBeNull();
  });

  it("withdrawing the request restarts the normal timer", async () => {
    await ok("consultant1", "hold_unit", { p_unit_id: p.units[3], p_customer_id: p.customers.c14 });
    const r = await requestDiscount(3, "c14");
    await age(3, 40, r.approval_id);
    await ok("consultant1", "cancel_discount_request", { p_request_id: r.id, p_reason: "客户改为按政策价" });
    expect(await hold(3)).toMatchObject({ status: "held", hold_approval_id: null, minutes: 30 });
  });

  it("keeps nothing for a request about another customer, and the holder's release still frees the unit", async () => {
    // consultant1 holds for c15 but asks for c16: the hold is not for that request's customer.
    await ok("consultant1", "hold_unit", { p_unit_id: p.units[4], p_customer_id: p.customers.c15 });
    const r = await requestDiscount(4, "c16");
    expect(await hold(4)).toMatchObject({ hold_approval_id: null, minutes: 30 });
    await age(4, 31, r.approval_id);
    await ok("consultant2", "hold_unit", { p_unit_id: p.units[4], p_customer_id: p.customers.c24 });

    // A kept hold released by its holder is free at once and forgets the approval.
    await ok("consultant1", "hold_unit", { p_unit_id: p.units[5], p_customer_id: p.customers.c15 });
    await requestDiscount(5, "c15");
    await ok("consultant1", "release_unit", { p_unit_id: p.units[5] });
    expect(await hold(5)).toMatchObject({ status: "available", hold_approval_id: null });
    await ok("consultant2", "hold_unit", { p_unit_id: p.units[5], p_customer_id: p.customers.c25 });
  });

  it("once the kept hold ends, parallel holds still have exactly one winner", async () => {
    await ok("consultant1", "hold_unit", { p_unit_id: p.units[6], p_customer_id: p.customers.c11 });
    const r = await requestDiscount(6, "c11");
    const step = await currentStep(r.approval_id);
    await ok("manager", "decide_approval", { p_step_id: step.id, p_decision: "reject", p_comment: "不同意" });
    await age(6, 31);
    await Promise.all([as("consultant1"), as("consultant2"), as("manager")]);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const who = ["consultant1", "consultant2", "manager"][i % 3];
        return rpc(who, "hold_unit", { p_unit_id: p.units[6], p_customer_id: who === "consultant2" ? p.customers.c22 : p.customers.c12 });
      }),
    );
    expect(results.filter((x) => x.error === null)).toHaveLength(1);
    expect(results.filter((x) => x.error?.details === "unit_not_available")).toHaveLength(29);
  });
});
