import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn, sql } from "./support/clients.ts";
import { dealProject, ok, refused, uid, type DealProject } from "./support/deals.ts";
import { activeRoleHolders, notificationsSent, runReminders } from "./support/reminders.ts";

/**
 * Reminders (run_reminders): follow-ups due, customers about to drop into the pool and dropped,
 * payments due and overdue, the finance morning digest — each enqueued once, to the right person.
 * And the day's to-dos (my_day, dashboard_summary): 当天签约 and 应收款.
 */

let p: DealProject;
/** This project's notifications of a kind. */
const sent = (kind: string) => notificationsSent(p.projectId, kind);
const to = (rows: { recipient_id: string; payload: any }[], who: string) => rows.filter((r) => r.recipient_id === uid(who));
/** Everyone who holds the finance role in this project (other test files add people to the demo team it copies). */
const financeIds = () => activeRoleHolders(p.projectId, "finance");
const today = async () =>
  (await sql<{ d: string }>("select private.project_today($1)::text as d", [p.projectId]))[0].d;

/** A subscription and (optionally) an approved contract with one plan item due `dueIn` days from today. */
async function deal(customerKey: string, unit: number, consultant: string, opts: { deadlineIn?: number; plan?: { dueIn: number; amount: string }[] } = {}) {
  const [s] = await sql<{ id: string }>(
    `insert into public.subscriptions (project_id, unit_id, customer_id, consultant_id, payment_method, list_price,
                                       price_after_policies, price, buildup, deposit_due, contract_deadline, created_by)
     values ($1, $2, $3, $4, 'full', 1000000, 1000000, 1000000, '{}'::jsonb, 50000, private.project_today($1) + $5::int, $4)
     returning id`,
    [p.projectId, p.units[unit], p.customers[customerKey], uid(consultant), opts.deadlineIn ?? 7],
  );
  await sql("update public.units set status = 'subscribed' where id = $1", [p.units[unit]]);
  if (!opts.plan) return { subscriptionId: s.id, contractId: null, items: [] as string[] };
  const contractId = randomUUID();
  await sql(
    `insert into public.contracts (id, project_id, subscription_id, unit_id, customer_id, consultant_id, contract_no, price,
                                   payment_method, status, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, 1000000, 'full', 'approved', $6)`,
    [contractId, p.projectId, s.id, p.units[unit], p.customers[customerKey], uid(consultant), `HT-${contractId.slice(0, 8)}`],
  );
  const items: string[] = [];
  for (const [i, item] of opts.plan.entries()) {
    const [row] = await sql<{ id: string }>(
      `insert into public.payment_plan_items (contract_id, project_id, seq, due_date, amount, kind)
       values ($1, $2, $3, private.project_today($2) + $4::int, $5::numeric, 'installment') returning id`,
      [contractId, p.projectId, i + 1, item.dueIn, item.amount],
    );
    items.push(row.id);
  }
  return { subscriptionId: s.id, contractId, items };
}

beforeAll(async () => {
  p = await dealProject(`REM${randomUUID().slice(0, 6)}`, 8);
});
afterAll(async () => {
  await sql("update public.staff set active = true where id = $1", [uid("consultant3")]);
});

