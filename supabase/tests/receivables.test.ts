import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { CONTACT_CHANNELS } from "@so/shared/schemas/deals";
import { allowedValues } from "./support/checks.ts";
import { sql } from "./support/clients.ts";
import { approveAll, as, auditOf, dealProject, ok, refused, uid, type DealProject } from "./support/deals.ts";

// Receivables (应收款) hold every amount due — 认购 定金 before a contract, plan items after —
// and 催款 contacts are recorded against them by finance and managers only.
let p: DealProject;
beforeAll(async () => {
  p = await dealProject("T-RECEIVABLES", 8);
});

const subscribe = (unit: number, customer: string, deposit = "50000") =>
  ok("consultant1", "create_subscription", {
    p_unit_id: p.units[unit], p_customer_id: p.customers[customer], p_payment_method: "mortgage",
    p_policy_ids: [p.policies.mortgage], p_deposit_due: deposit,
  });
const pay = (customer: string, subscriptionId: string, amount: string) =>
  ok("finance", "record_payment", {
    p_project_id: p.projectId, p_customer_id: p.customers[customer], p_kind: "deposit", p_amount: amount, p_method: "transfer",
    p_receipt_no: `R-${randomUUID().slice(0, 8)}`, p_subscription_id: subscriptionId,
  });
const rowsOf = async (who: string, subscriptionId: string) =>
  (await (await as(who)).from("receivables")
    .select("id, source, seq, kind, amount_due, paid, outstanding, overdue_days, contract_id, last_contact_by_name, last_contact_channel, last_contact_note, contact_count")
    .eq("subscription_id", subscriptionId).order("seq")).data!;

it("the admin's 催款 channels (shared/) are the ones a contact may be recorded with", async () => {
  expect(await allowedValues("public.collection_contacts", "channel")).toEqual([...CONTACT_CHANNELS]);
});

describe("receivables include the 认购 定金", () => {
  it("lists an unpaid 定金 until it is paid in full, then the contract's plan takes over", async () => {
    const sub = await subscribe(0, "c11");
    expect(await rowsOf("finance", sub.id)).toEqual([
      expect.objectContaining({ id: sub.id, source: "deposit", seq: 0, kind: "deposit", amount_due: 50000, paid: 0, outstanding: 50000, contract_id: null }),
    ]);
    await pay("c11", sub.id, "20000");
    expect((await rowsOf("finance", sub.id))[0]).toMatchObject({ paid: 20000, outstanding: 30000 });
    // overdue from the day after the 认购 (project calendar)
    await sql(`update public.subscriptions set created_at = created_at - interval '3 days' where id = $1`, [sub.id]);
    expect((await rowsOf("manager", sub.id))[0].overdue_days).toBe(3);
    // the deal's consultant sees it; a colleague does not
    expect(await rowsOf("consultant1", sub.id)).toHaveLength(1);
    expect(await rowsOf("consultant2", sub.id)).toHaveLength(0);

    await pay("c11", sub.id, "30000");
    expect((await rowsOf("finance", sub.id))[0]).toMatchObject({ outstanding: 0, overdue_days: 0 });
    const price = Number(sub.price);
    const contract = await ok("consultant1", "create_contract", {
      p_subscription_id: sub.id, p_contract_no: `RCV-${randomUUID().slice(0, 6)}`,
      p_plan: [
        { seq: 1, due_date: "2026-12-01", amount: "50000.00", kind: "deposit" },
        { seq: 2, due_date: "2026-12-20", amount: (price - 2_050_000).toFixed(2), kind: "down_payment" },
        { seq: 3, due_date: "2027-03-01", amount: "2000000.00", kind: "mortgage" },
      ],
    });
    await approveAll(contract.approval_id);
    const rows = await rowsOf("finance", sub.id);
    expect(rows.map((r) => [r.source, r.seq, r.kind, r.paid])).toEqual([
      ["plan", 1, "deposit", 50000],
      ["plan", 2, "down_payment", 0],
      ["plan", 3, "mortgage", 0],
    ]);
  });
});

describe("催款 (record_collection_contact)", () => {
  it("records who, when, how and what on the amount, newest shown on the row, audited", async () => {
    const sub = await subscribe(1, "c12");
    const first = await ok("finance", "record_collection_contact", {
      p_subscription_id: sub.id, p_channel: "phone", p_note: "客户称周五前转账", p_promised_on: "2099-01-01",
      p_contacted_at: new Date(Date.now() - 3600_000).toISOString(),
    });
    expect(first).toMatchObject({ contacted_by: uid("finance"), channel: "phone", note: "客户称周五前转账", customer_id: p.customers.c12, project_id: p.projectId });
    expect((await rowsOf("finance", sub.id))[0]).toMatchObject({ contact_count: 1, last_contact_channel: "phone", last_contact_note: "客户称周五前转账" });
    await ok("manager", "record_collection_contact", { p_subscription_id: sub.id, p_channel: "wechat", p_note: "已微信提醒" });
    expect((await rowsOf("finance", sub.id))[0]).toMatchObject({ contact_count: 2, last_contact_channel: "wechat", last_contact_by_name: "李经理" });
    const audit = await auditOf("collection_contacts", first.id);
    expect(audit).toEqual([expect.objectContaining({ action: "collection.contact", actor: uid("finance") })]);
  });

  it("is for finance and managers of the project only; nobody writes the table directly", async () => {
    const sub = await subscribe(2, "c13");
    const args = { p_subscription_id: sub.id, p_channel: "phone", p_note: "提醒" };
    for (const who of ["consultant1", "consultant2", "channel", "broker1"]) await refused(who, "record_collection_contact", args, "forbidden");
    expect((await (await as("consultant1")).from("collection_contacts").select("id").eq("subscription_id", sub.id)).data).toEqual([]);
    const direct = await (await as("finance")).from("collection_contacts").insert({
      project_id: p.projectId, customer_id: p.customers.c13, subscription_id: sub.id, contacted_at: new Date().toISOString(),
      contacted_by: uid("finance"), channel: "phone", note: "x",
    });
    expect(direct.error).not.toBeNull();

    // Finance of another project: no.
    const other = await dealProject("T-RECEIVABLES-2", 2);
    await sql(`delete from public.staff_projects where project_id = $1 and staff_id = $2`, [other.projectId, uid("finance")]);
    const otherSub = await ok("consultant1", "create_subscription", {
      p_unit_id: other.units[0], p_customer_id: other.customers.c11, p_payment_method: "full", p_policy_ids: [other.policies.full], p_deposit_due: "50000",
    });
    await refused("finance", "record_collection_contact", { ...args, p_subscription_id: otherSub.id }, "forbidden");
  });

  it("refuses an unnamed or unknown amount, an unknown channel, an empty note and a future time", async () => {
    const sub = await subscribe(3, "c14");
    await refused("finance", "record_collection_contact", { p_channel: "phone", p_note: "x" }, "receivable_required");
    await refused("finance", "record_collection_contact", { p_subscription_id: randomUUID(), p_channel: "phone", p_note: "x" }, "receivable_not_found");
    await refused("finance", "record_collection_contact", { p_subscription_id: sub.id, p_channel: "fax", p_note: "x" }, "invalid_channel");
    await refused("finance", "record_collection_contact", { p_subscription_id: sub.id, p_channel: "phone", p_note: "  " }, "note_required");
    await refused("finance", "record_collection_contact", {
      p_subscription_id: sub.id, p_channel: "phone", p_note: "x", p_contacted_at: new Date(Date.now() + 86400_000).toISOString(),
    }, "contacted_in_future");
  });
});
