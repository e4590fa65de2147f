import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import {
  approveAll, as, auditOf, currentStep, dealProject, notificationsFor, ok, refused, rpc, steps, uid,
  type DealProject,
} from "./support/deals.ts";

// Special discounts and the approval machinery, through the API as the people who use them.
let p: DealProject;
beforeAll(async () => {
  p = await dealProject("T-APPROVALS", 16);
});

/**
 * A discount request by consultant1 for one of their customers, on top of 一次性付款98折: at an
 * explicit price (string) or at a depth in percent below the price after policies (number).
 */
async function request(unit: number, customer: string, price: string | number) {
  let requested = price;
  if (typeof price === "number") {
    const b = await ok("consultant1", "price_buildup", { p_unit_id: p.units[unit], p_policy_ids: [p.policies.full] });
    requested = (Number(b.price_after_policies) * (1 - price / 100)).toFixed(2);
  }
  return ok("consultant1", "request_discount", {
    p_unit_id: p.units[unit], p_customer_id: p.customers[customer], p_policy_ids: [p.policies.full],
    p_requested_price: requested, p_reason: "客户一次性付款，诚意足，请求特批",
  });
}

describe("price build-up and the authority matrix", () => {
  it("shows each policy step rounded to the fen, the depth and the chain before anything is submitted", async () => {
    const b = await ok("consultant1", "price_buildup", {
      p_unit_id: p.units[0], p_policy_ids: [p.policies.full, p.policies.referral], p_requested_price: "2750000",
    });
    expect(b.list_price).toBe("2914285.71");
    expect(b.steps.map((s: any) => [s.policy, s.factor, s.price_after])).toEqual([
      ["一次性付款98折", "0.98", "2856000.00"],
      ["老带新99折", "0.99", "2827440.00"],
    ]);
    expect(b.price_after_policies).toBe("2827440.00");
    expect(b.special_discount_amount).toBe("77440.00");
    expect(b.depth_pct).toBe("2.74");
    expect(b.chain).toEqual(["sales_manager", "marketing_director"]);
    expect(b.unit_label).toBe(p.label(0));
  });

  it("applies amount policies and picks the chain by depth band", async () => {
    const withCash = await ok("consultant1", "price_buildup", { p_unit_id: p.units[0], p_policy_ids: [p.policies.cash] });
    expect(withCash.steps[0]).toMatchObject({ kind: "amount", amount: "10000.00", price_after: "2904285.71" });
    expect(withCash.chain).toEqual([]);
    const chainAt = async (price: string) =>
      (await ok("consultant1", "price_buildup", { p_unit_id: p.units[0], p_policy_ids: [p.policies.full], p_requested_price: price })).chain;
    expect(await chainAt("2856000")).toEqual([]);                       // no special discount
    expect(await chainAt("2798880")).toEqual(["sales_manager"]);        // exactly 2.00%
    expect(await chainAt("2656080")).toEqual(["sales_manager", "marketing_director", "vp"]); // 7.00%
    expect(await chainAt("2500000")).toEqual(["sales_manager", "marketing_director", "vp", "gm"]); // 12.46%
  });

  it("refuses policies that do not combine or belong elsewhere", async () => {
    await refused("consultant1", "price_buildup", { p_unit_id: p.units[0], p_policy_ids: [p.policies.full, p.policies.mortgage] }, "policies_not_stackable");
    await refused("broker1", "price_buildup", { p_unit_id: p.units[0], p_policy_ids: [] }, "forbidden");
  });

  it("lets only an admin replace the matrix, validated as a whole", async () => {
    const rules = [
      { max_depth_pct: 2, chain: ["sales_manager"] },
      { max_depth_pct: 5, chain: ["sales_manager", "marketing_director"] },
      { max_depth_pct: 8, chain: ["sales_manager", "marketing_director", "vp"] },
      { max_depth_pct: null, chain: ["sales_manager", "marketing_director", "vp", "gm"] },
    ];
    await refused("director", "set_approval_matrix", { p_project_id: p.projectId, p_rules: rules }, "forbidden");
    await refused("admin", "set_approval_matrix", { p_project_id: p.projectId, p_rules: [rules[1], rules[0]] }, "matrix_invalid");
    await refused("admin", "set_approval_matrix", { p_project_id: p.projectId, p_rules: [{ max_depth_pct: 2, chain: [] }] }, "matrix_invalid");
    await refused("admin", "set_approval_matrix", { p_project_id: p.projectId, p_rules: [rules[3], rules[0]] }, "matrix_invalid");
    await refused("admin", "set_approval_matrix", { p_project_id: p.projectId, p_rules: [{ max_depth_pct: 3, chain: ["consultant"] }] }, "matrix_invalid");
    const saved = await ok("admin", "set_approval_matrix", { p_project_id: p.projectId, p_rules: rules });
    expect(saved.rules).toHaveLength(4);
    const audit = await sql(`select action from public.audit_log where action = 'approval_matrix.set' and project_id = $1`, [p.projectId]);
    expect(audit).toHaveLength(1);
  });
});

