import { QUALIFICATION_PAPERS } from "@so/shared/schemas/deals";
import { beforeAll, describe, expect, it } from "vitest";
import { allowedValues } from "./support/checks.ts";
import { sql } from "./support/clients.ts";
import { ALL_PAPERS, approveAll, as, auditOf, dealProject, ok, qualify, refused, rpc, uid, type DealProject } from "./support/deals.ts";
import { person } from "./support/people.ts";

it("the admin's checklist of papers (shared/) is the one the database accepts", async () => {
  expect(await allowedValues("public.purchase_qualifications", "documents")).toEqual([...QUALIFICATION_PAPERS]);
});

/**
 * 购房资质审核: one check per 认购 — the 限购 facts, the papers received, 待核/符合/不符合. The
 * consultant of the deal gathers facts and papers; finance or a manager decides. A contract may be
 * drafted and approved meanwhile, but it is signed only once the check is complete and 符合.
 */
describe("购房资质审核 (purchase_qualifications)", () => {
  let p: DealProject;
  let unit = 0;
  const subscribe = async (customer = "c11", method = "full", owner = "consultant1") => {
    const policy = method === "full" ? p.policies.full : p.policies.mortgage;
    const sub = await ok(owner, "create_subscription", {
      p_unit_id: p.units[unit++], p_customer_id: p.customers[customer], p_payment_method: method, p_policy_ids: [policy], p_deposit_due: "50000",
    });
    await ok("finance", "record_payment", {
      p_project_id: p.projectId, p_customer_id: p.customers[customer], p_kind: "deposit", p_amount: "50000", p_method: "pos",
      p_receipt_no: `QD-${sub.id.slice(0, 8)}`, p_subscription_id: sub.id,
    });
    return sub as { id: string; price: number };
  };
  const approvedContract = async (sub: { id: string; price: number }, no: string, mortgage = false) => {
    // In fen, so the items add up exactly: 定金, then the rest (a mortgage deal: 首付 1,000,000 + 按揭放款).
    const rest = Math.round(Number(sub.price) * 100) - 5_000_000;
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    const tail = mortgage
      ? [
          { seq: 2, due_date: "2026-02-10", amount: "1000000.00", kind: "down_payment" },
          { seq: 3, due_date: "2026-04-10", amount: yuan(rest - 100_000_000), kind: "mortgage" },
        ]
      : [{ seq: 2, due_date: "2026-02-10", amount: yuan(rest), kind: "down_payment" }];
    const c = await ok("consultant1", "create_contract", {
      p_subscription_id: sub.id, p_contract_no: no,
      p_plan: [{ seq: 1, due_date: "2026-01-10", amount: "50000.00", kind: "deposit" }, ...tail],
    });
    await approveAll(c.approval_id);
    return c;
  };
  const record = (who: string, subId: string, extra: Record<string, unknown> = {}) =>
    rpc(who, "record_qualification", {
      p_subscription_id: subId, p_local_hukou: true, p_social_security_months: 36, p_homes_owned: 1,
      p_documents: ["id_card", "hukou_book"], ...extra,
    });
  const row = async (subId: string) =>
    (await sql<Record<string, any>>(`select * from public.purchase_qualifications where subscription_id = $1`, [subId]))[0];

  beforeAll(async () => {
    p = await dealProject(`T-QUALIFY-${Date.now() % 100000}`, 8);
  });

  it("refuses to sign without a passed check, with a zh-CN reason naming what is missing; nothing changes", async () => {
    const sub = await subscribe("c11", "mortgage");
    const c = await approvedContract(sub, "QH-1", true);
    const refusal = await refused("consultant1", "sign_contract", { p_contract_id: c.id }, "qualification_required");
    expect(refusal.message).toBe("购房资质尚未审核通过，不能签约（缺 限购条件、身份证、户口本、婚姻证明、收入证明、社保/个税证明）");
    const [state] = await sql(
      `select c.status, s.status as sub_status, u.status as unit_status from public.contracts c
         join public.subscriptions s on s.id = c.subscription_id join public.units u on u.id = c.unit_id where c.id = $1`,
      [c.id],
    );
    expect(state).toEqual({ status: "approved", sub_status: "active", unit_status: "subscribed" });

    // The consultant gathers facts and papers; still 待核, so still refused (it now names only the rest).
    expect((await record("consultant1", sub.id, { p_local_hukou: false })).error).toBeNull();
    const waiting = await refused("consultant1", "sign_contract", { p_contract_id: c.id }, "qualification_required");
    expect(waiting.message).toContain("缺 婚姻证明、收入证明、社保/个税证明");
    // Finance cannot pass it while papers are missing.
    const incomplete = await record("finance", sub.id, { p_local_hukou: false, p_result: "eligible" });
    expect(incomplete.error?.details).toBe("qualification_incomplete");
    expect((await row(sub.id)).result).toBe("pending");

    await ok("finance", "record_qualification", {
      p_subscription_id: sub.id, p_local_hukou: false, p_social_security_months: 36, p_homes_owned: 1,
      p_documents: ALL_PAPERS, p_result: "eligible", p_note: "社保满36个月，名下一套，可购第二套",
    });
    const signed = await ok("consultant1", "sign_contract", { p_contract_id: c.id });
    expect(signed.status).toBe("signed");
    expect(await row(sub.id)).toMatchObject({ result: "eligible", checked_by: uid("finance"), local_hukou: false, homes_owned: 1 });
    expect((await auditOf("purchase_qualifications", (await row(sub.id)).id)).map((a) => a.action)).toEqual([
      "qualification.record", "qualification.check",
    ]);
  });

  it("不符合 blocks signing and needs a reason; a manager may correct it", async () => {
    const sub = await subscribe("c12");
    const c = await approvedContract(sub, "QH-2");
    const noReason = await record("director", sub.id, { p_documents: ALL_PAPERS, p_result: "ineligible" });
    expect(noReason.error?.details).toBe("reason_required");
    expect((await record("director", sub.id, { p_documents: ALL_PAPERS, p_homes_owned: 2, p_result: "ineligible", p_note: "名下已有两套，限购" })).error).toBeNull();
    const refusal = await refused("consultant1", "sign_contract", { p_contract_id: c.id }, "qualification_ineligible");
    expect(refusal.message).toContain("不符合");
    // Decided: the consultant may not change it any more.
    expect((await record("consultant1", sub.id, { p_documents: ALL_PAPERS })).error?.details).toBe("qualification_decided");
    expect((await row(sub.id)).result).toBe("ineligible");
    // The manager corrects it (the second home was sold): 符合, and the contract is signed.
    await ok("director", "record_qualification", {
      p_subscription_id: sub.id, p_local_hukou: true, p_social_security_months: 36, p_homes_owned: 1, p_documents: ALL_PAPERS,
      p_result: "eligible", p_note: "第二套已过户给他人，核实名下一套",
    });
    expect(await row(sub.id)).toMatchObject({ result: "eligible", checked_by: uid("director") });
    expect((await ok("consultant1", "sign_contract", { p_contract_id: c.id })).status).toBe("signed");
  });

  it("only finance and the project's managers decide; brokers, channel, other consultants and other projects' managers are refused", async () => {
    const sub = await subscribe("c13");
    const pass = { p_documents: ALL_PAPERS, p_result: "eligible" };
    for (const who of ["consultant1"]) expect((await record(who, sub.id, pass)).error?.details).toBe("forbidden");
    for (const who of ["consultant2", "channel", "broker1"]) {
      const r = await record(who, sub.id);
      expect(r.error?.details, who).toMatch(/forbidden|customer_not_yours/);
    }
    // A manager of other projects only (the demo manager, taken out of this one for the while).
    const roles = await sql(`delete from public.staff_projects where project_id = $1 and staff_id = $2 returning role`, [p.projectId, uid("manager")]);
    try {
      expect((await record("manager", sub.id, pass)).error?.details).toBe("forbidden");
      await refused("manager", "qualification_queue", { p_project_id: p.projectId }, "forbidden");
      const { data } = await (await as("manager")).from("purchase_qualifications").select("id").eq("project_id", p.projectId);
      expect(data).toEqual([]);
    } finally {
      for (const r of roles) {
        await sql(`insert into public.staff_projects (staff_id, project_id, role) values ($1, $2, $3)`, [uid("manager"), p.projectId, r.role]);
      }
    }
    expect(await row(sub.id)).toBeUndefined();

    // Reading: the table through RLS and the queue.
    expect((await (await as("broker1")).from("purchase_qualifications").select("*")).data).toEqual([]);
    await qualify(sub.id);
    for (const who of ["consultant1", "finance", "director"]) {
      const { data } = await (await as(who)).from("purchase_qualifications").select("subscription_id").eq("subscription_id", sub.id);
      expect(data, who).toHaveLength(1);
    }
    for (const who of ["consultant2", "broker1", "channel"]) {
      const { data } = await (await as(who)).from("purchase_qualifications").select("subscription_id").eq("subscription_id", sub.id);
      expect(data, who).toEqual([]);
    }
    for (const who of ["consultant1", "broker1", "channel"]) {
      await refused(who, "qualification_queue", { p_project_id: p.projectId }, "forbidden");
    }
  });

  it("lists the 认购 awaiting a check with what is missing; a double tap records once", async () => {
    const sub = await subscribe("c14", "mortgage");
    const queue = await ok<any[]>("finance", "qualification_queue", { p_project_id: p.projectId });
    const mine = queue.find((r) => r.subscription_id === sub.id);
    expect(mine).toMatchObject({ result: "pending", customer_name: "客户c14", payment_method: "mortgage" });
    expect(mine.missing).toEqual(["facts", "id_card", "hukou_book", "marriage", "income", "social_security"]);

    const args = { p_documents: ALL_PAPERS, p_result: "eligible" };
    const [a, b] = await Promise.all([record("finance", sub.id, args), record("finance", sub.id, args)]);
    expect([a.error, b.error]).toEqual([null, null]);
    expect(a.data).toMatchObject({ result: "eligible", missing: [], signable: true });
    const audit = await auditOf("purchase_qualifications", (await row(sub.id)).id);
    expect(audit.map((x) => x.action)).toEqual(["qualification.check"]);
    const after = await ok<any[]>("finance", "qualification_queue", { p_project_id: p.projectId });
    expect(after.map((r) => r.subscription_id)).not.toContain(sub.id);
  });

  it("refuses bad input with a zh-CN message and changes nothing; a deactivated account is refused", async () => {
    const sub = await subscribe("c15");
    const bad = async (extra: Record<string, unknown>, code: string) => {
      const r = await record("finance", sub.id, extra);
      expect(r.error?.details).toBe(code);
      expect(r.error?.message).toMatch(/[\u4e00-\u9fa5]/);
    };
    await bad({ p_social_security_months: -1 }, "invalid_months");
    await bad({ p_homes_owned: 99 }, "invalid_homes");
    await bad({ p_documents: ["passport"] }, "invalid_documents");
    await bad({ p_result: "maybe" }, "invalid_result");
    expect(await row(sub.id)).toBeUndefined();
    const spare = await person("停用会计", ["finance"], p.projectId);
    expect((await record(spare.email, sub.id, { p_documents: ALL_PAPERS, p_note: "先登记" })).error).toBeNull();
    await sql(`update public.staff set active = false where id = $1`, [spare.id]);
    const r = await record(spare.email, sub.id, { p_documents: ALL_PAPERS, p_result: "eligible" });
    expect(r.error?.details).toBe("staff_inactive");
    expect(await row(sub.id)).toMatchObject({ result: "pending", note: "先登记" });
  });
});
