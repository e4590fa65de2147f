import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { as, dealProject, ok, refused, rpc, type DealProject } from "./support/deals.ts";

// Usable papers: ID documents (validated, masked in lists, full only for those who may work the
// customer and for finance's printouts), and contract numbers from the project's pattern.
let p: DealProject;
beforeAll(async () => {
  p = await dealProject("T-PAPER", 8);
});

// 11010519491231002X is the textbook example of a valid 身份证 (check character X).
const VALID_ID = "11010519491231002X";

describe("ID documents", () => {
  it("refuses a 身份证 with a wrong check digit, a wrong length or an impossible birth date", async () => {
    const c = p.customers.c11;
    await refused("consultant1", "set_customer_id_document", { p_customer_id: c, p_id_type: "id_card", p_id_no: "110105194912310021" }, "invalid_id_no");
    await refused("consultant1", "set_customer_id_document", { p_customer_id: c, p_id_type: "id_card", p_id_no: "11010519491231002" }, "invalid_id_no");
    // Check digit computed for 1949-02-30 would still not make it a date.
    await refused("consultant1", "set_customer_id_document", { p_customer_id: c, p_id_type: "id_card", p_id_no: "110105194902300024" }, "invalid_id_no");
    await refused("consultant1", "set_customer_id_document", { p_customer_id: c, p_id_type: "driver", p_id_no: "E12345678" }, "invalid_id_type");
    const [row] = await sql(`select id_type, id_no_masked from public.customers where id = $1`, [c]);
    expect(row).toEqual({ id_type: null, id_no_masked: null });
  });

  it("stores the number, lists only the masked form, and shows the full number to the owner, managers and finance", async () => {
    const c = p.customers.c11;
    const r = await ok("consultant1", "set_customer_id_document", { p_customer_id: c, p_id_type: "id_card", p_id_no: " 11010519491231002x " });
    expect(r.id_no_masked).toBe("1101**********002X");
    for (const who of ["consultant1", "manager", "finance"]) {
      const { data, error } = await (await as(who)).from("customers").select("id_type, id_no_masked").eq("id", c).single();
      expect(error).toBeNull();
      expect(data).toEqual({ id_type: "id_card", id_no_masked: "1101**********002X" });
      expect(JSON.stringify(data)).not.toContain(VALID_ID);
    }
    for (const who of ["consultant1", "manager", "finance"]) {
      expect((await ok(who, "customer_id_document", { p_customer_id: c })).id_no).toBe(VALID_ID);
    }
    // customer_list (lists and the customer page) carries the masked form only.
    const { data: listed } = await (await as("manager")).from("customer_list").select("*").eq("id", c).single();
    expect(listed).toMatchObject({ id_type: "id_card", id_no_masked: "1101**********002X" });
    expect(JSON.stringify(listed)).not.toContain(VALID_ID);
    // The audit trail keeps only the masked form.
    const [audit] = await sql(`select after::text as after from public.audit_log where record_id = $1 and action = 'customer.id_document'`, [c]);
    expect(audit.after).not.toContain(VALID_ID);
  });

  it("keeps the full number from a colleague consultant, the channel manager, brokers and direct reads", async () => {
    const c = p.customers.c11;
    for (const who of ["consultant2", "channel", "broker1", "admin"]) {
      await refused(who, "customer_id_document", { p_customer_id: c }, "customer_not_found");
    }
    await refused("consultant2", "set_customer_id_document", { p_customer_id: c, p_id_type: "passport", p_id_no: "E12345678" }, "customer_not_yours");
    for (const who of ["consultant1", "broker1"]) {
      const { data } = await (await as(who)).schema("private" as never).from("customer_id_documents").select("*");
      expect(data ?? []).toEqual([]);
    }
    const { data: brokerView } = await (await as("broker1")).from("customers").select("id_no_masked").eq("id", c);
    expect(brokerView ?? []).toEqual([]);
  });

  it("accepts a passport and masks a short number", async () => {
    const r = await ok("consultant2", "set_customer_id_document", { p_customer_id: p.customers.c21, p_id_type: "passport", p_id_no: "e1234567" });
    expect(r.id_no_masked).toBe("E1****67");
  });
});

