import { PAYMENT_CHANNELS, PAYMENT_KINDS, PLAN_ITEM_KINDS } from "@so/shared/schemas/deals";
import { beforeAll, describe, expect, it } from "vitest";
import { allowedValues } from "./support/checks.ts";
import { sql } from "./support/clients.ts";
import { approveAll, as, auditOf, dealProject, ok, refused, uid, type DealProject, signContract } from "./support/deals.ts";

// Payments (收款): finance only, corrections by reversing entries, balances and receivables.
let p: DealProject;
let sub: Record<string, any>;
let contract: Record<string, any>;
beforeAll(async () => {
  p = await dealProject("T-PAYMENTS", 8);
  sub = await ok("consultant1", "create_subscription", {
    p_unit_id: p.units[0], p_customer_id: p.customers.c11, p_payment_method: "mortgage",
    p_policy_ids: [p.policies.mortgage], p_deposit_due: "50000",
  });                                                      // 2,914,285.71 × 0.99 = 2,885,142.85
  // No contract before the 定金 is received: finance records it, and — once the contract is
  // signed — reverses that entry so this file starts from a zero balance and re-records the
  // 定金 against the plan below.
  const deposit = await ok("finance", "record_payment", {
    p_project_id: p.projectId, p_customer_id: p.customers.c11, p_kind: "deposit", p_amount: "50000", p_method: "pos",
    p_receipt_no: "SJ-0000", p_subscription_id: sub.id,
  });
  contract = await ok("consultant1", "create_contract", {
    p_subscription_id: sub.id, p_contract_no: "PAY-HT-1",
    p_plan: [
      { seq: 1, due_date: "2026-01-05", amount: "50000.00", kind: "deposit" },
      { seq: 2, due_date: "2026-02-05", amount: "835142.85", kind: "down_payment" },
      { seq: 3, due_date: "2026-04-05", amount: "2000000.00", kind: "mortgage" },
    ],
  });
  await approveAll(contract.approval_id);
  await signContract("consultant1", contract.id);
  await ok("finance", "reverse_payment", { p_payment_id: deposit.id, p_reason: "定金改为按付款计划登记" });
});

const pay = (extra: Record<string, unknown>) => ({
  p_project_id: p.projectId, p_customer_id: p.customers.c11, p_kind: "deposit", p_amount: "50000", p_method: "pos",
  p_receipt_no: `R-${Math.random().toString(36).slice(2, 10)}`, p_subscription_id: sub.id, ...extra,
});
const balance = async () =>
  (await sql<{ received: string }>(`select private.subscription_received($1) as received`, [sub.id]))[0].received;

describe("the kinds of money", () => {
  // The admin and the bot take these lists from shared/: they must be the ones the tables allow.
  it("the shared lists are the ones payments and payment plans allow, in their order", async () => {
    expect(await allowedValues("public.payments", "kind")).toEqual([...PAYMENT_KINDS]);
    expect(await allowedValues("public.payment_plan_items", "kind")).toEqual([...PLAN_ITEM_KINDS]);
  });

  it("the shared 收款方式 are the ones payments allow (in the order finance picks them)", async () => {
    expect((await allowedValues("public.payments", "method")).sort()).toEqual([...PAYMENT_CHANNELS].sort());
  });
});

describe("who records money", () => {
  it("refuses everyone but finance, through the function and through the table", async () => {
    for (const who of ["consultant1", "manager", "director", "gm", "channel", "admin"]) {
      await refused(who, "record_payment", pay({}), "forbidden");
    }
    const direct = await (await as("consultant1")).from("payments").insert({
      project_id: p.projectId, customer_id: p.customers.c11, kind: "deposit", amount: 1, method: "cash", receipt_no: "X", paid_on: "2026-01-01",
    });
    expect(direct.error?.code).toBe("42501");
    const asFinance = await (await as("finance")).from("payments").insert({
      project_id: p.projectId, customer_id: p.customers.c11, kind: "deposit", amount: 1, method: "cash", receipt_no: "X", paid_on: "2026-01-01",
    });
    expect(asFinance.error?.code).toBe("42501");
    expect(await balance()).toBe("0.00");
  });

  it("records a payment against the plan, with a unique receipt number per project", async () => {
    const item = contract.plan[0];
    const paid = await ok("finance", "record_payment", pay({ p_receipt_no: "SJ-0001", p_plan_item_id: item.id, p_subscription_id: null }));
    expect(paid).toMatchObject({ amount: 50000, kind: "deposit", subscription_id: sub.id, contract_id: contract.id, plan_item_id: item.id, recorded_by: uid("finance") });
    await refused("finance", "record_payment", pay({ p_receipt_no: "SJ-0001" }), "receipt_no_taken");
    await refused("finance", "record_payment", pay({ p_amount: "0" }), "invalid_amount");
    await refused("finance", "record_payment", pay({ p_amount: "10.001" }), "invalid_amount");
    await refused("finance", "record_payment", pay({ p_kind: "gift" }), "invalid_payment_kind");
    await refused("finance", "record_payment", pay({ p_customer_id: p.customers.c12 }), "payment_link_mismatch");
    await refused("finance", "record_payment", pay({ p_kind: "sincerity" }), "payment_link_mismatch");
    await refused("finance", "record_payment", pay({ p_paid_on: "2999-01-01" }), "invalid_date");
    expect(await balance()).toBe("50000.00");
    expect((await auditOf("payments", paid.id))[0]).toMatchObject({ action: "payment.record", actor: uid("finance") });
  });
});

