import { describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { demoUserId } from "../../../supabase/seed/accounts.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { DEMO_PROJECT_ID } from "./support/users.ts";

/** Monday of the week after this one and a day of it, in Asia/Shanghai (the seed rosters this week only). */
function nextWeek() {
  const shanghai = new Date(Date.now() + 8 * 3600_000);
  const monday = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() - ((shanghai.getUTCDay() + 6) % 7) + 7));
  const day = (n: number) => new Date(monday.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  return { monday: day(0), wednesday: day(2) };
}

describe("案场记录: roster, morning meetings, diaries, duty log", () => {
  const admin = useAdminBrowser();

  it("a manager puts someone on the roster and records a morning meeting; a repeated date is refused", { timeout: 180_000 }, async () => {
    const { monday, wednesday } = nextWeek();
    const page = await admin.newPage();
    await admin.signInTo(page, `/duty_roster?week=${monday}`, "manager");
    const cell = page.getByTestId(`cell-王芳-${wednesday}`);
    await cell.getByText("休").waitFor();
    await cell.click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("晚班").click();
    await dialog.getByLabel("岗位").fill("值班经理");
    await dialog.getByLabel("岗位").press("Tab"); // close the suggestions over the buttons
    await dialog.getByRole("button", { name: /保\s*存/ }).click();
    await cell.getByText("晚班").waitFor();
    await cell.getByText("值班经理").waitFor();
    await admin.screenshot(page, "duty-roster-manager");
    const [entry] = await sql<{ shift: string; post: string; created_by: string }>(
      `select shift, post, created_by from public.duty_roster where project_id = $1 and staff_id = $2 and day = $3`,
      [DEMO_PROJECT_ID, demoUserId("consultant1@demo.local"), wednesday],
    );
    expect(entry).toEqual({ shift: "late", post: "值班经理", created_by: demoUserId("manager@demo.local") });

    await page.goto("/morning_meetings/create");
    const date = page.getByLabel("日期");
    await date.click();
    await date.fill(monday);
    await date.press("Enter");
    await page.getByLabel("出勤情况").fill("应到6人，实到6人");
    await page.getByLabel("晨会内容").fill("1. 下周开盘加推动员；\n2. 统一价格说辞。");
    await page.getByLabel("今日目标与分工").fill("来访20组，认购3套");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.waitForURL(/\/morning_meetings\/show\//);
    await page.getByTestId("morning-meeting").getByText("下周开盘加推动员", { exact: false }).waitFor();
    await admin.screenshot(page, "morning-meeting-show");

    // One meeting note per day: the same date again is refused with the database's word for it.
    await page.goto("/morning_meetings/create");
    await date.click();
    await date.fill(monday);
    await date.press("Enter");
    await page.getByLabel("晨会内容").fill("重复的晨会");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.getByText("已存在相同的记录").first().waitFor();
    expect(new URL(page.url()).pathname).toBe("/morning_meetings/create");
  });

  it("a consultant writes their own diary and duty log; colleagues read the log, not the diary; the roster is read-only to them", { timeout: 180_000 }, async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/work_diaries/create", "consultant1");
    await page.getByLabel("今日工作").fill("接待首访4组，带看样板间；回访A类客户3组，1组约周末认购。");
    await page.getByLabel("明日计划").fill("准备认购资料。");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.waitForURL(/\/work_diaries(\?|$)/);
    await page.getByTestId("work-diaries-table").locator("tbody tr", { hasText: "接待首访4组" }).waitFor();
    const [diary] = await sql<{ staff_id: string }>(`select staff_id from public.work_diaries where content like '接待首访4组%'`);
    expect(diary.staff_id).toBe(demoUserId("consultant1@demo.local"));
    await admin.screenshot(page, "work-diaries-consultant");

    await page.goto("/duty_logs/create");
    await page.getByLabel("值班情况").fill("晚班闭场检查门窗水电，一切正常。");
    await page.getByLabel("交接事项").fill("明早10点客户预约看房。");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.waitForURL(/\/duty_logs(\?|$)/);
    await page.getByTestId("duty-logs-table").locator("tbody tr", { hasText: "晚班闭场检查门窗水电" }).waitFor();

    await page.goto("/duty_roster");
    await page.getByTestId("duty-roster-table").getByText("王芳").waitFor();
    expect(await page.getByText("点击格子安排或修改班次").count()).toBe(0);

    const colleague = await admin.newPage();
    await admin.signInTo(colleague, "/duty_logs", "consultant2");
    const log = colleague.getByTestId("duty-logs-table").getByRole("row", { name: /晚班闭场检查门窗水电/ });
    await log.waitFor();
    expect(await log.locator("button").count()).toBe(0);
    await colleague.goto("/work_diaries");
    await colleague.getByTestId("work-diaries-table").locator("tbody tr", { hasText: "来电接听4个" }).waitFor(); // their own, from the demo data
    expect(await colleague.getByText("接待首访4组", { exact: false }).count()).toBe(0);

  });
});
