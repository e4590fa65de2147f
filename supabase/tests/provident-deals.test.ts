import { beforeAll, describe, expect, it } from "vitest";
import { PAYMENT_METHODS } from "@so/shared/schemas/deals";
import { sql } from "./support/clients.ts";
import { approveAll, dealProject, ok, refused, type DealProject, signContract } from "./support/deals.ts";

// 公积金贷款 and 组合贷款 deals through the API: the methods the database knows are the ones the
// shared package lists; policies can be limited to them; a plan must carry the right loan items
// (公积金放款 from the 公积金中心, 按揭放款 from the bank, both for 组合贷); finance records the
// 公积金中心's disbursement against its plan item.
let p: DealProject;
let receipts = 0;
const receipt = () => `T-PF-${++receipts}`;
beforeAll(async () => {
  p = await dealProject("T-PF", 8);
});

const subscribe = (i: number, key: string, method: string, policies: string[] = [], who = "consultant1") =>
  ok(who, "create_subscription", {
    p_unit_id: p.units[i], p_customer_id: p.customers[key], p_payment_method: method, p_policy_ids: policies, p_deposit_due: "50000",
  });
const payDeposit = (key: string, subscriptionId: string) =>
  ok("finance", "record_payment", {
    p_project_id: p.projectId, p_customer_id: p.customers[key], p_kind: "deposit", p_amount: "50000", p_method: "pos",
    p_receipt_no: receipt(), p_subscription_id: subscriptionId,
  });
const item = (seq: number, kind: string, amount: string, due = `2026-0${Math.min(seq + 2, 9)}-01`) => ({ seq, due_date: due, amount, kind });

