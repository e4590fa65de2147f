import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { approveAll, as, auditOf, currentStep, dealProject, notificationsFor, ok, refused, uid, type DealProject, signContract } from "./support/deals.ts";

// Subscriptions (认购), 换房 / 退房 and contracts (合同), through the API.
let p: DealProject;
beforeAll(async () => {
  p = await dealProject("T-DEALS", 24);
});

const unitRow = async (i: number) =>
  (await sql<{ status: string; held_by: string | null }>(`select status, held_by from public.units where id = $1`, [p.units[i]]))[0];
const customerStatus = async (key: string) =>
  (await sql<{ status: string }>(`select status from public.customers where id = $1`, [p.customers[key]]))[0].status;
const subscriptionRow = async (id: string) =>
  (await sql<Record<string, any>>(`select * from public.subscriptions where id = $1`, [id]))[0];

/** consultant1 subscribes unit i for customer key with 一次性付款98折 and a deposit of 50,000. */
const subscribe = (i: number, key: string, extra: Record<string, unknown> = {}) =>
  ok("consultant1", "create_subscription", {
    p_unit_id: p.units[i], p_customer_id: p.customers[key], p_payment_method: "full",
    p_policy_ids: [p.policies.full], p_deposit_due: "50000", ...extra,
  });

/** Finance records the subscription's full 定金 (a contract needs it first). */
let receipt = 0;
const payDeposit = (s: Record<string, any>, key: string, amount = "50000") =>
  ok("finance", "record_payment", {
    p_project_id: p.projectId, p_customer_id: p.customers[key], p_kind: "deposit", p_amount: amount, p_method: "pos",
    p_receipt_no: `T-DEALS-D${++receipt}`, p_subscription_id: s.id,
  });

/** An approved special discount for unit i and customer key at the given price. */
async function approvedDiscount(i: number, key: string, price: string) {
  const r = await ok("consultant1", "request_discount", {
    p_unit_id: p.units[i], p_customer_id: p.customers[key], p_policy_ids: [p.policies.full],
    p_requested_price: price, p_reason: "客户全款，请求特批",
  });
  await approveAll(r.approval_id);
  return r;
}

