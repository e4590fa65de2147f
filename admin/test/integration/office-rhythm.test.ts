import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { settled, useAdminBrowser } from "./support/browser.ts";
import { createDealTeam, pageAs, type DealTeam, type Member } from "./support/deal-team.ts";

/**
 * The office's rhythm in the admin: 可比楼盘 recorded by a consultant and summarised in the weekly
 * minutes and the monthly report; the 准客户名录; and the month's targets in the 日报, the weekly
 * minutes and the monthly report showing the very figures of the targets page.
 */
describe("可比楼盘, 准客户名录 and targets in the reports (admin)", () => {
  const admin = useAdminBrowser();
  let team: DealTeam;
  let today: string;

  beforeAll(async () => {
    team = await createDealTeam("节奏", admin);
    [{ today }] = await sql<{ today: string }>(`select to_char(private.project_today($1), 'YYYY-MM-DD') today`, [team.projectId]);
  });
  const as = (who: Member, path?: string) => pageAs(admin, team, who, path);

  it("a consultant records a competitor survey; the manager sees it in the weekly minutes and the monthly report", { timeout: 180_000 }, async () => {
    const consultant = await as("consultant", "/market_surveys");
    await consultant.getByTestId("add-survey").click();
    await consultant.getByTestId("survey-avg-price").fill("38500");
    await consultant.getByTestId("save-survey").click();
    await consultant.getByTestId("rpc-error").getByText("请填写可比楼盘名称").waitFor();
    await consultant.getByTestId("survey-competitor").fill("滨江·春语江南");
    await consultant.getByTestId("survey-price-min").fill("36000");
    await consultant.getByTestId("survey-price-max").fill("42000");
    await consultant.getByTestId("survey-offers").fill("总价97折，首付分期");
    await consultant.getByTestId("survey-monthly-sales").fill("45");
    await consultant.getByTestId("save-survey").click();
    await consultant.getByTestId("surveys-table").getByText("滨江·春语江南").waitFor();
    await consultant.getByTestId("surveys-table").getByText("月销 45 套").waitFor();
    await admin.screenshot(consultant, "market-surveys");
    const rows = await sql(`select competitor, avg_price::text, surveyed_by from public.market_surveys where project_id = $1`, [team.projectId]);
    expect(rows).toEqual([{ competitor: "滨江·春语江南", avg_price: "38500.00", surveyed_by: team.people.consultant.id }]);

    const manager = await as("manager");
    const { minutes_id } = await team.ok<{ minutes_id: string }>("manager", "generate_weekly_minutes", { p_project_id: team.projectId, p_week: today });
    await manager.goto(`/weekly_minutes/show/${minutes_id}`);
    await manager.getByTestId("week-surveys").getByText("滨江·春语江南").waitFor();
    await manager.getByTestId("week-surveys").getByText("总价97折，首付分期").waitFor();
    await manager.goto("/reports/monthly");
    await manager.getByTestId("monthly-surveys").getByText("滨江·春语江南").waitFor();
  });

  it("the month's targets in the 日报, the weekly minutes and the monthly report match the targets page", { timeout: 180_000 }, async () => {
    const month = `${today.slice(0, 8)}01`;
    await team.ok("manager", "set_sales_target", {
      p_project_id: team.projectId, p_month: month, p_staff_id: null, p_subscriptions: 8, p_subscription_amount: "24000000",
      p_contract_amount: "0", p_collections: "0",
    });
    await team.ok("manager", "set_sales_target", {
      p_project_id: team.projectId, p_month: month, p_staff_id: team.people.consultant.id, p_subscriptions: 4, p_subscription_amount: "12000000",
      p_contract_amount: "0", p_collections: "0",
    });
    const customerId = await team.registerCustomer("钱女士");
    await team.subscribe(0, customerId);

    const manager = await as("manager");
    const cells = [`subscriptions-project`, `subscription_amount-project`, `subscriptions-${team.people.consultant.id}`, `subscription_amount-${team.people.consultant.id}`];
    const read = async (tableId: string) => {
      const table = manager.getByTestId(tableId);
      await table.getByTestId(`subscriptions-${team.people.consultant.id}`).getByText("25%").waitFor();
      return Promise.all(cells.map((c) => table.getByTestId(c).innerText()));
    };
    await manager.goto("/reports/targets");
    const onTargetsPage = await read("targets-table");
    expect(onTargetsPage[0]).toContain("/ 8");

    await manager.goto(`/reports/daily?day=${today}`);
    expect(await read("daily-targets")).toEqual(onTargetsPage);
    await admin.screenshot(manager, "reports-daily-targets");
    await manager.goto("/reports/monthly");
    expect(await read("monthly-targets")).toEqual(onTargetsPage);
    const { minutes_id } = await team.ok<{ minutes_id: string }>("manager", "generate_weekly_minutes", { p_project_id: team.projectId, p_week: today });
    await manager.goto(`/weekly_minutes/show/${minutes_id}`);
    expect(await read("week-targets")).toEqual(onTargetsPage);
    await admin.screenshot(manager, "weekly-minutes-targets-surveys");
  });

  it("the consultant lists a key prospect; the manager sees it and removes it with a reason", { timeout: 180_000 }, async () => {
    const customerId = await team.registerCustomer("孙先生");
    const consultant = await as("consultant", "/key-prospects");
    await consultant.getByTestId("mark-prospect").click();
    await consultant.getByTestId("customer-picker").click();
    await consultant.keyboard.type("孙先生");
    await consultant.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "孙先生" }).first().click();
    await consultant.getByTestId("save-prospect").click();
    await consultant.getByTestId("rpc-error").getByText("请说明列为重点客户的原因").waitFor();
    await consultant.getByTestId("prospect-reason").fill("预算充足，意向南向三房");
    await consultant.getByTestId("save-prospect").click();
    await consultant.getByTestId(`prospect-${customerId}`).getByText("预算充足，意向南向三房").waitFor();

    const manager = await as("manager", "/key-prospects");
    const row = manager.getByTestId(`prospect-${customerId}`);
    await row.getByText(team.people.consultant.name, { exact: true }).waitFor();
    await admin.screenshot(manager, "key-prospects");
    await manager.getByTestId(`unmark-${customerId}`).click();
    await manager.getByTestId("prospect-reason").fill("两周未接电话");
    await manager.getByTestId("save-prospect").click();
    await manager.getByTestId("prospects-table").getByText("名录中还没有客户").waitFor();
    const marks = await sql(`select reason, unmark_reason, unmarked_by from public.key_prospects where customer_id = $1`, [customerId]);
    expect(marks).toEqual([{ reason: "预算充足，意向南向三房", unmark_reason: "两周未接电话", unmarked_by: team.people.manager.id }]);
  });

  it("a manager marks a consultant's diary 已阅 with a comment; the consultant reads it", { timeout: 300_000 }, async () => {
    const [{ id: diaryId }] = await sql<{ id: string }>(
      `insert into public.work_diaries (project_id, day, staff_id, content, plan) values ($1, private.project_today($1), $2, '接待3组，回访5个', '约两组周末到访') returning id`,
      [team.projectId, team.people.consultant.id],
    );
    const manager = await as("manager", "/work_diaries");
    await manager.getByTestId(`review-diary-${diaryId}`).click();
    await settled(manager.getByRole("dialog"));
    await manager.getByTestId("diary-review-comment").fill("回访要记下客户抗性");
    await manager.getByTestId("save-diary-review").click();
    await manager.getByTestId(`diary-review-${diaryId}`).getByText("回访要记下客户抗性").waitFor();
    await manager.getByTestId(`diary-review-${diaryId}`).getByText(`${team.people.manager.name} 已阅`).waitFor();
    await admin.screenshot(manager, "work-diaries-reviewed");

    const consultant = await as("consultant", "/work_diaries");
    await consultant.getByTestId(`diary-review-${diaryId}`).getByText("回访要记下客户抗性").waitFor();
    expect(await consultant.getByTestId(`review-diary-${diaryId}`).count()).toBe(0);
  });

  it("a manager submits last month's analysis report; the record says who and when", { timeout: 300_000 }, async () => {
    const manager = await as("manager");
    const [{ last }] = await sql<{ last: string }>(`select to_char(date_trunc('month', private.project_today($1)) - interval '1 month', 'YYYY-MM') last`, [team.projectId]);
    await manager.goto(`/reports/monthly?month=${last}`);
    await manager.getByTestId("submit-monthly").click();
    await manager.getByTestId("monthly-submission").getByText(`${team.people.manager.name} 于`).waitFor();
    const rows = await sql(`select submitted_by from public.monthly_report_submissions where project_id = $1`, [team.projectId]);
    expect(rows).toEqual([{ submitted_by: team.people.manager.id }]);
    await admin.screenshot(manager, "monthly-report-submitted");
  });
});
