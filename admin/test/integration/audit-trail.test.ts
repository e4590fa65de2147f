import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { signedIn, sql } from "../../../supabase/tests/support/clients.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { createDealTeam, pageAs } from "./support/deal-team.ts";

// Screenshots of full pages are slow on a busy machine: more time than the default per test.
describe("审计日志 audit log (admin)", { timeout: 180_000 }, () => {
  const admin = useAdminBrowser();

  it("an admin filters by person and reads the change as a diff", async () => {
    // The channel manager edits an agency directly (RLS allows; a trigger audits it).
    const contact = `审计${crypto.randomBytes(2).toString("hex")}`;
    const channel = await signedIn("channel");
    const { data: agency, error } = await channel.from("agencies").select("id, contact_name").eq("name", "家和地产").single();
    expect(error).toBeNull();
    const update = await channel.from("agencies").update({ contact_name: contact }).eq("id", agency!.id);
    expect(update.error).toBeNull();

    const page = await admin.newPage();
    await admin.signInTo(page, "/audit_trail", "admin");
    const table = page.getByTestId("audit-table");
    await table.locator("tbody tr.ant-table-row").first().waitFor();
    await page.getByTestId("audit-filters").getByLabel("操作人").fill("钱渠道");
    // Test projects have namesakes of the demo accounts; the option names the email then.
    await page
      .locator(".ant-select-dropdown:visible")
      .locator('.ant-select-item-option[title="钱渠道"], .ant-select-item-option[title="钱渠道（channel@demo.local）"]')
      .click();
    // The edit is on the unfiltered list too: wait for the list the filter gives, not for the row.
    await expect.poll(async () => new Set(await table.getByTestId("audit-actor").allTextContents())).toEqual(new Set(["钱渠道"]));
    const row = table.locator("tr", { hasText: "编辑中介公司" }).first();
    await row.waitFor();

    await row.locator(".ant-table-row-expand-icon").click();
    const diff = page.getByTestId("audit-diff").first();
    await diff.getByText(contact).waitFor();
    const line = diff.locator("tr", { hasText: "联系人" });
    expect(await line.textContent()).toContain(agency!.contact_name);
    expect(await line.textContent()).toContain(contact);
    await admin.screenshot(page, "audit-by-person");

    const rows = await sql<{ n: number }>(
      "select count(*)::int as n from public.audit_log where record_id = $1 and action = 'agencies.update' and after ->> 'contact_name' = $2",
      [agency!.id, contact],
    );
    expect(rows[0].n).toBe(1);
  });

  it("a broker's action is labelled 经纪人门户, not 管理后台", async () => {
    const broker = await signedIn("broker1");
    const phone = `168${crypto.randomInt(0, 100_000_000).toString().padStart(8, "0")}`;
    const { data: ruling, error } = await broker.rpc("submit_report", {
      p_project_id: "10000000-0000-4000-8000-000000000001",
      p_customer_name: "审计门户",
      p_customer_phone: phone,
      p_expected_visit: new Date(Date.now() + 3 * 3600_000).toISOString(),
    });
    expect(error).toBeNull();

    const page = await admin.newPage();
    await admin.signInTo(page, `/audit_trail?table=channel_reports&record=${(ruling as { report_id: string }).report_id}`, "admin");
    const row = page.getByTestId("audit-table").locator("tr.ant-table-row").first();
    await row.getByTestId("audit-surface").getByText("经纪人门户").waitFor();
    expect(await page.getByTestId("audit-table").getByText("管理后台").count()).toBe(0);
  });

  it("a record's trail opens from a link and a manager reads it too; a consultant gets 无权访问", async () => {
    const [agency] = await sql<{ id: string }>("select id from public.agencies where name = '安居客源'");
    const [cooperation] = await sql<{ id: string }>("select id from public.cooperations where agency_id = $1", [agency.id]);
    const manager = await admin.newPage();
    await admin.signInTo(manager, `/audit_trail?table=cooperations&record=${cooperation.id}`, "manager");
    const table = manager.getByTestId("audit-table");
    await table.getByText("新增合作协议").first().waitFor();
    const kinds = await table.locator("tbody tr.ant-table-row").allTextContents();
    for (const text of kinds) expect(text).toContain("合作协议");
    await admin.screenshot(manager, "audit-record-manager");

    const consultant = await admin.newPage();
    await admin.signInTo(consultant, "/audit_trail", "consultant1");
    await consultant.getByText("无权访问").waitFor();
  });

  it("reads as people say it: the unit by its label, 状态 预留 → 已认购, names and money — never a UUID", async () => {
    const team = await createDealTeam("审计", admin);
    const unit = team.units[0];
    const customerId = await team.registerCustomer("审计客户");
    await team.ok("consultant", "hold_unit", { p_unit_id: unit.id, p_customer_id: customerId });
    const sub = await team.subscribe(0, customerId);

    const manager = await pageAs(admin, team, "manager");
    await manager.setViewportSize({ width: 1440, height: 900 });
    await manager.goto(`/audit_trail?table=units&record=${unit.id}`);
    const table = manager.getByTestId("audit-table");
    const row = table.locator("tr.ant-table-row", { hasText: "房源认购" }).first();
    await row.getByTestId("audit-record").getByText(unit.label).waitFor();
    await row.locator(".ant-table-row-expand-icon").click();
    const status = manager.getByTestId("audit-diff").first().locator("tr", { has: manager.getByTestId("audit-field-status") });
    await status.waitFor();
    expect((await status.innerText()).replace(/\s+/g, " ").trim()).toBe("状态 预留 已认购");
    await admin.screenshot(manager, "audit-readable-unit");
    const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    expect(await table.innerText()).not.toMatch(UUID);

    // The 认购 itself: its unit and customer by name, the consultant by name, money formatted.
    await manager.goto(`/audit_trail?table=subscriptions&record=${sub.id}`);
    const created = table.locator("tr.ant-table-row").first();
    await created.getByTestId("audit-record").getByText(`${unit.label} · 审计客户`).waitFor();
    await created.locator(".ant-table-row-expand-icon").click();
    const diff = manager.getByTestId("audit-diff").first();
    await diff.locator("tr", { has: manager.getByTestId("audit-field-unit_id") }).getByText(unit.label, { exact: true }).waitFor();
    await diff.locator("tr", { has: manager.getByTestId("audit-field-customer_id") }).getByText(/^审计客户 166\*{4}\d{4}$/).waitFor();
    await diff.locator("tr", { has: manager.getByTestId("audit-field-consultant_id") }).getByText("王置业").waitFor();
    await diff.locator("tr", { has: manager.getByTestId("audit-field-price") }).getByText(/^¥[\d,]+\.\d{2}$/).waitFor();
    await diff.locator("tr", { has: manager.getByTestId("audit-field-payment_method") }).getByText("一次性付款").waitFor();
    await admin.screenshot(manager, "audit-readable-subscription");
    expect(await table.innerText()).not.toMatch(UUID);
  }, 300_000);
});