describe("contract numbers", () => {
  const plan = (price: string) => [
    { seq: 1, due_date: "2026-03-01", amount: "50000", kind: "deposit" },
    { seq: 2, due_date: "2026-04-01", amount: (Number(price) - 50000).toFixed(2), kind: "down_payment" },
  ];
  let receipts = 0;
  /** A 一次性付款 subscription whose 定金 finance has received in full. */
  async function paidSubscription(i: number, key: string, who: string) {
    const sub = await ok(who, "create_subscription", {
      p_unit_id: p.units[i], p_customer_id: p.customers[key], p_payment_method: "full", p_policy_ids: [p.policies.full], p_deposit_due: "50000",
    });
    await ok("finance", "record_payment", {
      p_project_id: p.projectId, p_customer_id: p.customers[key], p_kind: "deposit", p_amount: "50000", p_method: "pos",
      p_receipt_no: `T-PAPER-${++receipts}`, p_subscription_id: sub.id,
    });
    return sub as { id: string; price: string };
  }

  it("numbers contracts from the pattern, in sequence and uniquely under parallel drafting, never suggesting a taken number", async () => {
    await sql(`update public.projects set contract_no_pattern = 'HT-{code}-{yyyy}-{seq:3}' where id = $1`, [p.projectId]);
    const [{ year }] = await sql(`select to_char(private.project_today($1), 'YYYY') as year`, [p.projectId]);
    const prefix = `HT-T-PAPER-${year}-`;
    expect(await ok("consultant1", "suggest_contract_no", { p_project_id: p.projectId })).toBe(`${prefix}001`);
    // Somebody typed the next number by hand: it is taken, so neither suggested nor generated.
    const a = await paidSubscription(0, "c12", "consultant1");
    const manual = await ok("consultant1", "create_contract", { p_subscription_id: a.id, p_contract_no: `${prefix}001`, p_plan: plan(a.price) });
    expect(manual.contract_no).toBe(`${prefix}001`);
    expect(await ok("consultant1", "suggest_contract_no", { p_project_id: p.projectId })).toBe(`${prefix}002`);

    const b = await paidSubscription(1, "c13", "consultant1");
    const c = await paidSubscription(2, "c22", "consultant2");
    const d = await paidSubscription(3, "c31", "manager");
    const results = await Promise.all([
      rpc("consultant1", "create_contract", { p_subscription_id: b.id, p_contract_no: null, p_plan: plan(b.price) }),
      rpc("consultant2", "create_contract", { p_subscription_id: c.id, p_contract_no: "", p_plan: plan(c.price) }),
      rpc("manager", "create_contract", { p_subscription_id: d.id, p_contract_no: null, p_plan: plan(d.price) }),
    ]);
    for (const r of results) expect(r.error).toBeNull();
    const numbers = results.map((r) => (r.data as { contract_no: string }).contract_no).sort();
    expect(numbers).toEqual([`${prefix}002`, `${prefix}003`, `${prefix}004`]);
    expect(await ok("manager", "suggest_contract_no", { p_project_id: p.projectId })).toBe(`${prefix}005`);
  });

  it("refuses a hand-typed number already used, also when two drafts race for it", async () => {
    const [{ year }] = await sql(`select to_char(private.project_today($1), 'YYYY') as year`, [p.projectId]);
    const e = await paidSubscription(4, "c14", "consultant1");
    await refused("consultant1", "create_contract", { p_subscription_id: e.id, p_contract_no: `HT-T-PAPER-${year}-002`, p_plan: plan(e.price) }, "contract_no_taken");
    const f = await paidSubscription(5, "c23", "consultant2");
    const results = await Promise.all([
      rpc("consultant1", "create_contract", { p_subscription_id: e.id, p_contract_no: "SAME-1", p_plan: plan(e.price) }),
      rpc("consultant2", "create_contract", { p_subscription_id: f.id, p_contract_no: "SAME-1", p_plan: plan(f.price) }),
    ]);
    expect(results.filter((r) => r.error === null)).toHaveLength(1);
    expect(results.find((r) => r.error)?.error?.details).toBe("contract_no_taken");
    const [{ n }] = await sql(`select count(*)::int as n from public.contracts where project_id = $1 and contract_no = 'SAME-1'`, [p.projectId]);
    expect(n).toBe(1);
  });

  it("lets only deal roles of the project ask for a number", async () => {
    for (const who of ["broker1", "channel", "admin"]) {
      const r = await rpc(who, "suggest_contract_no", { p_project_id: p.projectId });
      expect(r.error).not.toBeNull();
    }
  });
});
