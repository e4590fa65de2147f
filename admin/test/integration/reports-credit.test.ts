import { randomUUID } from "node:crypto";
import type { SupabaseClient } from "@supabase/supabase-js";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { anonClient, createProject, createStaff } from "./support/users.ts";

/**
 * Reports credit the people who sell (issue 15, item 5): the consultant tables of 日报, 期间报表,
 * 工作台 and the monthly ranking list only people holding a selling role in the project
 * (置业顾问, 销售经理); what others are credited with stays in the office figures, on the row
 * without a person. The monthly report opens on the current month to date with 环比.
 */
type Row = { staff_id: string | null; name: string | null; visits: number; new_customers: number };

describe("reports credit the people who sell", () => {
  const admin = useAdminBrowser();
  const password = `pw-${randomUUID().slice(0, 12)}`;
  let projectId = "";
  let today = "";
  const people = {} as Record<"consultant" | "manager" | "gm" | "channel" | "twoRoles", { id: string; email: string; name: string }>;
  const clients = new Map<string, Promise<SupabaseClient>>();
  const as = (who: keyof typeof people) => {
    if (!clients.has(who)) {
      clients.set(who, (async () => {
        const client = anonClient();
        const { error } = await client.auth.signInWithPassword({ email: people[who].email, password });
        if (error) throw error;
        return client;
      })());
    }
    return clients.get(who)!;
  };
  const call = async (who: keyof typeof people, fn: string, args: Record<string, unknown>) => {
    const { data, error } = await (await as(who)).rpc(fn, args);
    expect(error, `${who} ${fn}: ${error?.message} (${error?.details})`).toBeNull();
    return data;
  };
  const phone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const ids = (rows: Row[]) => new Set(rows.map((r) => r.staff_id));
  const sum = (rows: Row[], key: "visits" | "new_customers") => rows.reduce((n, r) => n + Number(r[key] ?? 0), 0);

  beforeAll(async () => {
    const project = await createProject("报表归属测试");
    projectId = project.id;
    const roles = {
      consultant: [["consultant"], "褚顾问"],
      manager: [["sales_manager"], "卫经理"],
      gm: [["gm"], "蒋总"],
      channel: [["channel_manager"], "沈渠道"],
      twoRoles: [["channel_manager", "consultant"], "韩兼岗"],
    } as const;
    for (const [key, [list, name]] of Object.entries(roles) as [keyof typeof roles, (typeof roles)[keyof typeof roles]][]) {
      const staff = await createStaff({ name, password, roles: list.map((role) => ({ projectId, role })) });
      people[key] = { ...staff, name };
    }
    [{ today }] = await sql<{ today: string }>("select private.project_today($1)::text as today", [projectId]);

    // Today: each person receives one new visitor (the gm too: every sales role may record one).
    for (const who of ["consultant", "manager", "gm", "twoRoles"] as const) {
      await call(who, "record_visit", { p_project_id: projectId, p_phone: phone(), p_name: `${people[who].name}的客户`, p_source: "walk_in" });
    }
    // A confirmed 渠道带看, credited to the channel manager who confirmed it.
    const [customer] = await sql<{ id: string }>("select id from public.customers where project_id = $1 and created_by = $2", [projectId, people.consultant.id]);
    await sql(
      `insert into public.visits (project_id, customer_id, consultant_id, visited_at, is_first, party_size)
       values ($1, $2, $3, now(), false, 2)`,
      [projectId, customer.id, people.channel.id],
    );
  });

  it("日报 and 期间报表 list sellers only; the rest is on the row without a person and the rows add up", async () => {
    for (const [fn, args] of [
      ["daily_report", { p_project_id: projectId }],
      ["sales_report", { p_project_id: projectId, p_from: today, p_to: today }],
    ] as const) {
      for (const who of ["manager", "gm"] as const) {
        const report = await call(who, fn, args);
        const rows = report.rows as Row[];
        expect(ids(rows), `${fn} as ${who}`).toEqual(new Set([people.consultant.id, people.manager.id, people.twoRoles.id, null]));
        expect(rows.map((r) => r.name)).not.toContain(people.channel.name);
        expect(rows.map((r) => r.name)).not.toContain(people.gm.name);
        const nobody = rows.find((r) => r.staff_id === null)!;
        expect(nobody).toMatchObject({ visits: 2, new_customers: 1 }); // the gm's visit and customer, the channel visit
        expect(report.office).toMatchObject({ visits: 5, new_customers: 4 });
        expect(sum(rows, "visits")).toBe(5);
        expect(sum(rows, "new_customers")).toBe(4);
      }
    }
    // a consultant still sees their own row only; a channel manager no report at all
    const own = await call("consultant", "daily_report", { p_project_id: projectId });
    expect((own.rows as Row[]).map((r) => r.staff_id)).toEqual([people.consultant.id]);
    const { error } = await (await as("channel")).rpc("daily_report", { p_project_id: projectId });
    expect(error?.details).toBe("forbidden");
    // the dashboard counts everything the office did
    const dashboard = await call("manager", "dashboard_summary", { p_project_id: projectId });
    expect(dashboard.today_figures).toMatchObject({ visits: 5, new_customers: 4 });
  });

  it("the monthly ranking lists sellers only; the current month is month to date with 环比", async () => {
    const report = await call("manager", "monthly_report", { p_project_id: projectId, p_month: today });
    const ranked = report.consultants as (Row & { rank?: number })[];
    expect(ids(ranked)).toEqual(new Set([people.consultant.id, people.manager.id, people.twoRoles.id, null]));
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, undefined]); // the rest, unranked, last
    expect(sum(ranked, "visits")).toBe(5);
    expect(report.summary).toMatchObject({ visits: 5, new_customers: 4 });
    expect(report).toMatchObject({ month_to_date: true, from: `${today.slice(0, 7)}-01`, to: today });
    // compared with the same days of last month (nothing happened then: 环比 has nothing to compare with)
    const [{ from, to }] = await sql<{ from: string; to: string }>(
      `select (date_trunc('month', $1::date) - interval '1 month')::date::text as from,
              least($1::date - interval '1 month', date_trunc('month', $1::date) - interval '1 day')::date::text as to`,
      [today],
    );
    expect(report.previous).toMatchObject({ from, to, summary: { visits: 0 } });
    expect(report.mom).toMatchObject({ visits: null, subscriptions: null });

    // last month's report (the one due by the 5th) is a whole month, compared with the month before
    const last = await call("manager", "monthly_report", { p_project_id: projectId, p_month: from });
    expect(last.month_to_date).toBe(false);
    expect(last.consultants.map((r: Row) => r.staff_id)).toEqual(expect.arrayContaining([people.consultant.id, people.twoRoles.id]));
    expect(last.consultants.map((r: Row) => r.staff_id)).not.toContain(people.channel.id);
  });

  it("the monthly report page opens on this month to date with 环比, ranking sellers only", { timeout: 180_000 }, async () => {
    // 环比 against a busier day last month: two visits by the consultant on the same day of last month.
    const [{ at }] = await sql<{ at: string }>(
      `select ((least($1::date - interval '1 month', date_trunc('month', $1::date) - interval '1 day'))::date::timestamp
               + interval '10 hours') at time zone 'Asia/Shanghai' as at`,
      [today],
    );
    const [customer] = await sql<{ id: string }>("select id from public.customers where project_id = $1 and created_by = $2", [projectId, people.consultant.id]);
    await sql(
      `insert into public.visits (project_id, customer_id, consultant_id, visited_at, is_first, party_size)
       select $1, $2, $3, $4::timestamptz, false, 1 from generate_series(1, 2)`,
      [projectId, customer.id, people.consultant.id, at],
    );
    const page = await admin.newPage();
    await admin.signInTo(page, "/reports/monthly", people.manager.email, password);
    await page.getByTestId("monthly-report").waitFor();
    const picker = page.getByTestId("monthly-month"); // antd puts the test id on the input or around it
    const month = await picker.evaluate((el) => (el instanceof HTMLInputElement ? el : el.querySelector("input"))?.value);
    expect(month).toMatch(new RegExp(`^${today.slice(0, 7)}`));
    expect(await page.getByTestId("monthly-visits").textContent()).toBe("5");
    expect(await page.getByTestId("monthly-mom-visits").textContent()).toBe("环比 +150%"); // 5 against 2
    await page.getByTestId("monthly-period").getByText(/本月截至.*环比上月同期/).waitFor();
    const ranking = page.getByTestId("section-consultants");
    for (const who of ["consultant", "manager", "twoRoles"] as const) await ranking.getByText(people[who].name).first().waitFor();
    expect(await ranking.getByText(people.channel.name).count()).toBe(0);
    expect(await ranking.getByText(people.gm.name).count()).toBe(0);
    await ranking.getByText("其他（非销售岗位或未归属）").waitFor();
    await admin.screenshot(page, "monthly-report-month-to-date");
  });
});
