import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { as, dealProject, ok, refused, rpc, uid, type DealProject } from "./support/deals.ts";

/**
 * 准客户名录: the customer's consultant or a manager marks a key prospect with a reason and
 * unmarks it with one; the supervisor's list shows status, consultant, last contact and the next
 * deadline. Other consultants, finance, brokers and other projects' managers are refused.
 */
describe("准客户名录 (key_prospects)", () => {
  let p: DealProject;
  const list = (who = "manager") => ok<any[]>(who, "key_prospect_list", { p_project_id: p.projectId });
  const marks = (customer: string) =>
    sql(`select reason, marked_by, unmarked_by, unmark_reason from public.key_prospects where customer_id = $1 order by marked_at`, [customer]);

  beforeAll(async () => {
    p = await dealProject(`T-PROSPECTS-${Date.now() % 100000}`, 1);
  });

  it("the owning consultant marks a customer; the list shows consultant, last contact and the next deadline", async () => {
    const customer = p.customers.c11;
    await ok("consultant1", "log_follow_up", { p_customer_id: customer, p_method: "phone", p_content: "约周末看房", p_next_date: null });
    const result = await ok("consultant1", "mark_key_prospect", { p_customer_id: customer, p_reason: "预算充足，意向三房" });
    expect(result.customer_id).toBe(customer);
    await sql(
      `insert into public.customer_reviews (project_id, customer_id, consultant_id, reviewed_by, review_date, grade, decision, next_contact_by)
       values ($1, $2, $3, $4, private.project_today($1), 'A', 'keep', private.project_today($1) + 2)`,
      [p.projectId, customer, uid("consultant1"), uid("manager")],
    );
    const row = (await list()).find((r) => r.customer_id === customer);
    expect(row).toMatchObject({
      consultant_id: uid("consultant1"), reason: "预算充足，意向三房", last_contact: "约周末看房", status: "following", overdue: false,
    });
    const [{ d }] = await sql<{ d: string }>(`select to_char(private.project_today($1) + 2, 'YYYY-MM-DD') d`, [p.projectId]);
    expect(row.next_deadline).toBe(d);
    const [audit] = await sql<{ action: string }>(`select action from public.audit_log where record_id = $1`, [result.key_prospect_id]);
    expect(audit.action).toBe("key_prospect.mark");
    // the consultant sees their own prospects only
    expect((await list("consultant1")).map((r) => r.customer_id)).toEqual([customer]);
    expect(await list("consultant2")).toEqual([]);
  });

  it("another consultant, finance, a broker and another project's manager may not mark", async () => {
    const customer = p.customers.c12;
    for (const who of ["consultant2", "finance", "broker1", "channel"]) {
      await refused(who, "mark_key_prospect", { p_customer_id: customer, p_reason: "越权" }, "forbidden");
    }
    for (const who of ["finance", "broker1", "channel"]) await refused(who, "key_prospect_list", { p_project_id: p.projectId }, "forbidden");
    await sql(`delete from public.staff_projects where project_id = $1 and staff_id = $2`, [p.projectId, uid("director")]);
    try {
      await refused("director", "mark_key_prospect", { p_customer_id: customer, p_reason: "别的项目" }, "forbidden");
      expect((await (await as("director")).from("key_prospects").select("id").eq("project_id", p.projectId)).data).toEqual([]);
    } finally {
      await sql(`insert into public.staff_projects (staff_id, project_id, role) values ($1, $2, 'marketing_director')`, [uid("director"), p.projectId]);
    }
    for (const who of ["broker1", "finance", "consultant2"]) {
      expect((await (await as(who)).from("key_prospects").select("id").eq("project_id", p.projectId)).data).toEqual([]);
    }
    expect(await marks(customer)).toEqual([]);
  });

  it("a double tap marks once; bad input is refused with a clear message", async () => {
    const customer = p.customers.c21;
    await refused("consultant2", "mark_key_prospect", { p_customer_id: customer, p_reason: "  " }, "reason_required");
    const { error } = await rpc("consultant2", "mark_key_prospect", { p_customer_id: customer, p_reason: "" });
    expect(error?.message).toMatch(/请说明列为重点客户的原因/);
    const args = { p_customer_id: customer, p_reason: "已交意向金" };
    const both = await Promise.all([rpc("consultant2", "mark_key_prospect", args), rpc("consultant2", "mark_key_prospect", args)]);
    expect(both.filter((r) => !r.error)).toHaveLength(1);
    expect(both.find((r) => r.error)?.error).toMatchObject({ details: "already_key_prospect" });
    expect(await marks(customer)).toHaveLength(1);
    const lost = p.customers.c22;
    await sql(`update public.customers set status = 'lost', lost_reason = '已购别盘' where id = $1`, [lost]);
    await refused("consultant2", "mark_key_prospect", { p_customer_id: lost, p_reason: "试试" }, "customer_closed");
  });

  it("a manager unmarks with a reason; the history stays, and the customer may be marked again", async () => {
    const customer = p.customers.c21;
    await refused("manager", "unmark_key_prospect", { p_customer_id: customer, p_reason: "" }, "reason_required");
    await refused("consultant2", "unmark_key_prospect", { p_customer_id: p.customers.c23, p_reason: "不在名录" }, "not_key_prospect");
    await ok("manager", "unmark_key_prospect", { p_customer_id: customer, p_reason: "两周未接电话" });
    await refused("manager", "unmark_key_prospect", { p_customer_id: customer, p_reason: "再点一次" }, "not_key_prospect");
    expect((await list()).map((r) => r.customer_id)).not.toContain(customer);
    expect(await marks(customer)).toEqual([
      { reason: "已交意向金", marked_by: uid("consultant2"), unmarked_by: uid("manager"), unmark_reason: "两周未接电话" },
    ]);
    const audit = await sql<{ action: string }>(
      `select action from public.audit_log where table_name = 'key_prospects' and after->>'customer_id' = $1 order by id`, [customer]);
    expect(audit.map((a) => a.action)).toEqual(["key_prospect.mark", "key_prospect.unmark"]);
    await ok("manager", "mark_key_prospect", { p_customer_id: customer, p_reason: "重新来访" });
    expect(await marks(customer)).toHaveLength(2);
  });

  it("a deadline passed with no contact since shows overdue", async () => {
    const customer = p.customers.c31;
    await ok("consultant3", "mark_key_prospect", { p_customer_id: customer, p_reason: "改善型，换房" });
    await sql(
      `insert into public.follow_ups (project_id, customer_id, staff_id, method, content, next_date, created_at)
       values ($1, $2, $3, 'wechat', '发了价格单', private.project_today($1) - 2, now() - interval '5 days')`,
      [p.projectId, customer, uid("consultant3")],
    );
    expect((await list()).find((r) => r.customer_id === customer)).toMatchObject({ overdue: true, last_contact: "发了价格单" });
  });
});
