import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { visitedReport } from "./support/channel-reports.ts";
import { approveAll, as, auditOf, dealProject, ok, refused, uid, type DealProject, signContract } from "./support/deals.ts";

// Channel commissions (佣金): computed at signing when a visited report protects the customer.
let p: DealProject;
let agencyA: string;
let agencyB: string;
let broker1: string;
let broker2: string;

/** The broker row of a demo broker account (the channel seed may have made it already). */
async function brokerFor(who: string, agencyId: string) {
  const [existing] = await sql<{ id: string }>(`select id from public.brokers where user_id = $1`, [uid(who)]);
  if (existing) return existing.id;
  const [row] = await sql<{ id: string }>(
    `insert into public.brokers (user_id, agency_id, name) values ($1, $2, $3) returning id`, [uid(who), agencyId, `${who}经纪人`],
  );
  return row.id;
}

/** Subscribe unit i for customer key (consultant1), receive the 定金, contract it with a one-line plan, approve, sign. */
async function signedDeal(i: number, key: string, contractNo: string) {
  const s = await ok("consultant1", "create_subscription", {
    p_unit_id: p.units[i], p_customer_id: p.customers[key], p_payment_method: "full", p_policy_ids: [], p_deposit_due: "50000",
  });
  await ok("finance", "record_payment", {
    p_project_id: p.projectId, p_customer_id: p.customers[key], p_kind: "deposit", p_amount: "50000", p_method: "pos",
    p_receipt_no: `${contractNo}-DJ`, p_subscription_id: s.id,
  });
  const c = await ok("consultant1", "create_contract", {
    p_subscription_id: s.id, p_contract_no: contractNo,
    p_plan: [{ seq: 1, due_date: "2026-12-01", amount: String(s.price), kind: "down_payment" }],
  });
  await approveAll(c.approval_id);
  return signContract("consultant1", c.id);
}

beforeAll(async () => {
  p = await dealProject("T-COMMISSIONS", 8);
  const agency = async (name: string, type: string, value: string) => {
    const [a] = await sql<{ id: string }>(`insert into public.agencies (name) values ($1) returning id`, [name]);
    await sql(
      `insert into public.cooperations (agency_id, project_id, commission_type, commission_value, valid_from)
       values ($1, $2, $3, $4, current_date - 90)`, [a.id, p.projectId, type, value],
    );
    return a.id;
  };
  agencyA = await agency(`测试链家${randomUUID().slice(0, 6)}`, "percent", "1.5");
  agencyB = await agency(`测试我爱我家${randomUUID().slice(0, 6)}`, "fixed", "20000");
  broker1 = await brokerFor("broker1", agencyA);
  broker2 = await brokerFor("broker2", agencyB);
  // The seed may have put the demo brokers elsewhere: the commission follows the report's agency.
  [{ agency_id: agencyA }] = await sql(`select agency_id from public.brokers where id = $1`, [broker1]);
  [{ agency_id: agencyB }] = await sql(`select agency_id from public.brokers where id = $1`, [broker2]);
  for (const [agencyId, type, value] of [[agencyA, "percent", "1.5"], [agencyB, "fixed", "20000"]]) {
    await sql(
      `insert into public.cooperations (agency_id, project_id, commission_type, commission_value, valid_from)
       select $1, $2, $3, $4, current_date - 90
        where not exists (select 1 from public.cooperations where agency_id = $1 and project_id = $2)`,
      [agencyId, p.projectId, type, value],
    );
  }
});

