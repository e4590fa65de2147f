import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { as, dealProject, ok, refused, uid, type DealProject } from "./support/deals.ts";

/**
 * 销售指标: managers set the month's targets for the project and break them down to the sales
 * staff; progress is counted the way the reports count (a 认购 this month is one subscription and
 * its price). Consultants see the project's line and their own; a past month is closed.
 */
describe("sales targets (销售指标)", () => {
  let p: DealProject;
  let month: string;
  let lastMonth: string;
  const set = (who: string, extra: Record<string, unknown>) =>
    ok(who, "set_sales_target", {
      p_project_id: p.projectId, p_month: month, p_staff_id: null, p_subscriptions: 10,
      p_subscription_amount: "30000000", p_contract_amount: "20000000", p_collections: "15000000", ...extra,
    });
  const progress = (who: string) => ok<any[]>(who, "target_progress", { p_project_id: p.projectId, p_month: month });

  beforeAll(async () => {
    p = await dealProject(`T-TARGETS-${Date.now() % 100000}`, 4);
    [{ month, lastMonth }] = await sql<{ month: string; lastMonth: string }>(
      `select to_char(date_trunc('month', private.project_today($1)), 'YYYY-MM-DD') as month,
              to_char(date_trunc('month', private.project_today($1)) - interval '1 month', 'YYYY-MM-DD') as "lastMonth"`,
      [p.projectId],
    );
  });

  it("a manager sets the project's target and a consultant's share; a change is audited", async () => {
    await set("manager", {});
    const mine = await set("manager", { p_staff_id: uid("consultant1"), p_subscriptions: 4, p_subscription_amount: "12000000.50" });
    expect(mine).toMatchObject({ month, subscriptions: 4, subscription_amount: 12000000.5 });
    await set("manager", { p_staff_id: uid("consultant1"), p_subscriptions: 5, p_subscription_amount: "12000000.50" });
    const rows = await sql(`select subscriptions from public.sales_targets where project_id = $1 and staff_id = $2`, [p.projectId, uid("consultant1")]);
    expect(rows).toEqual([{ subscriptions: 5 }]);
    const audit = await sql<{ before: any; after: any }>(`select before, after from public.audit_log where action = 'target.set' and record_id = $1 order by id`, [mine.id]);
    expect(audit.map((a) => [a.before?.subscriptions ?? null, a.after.subscriptions])).toEqual([[null, 4], [4, 5]]);
    // a date inside the month means that month
    const mid = await set("manager", { p_month: `${month.slice(0, 8)}15`, p_subscriptions: 11 });
    expect(mid.id).toBe((await sql<{ id: string }>(`select id from public.sales_targets where project_id = $1 and staff_id is null`, [p.projectId]))[0].id);
  });

  it("refuses the wrong person, a past month, a non-sales assignee and bad numbers, writing nothing", async () => {
    const before = await sql(`select count(*)::int n from public.sales_targets where project_id = $1`, [p.projectId]);
    const args = {
      p_project_id: p.projectId, p_month: month, p_staff_id: uid("consultant2"), p_subscriptions: 3,
      p_subscription_amount: "9000000", p_contract_amount: "0", p_collections: "0",
    };
    for (const who of ["consultant1", "finance", "channel", "broker1"]) await refused(who, "set_sales_target", args, "forbidden");
    await refused("manager", "set_sales_target", { ...args, p_month: lastMonth }, "month_closed");
    await refused("manager", "set_sales_target", { ...args, p_staff_id: uid("finance") }, "invalid_assignee");
    await refused("manager", "set_sales_target", { ...args, p_subscriptions: -1 }, "invalid_target");
    await refused("manager", "set_sales_target", { ...args, p_subscription_amount: "100.005" }, "invalid_amount");
    await refused("manager", "set_sales_target", { ...args, p_collections: "-1" }, "invalid_amount");
    expect(await sql(`select count(*)::int n from public.sales_targets where project_id = $1`, [p.projectId])).toEqual(before);
  });

  it("progress counts a 认购 this month for its consultant and the project, the same as the monthly figures", async () => {
    const s = await ok("consultant1", "create_subscription", {
      p_unit_id: p.units[0], p_customer_id: p.customers.c11, p_payment_method: "full",
      p_policy_ids: [p.policies.full], p_deposit_due: "50000",
    });
    const rows = await progress("manager");
    const project = rows.find((r) => r.is_project);
    const c1 = rows.find((r) => r.staff_id === uid("consultant1"));
    expect(project).toMatchObject({ target_subscriptions: 11, subscriptions: 1, subscription_amount: Number(s.price), subscriptions_percent: 9 });
    expect(c1).toMatchObject({ target_subscriptions: 5, subscriptions: 1, subscription_amount: Number(s.price), staff_name: expect.any(String) });
    const [figures] = await sql<{ n: number; amount: string }>(
      `select sum(subscriptions)::int as n, sum(subscription_amount)::text as amount
         from private.report_figures($1, $2::date, ($2::date + interval '1 month' - interval '1 day')::date)`,
      [p.projectId, month],
    );
    expect(figures.n).toBe(project.subscriptions);
    expect(Number(figures.amount)).toBe(project.subscription_amount);
  });

  it("completion is the database's: whole percent, floored; none without a target", async () => {
    const [pct] = await sql<Record<string, number | null>>(
      `select private.percent_of(3, 10) a, private.percent_of(999, 1000) b, private.percent_of(12000000.5, 12000000.50) c,
              private.percent_of(1, 3) d, private.percent_of(5, 0) e, private.percent_of(5, null) f, private.percent_of(0, 7) g`,
    );
    expect(pct).toEqual({ a: 30, b: 99, c: 100, d: 33, e: null, f: null, g: 0 });
    const rows = await progress("manager");
    const c1 = rows.find((r) => r.staff_id === uid("consultant1"));
    expect(c1.subscriptions_percent).toBe(Math.floor((c1.subscriptions * 100) / c1.target_subscriptions));
    expect(c1.contract_amount_percent).toBe(0);
  });

  it("of two managers saving the same new target at once, one creates it and the other changes it", async () => {
    const staff = uid("consultant2");
    await sql(`delete from public.sales_targets where project_id = $1 and staff_id = $2`, [p.projectId, staff]);
    const [a, b] = await Promise.all(["manager", "director"].map((who, i) => set(who, { p_staff_id: staff, p_subscriptions: 6 + i })));
    expect(a.id).toBe(b.id);
    const audit = await sql<{ before: any; after: any }>(
      `select before, after from public.audit_log where action = 'target.set' and record_id = $1 order by id`, [a.id]);
    expect(audit.map((x) => x.before === null)).toEqual([true, false]);
    expect(audit[1].before.subscriptions).toBe(audit[0].after.subscriptions);
    const [row] = await sql<{ subscriptions: number }>(`select subscriptions from public.sales_targets where id = $1`, [a.id]);
    expect(row.subscriptions).toBe(audit[1].after.subscriptions);
    await sql(`delete from public.sales_targets where id = $1`, [a.id]); // the next test reads consultant2 without a target
  });

  it("a consultant sees the project's line and their own; finance sees all; a broker nothing", async () => {
    const c1 = await progress("consultant1");
    expect(c1.map((r) => (r.is_project ? "project" : r.staff_id))).toEqual(["project", uid("consultant1")]);
    const c2 = await progress("consultant2");
    expect(c2.map((r) => (r.is_project ? "project" : r.staff_id))).toEqual(["project"]);
    expect((await progress("finance")).length).toBe((await progress("manager")).length);
    await refused("broker1", "target_progress", { p_project_id: p.projectId, p_month: month }, "forbidden");

    const read = async (who: string) =>
      ((await (await as(who)).from("sales_targets").select("staff_id").eq("project_id", p.projectId)).data ?? []).map((r) => r.staff_id);
    expect((await read("consultant1")).sort()).toEqual([null, uid("consultant1")].sort());
    expect(await read("consultant2")).toEqual([null]);
    expect(await read("broker1")).toEqual([]);
  });
});