describe("requesting a special discount", () => {
  it("needs a reason, the caller's own customer, and a depth within the matrix", async () => {
    const base = { p_unit_id: p.units[1], p_policy_ids: [p.policies.full], p_requested_price: "1900000" };
    await refused("consultant1", "request_discount", { ...base, p_customer_id: p.customers.c11, p_reason: "  " }, "reason_required");
    await refused("consultant1", "request_discount", { ...base, p_customer_id: p.customers.c21, p_reason: "理由" }, "customer_not_yours");
    await refused("consultant1", "request_discount", { ...base, p_customer_id: p.customers.c11, p_requested_price: "1940400", p_reason: "理由" }, "discount_not_needed");
    await refused("finance", "request_discount", { ...base, p_customer_id: p.customers.c11, p_reason: "理由" }, "forbidden");
  });

  it("refuses a depth beyond every rule when the matrix has no open-ended rule", async () => {
    const q = await dealProject("T-APPROVALS-CAP", 2);
    await ok("admin", "set_approval_matrix", { p_project_id: q.projectId, p_rules: [{ max_depth_pct: 5, chain: ["sales_manager"] }] });
    const b = await ok("consultant1", "price_buildup", { p_unit_id: q.units[0], p_policy_ids: [], p_requested_price: "2600000" });
    expect(b.beyond_authority).toBe(true);
    expect(b.chain).toBeNull();
    await refused("consultant1", "request_discount", {
      p_unit_id: q.units[0], p_customer_id: q.customers.c11, p_policy_ids: [], p_requested_price: "2600000", p_reason: "大客户",
    }, "discount_beyond_authority");
  });

  it("opens the chain from the matrix and sends the first approver a card the bot can render", async () => {
    const r = await request(2, "c12", "3400000.00");   // 3,560,000 × 0.98 = 3,488,800 → 2.55%
    expect(r.status).toBe("pending");
    expect(r.chain).toEqual(["sales_manager", "marketing_director"]);
    const [card] = await notificationsFor("manager", "approval_waiting", r.approval_id);
    expect(card.payload).toMatchObject({
      unit_label: p.label(2), customer_name: "客户c12", list_price: "3560000.00", requested_price: "3400000.00",
      price_after_policies: "3488800.00", depth_pct: "2.55", reason: "客户一次性付款，诚意足，请求特批",
      requester: "王芳", request_id: r.id, step_id: r.current_step_id, role: "sales_manager", subject_type: "discount",
    });
    expect(card.payload.policies).toEqual([{ id: p.policies.full, name: "一次性付款98折" }]);
    expect(await notificationsFor("director", "approval_waiting", r.approval_id)).toHaveLength(0);
    const audit = await auditOf("discount_requests", r.id);
    expect(audit[0]).toMatchObject({ action: "discount.request", actor: uid("consultant1"), surface: "admin" });
  });

  it("refuses a second pending request for the same unit and customer", async () => {
    await request(3, "c13", "2300000");
    await refused("consultant1", "request_discount", {
      p_unit_id: p.units[3], p_customer_id: p.customers.c13, p_policy_ids: [p.policies.full], p_requested_price: "2310000", p_reason: "再议",
    }, "discount_request_pending");
  });
});