describe("commission at signing", () => {
  it("computes the broker's commission from the cooperation when a report protects the customer", async () => {
    const report = await visitedReport({ projectId: p.projectId, brokerId: broker1, customerId: p.customers.c11, consultantId: uid("consultant1") });
    const signed = await signedDeal(0, "c11", "YJ-HT-1");        // 2,914,285.71
    const expected = "43714.29";                                   // 2,914,285.71 × 1.5% = 43,714.28565 → half-up
    expect(signed.commission).toMatchObject({ report_id: report, broker_id: broker1, agency_id: agencyA, status: "computed", basis_amount: 2914285.71 });
    const [row] = await sql(`select amount from public.commissions where id = $1`, [signed.commission.id]);
    expect(row.amount).toBe(expected);
    const [note] = await sql(`select payload from public.notifications where recipient_id = $1 and kind = 'commission_computed' and payload ->> 'commission_id' = $2`,
      [uid("channel"), signed.commission.id]);
    expect(note.payload).toMatchObject({ contract_no: "YJ-HT-1", amount: expected, unit_label: p.label(0) });
  });

  it("computes nothing without a report, or when protection has run out", async () => {
    expect((await signedDeal(1, "c12", "YJ-HT-2")).commission).toBeNull();
    // protection ended 10 days ago
    await visitedReport({ projectId: p.projectId, brokerId: broker2, customerId: p.customers.c13, consultantId: uid("consultant1"), daysAgo: 40 });
    expect((await signedDeal(2, "c13", "YJ-HT-3")).commission).toBeNull();
  });

  it("goes computed → approved (channel manager) → paid (finance), in that order", async () => {
    await visitedReport({ projectId: p.projectId, brokerId: broker2, customerId: p.customers.c14, consultantId: uid("consultant1") });
    const signed = await signedDeal(3, "c14", "YJ-HT-4");
    const id = signed.commission.id;
    await refused("finance", "mark_commission_paid", { p_commission_id: id }, "commission_not_approved");
    await refused("manager", "approve_commission", { p_commission_id: id }, "forbidden");
    await refused("broker2", "approve_commission", { p_commission_id: id }, "forbidden");
    const approved = await ok("channel", "approve_commission", { p_commission_id: id, p_note: "带看单齐全" });
    expect(approved).toMatchObject({ status: "approved", approved_by: uid("channel") });
    await refused("channel", "approve_commission", { p_commission_id: id }, "commission_not_computed");
    await refused("channel", "mark_commission_paid", { p_commission_id: id }, "forbidden");
    const paid = await ok("finance", "mark_commission_paid", { p_commission_id: id, p_reference: "银行转账 20261123-01" });
    expect(paid).toMatchObject({ status: "paid", paid_by: uid("finance"), payment_reference: "银行转账 20261123-01" });
    await refused("finance", "mark_commission_paid", { p_commission_id: id }, "commission_already_paid");
    expect((await auditOf("commissions", id)).map((a) => a.action)).toEqual(["commission.compute", "commission.approve", "commission.pay"]);
    const told = await sql(`select kind from public.notifications where recipient_id = $1 and payload ->> 'commission_id' = $2 order by id`, [uid("broker2"), id]);
    expect(told.map((n) => n.kind)).toEqual(["commission_approved", "commission_paid"]);
  });
});

describe("who sees commissions", () => {
  it("shows brokers only their own, and the statement per agency and month", async () => {
    const mine = (await (await as("broker1")).from("commission_overview").select("broker_id, contract_no, amount").eq("project_id", p.projectId)).data!;
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((r) => r.broker_id))).toEqual(new Set([broker1]));
    const theirs = (await (await as("broker2")).from("commissions").select("broker_id").eq("project_id", p.projectId)).data!;
    expect(new Set(theirs.map((r) => r.broker_id))).toEqual(new Set([broker2]));
    expect((await (await as("consultant1")).from("commissions").select("id").eq("project_id", p.projectId)).data).toEqual([]);

    const statement = (await (await as("channel")).from("commission_statements")
      .select("agency_id, deals, commission_total, paid_amount, unpaid_amount").eq("project_id", p.projectId)).data!;
    const b = statement.find((r) => r.agency_id === agencyB)!;
    expect(b).toMatchObject({ deals: 1, paid_amount: b.commission_total, unpaid_amount: 0 });
    const a = statement.find((r) => r.agency_id === agencyA)!;
    expect(a).toMatchObject({ deals: 1, paid_amount: null });
    expect(a.unpaid_amount).toBe(a.commission_total);
    // Direct writes: refused for everyone.
    const upd = await (await as("channel")).from("commissions").update({ status: "paid" }).eq("project_id", p.projectId);
    expect(upd.error?.code).toBe("42501");
  });
});
