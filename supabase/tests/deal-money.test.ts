import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { visitedReport } from "./support/channel-reports.ts";
import { approveAll, as, auditOf, dealProject, ok, refused, rpc, uid, type DealProject, signContract } from "./support/deals.ts";

// The money rules of a deal: policy conditions, 定金 before the contract, deadlines that act,
// channel attribution at the sale, 退房 keeping the owner, 诚意金 counted under lock, and a
// manager signing for a consultant in probation — each with its walk-around, through the API.
let p: DealProject;
beforeAll(async () => {
  p = await dealProject("T-MONEY", 32);
});

let receipts = 0;
const receipt = () => `T-MONEY-${++receipts}`;
const unitStatus = async (i: number) =>
  (await sql<{ status: string }>(`select status from public.units where id = $1`, [p.units[i]]))[0].status;
const pay = (key: string, subscriptionId: string | null, kind: string, amount: string) =>
  ok("finance", "record_payment", {
    p_project_id: p.projectId, p_customer_id: p.customers[key], p_kind: kind, p_amount: amount, p_method: "pos",
    p_receipt_no: receipt(), p_subscription_id: subscriptionId,
  });
const subscribe = (i: number, key: string, method: string, policies: string[], extra: Record<string, unknown> = {}, who = "consultant1") =>
  ok(who, "create_subscription", {
    p_unit_id: p.units[i], p_customer_id: p.customers[key], p_payment_method: method, p_policy_ids: policies,
    p_deposit_due: "50000", ...extra,
  });
/** 一次性付款 plan: 定金 then the rest a month later. */
const fullPlan = (price: number) => [
  { seq: 1, due_date: "2026-03-01", amount: "50000", kind: "deposit" },
  { seq: 2, due_date: "2026-04-01", amount: (price - 50000).toFixed(2), kind: "down_payment" },
];

