import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { DEMO_PROJECT_ID } from "./support/users.ts";

/** Last month in Asia/Shanghai, as YYYY-MM and its first day. */
function lastMonth() {
  const shanghai = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() - 1, 1));
  const ym = d.toISOString().slice(0, 7);
  return { ym, first: `${ym}-01` };
}

/** "col in the month" for a timestamptz column, the month's days in Asia/Shanghai ($2 = its first day). */
const inMonth = (col: string) =>
  `${col} >= ($2::date::timestamp at time zone 'Asia/Shanghai') and ${col} < (($2::date + interval '1 month')::timestamp at time zone 'Asia/Shanghai')`;
const onMonthDays = (col: string) => `${col} >= $2::date and ${col} < ($2::date + interval '1 month')`;

/** The month's totals, straight from the tables (not through monthly_report). */
async function totalsBySql(first: string) {
  const [row] = await sql<Record<string, string>>(
    `select
       (select count(*) from public.visits where project_id = $1 and ${inMonth("visited_at")})::text as visits,
       (select count(*) from public.visits where project_id = $1 and is_first and ${inMonth("visited_at")})::text as first_visits,
       (select count(*) from public.calls where project_id = $1 and ${inMonth("called_at")})::text as calls,
       (select count(*) from public.subscriptions where project_id = $1 and previous_subscription_id is null and ${inMonth("created_at")})::text as subscriptions,
       (select coalesce(sum(price), 0) from public.subscriptions
         where project_id = $1 and previous_subscription_id is null and ${inMonth("created_at")})::text as subscription_amount,
       (select count(*) from public.contracts where project_id = $1 and ${onMonthDays("signed_on")})::text as contracts,
       (select coalesce(sum(price), 0) from public.contracts where project_id = $1 and ${onMonthDays("signed_on")})::text as contract_amount,
       (select coalesce(sum(amount), 0) from public.payments where project_id = $1 and kind <> 'carry_over' and ${onMonthDays("paid_on")})::text as collections`,
    [DEMO_PROJECT_ID, first],
  );
  return row;
}

/** A worksheet's data rows (after the title and header rows) as arrays of cell values. */
function dataRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 2) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

const money = (v: unknown) => new Decimal(String(v ?? 0)).toFixed(2);