describe("run_reminders", () => {
  it("is for the scheduler only", async () => {
    for (const who of ["admin", "gm", "consultant1", "finance"]) {
      const { error } = await (await signedIn(who)).rpc("run_reminders", {});
      expect(error, who).not.toBeNull();
    }
  });

  it("runs from a pg_cron job as the README shows it (the service role set for the transaction)", async () => {
    // one implicit transaction, two statements: it must not be refused
    await sql(`
      select set_config('request.jwt.claims', '{"role":"service_role"}', true);
      select public.run_reminders() as result;`);
    await expect(sql("select public.run_reminders()")).rejects.toThrow(/机器人服务/);
  });

  it("enqueues follow_up_due to the owner on the due day, once", async () => {
    const day = await today();
    const ins = (key: string, staff: string, next: string) =>
      sql(
        `insert into public.follow_ups (project_id, customer_id, staff_id, method, content, next_date)
         values ($1, $2, $3, 'phone', '约看样板间', $4::date)`,
        [p.projectId, p.customers[key], uid(staff), next],
      );
    await ins("c11", "consultant1", day);
    await ins("c21", "consultant2", day);
    await ins("c12", "consultant1", `${day}`);
    await sql("update public.follow_ups set next_date = next_date + 1 where customer_id = $1", [p.customers["c12"]]); // tomorrow: not yet
    await ins("c31", "consultant3", day);
    await sql("update public.staff set active = false where id = $1", [uid("consultant3")]); // deactivated: told nothing

    await runReminders();
    await runReminders();
    const rows = await sent("follow_up_due");
    expect(to(rows, "consultant1").map((r) => r.payload.customer_id)).toEqual([p.customers["c11"]]);
    expect(to(rows, "consultant2").map((r) => r.payload.customer_id)).toEqual([p.customers["c21"]]);
    expect(to(rows, "consultant3")).toHaveLength(0);
    expect(rows).toHaveLength(2);
    expect(to(rows, "consultant1")[0].payload).toMatchObject({ customer_name: "客户c11", next_date: day, last_content: "约看样板间" });
    await sql("update public.staff set active = true where id = $1", [uid("consultant3")]);
  });

  it("warns the owner before a customer drops into the pool, and tells when it did — once each", async () => {
    // c14 drops in 2 days (within the 3-day warning); c15 dropped an hour ago; c16 drops in 10 days
    await sql("update public.customers set owned_since = now() - interval '28 days', last_follow_up_at = null where id = $1", [p.customers["c14"]]);
    await sql("update public.customers set owned_since = now() - interval '30 days 1 hour', last_follow_up_at = null where id = $1", [p.customers["c15"]]);
    await sql("update public.customers set owned_since = now() - interval '20 days', last_follow_up_at = null where id = $1", [p.customers["c16"]]);
    await runReminders();
    await runReminders();
    const rows = to(await sent("customer_pooled"), "consultant1");
    const about = (key: string) => rows.filter((r) => r.payload.customer_id === p.customers[key]).map((r) => r.payload.stage);
    expect(about("c14")).toEqual(["warning"]);
    expect(rows.find((r) => r.payload.customer_id === p.customers["c14"])!.payload.days_left).toBe(2);
    expect(about("c15")).toEqual(["pooled"]);
    expect(about("c16")).toEqual([]);
    expect(to(await sent("customer_pooled"), "consultant2")).toHaveLength(0);

    // a follow-up renews ownership; when that runs out, a new warning comes
    await sql("update public.customers set owned_since = now() - interval '29 days' where id = $1", [p.customers["c14"]]);
    await runReminders();
    expect(to(await sent("customer_pooled"), "consultant1").filter((r) => r.payload.customer_id === p.customers["c14"])).toHaveLength(2);
  });

  it("tells finance and the deal's consultant about payments due today and overdue (1, 7, 30 days), once per step", async () => {
    const dueToday = await deal("c21", 0, "consultant2", { plan: [{ dueIn: 0, amount: "1000000" }] });
    const overdue = await deal("c22", 1, "consultant2", { plan: [{ dueIn: -8, amount: "400000" }, { dueIn: 30, amount: "600000" }] });
    await runReminders();
    await runReminders();
    const due = await sent("payment_due");
    const finance = await financeIds();
    expect(finance).toContain(uid("finance"));
    expect(due.filter((r) => r.payload.plan_item_id === dueToday.items[0]).map((r) => r.recipient_id).sort())
      .toEqual([uid("consultant2"), ...finance].sort());
    const late = await sent("payment_overdue");
    const lateItem = late.filter((r) => r.payload.plan_item_id === overdue.items[0]);
    expect(lateItem.map((r) => r.recipient_id).sort()).toEqual([uid("consultant2"), ...finance].sort());
    expect(lateItem.find((r) => r.recipient_id === uid("finance"))!.payload).toMatchObject({ overdue_days: 8, step: 7, outstanding: "400000.00", customer_name: "客户c22" });
    expect(late.some((r) => r.payload.plan_item_id === overdue.items[1])).toBe(false);
    // nobody else: not consultant1, not the manager
    expect([...due, ...late].some((r) => [uid("consultant1"), uid("manager")].includes(r.recipient_id))).toBe(false);

    // once paid, nothing more (the 30-day step never comes)
    await sql(
      `insert into public.payments (project_id, customer_id, subscription_id, contract_id, kind, amount, method, receipt_no, paid_on, recorded_by)
       values ($1, $2, $3, $4, 'installment', 400000, 'transfer', $5, private.project_today($1), $6)`,
      [p.projectId, p.customers["c22"], overdue.subscriptionId, overdue.contractId, `R-${randomUUID().slice(0, 8)}`, uid("finance")],
    );
    const later = new Date(Date.now() + 23 * 86400_000);
    await runReminders(later);
    expect((await sent("payment_overdue")).filter((r) => r.payload.plan_item_id === overdue.items[0])).toHaveLength(1 + finance.length);
  });

  it("sends finance a morning digest of receivables at the digest hour, once a day", async () => {
    // a day well after the ones above (so the hour of the real clock does not matter)
    const [y, m, d] = (await today()).split("-").map(Number);
    const at = (hour: number, days = 40) => new Date(Date.UTC(y, m - 1, d + days, hour - 8)); // hh:00 Asia/Shanghai
    const ymd = (days: number) => new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
    const digests = async (days: number) => (await sent("finance_digest")).filter((r) => r.payload.day === ymd(days));
    await runReminders(at(8));
    expect(await digests(40)).toHaveLength(0);
    await runReminders(at(9));
    await runReminders(at(15));
    const finance = await financeIds();
    const rows = await digests(40);
    expect(rows.map((r) => r.recipient_id).sort()).toEqual([...finance].sort()); // one each
    const digest = rows.find((r) => r.recipient_id === uid("finance"))!;
    // by then: the 1,000,000 due today above and the 600,000 due in 30 days are overdue
    expect(digest.payload).toMatchObject({ due_today_count: 0, overdue_count: 2, overdue_amount: "1600000.00", due_today_amount: "0" });
    await runReminders(at(9, 41));
    expect(await digests(41)).toHaveLength(finance.length);
    expect((await sent("finance_digest")).every((r) => finance.includes(r.recipient_id))).toBe(true);
  });
});