describe("policy conditions", () => {
  it("refuses 一次性付款98折 on a mortgage deal: build-up, discount request and subscription", async () => {
    const buildup = { p_unit_id: p.units[0], p_policy_ids: [p.policies.full] };
    const e = await refused("consultant1", "price_buildup", { ...buildup, p_payment_method: "mortgage" }, "policy_condition_unmet");
    expect(e.message).toContain("一次性付款98折");
    expect(e.message).toContain("按揭");
    await ok("consultant1", "price_buildup", { ...buildup, p_payment_method: "full" });
    await refused("consultant1", "request_discount", {
      p_unit_id: p.units[0], p_customer_id: p.customers.c12, p_policy_ids: [p.policies.full], p_requested_price: "2800000",
      p_reason: "按揭客户想要全款折扣", p_payment_method: "mortgage",
    }, "policy_condition_unmet");
    await refused("consultant1", "create_subscription", {
      p_unit_id: p.units[0], p_customer_id: p.customers.c12, p_payment_method: "mortgage", p_policy_ids: [p.policies.full], p_deposit_due: "50000",
    }, "policy_condition_unmet");
    expect(await unitStatus(0)).toBe("available");
    const [{ n }] = await sql(`select count(*)::int as n from public.discount_requests where unit_id = $1`, [p.units[0]]);
    expect(n).toBe(0);
  });

  it("refuses 老带新 for a customer who did not come by referral", async () => {
    await refused("consultant1", "price_buildup", {
      p_unit_id: p.units[0], p_policy_ids: [p.policies.full, p.policies.referral], p_payment_method: "full", p_customer_id: p.customers.c12,
    }, "policy_condition_unmet");
    await refused("consultant1", "request_discount", {
      p_unit_id: p.units[0], p_customer_id: p.customers.c12, p_policy_ids: [p.policies.referral], p_requested_price: "2800000", p_reason: "老带新",
    }, "policy_condition_unmet");
    const e = await refused("consultant1", "create_subscription", {
      p_unit_id: p.units[0], p_customer_id: p.customers.c12, p_payment_method: "full", p_policy_ids: [p.policies.full, p.policies.referral],
      p_deposit_due: "50000",
    }, "policy_condition_unmet");
    expect(e.message).toContain("老带新");
    expect(await unitStatus(0)).toBe("available");
    // The referred customer (c11) may.
    const b = await ok("consultant1", "price_buildup", {
      p_unit_id: p.units[0], p_policy_ids: [p.policies.full, p.policies.referral], p_payment_method: "full", p_customer_id: p.customers.c11,
    });
    expect(b.price_after_policies).toBe("2827440.00");
  });

  it("lists the policies with the ones that do not fit disabled and why", async () => {
    const options = await ok<any[]>("consultant2", "policy_options", {
      p_project_id: p.projectId, p_payment_method: "mortgage", p_customer_id: p.customers.c21,
    });
    const byId = Object.fromEntries(options.map((o) => [o.id, o]));
    expect(byId[p.policies.mortgage]).toMatchObject({ applicable: true, reason: null, payment_methods: ["mortgage"] });
    expect(byId[p.policies.full].applicable).toBe(false);
    expect(byId[p.policies.full].reason).toMatch(/一次性付款/);
    expect(byId[p.policies.referral]).toMatchObject({ applicable: false, customer_sources: ["referral"] });
    expect(byId[p.policies.cash].applicable).toBe(true);
    await refused("broker1", "policy_options", { p_project_id: p.projectId }, "forbidden");
  });

  it("holds an approved special price to the payment method it was asked for", async () => {
    const r = await ok("consultant1", "request_discount", {
      p_unit_id: p.units[1], p_customer_id: p.customers.c14, p_policy_ids: [], p_requested_price: "1970000",
      p_reason: "全款客户", p_payment_method: "full",
    });
    await approveAll(r.approval_id);
    await refused("consultant1", "create_subscription", {
      p_unit_id: p.units[1], p_customer_id: p.customers.c14, p_payment_method: "mortgage", p_discount_request_id: r.id, p_deposit_due: "50000",
    }, "approval_not_usable");
    expect(await unitStatus(1)).toBe("available");
  });

  it("refuses a contract plan that does not fit the payment method", async () => {
    const full = await subscribe(2, "c15", "full", [p.policies.full]);        // 3,560,000 × 0.98 = 3,488,800
    await pay("c15", full.id, "deposit", "50000");
    const draft = (plan: unknown[]) => rpc("consultant1", "create_contract", { p_subscription_id: full.id, p_contract_no: `PM-${randomUUID().slice(0, 8)}`, p_plan: plan });
    const mismatch = async (plan: unknown[]) => expect((await draft(plan)).error?.details).toBe("plan_method_mismatch");
    await mismatch([{ seq: 1, due_date: "2026-03-01", amount: "1488800", kind: "down_payment" }, { seq: 2, due_date: "2026-04-01", amount: "2000000", kind: "mortgage" }]);
    await mismatch([{ seq: 1, due_date: "2026-03-01", amount: "1488800", kind: "down_payment" }, { seq: 2, due_date: "2026-04-01", amount: "2000000", kind: "installment" }]);
    await mismatch([{ seq: 1, due_date: "2026-01-01", amount: "1488800", kind: "down_payment" }, { seq: 2, due_date: "2029-01-01", amount: "2000000", kind: "down_payment" }]);

    const mortgage = await subscribe(3, "c21", "mortgage", [p.policies.mortgage], {}, "consultant2");   // 2,450,000 × 0.99 = 2,425,500
    await pay("c21", mortgage.id, "deposit", "50000");
    const e = await refused("consultant2", "create_contract", {
      p_subscription_id: mortgage.id, p_contract_no: "PM-M1", p_plan: [{ seq: 1, due_date: "2026-03-01", amount: "2425500", kind: "down_payment" }],
    }, "plan_method_mismatch");
    expect(e.message).toContain("按揭");
    const instalment = await subscribe(4, "c22", "instalment", [], {}, "consultant2");
    await pay("c22", instalment.id, "deposit", "50000");
    await refused("consultant2", "create_contract", {
      p_subscription_id: instalment.id, p_contract_no: "PM-I1", p_plan: [{ seq: 1, due_date: "2026-03-01", amount: "2914285.71", kind: "down_payment" }],
    }, "plan_method_mismatch");
    const [{ n }] = await sql(`select count(*)::int as n from public.contracts where subscription_id = any($1)`, [[full.id, mortgage.id, instalment.id]]);
    expect(n).toBe(0);
    // Plans that fit go through.
    await ok("consultant1", "create_contract", { p_subscription_id: full.id, p_contract_no: "PM-F-OK", p_plan: fullPlan(3488800) });
    await ok("consultant2", "create_contract", {
      p_subscription_id: mortgage.id, p_contract_no: "PM-M-OK", p_plan: [
        { seq: 1, due_date: "2026-03-01", amount: "50000", kind: "deposit" },
        { seq: 2, due_date: "2026-03-15", amount: "675500", kind: "down_payment" },
        { seq: 3, due_date: "2026-05-01", amount: "1700000", kind: "mortgage" },
      ],
    });
  });
});