describe("receipt numbers from the system", () => {
  // Other payments of this file, refunds of what these add: each test leaves the balance as it found it.
  const undo = (id: string) => ok("finance", "reverse_payment", { p_payment_id: id, p_reason: "测试收据编号后冲销" });
  const year = async () => (await sql<{ y: string }>(`select to_char(private.project_today($1), 'YYYY') as y`, [p.projectId]))[0].y;

  it("an empty number takes the next of the project's pattern; the form's suggestion is the same; only finance sees it", async () => {
    const y = await year();
    const suggested = await ok<string>("finance", "suggest_receipt_no", { p_project_id: p.projectId });
    expect(suggested).toMatch(new RegExp(`^SJ${y}\\d{6}$`));
    await refused("consultant1", "suggest_receipt_no", { p_project_id: p.projectId }, "forbidden");
    const a = await ok("finance", "record_payment", pay({ p_receipt_no: " ", p_amount: "1" }));
    expect(a.receipt_no).toBe(suggested);
    const b = await ok("finance", "record_payment", pay({ p_receipt_no: null, p_amount: "1" }));
    expect(Number(b.receipt_no.slice(-6))).toBe(Number(a.receipt_no.slice(-6)) + 1);
    await undo(a.id);
    await undo(b.id);
  });

  it("follows a changed pattern, skips a number typed by hand, and a refused payment uses no number", async () => {
    const y = await year();
    await sql(`update public.projects set receipt_no_pattern = 'SK-{code}-{yyyy}-{seq:3}' where id = $1`, [p.projectId]);
    try {
      const first = await ok("finance", "record_payment", pay({ p_receipt_no: "", p_amount: "1" }));
      expect(first.receipt_no).toBe(`SK-T-PAYMENTS-${y}-001`);
      // A pre-printed paper receipt that happens to carry the next number: typed, accepted; the system skips it.
      const typed = await ok("finance", "record_payment", pay({ p_receipt_no: `SK-T-PAYMENTS-${y}-002`, p_amount: "1" }));
      await refused("finance", "record_payment", pay({ p_receipt_no: `SK-T-PAYMENTS-${y}-002`, p_amount: "1" }), "receipt_no_taken");
      await refused("finance", "record_payment", pay({ p_receipt_no: "", p_amount: "0" }), "invalid_amount");
      const next = await ok("finance", "record_payment", pay({ p_receipt_no: "", p_amount: "1" }));
      expect(next.receipt_no).toBe(`SK-T-PAYMENTS-${y}-003`);
      for (const r of [first, typed, next]) await undo(r.id);
    } finally {
      await sql(`update public.projects set receipt_no_pattern = default where id = $1`, [p.projectId]);
    }
  });

  it("parallel payments without a number get different, consecutive numbers", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => ok("finance", "record_payment", pay({ p_receipt_no: "", p_amount: "1" }))));
    const numbers = results.map((r) => r.receipt_no as string);
    expect(new Set(numbers).size).toBe(6);
    const seqs = numbers.map((n) => Number(n.slice(-6))).sort((x, y) => x - y);
    expect(seqs[5] - seqs[0]).toBe(5);
    for (const r of results) await undo(r.id);
  });
});