describe("the day's to-dos: 当天签约 and 应收款", () => {
  it("my_day and the dashboard list my signings due and my receivables; managers and finance see the project's", async () => {
    await deal("c23", 2, "consultant2", { deadlineIn: 0 });   // contract deadline today
    await deal("c11", 3, "consultant1", { deadlineIn: 0 });   // consultant1's
    await deal("c24", 4, "consultant2", { deadlineIn: 5 });   // not yet
    const mine = (await ok<any[]>("consultant2", "my_day", { p_project_id: p.projectId }))[0];
    // the subscription whose contract deadline is today, then the approved contracts waiting to be signed
    expect(mine.signings.map((s: any) => [s.what, s.customer_name])).toEqual([
      ["subscription", "客户c23"], ["contract", "客户c21"], ["contract", "客户c22"],
    ]);
    // the instalment due today, and the 定金 of today's two 认购 not yet received
    expect(mine.receivables.map((r: any) => [r.customer_name, r.overdue_days])).toEqual([["客户c21", 0], ["客户c23", 0], ["客户c24", 0]]);
    const other = (await ok<any[]>("consultant1", "my_day", { p_project_id: p.projectId }))[0];
    expect(other.signings.map((s: any) => s.customer_name)).toEqual(["客户c11"]);
    expect(other.receivables.map((r: any) => r.customer_name)).toEqual(["客户c11"]); // their own 认购's 定金

    const board = await ok("manager", "dashboard_summary", { p_project_id: p.projectId });
    expect(board.todo.signings.map((s: any) => s.customer_name).sort()).toEqual(["客户c11", "客户c21", "客户c22", "客户c23"]);
    expect(board.todo.receivables.map((r: any) => r.customer_name).sort()).toEqual(["客户c11", "客户c21", "客户c23", "客户c24"]);
    const finance = await ok("finance", "dashboard_summary", { p_project_id: p.projectId });
    expect(finance.todo.receivables).toHaveLength(4);
    const own = await ok("consultant1", "dashboard_summary", { p_project_id: p.projectId });
    expect(own.todo.signings.map((s: any) => s.customer_name)).toEqual(["客户c11"]);
    await refused("broker1", "dashboard_summary", { p_project_id: p.projectId }, "forbidden");
  });
});
