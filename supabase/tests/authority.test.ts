import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { as, currentStep, dealProject, notificationsFor, ok, refused, rpc, steps, uid, type DealProject } from "./support/deals.ts";
import { person } from "./support/people.ts";

// Approval authority that cannot be walked around: one person decides one level (own roles or
// as a delegate), delegates are approvers of the same project, a step nobody but the requester
// could decide goes one level up, contract approvals lapse and can be withdrawn.

let p: DealProject;
/** A project staffed like the demo project: one 销售经理. */
let one: DealProject;
/** A person holding both 销售经理 and 营销部长 in p (and nothing elsewhere). */
let twoRoles: { id: string; email: string };
/** A 主管副总 of another project only: not a member of p. */
let outsider: { id: string; email: string };

const hourFromNow = () => ({
  p_valid_from: new Date(Date.now() - 60_000).toISOString(),
  p_valid_to: new Date(Date.now() + 86_400_000).toISOString(),
});

/** consultant1 asks for a special discount of `depth` % below 一次性付款98折 on unit i. */
async function request(i: number, customer: string, depth: number, who = "consultant1", at: DealProject = p) {
  const b = await ok(who, "price_buildup", { p_unit_id: at.units[i], p_policy_ids: [at.policies.full] });
  return ok(who, "request_discount", {
    p_unit_id: at.units[i], p_customer_id: at.customers[customer], p_policy_ids: [at.policies.full],
    p_requested_price: (Number(b.price_after_policies) * (1 - depth / 100)).toFixed(2), p_reason: "客户诚意足，请求特批",
  });
}

beforeAll(async () => {
  p = await dealProject("T-AUTHORITY", 20);
  one = await dealProject("T-AUTHORITY-ONE", 4);
  // Exactly one 销售经理, whoever else other test files added to the demo project.
  await sql(`delete from public.staff_projects where project_id = $1 and role = 'sales_manager' and staff_id <> $2`, [one.projectId, uid("manager")]);
  twoRoles = await person("双岗经理", ["sales_manager", "marketing_director"], p.projectId);
  const elsewhere = randomUUID();
  await sql(`insert into public.projects (id, code, name, city) values ($1, 'T-AUTHORITY-ELSEWHERE', '测试外项目', '宁波')`, [elsewhere]);
  outsider = await person("外项目副总", ["vp"], elsewhere);
});