describe("定金 before the contract", () => {
  it("refuses a 认购 without 定金", async () => {
    for (const deposit of ["0", null]) {
      await refused("consultant1", "create_subscription", {
        p_unit_id: p.units[5], p_customer_id: p.customers.c16, p_payment_method: "full", p_policy_ids: [], p_deposit_due: deposit,
      }, "invalid_amount");
    }
    expect(await unitStatus(5)).toBe("available");
  });

  it("drafts no contract before the 定金 is received in full, reversals counted; signing re-checks", async () => {
    const s = await subscribe(6, "c16", "full", [p.policies.full]);            // 2,914,285.71 × 0.98 = 2,856,000
    const draft = (no: string) => ({ p_subscription_id: s.id, p_contract_no: no, p_plan: fullPlan(s.price) });
    const none = await refused("consultant1", "create_contract", draft("DJ-1"), "deposit_not_received");
    expect(none.message).toContain("50000.00");
    await pay("c16", s.id, "deposit", "20000");
    await refused("consultant1", "create_contract", draft("DJ-1"), "deposit_not_received");
    const rest = await pay("c16", s.id, "deposit", "30000");
    await ok("finance", "reverse_payment", { p_payment_id: rest.id, p_reason: "POS小票作废" });
    await refused("consultant1", "create_contract", draft("DJ-1"), "deposit_not_received");
    await refused("manager", "create_contract", draft("DJ-1"), "deposit_not_received");
    expect(await sql(`select id from public.contracts where subscription_id = $1`, [s.id])).toEqual([]);

    const again = await pay("c16", s.id, "deposit", "30000");
    const c = await ok("consultant1", "create_contract", draft("DJ-1"));
    await approveAll(c.approval_id);
    // Money taken back after the approval: signing is refused until it is in again.
    await ok("finance", "reverse_payment", { p_payment_id: again.id, p_reason: "转账退回" });
    await refused("consultant1", "sign_contract", { p_contract_id: c.id }, "deposit_not_received");
    expect(await unitStatus(6)).toBe("subscribed");
    await pay("c16", s.id, "deposit", "30000");
    const signed = await signContract("consultant1", c.id);
    expect(signed).toMatchObject({ status: "signed", signer_id: uid("consultant1"), consultant_id: uid("consultant1") });
  });

  it("counts 诚意金 taken over by the subscription towards its 定金", async () => {
    await pay("c23", null, "sincerity", "50000");
    const s = await subscribe(7, "c23", "full", [p.policies.full], { p_sincerity_applied: "50000" }, "consultant2");
    await ok("consultant2", "create_contract", { p_subscription_id: s.id, p_contract_no: "DJ-CY", p_plan: fullPlan(s.price) });
  });
});