describe("deciding", () => {
  it("runs the steps in order: consultant cannot approve, director cannot act before the manager", async () => {
    const r = await request(4, "c14", "2750000");      // 2,856,000 → 3.71%: manager, director
    const [first, second] = await steps(r.approval_id);
    await refused("consultant2", "decide_approval", { p_step_id: first.id, p_decision: "approve" }, "not_approver");
    await refused("director", "decide_approval", { p_step_id: first.id, p_decision: "approve" }, "not_approver");
    await refused("director", "decide_approval", { p_step_id: second.id, p_decision: "approve" }, "step_not_current");

    const d1 = await ok("manager", "decide_approval", { p_step_id: first.id, p_decision: "approve", p_comment: "同意" });
    expect(d1.approval_status).toBe("pending");
    expect(d1.next_step).toMatchObject({ id: second.id, role: "marketing_director" });
    expect(await notificationsFor("director", "approval_waiting", r.approval_id)).toHaveLength(1);

    const d2 = await ok("director", "decide_approval", { p_step_id: second.id, p_decision: "approve" });
    expect(d2.approval_status).toBe("approved");
    const [row] = await sql(`select status from public.discount_requests where id = $1`, [r.id]);
    expect(row.status).toBe("approved");

    const decided = await notificationsFor("consultant1", "approval_decided", r.approval_id);
    expect(decided.map((n) => [n.payload.role, n.payload.decision, n.payload.approval_status])).toEqual([
      ["sales_manager", "approve", "pending"],
      ["marketing_director", "approve", "approved"],
    ]);
    const audit = await auditOf("approval_steps", second.id);
    expect(audit[0]).toMatchObject({ action: "approval.decide", actor: uid("director") });
    expect(audit[0].after.status).toBe("approved");
  });

  it("refuses a second decision on a decided step", async () => {
    const r = await request(5, "c15", 1);               // < 2%: manager only
    await ok("manager", "decide_approval", { p_step_id: r.current_step_id, p_decision: "approve" });
    await refused("manager", "decide_approval", { p_step_id: r.current_step_id, p_decision: "reject", p_comment: "改主意" }, "step_already_decided");
  });

  it("needs a comment to reject; a rejection ends the request and skips the later steps", async () => {
    const r = await request(6, "c16", "3300000");      // 3,560,000×0.98=3,488,800 → 5.41%: three steps
    await refused("manager", "decide_approval", { p_step_id: r.current_step_id, p_decision: "reject" }, "comment_required");
    await refused("manager", "decide_approval", { p_step_id: r.current_step_id, p_decision: "reject", p_comment: "  " }, "comment_required");
    const d = await ok("manager", "decide_approval", { p_step_id: r.current_step_id, p_decision: "reject", p_comment: "幅度过大，请按政策价成交" });
    expect(d.approval_status).toBe("rejected");
    expect((await steps(r.approval_id)).map((s) => s.status)).toEqual(["rejected", "skipped", "skipped"]);
    const [row] = await sql(`select status from public.discount_requests where id = $1`, [r.id]);
    expect(row.status).toBe("rejected");
    const [note] = await notificationsFor("consultant1", "approval_decided", r.approval_id);
    expect(note.payload).toMatchObject({ decision: "reject", comment: "幅度过大，请按政策价成交", approval_status: "rejected" });
    await refused("director", "decide_approval", { p_step_id: (await steps(r.approval_id))[1].id, p_decision: "approve" }, "approval_not_pending");
  });

  it("never lets anyone approve their own request", async () => {
    // The manager asks for a customer (managers may), then tries to approve it.
    const r = await ok("manager", "request_discount", {
      p_unit_id: p.units[7], p_customer_id: p.customers.c21, p_policy_ids: [p.policies.full],
      p_requested_price: "2380000", p_reason: "老业主介绍",
    });
    await refused("manager", "decide_approval", { p_step_id: r.current_step_id, p_decision: "approve" }, "self_approval");
    expect(await notificationsFor("manager", "approval_waiting", r.approval_id)).toHaveLength(0);
  });

  it("applies exactly one of many parallel decisions on one step", async () => {
    const r = await request(8, "c11", 1);
    const manager = await as("manager");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        manager.rpc("decide_approval", {
          p_step_id: r.current_step_id, p_decision: i % 2 ? "approve" : "reject", p_comment: `并发 ${i}`,
        }),
      ),
    );
    const applied = results.filter((x) => !x.error);
    expect(applied).toHaveLength(1);
    expect(results.filter((x) => x.error).map((x) => x.error!.details)).toEqual(Array(11).fill("step_already_decided"));
    const decisions = await sql(`select count(*)::int as n from public.audit_log where action = 'approval.decide' and record_id = $1`, [r.current_step_id]);
    expect(decisions[0].n).toBe(1);
  });

  it("lets a delegate decide for the role holder during the delegation, recorded on behalf of them", async () => {
    // The delegate is an approver of the same project (here the VP deciding the manager's level).
    const r = await request(9, "c12", 1);
    const now = Date.now();
    await refused("vp", "decide_approval", { p_step_id: r.current_step_id, p_decision: "approve" }, "not_approver");
    const delegation = await ok("manager", "delegate_approvals", {
      p_delegate_id: uid("vp"), p_project_id: p.projectId,
      p_valid_from: new Date(now - 60_000).toISOString(), p_valid_to: new Date(now + 86_400_000).toISOString(), p_note: "休假代批",
    });
    const inbox = await (await as("vp")).from("my_approval_inbox").select("step_id, on_behalf_of").eq("approval_id", r.approval_id);
    expect(inbox.data).toEqual([{ step_id: r.current_step_id, on_behalf_of: uid("manager") }]);
    const d = await ok("vp", "decide_approval", { p_step_id: r.current_step_id, p_decision: "approve", p_comment: "代李经理审批" });
    expect(d.on_behalf_of).toBe(uid("manager"));
    expect((await steps(r.approval_id))[0]).toMatchObject({ decided_by: uid("vp"), on_behalf_of: uid("manager") });
    await ok("manager", "revoke_delegation", { p_delegation_id: delegation.id });
    const r2 = await request(10, "c13", 1);
    await refused("vp", "decide_approval", { p_step_id: r2.current_step_id, p_decision: "approve" }, "not_approver");
  });

  it("refuses decisions once the request has lapsed, and shows it lapsed", async () => {
    const r = await request(11, "c14", 3);
    await sql(`update public.approvals set lapses_at = now() - interval '1 minute' where id = $1`, [r.approval_id]);
    await refused("manager", "decide_approval", { p_step_id: r.current_step_id, p_decision: "approve" }, "approval_lapsed");
    const mine = await (await as("consultant1")).from("discount_request_overview").select("effective_status").eq("id", r.id).single();
    expect(mine.data?.effective_status).toBe("lapsed");
    const inbox = await (await as("manager")).from("my_approval_inbox").select("step_id").eq("approval_id", r.approval_id);
    expect(inbox.data).toEqual([]);
  });

  it("lets the requester withdraw a pending request, and nobody else", async () => {
    const r = await request(12, "c15", 1);
    await refused("consultant2", "cancel_discount_request", { p_request_id: r.id }, "not_requester");
    const c = await ok("consultant1", "cancel_discount_request", { p_request_id: r.id, p_reason: "客户改选他房" });
    expect(c.status).toBe("cancelled");
    expect(await notificationsFor("manager", "approval_cancelled", r.approval_id)).toHaveLength(1);
    await refused("manager", "decide_approval", { p_step_id: r.current_step_id, p_decision: "approve" }, "approval_not_pending");
    await refused("consultant1", "cancel_discount_request", { p_request_id: r.id }, "approval_not_pending");
  });
});