describe("月度销售分析报告 monthly report", () => {
  const admin = useAdminBrowser();

  it("exports the demo month to .xlsx with the totals the tables hold", { timeout: 180_000 }, async () => {
    const { ym, first } = lastMonth();
    const expected = await totalsBySql(first);
    expect(Number(expected.visits)).toBeGreaterThan(0);

    const page = await admin.newPage();
    await admin.signInTo(page, `/reports/monthly?month=${ym}`, "manager");
    await page.getByTestId("monthly-report").waitFor();
    expect(await page.getByTestId("monthly-visits").textContent()).toBe(expected.visits);
    expect(await page.getByTestId("monthly-subscriptions").textContent()).toBe(expected.subscriptions);
    for (const section of ["summary", "sources", "calls", "funnel", "deals", "discount", "consultants", "inventory", "collections", "channels"]) {
      await page.getByTestId(`section-${section}`).waitFor();
    }
    await page.locator(".report-chart canvas").first().waitFor();
    await admin.screenshot(page, "monthly-report-manager");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-export").click()]);
    expect(download.suggestedFilename()).toMatch(/^月度销售分析报告_HZ-YQ_\d{4}-\d{2}\.xlsx$/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "monthly-")), download.suggestedFilename());
    await download.saveAs(file);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["核心指标", "客户来源", "咨询内容", "成交转化漏斗", "成交结构-按户型", "成交结构-按楼栋", "成交结构-按总价段", "折扣分析", "置业顾问业绩排名", "剩余房源-按楼栋", "回款情况-按款项", "渠道业绩"]));

    const summary = new Map(dataRows(workbook.getWorksheet("核心指标")!).map((r) => [r[0], r]));
    expect(String(summary.get("来访")![1])).toBe(expected.visits);
    expect(String(summary.get("首访")![1])).toBe(expected.first_visits);
    expect(String(summary.get("来电")![1])).toBe(expected.calls);
    expect(String(summary.get("认购")![1])).toBe(expected.subscriptions);
    expect(money(summary.get("认购")![2])).toBe(money(expected.subscription_amount));
    expect(String(summary.get("签约")![1])).toBe(expected.contracts);
    expect(money(summary.get("签约")![2])).toBe(money(expected.contract_amount));
    expect(money(summary.get("收款")![2])).toBe(money(expected.collections));

    // The ranking adds up to the office; the sources add up to the month's visits.
    const ranking = workbook.getWorksheet("置业顾问业绩排名")!;
    const header = (ranking.getRow(2).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name);
    const rankRows = dataRows(ranking);
    const office = rankRows.at(-1)!;
    expect(office[col("置业顾问")]).toBe("案场合计");
    expect(String(office[col("来访")])).toBe(expected.visits);
    expect(money(office[col("认购金额")])).toBe(money(expected.subscription_amount));
    expect(money(office[col("收款")])).toBe(money(expected.collections));
    const people = rankRows.slice(0, -1);
    expect(people.reduce((s, r) => s.plus(String(r[col("认购金额")] ?? 0)), new Decimal(0)).toFixed(2)).toBe(money(expected.subscription_amount));
    expect(people.reduce((s, r) => s + Number(r[col("来访")] ?? 0), 0)).toBe(Number(expected.visits));

    const sources = dataRows(workbook.getWorksheet("客户来源")!);
    const sourceHeader = (workbook.getWorksheet("客户来源")!.getRow(2).values as unknown[]).slice(1);
    expect(sources.at(-1)![0]).toBe("合计");
    expect(String(sources.at(-1)![sourceHeader.indexOf("来访")])).toBe(expected.visits);

    const collections = dataRows(workbook.getWorksheet("回款情况-按款项")!);
    expect(money(collections.at(-1)![2])).toBe(money(expected.collections));
  });

  it("finance sees the money sections only; a consultant may not open it", { timeout: 180_000 }, async () => {
    const { ym } = lastMonth();
    const page = await admin.newPage();
    await admin.signInTo(page, `/reports/monthly?month=${ym}`, "finance");
    await page.getByTestId("section-collections").waitFor();
    expect(await page.getByTestId("section-sources").count()).toBe(0);
    expect(await page.getByTestId("section-channels").count()).toBe(0);
    expect(await page.getByTestId("monthly-visits").count()).toBe(0);
    await admin.screenshot(page, "monthly-report-finance");

    const consultant = await admin.newPage();
    await admin.signInTo(consultant, `/reports/monthly?month=${ym}`, "consultant1");
    await consultant.getByText("无权访问").waitFor();
  });

  it("in the first days of a month the reports page reminds a manager that last month's report is due by the 5th", { timeout: 180_000 }, async () => {
    const { ym } = lastMonth();
    const shanghai = new Date(Date.now() + 8 * 3600_000);
    const month = shanghai.getUTCMonth() + 1;
    const page = await admin.newPage();
    await admin.signIn(page, "manager");
    // The very start of this month in Hangzhou: in the first five days, and never later than now
    // (so the session stays valid) — whatever the day or hour the test runs.
    await page.clock.setFixedTime(new Date(`${shanghai.toISOString().slice(0, 7)}-01T00:00:05+08:00`));
    await page.goto("/reports");
    const reminder = page.getByTestId("monthly-reminder");
    await reminder.waitFor();
    const [y, m] = ym.split("-").map(Number);
    expect(await reminder.textContent()).toContain(`${y}年${m}月月度销售分析报告须于 ${month}月5日 前完成并上报`);
    await admin.screenshot(page, "report-center-reminder");
    await reminder.getByRole("button", { name: "生成月度报告" }).click();
    await page.waitForURL(new RegExp(`/reports/monthly\\?month=${ym}`));
    await page.getByTestId("monthly-report").waitFor();
  });
});