describe("contract deadlines", () => {
  let near: Record<string, any>;
  let passed: Record<string, any>;
  beforeAll(async () => {
    near = await subscribe(8, "c24", "full", [p.policies.full], {}, "consultant2");
    passed = await subscribe(9, "c25", "full", [p.policies.full], {}, "consultant2");
    await sql(`update public.subscriptions set contract_deadline = private.project_today(project_id) + 1 where id = $1`, [near.id]);
    await sql(`update public.subscriptions set contract_deadline = private.project_today(project_id) - 2 where id = $1`, [passed.id]);
  });
  const reminders = (subscriptionId: string) =>
    sql<{ recipient_id: string; kind: string }>(
      `select recipient_id, kind from public.notifications where payload ->> 'subscription_id' = $1 and kind like 'contract_deadline_%' order by id`,
      [subscriptionId],
    );

  /** Every active 销售经理 of the project (other test files add people to the demo team it copies). */
  const salesManagers = async () =>
    (await sql<{ staff_id: string }>(
      `select sp.staff_id from public.staff_projects sp join public.staff s on s.id = sp.staff_id
        where sp.project_id = $1 and sp.role = 'sales_manager' and s.active`, [p.projectId])).map((r) => r.staff_id);

  it("reminds the consultant and the manager once before and once after the deadline", async () => {
    await sql(`select private.remind_contract_deadlines()`);
    await Promise.all([sql(`select private.remind_contract_deadlines()`), sql(`select private.remind_contract_deadlines()`)]);
    const managers = await salesManagers();
    expect(managers).toContain(uid("manager"));
    const a = await reminders(near.id);
    expect(a.map((r) => [r.recipient_id, r.kind]).sort()).toEqual(
      [[uid("consultant2"), "contract_deadline_near"], ...managers.map((m) => [m, "contract_deadline_near"])].sort());
    const b = await reminders(passed.id);
    expect(b.map((r) => [r.recipient_id, r.kind]).sort()).toEqual(
      [[uid("consultant2"), "contract_deadline_passed"], ...managers.map((m) => [m, "contract_deadline_passed"])].sort());
    const [payload] = await sql(`select payload from public.notifications where payload ->> 'subscription_id' = $1 and kind = 'contract_deadline_passed' limit 1`, [passed.id]);
    expect(payload.payload).toMatchObject({ unit_label: p.label(9), customer_name: "客户c25", days_left: -2, deposit_outstanding: "50000.00" });
  });

  it("lets only a manager extend it, with a reason, audited; reminders start again for the new date", async () => {
    const [{ today }] = await sql<{ today: string }>(`select to_char(private.project_today($1) + 5, 'YYYY-MM-DD') as today`, [p.projectId]);
    const args = { p_subscription_id: passed.id, p_new_deadline: today, p_reason: "客户在外地出差，下周回来签约" };
    await refused("consultant2", "extend_contract_deadline", args, "forbidden");
    await refused("finance", "extend_contract_deadline", args, "forbidden");
    await refused("manager", "extend_contract_deadline", { ...args, p_reason: " " }, "reason_required");
    await refused("manager", "extend_contract_deadline", { ...args, p_new_deadline: "2020-01-01" }, "invalid_deadline");
    const extended = await ok("manager", "extend_contract_deadline", args);
    expect(extended.contract_deadline).toBe(today);
    const audit = (await auditOf("subscriptions", passed.id)).find((x) => x.action === "subscription.extend_deadline")!;
    expect(audit).toMatchObject({ actor: uid("manager"), after: { contract_deadline: today, reason: args.p_reason } });
    const [told] = await sql(`select payload from public.notifications where recipient_id = $1 and kind = 'contract_deadline_extended' and payload ->> 'subscription_id' = $2`, [uid("consultant2"), passed.id]);
    expect(told.payload).toMatchObject({ contract_deadline: today, reason: args.p_reason });

    await sql(`update public.subscriptions set contract_deadline = private.project_today(project_id) where id = $1`, [passed.id]);
    await sql(`select private.remind_contract_deadlines()`);
    expect((await reminders(passed.id)).filter((r) => r.kind === "contract_deadline_near")).toHaveLength(1 + (await salesManagers()).length);
  });
});