describe("公积金贷款 and 组合贷款", () => {
  it("the database's methods are the shared list, and their zh-CN words", async () => {
    const [{ methods }] = await sql<{ methods: string[] }>(`select private.payment_methods() as methods`);
    expect(methods).toEqual([...PAYMENT_METHODS]);
    const words = await sql<{ w: string }>(`select private.payment_method_zh(m) as w from unnest(private.payment_methods()) m`);
    expect(words.map((r) => r.w)).toEqual(["一次性付款", "按揭", "分期", "公积金贷款", "组合贷款"]);
  });

  it("a policy limited to 公积金 fits a 公积金 deal and is refused on a 按揭 one", async () => {
    const [{ id: fundPolicy }] = await sql<{ id: string }>(
      `insert into public.policies (project_id, name, kind, value, stackable, sort, payment_methods)
       values ($1, '公积金99折', 'factor', 0.99, false, 5, array['provident_fund', 'combined']) returning id`,
      [p.projectId],
    );
    const options = await ok<{ id: string; applicable: boolean; reason: string | null }[]>("consultant1", "policy_options", {
      p_project_id: p.projectId, p_payment_method: "mortgage",
    });
    const unfit = options.find((o) => o.id === fundPolicy)!;
    expect(unfit.applicable).toBe(false);
    expect(unfit.reason).toContain("公积金贷款、组合贷款");
    await refused("consultant1", "price_buildup", { p_unit_id: p.units[0], p_policy_ids: [fundPolicy], p_payment_method: "mortgage" }, "policy_condition_unmet");
    const b = await ok<{ price_after_policies: string }>("consultant1", "price_buildup", {
      p_unit_id: p.units[0], p_policy_ids: [fundPolicy], p_payment_method: "provident_fund",
    });
    expect(b.price_after_policies).toBe("2885142.85");   // 2,914,285.71 × 0.99, to the fen
    // The old mortgage-only policy does not fit a 组合贷.
    await refused("consultant1", "create_subscription", {
      p_unit_id: p.units[0], p_customer_id: p.customers.c12, p_payment_method: "combined", p_policy_ids: [p.policies.mortgage], p_deposit_due: "50000",
    }, "policy_condition_unmet");
    // An unknown method is refused with the full list.
    const e = await refused("consultant1", "price_buildup", { p_unit_id: p.units[0], p_policy_ids: [], p_payment_method: "gjj" }, "invalid_payment_method");
    expect(e.message).toContain("公积金贷款");
    await refused("admin", "policy_options", { p_project_id: p.projectId, p_payment_method: "loan" }, "invalid_payment_method");
  });

  it("a 公积金 plan needs a 公积金放款 and no bank loan; signed, the 公积金中心's money is recorded against it", async () => {
    const sub = await subscribe(1, "c12", "provident_fund");   // 1,980,000.00
    await payDeposit("c12", sub.id);
    const draft = (plan: unknown[], who = "consultant1") =>
      refused(who, "create_contract", { p_subscription_id: sub.id, p_contract_no: null, p_plan: plan }, "plan_method_mismatch");
    expect((await draft([item(1, "deposit", "50000"), item(2, "down_payment", "550000"), item(3, "mortgage", "1380000")])).message)
      .toContain("公积金贷款的合同须有公积金放款期");
    expect((await draft([item(1, "deposit", "50000"), item(2, "mortgage", "550000"), item(3, "provident_loan", "1380000")])).message)
      .toContain("组合贷款");
    await draft([item(1, "provident_loan", "1980000")]);
    const c = await ok<{ id: string; approval_id: string }>("consultant1", "create_contract", {
      p_subscription_id: sub.id, p_contract_no: null,
      p_plan: [item(1, "deposit", "50000"), item(2, "down_payment", "550000"), item(3, "provident_loan", "1380000")],
    });
    await approveAll(c.approval_id);
    await signContract("consultant1", c.id);
    const [loanItem] = await sql<{ id: string }>(`select id from public.payment_plan_items where contract_id = $1 and kind = 'provident_loan'`, [c.id]);
    const paid = await ok<{ kind: string; method: string; plan_item_id: string }>("finance", "record_payment", {
      p_project_id: p.projectId, p_customer_id: p.customers.c12, p_kind: "provident_loan", p_amount: "1380000", p_method: "provident_centre",
      p_receipt_no: receipt(), p_contract_id: c.id, p_plan_item_id: loanItem.id,
    });
    expect(paid).toMatchObject({ kind: "provident_loan", method: "provident_centre", plan_item_id: loanItem.id });
    // Money settles the plan in its order: what is left open is the 首付 the buyer still owes.
    const [r] = await sql<{ outstanding: string }>(`select sum(outstanding)::text as outstanding from public.receivables where contract_id = $1`, [c.id]);
    expect(r.outstanding).toBe("550000.00");
  });

  it("a 组合贷 plan needs both loans and a down payment", async () => {
    const sub = await subscribe(2, "c22", "combined", [], "consultant2");   // 3,560,000.00
    await payDeposit("c22", sub.id);
    const draft = (plan: unknown[]) =>
      refused("consultant2", "create_contract", { p_subscription_id: sub.id, p_contract_no: null, p_plan: plan }, "plan_method_mismatch");
    expect((await draft([item(1, "deposit", "50000"), item(2, "down_payment", "1010000"), item(3, "mortgage", "2500000")])).message)
      .toContain("须同时有按揭放款（商贷）和公积金放款");
    await draft([item(1, "mortgage", "2360000"), item(2, "provident_loan", "1200000")]);
    await draft([item(1, "deposit", "50000"), item(2, "down_payment", "1010000"), item(3, "installment", "2500000")]);
    const [{ n }] = await sql(`select count(*)::int as n from public.contracts where subscription_id = $1`, [sub.id]);
    expect(n).toBe(0);
    const c = await ok<{ id: string }>("consultant2", "create_contract", {
      p_subscription_id: sub.id, p_contract_no: null,
      p_plan: [item(1, "deposit", "50000"), item(2, "down_payment", "1010000"), item(3, "mortgage", "1300000"), item(4, "provident_loan", "1200000")],
    });
    const kinds = await sql<{ kind: string }>(`select kind from public.payment_plan_items where contract_id = $1 order by seq`, [c.id]);
    expect(kinds.map((k) => k.kind)).toEqual(["deposit", "down_payment", "mortgage", "provident_loan"]);
  });

  it("a 按揭 or 一次性 plan cannot carry a 公积金放款", async () => {
    const mortgage = await subscribe(3, "c13", "mortgage", [p.policies.mortgage]);   // 2,450,000 × 0.99 = 2,425,500
    await payDeposit("c13", mortgage.id);
    await refused("consultant1", "create_contract", {
      p_subscription_id: mortgage.id, p_contract_no: null,
      p_plan: [item(1, "deposit", "50000"), item(2, "down_payment", "675500"), item(3, "mortgage", "1000000"), item(4, "provident_loan", "700000")],
    }, "plan_method_mismatch");
    const full = await subscribe(4, "c14", "full", [p.policies.full]);   // 2,914,285.71 × 0.98 = 2,856,000
    await payDeposit("c14", full.id);
    const e = await refused("consultant1", "create_contract", {
      p_subscription_id: full.id, p_contract_no: null, p_plan: [item(1, "deposit", "50000"), item(2, "provident_loan", "2806000")],
    }, "plan_method_mismatch");
    expect(e.message).toContain("不能有贷款放款期");
  });
});