describe("subscriptions", () => {
  it("refuses a consultant in probation (未转正)", async () => {
    await refused("consultant3", "create_subscription", {
      p_unit_id: p.units[0], p_customer_id: p.customers.c31, p_payment_method: "full", p_policy_ids: [], p_deposit_due: "50000",
    }, "consultant_not_regularised");
    expect((await unitRow(0)).status).toBe("available");
  });

  it("prices by the policies, stores the build-up, takes the unit and moves the customer to subscribed", async () => {
    const s = await subscribe(0, "c11", { p_policy_ids: [p.policies.full, p.policies.referral] });
    expect(s).toMatchObject({ status: "active", price: 2827440, list_price: 2914285.71, payment_method: "full", unit_label: p.label(0) });
    expect(s.buildup.steps.map((x: any) => x.price_after)).toEqual(["2856000.00", "2827440.00"]);
    expect((await unitRow(0)).status).toBe("subscribed");
    expect(await customerStatus("c11")).toBe("subscribed");
    const [{ d }] = await sql(`select (contract_deadline - private.project_today(project_id)) as d from public.subscriptions where id = $1`, [s.id]);
    expect(d).toBe(7);   // project default contract_deadline_days
    const audit = await auditOf("subscriptions", s.id);
    expect(audit[0]).toMatchObject({ action: "subscription.create", actor: uid("consultant1") });
    const [finance] = await sql(`select payload from public.notifications where recipient_id = $1 and kind = 'subscription_created' and payload ->> 'subscription_id' = $2`, [uid("finance"), s.id]);
    expect(finance.payload).toMatchObject({ unit_label: p.label(0), customer_name: "客户c11", price: "2827440.00", deposit_due: "50000.00" });
  });

  it("never sells a unit twice, and respects another consultant's hold", async () => {
    await refused("consultant2", "create_subscription", {
      p_unit_id: p.units[0], p_customer_id: p.customers.c21, p_payment_method: "full", p_policy_ids: [], p_deposit_due: "50000",
    }, "unit_not_available");
    await ok("consultant2", "hold_unit", { p_unit_id: p.units[1], p_customer_id: p.customers.c21 });
    await refused("consultant1", "create_subscription", {
      p_unit_id: p.units[1], p_customer_id: p.customers.c12, p_payment_method: "full", p_policy_ids: [], p_deposit_due: "50000",
    }, "unit_not_available");
    const s = await ok("consultant2", "create_subscription", {
      p_unit_id: p.units[1], p_customer_id: p.customers.c21, p_payment_method: "mortgage", p_policy_ids: [p.policies.mortgage], p_deposit_due: "30000",
    });
    expect(s.price).toBe(1960200);
    expect(await unitRow(1)).toEqual({ status: "subscribed", held_by: null });
  });

  it("refuses someone else's customer and unknown terms", async () => {
    await refused("consultant1", "create_subscription", {
      p_unit_id: p.units[2], p_customer_id: p.customers.c22, p_payment_method: "full", p_policy_ids: [], p_deposit_due: "50000",
    }, "customer_not_yours");
    await refused("consultant1", "create_subscription", {
      p_unit_id: p.units[2], p_customer_id: p.customers.c12, p_payment_method: "barter", p_policy_ids: [], p_deposit_due: "50000",
    }, "invalid_payment_method");
    await refused("consultant1", "create_subscription", {
      p_unit_id: p.units[2], p_customer_id: p.customers.c12, p_payment_method: "full", p_policy_ids: [], p_deposit_due: "-1",
    }, "invalid_amount");
    await refused("consultant1", "create_subscription", {
      p_unit_id: p.units[2], p_customer_id: p.customers.c12, p_payment_method: "full", p_policy_ids: [], p_deposit_due: "50000",
      p_sincerity_applied: "20000",
    }, "sincerity_exceeds_paid");
    expect((await unitRow(2)).status).toBe("available");
  });

  it("uses an approved special price only for its unit and customer, once", async () => {
    const r = await approvedDiscount(2, "c12", "3400000.00");
    // Another unit, another customer: refused, and nothing changed on the other unit.
    await refused("consultant1", "create_subscription", {
      p_unit_id: p.units[6], p_customer_id: p.customers.c12, p_payment_method: "full", p_discount_request_id: r.id, p_deposit_due: "50000",
    }, "approval_not_usable");
    expect((await unitRow(6)).status).toBe("available");
    await refused("consultant1", "create_subscription", {
      p_unit_id: p.units[2], p_customer_id: p.customers.c13, p_payment_method: "full", p_discount_request_id: r.id, p_deposit_due: "50000",
    }, "approval_not_usable");
    // Other policies than approved: refused.
    await refused("consultant1", "create_subscription", {
      p_unit_id: p.units[2], p_customer_id: p.customers.c12, p_payment_method: "full", p_policy_ids: [p.policies.full, p.policies.referral],
      p_discount_request_id: r.id, p_deposit_due: "50000",
    }, "approval_not_usable");

    const s = await subscribe(2, "c12", { p_discount_request_id: r.id });
    expect(s.price).toBe(3400000);
    expect(s.buildup).toMatchObject({ price_after_policies: "3488800.00", requested_price: "3400000.00", discount_request_id: r.id });
    const [req] = await sql(`select status from public.discount_requests where id = $1`, [r.id]);
    expect(req.status).toBe("used");
    // Used: not again (after a cancellation freed the unit it would still be refused).
    await refused("consultant1", "create_subscription", {
      p_unit_id: p.units[3], p_customer_id: p.customers.c12, p_payment_method: "full", p_discount_request_id: r.id, p_deposit_due: "50000",
    }, "approval_not_usable");
  });

  it("refuses a lapsed, a pending and a rejected approval", async () => {
    const lapsed = await approvedDiscount(3, "c13", "2380000.00");
    await sql(`update public.approvals set lapses_at = now() - interval '1 second' where id = $1`, [lapsed.approval_id]);
    await refused("consultant1", "create_subscription", {
      p_unit_id: p.units[3], p_customer_id: p.customers.c13, p_payment_method: "full", p_discount_request_id: lapsed.id, p_deposit_due: "50000",
    }, "approval_not_usable");
    const pending = await ok("consultant1", "request_discount", {
      p_unit_id: p.units[3], p_customer_id: p.customers.c13, p_policy_ids: [p.policies.full], p_requested_price: "2390000", p_reason: "再申请",
    });
    await refused("consultant1", "create_subscription", {
      p_unit_id: p.units[3], p_customer_id: p.customers.c13, p_payment_method: "full", p_discount_request_id: pending.id, p_deposit_due: "50000",
    }, "approval_not_usable");
    await ok("manager", "decide_approval", { p_step_id: pending.current_step_id, p_decision: "reject", p_comment: "不批" });
    await refused("consultant1", "create_subscription", {
      p_unit_id: p.units[3], p_customer_id: p.customers.c13, p_payment_method: "full", p_discount_request_id: pending.id, p_deposit_due: "50000",
    }, "approval_not_usable");
    expect((await unitRow(3)).status).toBe("available");
  });

  it("flags subscriptions past their contract deadline", async () => {
    const s = await subscribe(4, "c14", { p_contract_deadline: null });
    const view = async () =>
      (await (await as("consultant1")).from("subscription_overview").select("past_deadline, days_past_deadline").eq("id", s.id).single()).data;
    expect(await view()).toEqual({ past_deadline: false, days_past_deadline: 0 });
    await sql(`update public.subscriptions set contract_deadline = private.project_today(project_id) - 3 where id = $1`, [s.id]);
    expect(await view()).toEqual({ past_deadline: true, days_past_deadline: 3 });
  });
});