describe("channel attribution at the sale", () => {
  let agencyId: string;
  let brokerId: string;
  beforeAll(async () => {
    const [a] = await sql<{ id: string }>(`insert into public.agencies (name) values ($1) returning id`, [`测试中原${randomUUID().slice(0, 6)}`]);
    agencyId = a.id;
    await sql(`insert into public.cooperations (agency_id, project_id, commission_type, commission_value, valid_from)
               values ($1, $2, 'fixed', '30000', current_date - 90)`, [agencyId, p.projectId]);
    const [b] = await sql<{ id: string }>(`insert into public.brokers (agency_id, name) values ($1, '测试经纪人') returning id`, [agencyId]);
    brokerId = b.id;
  });

  /** A report visited `daysAgo` days ago with 30 days of protection. */
  const visited = (key: string, daysAgo: number) =>
    visitedReport({ projectId: p.projectId, brokerId, customerId: p.customers[key], consultantId: uid("consultant2"), daysAgo });

  it("a subscription on day 28 of 30 signed on day 33 pays the broker", async () => {
    const report = await visited("c26", 28);
    const s = await subscribe(10, "c26", "full", [p.policies.full], {}, "consultant2");
    expect(s).toMatchObject({ report_id: report, channel_protected: true });
    // Five days later: the protection ended on day 30, the contract is signed on day 33.
    await sql(`update public.channel_reports set visited_at = visited_at - interval '5 days', protected_until = protected_until - interval '5 days',
               created_at = created_at - interval '5 days' where id = $1`, [report]);
    const [{ ended }] = await sql(`select protected_until < now() as ended from public.channel_reports where id = $1`, [report]);
    expect(ended).toBe(true);
    await pay("c26", s.id, "deposit", "50000");
    const c = await ok("consultant2", "create_contract", { p_subscription_id: s.id, p_contract_no: "QD-1", p_plan: fullPlan(s.price) });
    await approveAll(c.approval_id);
    const signed = await signContract("consultant2", c.id);
    expect(signed.commission).toMatchObject({ report_id: report, broker_id: brokerId, agency_id: agencyId, amount: 30000 });

    // The month's channel report credits the agency by the same ruling.
    const [{ channels }] = await sql<{ channels: any[] }>(
      `select private.monthly_channels($1, date_trunc('month', private.project_today($1))::date, private.project_today($1)) as channels`,
      [p.projectId]);
    const row = channels.find((x: any) => x.agency_id === agencyId);
    expect(row).toMatchObject({ subscriptions: 1, contracts: 1, commission: 30000 });
  });

  it("a customer whose protection ended before the sale is the office's, whatever happens later", async () => {
    await visited("c36", 31);
    await sql(`update public.customers set owner_id = $1 where id = $2`, [uid("consultant2"), p.customers.c36]);
    const s = await subscribe(11, "c36", "full", [p.policies.full], {}, "consultant2");
    expect(s).toMatchObject({ report_id: null, channel_protected: false });
  });
});

describe("退房 keeps the owner", () => {
  it("a deal longer than the protection period, cancelled: the customer stays with the consultant, protected afresh", async () => {
    const s = await subscribe(12, "c13", "full", [p.policies.full, p.policies.referral]);
    // The deal dragged on: last contact 60 days ago (the project protects 30).
    await sql(`update public.customers set owned_since = now() - interval '70 days', last_follow_up_at = now() - interval '60 days' where id = $1`, [p.customers.c13]);
    const c = await ok("consultant1", "request_cancellation", { p_subscription_id: s.id, p_reason: "客户贷款未批，协商退房" });
    await approveAll(c.approval_id);
    const [row] = await sql(`select status, owner_id, ownership_expires_at > now() + interval '29 days' as protected from public.customers where id = $1`, [p.customers.c13]);
    expect(row).toEqual({ status: "following", owner_id: uid("consultant1"), protected: true });
    // Not in the pool: a colleague cannot claim, the owner keeps following up.
    await refused("consultant2", "claim_customer", { p_customer_id: p.customers.c13 }, "customer_not_in_pool");
    await ok("consultant1", "log_follow_up", { p_customer_id: p.customers.c13, p_method: "phone", p_content: "退房后回访，客户仍想看小户型" });
    const timeline = (await (await as("manager")).from("customer_timeline").select("kind, data").eq("customer_id", p.customers.c13)).data!;
    expect(timeline.some((t) => t.kind === "audit" && t.data.action === "customer.ownership_renewed")).toBe(true);
  });
});

