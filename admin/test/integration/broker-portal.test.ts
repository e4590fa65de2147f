import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { userId } from "../../../supabase/tests/support/sales.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { DEMO_PROJECT_ID } from "./support/users.ts";

/** A mobile nobody used yet (167 + 8 random digits: apart from the database tests' 166…). */
const freshPhone = () => `167${crypto.randomInt(0, 100_000_000).toString().padStart(8, "0")}`;

const reportsOf = (who: string) =>
  sql<{ id: string; customer_name: string; status: string }>(
    `select r.id, r.customer_name, r.status from public.channel_reports r join public.brokers b on b.id = r.broker_id
      where b.user_id = $1 order by r.created_at`,
    [userId(who)],
  );

// Screenshots of full pages are slow on a busy machine: more time than the default per test.
describe("经纪人门户 broker portal", { timeout: 180_000 }, () => {
  const admin = useAdminBrowser();

  it("broker1 reports a customer and reads the 判客 at once; the same phone again is a repeat of their own report", async () => {
    const phone = freshPhone();
    const page = await admin.newPage();
    await admin.signIn(page, "broker1");
    await page.getByRole("menuitem", { name: "报备客户" }).click();
    await page.waitForURL(/\/report-submit/);
    await page.getByLabel("客户姓名").fill("门户测试客户");
    await page.getByLabel("客户手机号").fill(`${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`);
    await admin.screenshot(page, "broker-report-form");
    await page.getByTestId("submit-report").click();

    await page.getByTestId("ruling-title").getByText("有效").waitFor();
    await admin.screenshot(page, "broker-report-valid");
    const [row] = await sql<{ status: string; customer_phone: string; broker_user: string }>(
      `select r.status, r.customer_phone, b.user_id as broker_user from public.channel_reports r
         join public.brokers b on b.id = r.broker_id where r.customer_phone = $1`,
      [phone],
    );
    expect(row).toMatchObject({ status: "valid", customer_phone: phone, broker_user: userId("broker1") });

    // The same customer again by the same broker: told it is their own earlier report, nothing new recorded.
    await page.getByRole("button", { name: "继续报备" }).click();
    await page.getByLabel("客户姓名").fill("门户测试客户");
    await page.getByLabel("客户手机号").fill(phone);
    await page.getByTestId("submit-report").click();
    await page.getByTestId("report-submit-error").getByText(/您已于 .* 报备过该客户（门户测试客户），报备仍在保护期内，无需重复报备/).waitFor();
    expect(await page.getByTestId("ruling-title").count()).toBe(0);
    await admin.screenshot(page, "broker-report-repeat");

    // 我的报备 holds the one report.
    await page.goto("/broker_reports");
    const table = page.getByTestId("broker-reports-table");
    await table.getByText(phone).first().waitFor();
    expect(await table.locator("tr", { hasText: phone }).count()).toBe(1);
  });

  it("a malformed phone is refused in the form before anything is sent", async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/report-submit", "broker1");
    await page.getByLabel("客户姓名").fill("号码不对");
    await page.getByLabel("客户手机号").fill("138**5678");
    await page.getByTestId("submit-report").click();
    await page.getByText("请填写11位手机号，或隐藏中间四位如 138****5678").waitFor();
    expect(await page.getByTestId("ruling-title").count()).toBe(0);
  });

  it("broker1 never sees broker2's reports, not even by editing the URL", async () => {
    const theirs = (await reportsOf("broker2"))[0];
    const mine = await reportsOf("broker1");
    expect(theirs).toBeDefined();

    const page = await admin.newPage();
    await admin.signInTo(page, "/broker_reports", "broker1");
    const table = page.getByTestId("broker-reports-table");
    await table.getByText(mine[mine.length - 1].customer_name).first().waitFor();
    expect(await table.getByText(theirs.customer_name, { exact: true }).count()).toBe(0);

    // Their report's id in my portal: no such record for me.
    await page.goto(`/broker_reports/show/${theirs.id}`);
    await page.getByTestId("no-record").getByText("记录不存在或您无权查看").waitFor();
    expect(await page.getByTestId("report-details").count()).toBe(0);
    await admin.screenshot(page, "broker-other-report");

    // …and the site's report board is not a broker's page at all.
    await page.goto(`/report_board/show/${theirs.id}`);
    await page.getByText("无权访问").waitFor();
    expect(await page.getByText(theirs.customer_name).count()).toBe(0);
  });

  it("visits and commissions show broker1's own only", async () => {
    // What the portal shows is the broker's current project, the demo one.
    const visits = await sql<{ customer_name: string }>(
      `select r.customer_name from public.channel_reports r join public.brokers b on b.id = r.broker_id
        where b.user_id = $1 and r.visited_at is not null and r.project_id = $2`,
      [userId("broker1"), DEMO_PROJECT_ID],
    );
    const commissions = await sql<{ customer_name: string; amount: string; broker_user: string }>(
      `select c.customer_name, c.amount, b.user_id as broker_user from public.commissions c join public.brokers b on b.id = c.broker_id
        where c.project_id = $1`,
      [DEMO_PROJECT_ID],
    );
    const page = await admin.newPage();
    await admin.signIn(page, "broker1");
    await page.getByRole("menuitem", { name: "我的带看" }).click();
    const visitTable = page.getByTestId("broker-visits-table");
    await visitTable.getByText(visits[0].customer_name).waitFor();
    expect(await visitTable.locator("tbody tr.ant-table-row").count()).toBe(Math.min(visits.length, 10));
    await admin.screenshot(page, "broker-visits");

    await page.getByRole("menuitem", { name: "我的佣金" }).click();
    const table = page.getByTestId("broker-commissions-table");
    const own = commissions.filter((c) => c.broker_user === userId("broker1"));
    const others = commissions.filter((c) => c.broker_user !== userId("broker1"));
    expect(own.length).toBeGreaterThan(0);
    for (const c of own) await table.getByText(c.customer_name).waitFor();
    for (const c of others) expect(await table.getByText(c.customer_name, { exact: true }).count()).toBe(0);
    await admin.screenshot(page, "broker-commissions");
  });
});