describe("退房 cancellation", () => {
  it("needs the manager then the director, then frees the unit and records the refund due", async () => {
    const s = await subscribe(5, "c15");
    await ok("finance", "record_payment", {
      p_project_id: p.projectId, p_customer_id: p.customers.c15, p_kind: "deposit", p_amount: "50000", p_method: "pos",
      p_receipt_no: "T-DEALS-0001", p_subscription_id: s.id,
    });
    await refused("consultant1", "request_cancellation", { p_subscription_id: s.id, p_reason: "" }, "reason_required");
    await refused("consultant2", "request_cancellation", { p_subscription_id: s.id, p_reason: "客户资金不足" }, "customer_not_yours");
    const c = await ok("consultant1", "request_cancellation", { p_subscription_id: s.id, p_reason: "客户资金不足，申请退房" });
    await refused("consultant1", "request_cancellation", { p_subscription_id: s.id, p_reason: "again" }, "change_pending");
    const [card] = await notificationsFor("manager", "approval_waiting", c.approval_id);
    expect(card.payload).toMatchObject({ kind: "cancellation", unit_label: p.label(5), customer_name: "客户c15", amount_received: "50000.00" });

    const first = await currentStep(c.approval_id);
    await refused("director", "decide_approval", { p_step_id: first.id, p_decision: "approve" }, "not_approver");
    await ok("manager", "decide_approval", { p_step_id: first.id, p_decision: "approve" });
    expect((await subscriptionRow(s.id)).status).toBe("active");   // nothing happens before the last step
    const last = await ok("director", "decide_approval", { p_step_id: (await currentStep(c.approval_id)).id, p_decision: "approve" });
    expect(last.outcome).toMatchObject({ kind: "cancellation", status: "approved", refund_due: "50000.00" });

    expect((await subscriptionRow(s.id)).status).toBe("cancelled");
    expect((await unitRow(5)).status).toBe("available");
    expect(await customerStatus("c15")).toBe("following");
    const [change] = await sql(`select refund_due, amount_received from public.unit_changes where id = $1`, [c.id]);
    expect(change).toEqual({ refund_due: "50000.00", amount_received: "50000.00" });
    const [due] = await sql<{ payload: Record<string, string> }>(`select payload from public.notifications where recipient_id = $1 and kind = 'refund_due' and payload ->> 'unit_change_id' = $2`, [uid("finance"), c.id]);
    expect(due.payload.refund_due).toBe("50000.00");
    expect((await auditOf("subscriptions", s.id)).map((a) => a.action)).toEqual(["subscription.create", "subscription.cancel"]);

    // Money is never dropped: it stays until finance refunds it.
    const finance = await as("finance");
    const before = (await finance.from("money_due_on_changes").select("balance_on_old, settled").eq("unit_change_id", c.id).single()).data;
    expect(before).toEqual({ balance_on_old: 50000, settled: false });
    await refused("finance", "record_payment", {
      p_project_id: p.projectId, p_customer_id: p.customers.c15, p_kind: "refund", p_amount: "50000.01", p_method: "transfer",
      p_receipt_no: "T-DEALS-R1", p_subscription_id: s.id,
    }, "refund_exceeds_balance");
    await ok("finance", "record_payment", {
      p_project_id: p.projectId, p_customer_id: p.customers.c15, p_kind: "refund", p_amount: "50000", p_method: "transfer",
      p_receipt_no: "T-DEALS-R1", p_subscription_id: s.id,
    });
    const after = (await finance.from("money_due_on_changes").select("balance_on_old, settled").eq("unit_change_id", c.id).single()).data;
    expect(after).toEqual({ balance_on_old: 0, settled: true });
  });

  it("a rejected cancellation changes nothing", async () => {
    const s = await subscribe(7, "c16");
    const c = await ok("consultant1", "request_cancellation", { p_subscription_id: s.id, p_reason: "客户犹豫" });
    await ok("manager", "decide_approval", { p_step_id: (await currentStep(c.approval_id)).id, p_decision: "reject", p_comment: "请再做客户工作" });
    expect((await subscriptionRow(s.id)).status).toBe("active");
    expect((await unitRow(7)).status).toBe("subscribed");
    const [row] = await sql(`select status from public.unit_changes where id = $1`, [c.id]);
    expect(row.status).toBe("rejected");
  });
});

