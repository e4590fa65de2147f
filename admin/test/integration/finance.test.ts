import * as ExcelJSModule from "exceljs";
import type { Row } from "exceljs";
import { formatYuan } from "@so/shared/money";
import Decimal from "decimal.js";
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { createDealTeam, pageAs, receiptNo, type DealTeam, type Member } from "./support/deal-team.ts";
import { DEMO_PROJECT_ID } from "./support/users.ts";

// exceljs is CommonJS: under Node its namespace arrives as the default export.
const ExcelJS = ((ExcelJSModule as unknown as { default?: typeof ExcelJSModule }).default ?? ExcelJSModule) as typeof ExcelJSModule;

/** The cells of a worksheet row as plain values (numbers stay numbers). */
const cells = (row: Row) => (row.values as unknown[]).slice(1);
/** A money cell, read back as the exact two-decimal amount it denotes. */
const money = (v: unknown) => new Decimal(String(v)).toFixed(2);

async function readDownload(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(path) as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

/** 收款 and 佣金: reversals, the receivables export, commission approval, payment and statement. */
describe("收款与佣金 finance (admin)", () => {
  const admin = useAdminBrowser();
  let team: DealTeam;

  beforeAll(async () => {
    team = await createDealTeam("财务", admin);
  });

  const as = (who: Member, path?: string) => pageAs(admin, team, who, path);

  it("a reversal keeps both entries visible and the balance right", async () => {
    const customerId = await team.registerCustomer("韩先生");
    const sub = await team.subscribe(0, customerId);
    const finance = await as("finance");

    // Recorded wrongly (80,000 instead of 50,000), then reversed with a reason, then recorded right.
    const wrong = receiptNo();
    await finance.goto(`/payments/create?customer=${customerId}&subscription=${sub.id}&kind=deposit&back=/payments`);
    // She overwrites the 定金 due once it is shown (typing earlier would race the prefill).
    await expect.poll(() => finance.getByTestId("payment-amount").inputValue(), { timeout: 60_000 }).toBe("50000.00");
    await finance.getByTestId("payment-amount").fill("80000");
    await finance.getByTestId("receipt-no").fill(wrong);
    await finance.getByTestId("submit-payment").click();
    await finance.waitForURL(/\/payments$/);
    const search = finance.getByPlaceholder("客户、收据编号、房号或合同编号");
    await search.fill("韩先生");
    await search.press("Enter");
    const table = finance.getByTestId("payments-table");
    await table.getByText(wrong).waitFor();
    await finance.getByTestId(`reverse-${wrong}`).click();
    await finance.getByTestId("reverse-reason").fill("金额录入错误，实收5万元");
    await finance.getByRole("dialog").getByRole("button", { name: "确认冲销" }).click();
    await table.getByText(`冲销收据 ${wrong}：`).waitFor();
    await table.locator("tr", { hasText: wrong }).first().waitFor();
    expect(await table.getByText(formatYuan("80000"), { exact: true }).count()).toBe(1);
    expect(await table.getByText(formatYuan("-80000"), { exact: true }).count()).toBe(1);
    expect(await finance.getByTestId(`reverse-${wrong}`).count()).toBe(0);
    await admin.screenshot(finance, "finance-payments-reversal");

    const right = receiptNo();
    await team.ok("finance", "record_payment", {
      p_project_id: team.projectId, p_customer_id: customerId, p_kind: "deposit", p_amount: "50000",
      p_method: "transfer", p_receipt_no: right, p_subscription_id: sub.id,
    });
    const entries = await sql<{ amount: string; reverses: string | null }>(
      `select amount::text, reverses from public.payments where subscription_id = $1 order by created_at`,
      [sub.id],
    );
    expect(entries.map((e) => e.amount)).toEqual(["80000.00", "-80000.00", "50000.00"]);
    const [balance] = await sql<{ received: string }>(`select received::text from public.subscription_overview where id = $1`, [sub.id]);
    expect(balance.received).toBe("50000.00");

    await finance.goto(`/subscriptions/show/${sub.id}`);
    await finance.getByTestId("subscription-received").getByText(formatYuan("50000")).waitFor();
    const journal = finance.getByTestId("deal-payments");
    await journal.getByText(wrong, { exact: true }).waitFor();
    await journal.getByText("已冲销").waitFor();
    await finance.getByTestId("deal-payments-net").getByText(formatYuan("50000")).waitFor();
    await admin.screenshot(finance, "finance-subscription-payments");
  }, 300_000);

  it("the receivables export downloads an xlsx whose totals match the database", async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/receivables", "finance");
    await page.getByTestId("receivables-table").locator("tbody tr.ant-table-row").first().waitFor();
    await admin.screenshot(page, "finance-receivables");
    await page.getByText("全部未收", { exact: true }).click();
    await page.getByTestId("receivables-table").locator("tbody tr.ant-table-row").first().waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-receivables").click()]);
    expect(download.suggestedFilename()).toMatch(/^应收款催款表-\d{8}-\d{4}\.xlsx$/);
    const sheet = await readDownload(await download.path());

    const [db] = await sql<{ rows: string; due: string; paid: string; outstanding: string }>(
      `select count(*)::text as rows, sum(amount_due)::text as due, sum(paid)::text as paid, sum(outstanding)::text as outstanding
         from public.receivables where project_id = $1 and outstanding > 0`,
      [DEMO_PROJECT_ID],
    );
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push(cells(row)));
    const header = rows.findIndex((r) => r[0] === "合同编号");
    const total = rows.findIndex((r) => r[0] === "合计");
    expect(header).toBeGreaterThan(0);
    expect(total - header - 1).toBe(Number(db.rows));
    const cols = rows[header];
    const at = (name: string) => cols.indexOf(name);
    expect(money(rows[total][at("应收")])).toBe(new Decimal(db.due).toFixed(2));
    expect(money(rows[total][at("已收")])).toBe(new Decimal(db.paid).toFixed(2));
    expect(money(rows[total][at("未收")])).toBe(new Decimal(db.outstanding).toFixed(2));
    // And the rows add up to the totals row (nothing lost between the list and the file).
    const sum = rows.slice(header + 1, total).reduce<Decimal>((acc, r) => acc.plus(money(r[at("未收")])), new Decimal(0));
    expect(sum.toFixed(2)).toBe(new Decimal(db.outstanding).toFixed(2));
  }, 300_000);

  it("a signed channel deal: the channel manager approves the commission, finance pays it, the statement exports", async () => {
    const customerId = await team.registerCustomer("杨女士");
    const { agencyName } = await team.channelReport(customerId);
    const sub = await team.subscribe(1, customerId);
    await team.pay(customerId, sub.id, "50000");   // 定金 first: no contract before it is received
    const contractNo = `HT-${receiptNo()}`;
    const contract = await team.ok<{ id: string; approval_id: string }>("consultant", "create_contract", {
      p_subscription_id: sub.id,
      p_contract_no: contractNo,
      p_plan: [{ seq: 1, due_date: "2026-12-31", amount: String(sub.price), kind: "installment" }],
    });
    await team.approveAll(contract.approval_id);
    await team.qualify(sub.id);
    await team.ok("consultant", "sign_contract", { p_contract_id: contract.id });
    const [commission] = await sql<{ id: string; amount: string }>(
      `select id, amount::text from public.commissions where contract_id = $1`,
      [contract.id],
    );

    const channel = await as("channel", "/commissions");
    await channel.getByTestId(`approve-${contractNo}`).click();
    await channel.locator(".ant-popconfirm").getByRole("button", { name: /确\s*定|OK/ }).click();
    await channel.getByTestId("commissions-table").locator("tr", { hasText: contractNo }).getByText("待付款").waitFor();

    const finance = await as("finance", "/commissions");
    await finance.getByTestId(`pay-${contractNo}`).click();
    await finance.getByLabel("付款凭证号").fill("YH20261123001");
    await finance.getByRole("dialog").getByRole("button", { name: "确认已付" }).click();
    const paidRow = finance.getByTestId("commissions-table").locator("tr", { hasText: contractNo });
    await paidRow.getByText("已付款").waitFor();
    await paidRow.getByText(/YH20261123001/).waitFor();
    const [paid] = await sql<{ status: string; payment_reference: string }>(
      `select status, payment_reference from public.commissions where id = $1`,
      [commission.id],
    );
    expect(paid).toEqual({ status: "paid", payment_reference: "YH20261123001" });

    await finance.goto("/commission_statements");
    const statement = finance.getByTestId("statements-table").locator("tr", { hasText: agencyName });
    await statement.getByText(formatYuan(commission.amount)).first().waitFor();
    await admin.screenshot(finance, "finance-commission-statements");
    const [download] = await Promise.all([finance.waitForEvent("download"), statement.getByTestId("export-statement").click()]);
    expect(download.suggestedFilename()).toContain(agencyName);
    const sheet = await readDownload(await download.path());
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push(cells(row)));
    expect(String(rows[0][0])).toContain(`${agencyName} 佣金结算单`);
    const header = rows.findIndex((r) => r[0] === "合同编号");
    const total = rows.findIndex((r) => r[0] === "合计");
    expect(rows.slice(header + 1, total).map((r) => r[0])).toEqual([contractNo]);
    expect(money(rows[total][rows[header].indexOf("佣金")])).toBe(commission.amount);
  }, 300_000);
});