describe("诚意金 counted under lock", () => {
  it("5 parallel subscriptions on one 诚意金: applied once", async () => {
    await pay("c14", null, "sincerity", "20000");
    const results = await Promise.all([20, 21, 22, 23, 24].map((i) =>
      rpc("consultant1", "create_subscription", {
        p_unit_id: p.units[i], p_customer_id: p.customers.c14, p_payment_method: "full", p_policy_ids: [],
        p_deposit_due: "50000", p_sincerity_applied: "20000",
      })));
    expect(results.filter((r) => r.error === null)).toHaveLength(1);
    expect(results.filter((r) => r.error).map((r) => r.error!.details)).toEqual(Array(4).fill("sincerity_exceeds_paid"));
    const [{ applied }] = await sql(`select sum(sincerity_applied)::text as applied from public.subscriptions where customer_id = $1`, [p.customers.c14]);
    expect(applied).toBe("20000.00");
    // Nothing left to refund either.
    await refused("finance", "record_payment", {
      p_project_id: p.projectId, p_customer_id: p.customers.c14, p_kind: "refund", p_amount: "1", p_method: "transfer", p_receipt_no: receipt(),
    }, "refund_exceeds_balance");
  });

  it("parallel refunds of one 诚意金: refunded once", async () => {
    await pay("c12", null, "sincerity", "10000");
    const results = await Promise.all([1, 2, 3, 4].map(() =>
      rpc("finance", "record_payment", {
        p_project_id: p.projectId, p_customer_id: p.customers.c12, p_kind: "refund", p_amount: "10000", p_method: "transfer", p_receipt_no: receipt(),
      })));
    expect(results.filter((r) => r.error === null)).toHaveLength(1);
    const [{ available }] = await sql(`select private.sincerity_available($1)::text as available`, [p.customers.c12]);
    expect(available).toBe("0.00");
  });
});

describe("a manager signs for a consultant in probation", () => {
  it("records the consultant as the deal's consultant and the manager as signer; 日报 credits the consultant", async () => {
    // (sign_contract records its signer the same way: contracts.signer_id, see the 定金 test.)
    await refused("consultant3", "create_subscription", {
      p_unit_id: p.units[14], p_customer_id: p.customers.c31, p_payment_method: "full", p_policy_ids: [p.policies.full], p_deposit_due: "50000",
    }, "consultant_not_regularised");
    const s = await subscribe(14, "c31", "full", [p.policies.full], {}, "manager");
    expect(s).toMatchObject({ consultant_id: uid("consultant3"), signer_id: uid("manager"), created_by: uid("manager") });
    // The consultant sees their deal.
    const mine = (await (await as("consultant3")).from("subscriptions").select("id").eq("id", s.id)).data;
    expect(mine).toHaveLength(1);
    await pay("c31", s.id, "deposit", "50000");
    const c = await ok("manager", "create_contract", { p_subscription_id: s.id, p_contract_no: "SY-1", p_plan: fullPlan(s.price) });
    expect(c).toMatchObject({ consultant_id: uid("consultant3"), created_by: uid("manager") });
    const report = await ok("manager", "daily_report", { p_project_id: p.projectId });
    const rowOf = (who: string) => report.rows.find((r: any) => r.staff_id === uid(who));
    expect(rowOf("consultant3")).toMatchObject({ subscriptions: 1 });
    const managerRow = rowOf("manager");
    expect(managerRow?.subscriptions ?? 0).toBe(0);
  });
});