describe("one person, one level", () => {
  it("refuses someone holding two roles of the chain on the second step", async () => {
    const r = await request(0, "c11", 3.7);                // ≤5%: 销售经理 → 营销部长
    const [first, second] = await steps(r.approval_id);
    await ok(twoRoles.email, "decide_approval", { p_step_id: first.id, p_decision: "approve" });
    const e = await refused(twoRoles.email, "decide_approval", { p_step_id: second.id, p_decision: "approve" }, "one_level_only");
    expect(e.message).toContain("同一人不能审批同一申请的两级");
    // Their inbox does not offer the second step; the other 营销部长 still decides it.
    const inbox = await (await as(twoRoles.email)).from("my_approval_inbox").select("step_id").eq("approval_id", r.approval_id);
    expect(inbox.data).toEqual([]);
    const d = await ok("director", "decide_approval", { p_step_id: second.id, p_decision: "approve" });
    expect(d.approval_status).toBe("approved");
  });

  it("refuses a delegate of two role holders on the second step, and the delegator whose authority was used", async () => {
    await ok("manager", "delegate_approvals", { p_delegate_id: uid("vp"), p_project_id: p.projectId, ...hourFromNow() });
    await ok("director", "delegate_approvals", { p_delegate_id: uid("vp"), p_project_id: p.projectId, ...hourFromNow() });
    try {
      const r = await request(1, "c12", 3.7);
      const [first, second] = await steps(r.approval_id);
      const d1 = await ok("vp", "decide_approval", { p_step_id: first.id, p_decision: "approve", p_comment: "代李经理" });
      expect(d1.on_behalf_of).toBe(uid("manager"));
      await refused("vp", "decide_approval", { p_step_id: second.id, p_decision: "approve" }, "one_level_only");
      expect((await steps(r.approval_id))[1].status).toBe("pending");
      await ok("director", "decide_approval", { p_step_id: second.id, p_decision: "approve" });
    } finally {
      await sql(`update public.approval_delegations set revoked_at = now() where project_id = $1 and revoked_at is null`, [p.projectId]);
    }
  });

  it("refuses the person on whose behalf an earlier step was decided", async () => {
    // twoRoles lets the VP decide for them; the VP decides step 1 (销售经理) in their name.
    const client = await as(twoRoles.email);
    const { error } = await client.rpc("delegate_approvals", { p_delegate_id: uid("vp"), p_project_id: p.projectId, ...hourFromNow() });
    expect(error).toBeNull();
    try {
      const r = await request(5, "c15", 3.7);
      const [first, second] = await steps(r.approval_id);
      const d = await ok("vp", "decide_approval", { p_step_id: first.id, p_decision: "approve" });
      expect(d.on_behalf_of).toBe(twoRoles.id);
      await refused(twoRoles.email, "decide_approval", { p_step_id: second.id, p_decision: "approve" }, "one_level_only");
      await ok("director", "decide_approval", { p_step_id: second.id, p_decision: "approve" });
    } finally {
      await sql(`update public.approval_delegations set revoked_at = now() where project_id = $1 and revoked_at is null`, [p.projectId]);
    }
  });

  it("applies exactly one of parallel decisions by the same two-role person racing on both steps", async () => {
    const r = await request(2, "c13", 3.7);
    const [first] = await steps(r.approval_id);
    const client = await as(twoRoles.email);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => client.rpc("decide_approval", { p_step_id: first.id, p_decision: "approve" })),
    );
    expect(results.filter((x) => !x.error)).toHaveLength(1);
    expect(new Set(results.filter((x) => x.error).map((x) => x.error!.details))).toEqual(new Set(["step_already_decided"]));
    const second = await currentStep(r.approval_id);
    const again = await Promise.all(
      Array.from({ length: 4 }, () => client.rpc("decide_approval", { p_step_id: second.id, p_decision: "approve" })),
    );
    expect(again.every((x) => x.error?.details === "one_level_only")).toBe(true);
  });
});

describe("delegates are approvers of the same project", () => {
  it("refuses a consultant, a non-member and a delegation without a project", async () => {
    const e = await refused("manager", "delegate_approvals", { p_delegate_id: uid("consultant2"), p_project_id: p.projectId, ...hourFromNow() }, "invalid_delegate");
    expect(e.message).toContain("审批人");
    await refused("manager", "delegate_approvals", { p_delegate_id: outsider.id, p_project_id: p.projectId, ...hourFromNow() }, "invalid_delegate");
    await refused("manager", "delegate_approvals", { p_delegate_id: uid("vp"), ...hourFromNow() }, "project_required");
    await refused("consultant1", "delegate_approvals", { p_delegate_id: uid("vp"), p_project_id: p.projectId, ...hourFromNow() }, "forbidden");
    const n = await sql(`select count(*)::int as n from public.approval_delegations where project_id = $1 and delegate_id in ($2, $3)`,
      [p.projectId, uid("consultant2"), outsider.id]);
    expect(n[0].n).toBe(0);
  });

  it("gives a project-less delegation (written before this rule) no reach", async () => {
    await sql(`insert into public.approval_delegations (delegator_id, delegate_id, project_id, valid_from, valid_to)
               values ($1, $2, null, now() - interval '1 hour', now() + interval '1 day')`, [uid("manager"), outsider.id]);
    const r = await request(3, "c14", 1);
    await refused(outsider.email, "decide_approval", { p_step_id: r.current_step_id, p_decision: "approve" }, "not_approver");
    expect((await (await as(outsider.email)).from("approvals").select("id").eq("id", r.approval_id)).data).toEqual([]);
  });

  it("stops a delegate who is deactivated", async () => {
    const spare = await person("代批副总", ["vp"], p.projectId);
    await ok("manager", "delegate_approvals", { p_delegate_id: spare.id, p_project_id: p.projectId, ...hourFromNow() });
    const r = await request(4, "c15", 1);
    await as(spare.email);                                 // signed in before the deactivation
    await sql(`update public.staff set active = false where id = $1`, [spare.id]);
    try {
      // the request never reaches the function: every request of a deactivated person is refused
      await refused(spare.email, "decide_approval", { p_step_id: r.current_step_id, p_decision: "approve" }, "staff_inactive");
      expect((await sql(`select status from public.approval_steps where id = $1`, [r.current_step_id]))[0].status).toBe("pending");
    } finally {
      await sql(`update public.approval_delegations set revoked_at = now() where project_id = $1 and revoked_at is null`, [p.projectId]);
    }
  });
});