describe("corrections", () => {
  it("reverses with a second entry, keeps both, and the balance is right", async () => {
    const wrong = await ok("finance", "record_payment", pay({ p_kind: "down_payment", p_amount: "853142.85", p_plan_item_id: contract.plan[1].id }));
    expect(await balance()).toBe("903142.85");
    await refused("finance", "reverse_payment", { p_payment_id: wrong.id, p_reason: "" }, "reason_required");
    await refused("consultant1", "reverse_payment", { p_payment_id: wrong.id, p_reason: "录错" }, "forbidden");
    const rev = await ok("finance", "reverse_payment", { p_payment_id: wrong.id, p_reason: "金额录错（应为835,142.85）" });
    expect(rev).toMatchObject({ amount: -853142.85, reverses: wrong.id, plan_item_id: contract.plan[1].id, receipt_no: null });
    await refused("finance", "reverse_payment", { p_payment_id: wrong.id, p_reason: "again" }, "payment_already_reversed");
    await refused("finance", "reverse_payment", { p_payment_id: rev.id, p_reason: "undo" }, "cannot_reverse_reversal");
    await ok("finance", "record_payment", pay({ p_kind: "down_payment", p_amount: "835142.85", p_plan_item_id: contract.plan[1].id }));

    const rows = await sql(`select amount, reverses from public.payments where plan_item_id = $1 order by created_at, amount`, [contract.plan[1].id]);
    expect(rows.map((r) => r.amount).sort()).toEqual(["-853142.85", "835142.85", "853142.85"].sort());
    expect(await balance()).toBe("885142.85");
    const view = (await (await as("finance")).from("contract_overview").select("received, outstanding").eq("id", contract.id).single()).data;
    expect(view).toEqual({ received: 885142.85, outstanding: 2000000 });
    // Nobody edits or deletes a payment, not even finance.
    const finance = await as("finance");
    expect((await finance.from("payments").update({ amount: 1 }).eq("id", wrong.id)).error?.code).toBe("42501");
    expect((await finance.from("payments").delete().eq("id", wrong.id)).error?.code).toBe("42501");
    expect((await auditOf("payments", rev.id))[0].action).toBe("payment.reverse");
  });
});

describe("receivables (应收/催款)", () => {
  it("lists each plan item with what is paid, outstanding and how many days overdue", async () => {
    await sql(`update public.payment_plan_items set due_date = private.project_today(project_id) - 10 where id = $1`, [contract.plan[2].id]);
    const rows = (await (await as("finance")).from("receivables")
      .select("seq, kind, amount_due, paid, outstanding, overdue_days, customer_name, consultant_name, contract_no")
      .eq("contract_id", contract.id).order("seq")).data!;
    expect(rows).toEqual([
      { seq: 1, kind: "deposit", amount_due: 50000, paid: 50000, outstanding: 0, overdue_days: 0, customer_name: "客户c11", consultant_name: "王芳", contract_no: "PAY-HT-1" },
      { seq: 2, kind: "down_payment", amount_due: 835142.85, paid: 835142.85, outstanding: 0, overdue_days: 0, customer_name: "客户c11", consultant_name: "王芳", contract_no: "PAY-HT-1" },
      { seq: 3, kind: "mortgage", amount_due: 2000000, paid: 0, outstanding: 2000000, overdue_days: 10, customer_name: "客户c11", consultant_name: "王芳", contract_no: "PAY-HT-1" },
    ]);
    // The consultant of the deal reads it too; another consultant does not.
    expect((await (await as("consultant1")).from("receivables").select("seq").eq("contract_id", contract.id)).data).toHaveLength(3);
    expect((await (await as("consultant2")).from("receivables").select("seq").eq("contract_id", contract.id)).data).toHaveLength(0);
    expect((await (await as("consultant2")).from("payments").select("id").eq("subscription_id", sub.id)).data).toHaveLength(0);
    expect((await (await as("consultant1")).from("payments").select("id").eq("subscription_id", sub.id)).data!.length).toBeGreaterThan(0);
  });

  it("takes 诚意金 before a subscription and lets it be applied once", async () => {
    await ok("finance", "record_payment", {
      p_project_id: p.projectId, p_customer_id: p.customers.c12, p_kind: "sincerity", p_amount: "20000", p_method: "wechat", p_receipt_no: "CY-0001",
    });
    const s = await ok("consultant1", "create_subscription", {
      p_unit_id: p.units[1], p_customer_id: p.customers.c12, p_payment_method: "full", p_policy_ids: [p.policies.full],
      p_deposit_due: "50000", p_sincerity_applied: "20000",
    });
    const [{ received }] = await sql(`select private.subscription_received($1) as received`, [s.id]);
    expect(received).toBe("20000.00");
    const view = (await (await as("consultant1")).from("subscription_overview").select("received, deposit_outstanding").eq("id", s.id).single()).data;
    expect(view).toEqual({ received: 20000, deposit_outstanding: 30000 });
    await refused("consultant1", "create_subscription", {
      p_unit_id: p.units[2], p_customer_id: p.customers.c12, p_payment_method: "full", p_policy_ids: [],
      p_deposit_due: "50000", p_sincerity_applied: "1",
    }, "sincerity_exceeds_paid");
    await refused("finance", "record_payment", {
      p_project_id: p.projectId, p_customer_id: p.customers.c12, p_kind: "refund", p_amount: "1", p_method: "transfer", p_receipt_no: "TK-0001",
    }, "refund_exceeds_balance");
  });
});