describe("换房 unit change", () => {
  it("moves the customer to the new unit at its own policy price; finance carries the money over", async () => {
    const s = await subscribe(8, "c13", { p_policy_ids: [p.policies.full, p.policies.referral] });   // 2,914,285.71 → 2,827,440
    await ok("finance", "record_payment", {
      p_project_id: p.projectId, p_customer_id: p.customers.c13, p_kind: "deposit", p_amount: "50000", p_method: "transfer",
      p_receipt_no: "T-DEALS-0002", p_subscription_id: s.id,
    });
    await refused("consultant1", "request_unit_change", { p_subscription_id: s.id, p_new_unit_id: p.units[8], p_reason: "同一套" }, "invalid_unit");
    await refused("consultant1", "request_unit_change", { p_subscription_id: s.id, p_new_unit_id: p.units[0], p_reason: "想要这套" }, "unit_not_available");
    const c = await ok("consultant1", "request_unit_change", { p_subscription_id: s.id, p_new_unit_id: p.units[9], p_reason: "客户想换低楼层" });
    expect(c.new_price_preview).toBe(1920996);       // 1,980,000 × 0.98 × 0.99
    await approveAll(c.approval_id);

    const old = await subscriptionRow(s.id);
    expect(old.status).toBe("changed");
    const [change] = await sql<{ new_subscription_id: string }>(`select new_subscription_id, carry_over_due, status from public.unit_changes where id = $1`, [c.id]);
    expect(change).toMatchObject({ status: "approved", carry_over_due: "50000.00" });
    const fresh = await subscriptionRow(change.new_subscription_id);
    expect(fresh).toMatchObject({ status: "active", unit_id: p.units[9], customer_id: p.customers.c13, previous_subscription_id: s.id, price: "1920996.00" });
    expect((await unitRow(8)).status).toBe("available");
    expect((await unitRow(9)).status).toBe("subscribed");

    await refused("consultant1", "carry_over_payment", { p_unit_change_id: c.id }, "forbidden");
    const moved = await ok("finance", "carry_over_payment", { p_unit_change_id: c.id });
    expect(moved.amount).toBe("50000.00");
    const entries = await sql(`select subscription_id, amount, kind from public.payments where unit_change_id = $1 order by amount`, [c.id]);
    expect(entries).toEqual([
      { subscription_id: s.id, amount: "-50000.00", kind: "carry_over" },
      { subscription_id: fresh.id, amount: "50000.00", kind: "carry_over" },
    ]);
    const balances = await sql(`select private.subscription_received($1) as old, private.subscription_received($2) as new`, [s.id, fresh.id]);
    expect(balances[0]).toEqual({ old: "0.00", new: "50000.00" });
    await refused("finance", "carry_over_payment", { p_unit_change_id: c.id }, "already_settled");
  });

  it("refuses at the final approval when the new unit was taken meanwhile", async () => {
    const s = await subscribe(10, "c14");
    const c = await ok("consultant1", "request_unit_change", { p_subscription_id: s.id, p_new_unit_id: p.units[11], p_reason: "换朝向" });
    await ok("manager", "decide_approval", { p_step_id: (await currentStep(c.approval_id)).id, p_decision: "approve" });
    await ok("consultant2", "create_subscription", {
      p_unit_id: p.units[11], p_customer_id: p.customers.c22, p_payment_method: "full", p_policy_ids: [], p_deposit_due: "30000",
    });
    await refused("director", "decide_approval", { p_step_id: (await currentStep(c.approval_id)).id, p_decision: "approve" }, "unit_not_available");
    expect((await subscriptionRow(s.id)).status).toBe("active");
    expect((await currentStep(c.approval_id)).role).toBe("marketing_director");
  });
});