describe("nobody is stuck", () => {
  it("sends the only 销售经理's own request up to the 营销部长, shows why, and completes", async () => {
    const r = await request(0, "c21", 1, "manager", one);       // ≤2%: 销售经理 only — the requester
    const [only] = await steps(r.approval_id);
    expect(only).toMatchObject({ role: "marketing_director", status: "pending" });
    const overview = (await (await as("manager")).from("approval_overview").select("steps, current_escalated, current_escalation_reason")
      .eq("id", r.approval_id).single()).data!;
    expect(overview.current_escalated).toBe(true);
    expect(overview.steps[0]).toMatchObject({ escalated: true, escalated_from: "sales_manager", escalation_code: "requester_only" });
    expect(overview.current_escalation_reason).toContain("上报营销部长审批");
    const [card] = await notificationsFor("director", "approval_waiting", r.approval_id);
    expect(card.payload).toMatchObject({ escalated: true, escalated_from: "sales_manager", role: "marketing_director" });
    expect(card.payload.escalation_reason).toContain("只有申请人本人");
    const inbox = (await (await as("director")).from("my_approval_inbox").select("step_id, escalated, escalation_reason").eq("approval_id", r.approval_id)).data!;
    expect(inbox).toEqual([{ step_id: only.id, escalated: true, escalation_reason: overview.current_escalation_reason }]);

    const d = await ok("director", "decide_approval", { p_step_id: only.id, p_decision: "approve" });
    expect(d.approval_status).toBe("approved");
    const [row] = await sql(`select status from public.discount_requests where id = $1`, [r.id]);
    expect(row.status).toBe("approved");
  });

  it("skips the manager's level when the chain already goes to the 营销部长, and still runs in order", async () => {
    const r = await request(1, "c22", 3.7, "manager", one);     // 销售经理 → 营销部长
    const [first, second] = await steps(r.approval_id);
    expect(first).toMatchObject({ role: "sales_manager", status: "skipped" });
    expect(second).toMatchObject({ role: "marketing_director", status: "pending" });
    await refused("manager", "decide_approval", { p_step_id: second.id, p_decision: "approve" }, "self_approval");
    const results = await Promise.all(
      ["director", "director", "director"].map(async (who) =>
        (await as(who)).rpc("decide_approval", { p_step_id: second.id, p_decision: "approve" })),
    );
    expect(results.filter((x) => !x.error)).toHaveLength(1);
    expect((await sql(`select status from public.approvals where id = $1`, [r.approval_id]))[0].status).toBe("approved");
  });

  it("goes up when the only other holder already decided an earlier level", async () => {
    // A project where the two-role person is the only 营销部长.
    const two = await dealProject("T-AUTHORITY-TWO", 2);
    await sql(`delete from public.staff_projects where project_id = $1 and role = 'marketing_director'`, [two.projectId]);
    await sql(`insert into public.staff_projects (staff_id, project_id, role) values ($1, $2, 'sales_manager'), ($1, $2, 'marketing_director')`,
      [twoRoles.id, two.projectId]);
    const r = await request(0, "c16", 3.7, "consultant1", two);
    const [first, second] = await steps(r.approval_id);
    await ok(twoRoles.email, "decide_approval", { p_step_id: first.id, p_decision: "approve" });
    const now = await steps(r.approval_id);
    expect(now[1]).toMatchObject({ id: second.id, role: "vp", status: "pending" });
    const [s] = await sql(`select escalation_code, escalated_from from public.approval_steps where id = $1`, [second.id]);
    expect(s).toEqual({ escalation_code: "decided_earlier", escalated_from: "marketing_director" });
    await refused("director", "decide_approval", { p_step_id: second.id, p_decision: "approve" }, "not_approver");
    await ok("vp", "decide_approval", { p_step_id: second.id, p_decision: "approve" });
  });
});