describe("inbox, decided-by-me and my requests", () => {
  it("lists what waits for me, what I decided and what I asked for", async () => {
    const r = await request(13, "c16", 4.2);           // manager, then director
    const inbox = (await (await as("manager")).from("my_approval_inbox").select("step_id, role, summary, approval_id")).data!;
    expect(inbox.map((x) => x.step_id)).toContain(r.current_step_id);
    expect((await (await as("director")).from("my_approval_inbox").select("step_id").eq("approval_id", r.approval_id)).data).toEqual([]);

    await ok("manager", "decide_approval", { p_step_id: r.current_step_id, p_decision: "approve" });
    const step2 = await currentStep(r.approval_id);
    const directorInbox = (await (await as("director")).from("my_approval_inbox").select("step_id").eq("approval_id", r.approval_id)).data;
    expect(directorInbox).toEqual([{ step_id: step2.id }]);
    const decided = (await (await as("manager")).from("my_approval_decisions").select("step_id, decision").eq("approval_id", r.approval_id)).data;
    expect(decided).toEqual([{ step_id: r.current_step_id, decision: "approved" }]);
    const mine = (await (await as("consultant1")).from("my_approval_requests").select("id, effective_status, current_step_role").eq("id", r.approval_id)).data;
    expect(mine).toEqual([{ id: r.approval_id, effective_status: "pending", current_step_role: "marketing_director" }]);
    // Another consultant does not see it at all.
    expect((await (await as("consultant2")).from("approvals").select("id").eq("id", r.approval_id)).data).toEqual([]);
    await approveAll(r.approval_id);
  });

  it("keeps approvals out of direct writes", async () => {
    const r = await request(14, "c11", 1);
    const manager = await as("manager");
    const upd = await manager.from("approval_steps").update({ status: "approved" }).eq("id", r.current_step_id).select();
    expect(upd.error?.code ?? (upd.data?.length === 0 ? "none" : "updated")).not.toBe("updated");
    expect((await steps(r.approval_id))[0].status).toBe("pending");
    const ins = await manager.from("discount_requests").insert({ id: r.id }).select();
    expect(ins.error).not.toBeNull();
    expect((await rpc("consultant1", "request_discount", {
      p_unit_id: p.units[15], p_customer_id: p.customers.c11, p_policy_ids: [p.policies.full],
      p_requested_price: "9999999", p_reason: "x",
    })).error?.details).toBe("invalid_price");
  });
});