describe("contracts", () => {
  let sub: Record<string, any>;
  // 一次性付款: 定金 + the rest within 90 days (no 分期, no 按揭).
  const plan = (total: number) => [
    { seq: 1, due_date: "2026-01-10", amount: "50000", kind: "deposit" },
    { seq: 2, due_date: "2026-02-10", amount: String(total - 50000), kind: "down_payment" },
  ];
  beforeAll(async () => {
    sub = await subscribe(12, "c16");      // 2,914,285.71 × 0.98 = 2,856,000
    await payDeposit(sub, "c16");
  });

  it("refuses a plan that does not add up to the price, and a probation consultant", async () => {
    await refused("consultant1", "create_contract", {
      p_subscription_id: sub.id, p_contract_no: "HT-0001",
      p_plan: [{ seq: 1, due_date: "2026-01-10", amount: "2856000.001", kind: "down_payment" }],
    }, "plan_invalid");
    await refused("consultant1", "create_contract", { p_subscription_id: sub.id, p_contract_no: "HT-0001", p_plan: plan(2856100) }, "plan_total_mismatch");
    await refused("consultant1", "create_contract", { p_subscription_id: sub.id, p_contract_no: "HT-0001", p_plan: [] }, "plan_invalid");
    await refused("consultant1", "create_contract", {
      p_subscription_id: sub.id, p_contract_no: "HT-0001",
      p_plan: [{ seq: 1, due_date: "2026-01-10", amount: "2856000", kind: "mortgage" }],
    }, "plan_method_mismatch");
    await sql(`update public.customers set owner_id = $1 where id = $2`, [uid("consultant3"), p.customers.c16]);
    try {
      await refused("consultant3", "create_contract", { p_subscription_id: sub.id, p_contract_no: "HT-0001", p_plan: plan(2856000) }, "consultant_not_regularised");
    } finally {
      await sql(`update public.customers set owner_id = $1 where id = $2`, [uid("consultant1"), p.customers.c16]);
    }
  });

  it("takes the subscription's price and method, needs approval, then signs and registers", async () => {
    const c = await ok("consultant1", "create_contract", { p_subscription_id: sub.id, p_contract_no: "HT-0001", p_plan: plan(2856000) });
    expect(c).toMatchObject({ status: "pending", price: 2856000, payment_method: "full" });
    expect(c.plan.map((i: any) => i.amount)).toEqual([50000, 2806000]);
    await refused("consultant1", "create_contract", { p_subscription_id: sub.id, p_contract_no: "HT-0002", p_plan: plan(2856000) }, "contract_exists");
    await refused("consultant1", "sign_contract", { p_contract_id: c.id }, "contract_not_approved");
    const [card] = await notificationsFor("manager", "approval_waiting", c.approval_id);
    expect(card.payload).toMatchObject({ kind: "contract", contract_no: "HT-0001", price: "2856000.00" });
    await approveAll(c.approval_id);

    const signed = await signContract("consultant1", c.id);
    expect(signed.status).toBe("signed");
    expect(signed.commission).toBeNull();
    expect((await unitRow(12)).status).toBe("signed");
    expect((await subscriptionRow(sub.id)).status).toBe("converted");
    expect(await customerStatus("c16")).toBe("signed");
    await refused("consultant1", "sign_contract", { p_contract_id: c.id }, "contract_already_signed");

    await refused("consultant2", "register_contract", { p_contract_id: c.id, p_registration_no: "WQ-1" }, "forbidden");
    const reg = await ok("manager", "register_contract", { p_contract_id: c.id, p_registration_no: "WQ2026-000123" });
    expect(reg.registration_no).toBe("WQ2026-000123");
    await refused("manager", "register_contract", { p_contract_id: c.id, p_registration_no: "WQ-2" }, "contract_already_registered");
    expect((await auditOf("contracts", c.id)).map((a) => a.action)).toEqual(["contract.create", "contract.sign", "contract.register"]);
  });

  it("a 退房 after signing cancels the contract too and frees the signed unit", async () => {
    const [signed] = await sql<{ id: string }>(`select id from public.contracts where contract_no = 'HT-0001' and project_id = $1`, [p.projectId]);
    await ok("finance", "record_payment", {
      p_project_id: p.projectId, p_customer_id: p.customers.c16, p_kind: "down_payment", p_amount: "1000000", p_method: "transfer",
      p_receipt_no: "T-DEALS-0003", p_contract_id: signed.id,
    });
    const c = await ok("consultant1", "request_cancellation", { p_subscription_id: sub.id, p_reason: "客户离婚析产，双方协商退房" });
    await approveAll(c.approval_id);
    const [contract] = await sql(`select status from public.contracts where id = $1`, [signed.id]);
    expect(contract.status).toBe("cancelled");
    expect((await subscriptionRow(sub.id)).status).toBe("cancelled");
    expect((await unitRow(12)).status).toBe("available");
    expect(await customerStatus("c16")).toBe("subscribed");     // still has the subscription of unit 7
    const [change] = await sql(`select refund_due from public.unit_changes where id = $1`, [c.id]);
    expect(change.refund_due).toBe("1050000.00");   // 定金 50,000 + 首付 1,000,000
    expect((await auditOf("contracts", signed.id)).map((a) => a.action)).toContain("contract.cancel");
  });

  it("a rejected contract can be redrafted; contract numbers are unique per project", async () => {
    const s2 = await subscribe(13, "c11");     // 1,980,000 × 0.98 = 1,940,400
    await payDeposit(s2, "c11");
    const onePlan = [{ seq: 1, due_date: "2026-01-10", amount: "1940400", kind: "down_payment" }];
    await refused("consultant1", "create_contract", { p_subscription_id: s2.id, p_contract_no: "HT-0001", p_plan: onePlan }, "contract_no_taken");
    const c = await ok("consultant1", "create_contract", { p_subscription_id: s2.id, p_contract_no: "HT-0002", p_plan: onePlan });
    await ok("manager", "decide_approval", { p_step_id: c.current_step_id, p_decision: "reject", p_comment: "付款计划需调整" });
    const [row] = await sql(`select status from public.contracts where id = $1`, [c.id]);
    expect(row.status).toBe("rejected");
    const again = await ok("consultant1", "create_contract", { p_subscription_id: s2.id, p_contract_no: "HT-0003", p_plan: onePlan });
    expect(again.status).toBe("pending");
  });
});