describe("contract approvals", () => {
  const plan = (total: string) => [{ seq: 1, due_date: "2026-01-10", amount: total, kind: "down_payment" }];

  /** A subscription of unit i whose 定金 finance has received in full, and a contract drafted from it. */
  async function contractFor(i: number, customer: string, no: string) {
    const sub = await ok("consultant1", "create_subscription", {
      p_unit_id: p.units[i], p_customer_id: p.customers[customer], p_payment_method: "full",
      p_policy_ids: [p.policies.full], p_deposit_due: "50000",
    });
    await ok("finance", "record_payment", {
      p_project_id: p.projectId, p_customer_id: p.customers[customer], p_kind: "deposit", p_amount: "50000",
      p_method: "pos", p_receipt_no: `AUTH-${no}`, p_subscription_id: sub.id,
    });
    const price = (await sql<{ price: string }>(`select price::text from public.subscriptions where id = $1`, [sub.id]))[0].price;
    return { sub, contract: await ok("consultant1", "create_contract", { p_subscription_id: sub.id, p_contract_no: no, p_plan: plan(price) }) };
  }

  it("lapses like a discount and can then be withdrawn and redrafted", async () => {
    const { sub, contract } = await contractFor(8, "c11", "AUTH-HT-1");
    const [a] = await sql<{ lapses_at: Date | null }>(`select lapses_at from public.approvals where id = $1`, [contract.approval_id]);
    expect(a.lapses_at).not.toBeNull();
    await sql(`update public.approvals set lapses_at = now() - interval '1 minute' where id = $1`, [contract.approval_id]);
    await refused("manager", "decide_approval", { p_step_id: contract.current_step_id, p_decision: "approve" }, "approval_lapsed");
    const view = (await (await as("consultant1")).from("my_approval_requests").select("effective_status").eq("id", contract.approval_id).single()).data!;
    expect(view.effective_status).toBe("lapsed");

    await refused("consultant2", "withdraw_contract", { p_contract_id: contract.id }, "not_requester");
    const w = await ok("consultant1", "withdraw_contract", { p_contract_id: contract.id, p_reason: "审批过期，重新提交" });
    expect(w.status).toBe("cancelled");
    const price = (await sql<{ price: string }>(`select price::text from public.subscriptions where id = $1`, [sub.id]))[0].price;
    const again = await ok("consultant1", "create_contract", { p_subscription_id: sub.id, p_contract_no: "AUTH-HT-2", p_plan: plan(price) });
    expect(again.status).toBe("pending");
  });

  it("is withdrawn by the requester while pending; the approvers are told and can no longer decide", async () => {
    const { contract } = await contractFor(9, "c12", "AUTH-HT-3");
    const w = await ok("consultant1", "withdraw_contract", { p_contract_id: contract.id, p_reason: "客户要求修改付款计划" });
    expect(w.status).toBe("cancelled");
    expect(await notificationsFor("manager", "approval_cancelled", contract.approval_id)).toHaveLength(1);
    await refused("manager", "decide_approval", { p_step_id: contract.current_step_id, p_decision: "approve" }, "approval_not_pending");
    await refused("consultant1", "withdraw_contract", { p_contract_id: contract.id }, "approval_not_pending");
    const { error } = await rpc("consultant1", "withdraw_contract", { p_contract_id: randomUUID() });
    expect(error?.details).toBe("contract_not_found");
  });
});
