import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { signedIn, sql } from "../../../supabase/tests/support/clients.ts";
import { PROJECT, userId } from "../../../supabase/tests/support/sales.ts";
import { chooseOption, settled, useAdminBrowser } from "./support/browser.ts";

/** A mobile nobody used yet (167 + 8 random digits: apart from the database tests' 166…). */
const freshPhone = () => `167${crypto.randomInt(0, 100_000_000).toString().padStart(8, "0")}`;
const mask = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;

/**
 * A report broker1 submitted through the API, masked, three hours ahead: ruled valid; filed 61
 * minutes ago, so its visit may be confirmed now (the lead time runs from the submission).
 */
async function maskedReport(name: string, phone: string): Promise<string> {
  const broker = await signedIn("broker1");
  const { data, error } = await broker.rpc("submit_report", {
    p_project_id: PROJECT,
    p_customer_name: name,
    p_customer_phone: mask(phone),
    p_expected_visit: new Date(Date.now() + 3 * 3600_000).toISOString(),
  });
  expect(error).toBeNull();
  const report = data as { status: string; report_id: string };
  expect(report.status).toBe("valid");
  await sql("update public.channel_reports set created_at = now() - interval '61 minutes' where id = $1", [report.report_id]);
  return report.report_id;
}

// Screenshots of full pages are slow on a busy machine: more time than the default per test.
describe("渠道 channel (admin)", { timeout: 180_000 }, () => {
  const admin = useAdminBrowser();

  it("the channel manager filters reports by status and sees each 判客 with its reason", async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/report_board", "channel");
    const table = page.getByTestId("report-board-table");
    await table.locator("tbody tr.ant-table-row").first().waitFor();
    await admin.screenshot(page, "channel-reports");

    await chooseOption(page, page.getByTestId("report-filters").getByLabel("状态"), "无效");
    await expect.poll(async () => new Set(await table.getByTestId("report-status").allTextContents())).toEqual(new Set(["无效"]));
    // The newest invalid report (other tests add some) heads the list with the reason for its 判客.
    const [newest] = await sql<{ invalid_reason_text: string }>(
      `select invalid_reason_text from public.report_board
        where project_id = $1 and status = 'invalid' order by created_at desc limit 1`,
      [PROJECT],
    );
    await table.locator("tbody tr.ant-table-row").first().getByText(newest.invalid_reason_text).waitFor();

    await chooseOption(page, page.getByTestId("report-filters").getByLabel("中介公司"), "链信置业");
    await expect.poll(() => table.locator("tbody tr.ant-table-row").count()).toBe(1);
    await table.getByText("贵公司与本项目的合作协议不在有效期内").waitFor();
    await admin.screenshot(page, "channel-reports-filtered");
  });

  it("带看确认 with a wrong full phone shows the database's refusal; the right one starts protection", async () => {
    const phone = freshPhone();
    const reportId = await maskedReport("带看测试客户", phone);
    const page = await admin.newPage();
    await admin.signInTo(page, `/report_board/show/${reportId}`, "channel");
    await page.getByTestId("report-details").getByText(mask(phone)).waitFor();
    await page.getByTestId("confirm-visit").click();

    const dialog = page.getByRole("dialog");
    const wrong = `${phone.slice(0, 3)}0000${phone.slice(7, 10)}${(Number(phone[10]) + 1) % 10}`;
    await dialog.getByLabel("客户完整手机号").fill(wrong);
    await dialog.getByRole("button", { name: "确认带看" }).click();
    await dialog.getByText("手机号与报备不符").waitFor();
    await admin.screenshot(page, "channel-confirm-visit-refused");
    const [still] = await sql<{ status: string }>("select status from public.channel_reports where id = $1", [reportId]);
    expect(still.status).toBe("valid");

    // A new customer needs a receiving consultant: the database says so, on that field.
    await dialog.getByLabel("客户完整手机号").fill(phone);
    await dialog.getByRole("button", { name: "确认带看" }).click();
    await dialog.getByText("请指定接待顾问").waitFor();

    // other test files add consultants to the demo project: search, as a person would in a long list
    await dialog.getByLabel("接待顾问").click();
    await dialog.getByLabel("接待顾问").fill("王芳");
    await page.locator(".ant-select-item-option", { hasText: "王芳" }).click();
    await dialog.getByRole("button", { name: "确认带看" }).click();
    await page.getByText("已确认 带看测试客户 的带看，经纪人保护期已开始").waitFor();
    await page.getByTestId("report-details").getByText("已带看").waitFor();
    await admin.screenshot(page, "channel-confirm-visit-done");

    const [after] = await sql<{ status: string; customer_phone: string; owner_id: string; source: string; protected: boolean }>(
      `select r.status, r.customer_phone, c.owner_id, c.source, r.protected_until > now() + interval '29 days' as protected
         from public.channel_reports r join public.customers c on c.id = r.customer_id where r.id = $1`,
      [reportId],
    );
    expect(after).toMatchObject({ status: "visited", customer_phone: phone, owner_id: userId("consultant1"), source: "agency", protected: true });
  });

  it("an overlapping cooperation is refused with the database's Chinese message", async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/cooperations", "channel");
    await page.getByTestId("cooperations-table").getByText("安居客源").waitFor();
    await admin.screenshot(page, "channel-cooperations");
    await page.getByRole("button", { name: /新\s*建/ }).click();
    await page.getByLabel("中介公司").click();
    await page.locator(".ant-select-item-option", { hasText: "安居客源" }).click();
    await page.getByLabel("佣金比例").fill("2");
    await page.getByLabel("生效日期").fill(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)); // today in Asia/Shanghai
    await page.getByLabel("生效日期").press("Enter");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.locator(".ant-notification").getByText(/有效期不能重叠/).waitFor();
    await admin.screenshot(page, "channel-cooperation-overlap");
    const [{ n }] = await sql<{ n: number }>(
      "select count(*)::int as n from public.cooperations c join public.agencies a on a.id = c.agency_id where a.name = '安居客源' and c.project_id = $1",
      [PROJECT],
    );
    expect(n).toBe(1);
  });

  it("a channel manager adds an agency and a store; both are audited", async () => {
    const name = `测试中介${crypto.randomBytes(2).toString("hex")}`;
    const page = await admin.newPage();
    await admin.signInTo(page, "/agencies/create", "channel");
    await page.getByLabel("公司名称").fill(name);
    await page.getByLabel("联系人").fill("测试店长");
    await page.getByLabel("联系电话").fill("13600009999");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.waitForURL(/\/agencies\/show\//);
    await page.getByTestId("add-store").click();
    const dialog = page.getByRole("dialog");
    // Fresh-clone run 19: 确定 clicked, the dialog still open with its fields filled, nothing saved.
    await settled(dialog);
    await dialog.getByLabel("门店名称").fill("测试门店");
    await dialog.getByLabel("地址").fill("杭州市西湖区测试路 1 号");
    await dialog.getByRole("button", { name: /确\s*定|OK/ }).click();
    await page.getByTestId("stores-table").getByText("测试门店").waitFor();
    await admin.screenshot(page, "channel-agency-show");

    const [agency] = await sql<{ id: string }>("select id from public.agencies where name = $1", [name]);
    const audit = await sql<{ action: string; actor: string; surface: string }>(
      `select action, actor, surface from public.audit_log
        where record_id = $1 or (table_name = 'agency_stores' and after ->> 'agency_id' = $1::text) order by id`,
      [agency.id],
    );
    expect(audit.map((a) => a.action)).toEqual(["agencies.insert", "agency_stores.insert"]);
    expect(new Set(audit.map((a) => a.actor))).toEqual(new Set([userId("channel")]));
    expect(new Set(audit.map((a) => a.surface))).toEqual(new Set(["admin"]));
  });

  it("a consultant has no channel menus and gets 无权访问 on the report board", async () => {
    const page = await admin.newPage();
    await admin.signIn(page, "consultant1");
    expect(await page.getByRole("menuitem", { name: "渠道" }).count()).toBe(0);
    await page.goto("/report_board");
    await page.getByText("无权访问").waitFor();
    expect(await page.getByTestId("no-access-required").textContent()).toContain("渠道经理");
  });
});
