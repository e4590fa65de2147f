import { formatYuan } from "@so/shared/money";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { capitalAmount } from "../../src/components/deals/capital-amount.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { approveInInbox, createDealTeam, pageAs, pickOption, receiptNo, type DealTeam, type Member } from "./support/deal-team.ts";

/** 认购 and what follows it: 退房 with its refund, 换房 with its carry-over, the printable 认购书, the deadline flag. */
describe("认购、换房、退房 deals (admin)", () => {
  const admin = useAdminBrowser();
  let team: DealTeam;

  beforeAll(async () => {
    team = await createDealTeam("交易", admin);
  });

  const as = (who: Member, path?: string) => pageAs(admin, team, who, path);

  it("退房: approved in turn, the unit is back on the board and finance refunds the deposit", async () => {
    const unit = team.units[0];
    const customerId = await team.registerCustomer("冯先生");
    const sub = await team.subscribe(0, customerId);
    await team.pay(customerId, sub.id, "50000");

    const consultant = await as("consultant", `/subscriptions/show/${sub.id}`);
    await consultant.getByTestId("request-cancel").click();
    await consultant.getByLabel("退房原因").fill("客户贷款审批未通过");
    await consultant.getByRole("dialog").getByRole("button", { name: "提交审批" }).click();
    await consultant.waitForURL(/\/approvals\/[0-9a-f-]{36}$/);
    await consultant.getByTestId("next-steps").getByText(/房源恢复可售，已收款项由财务办理退款/).waitFor();

    await approveInInbox(await as("manager"), unit.label);
    const director = await as("director");
    await approveInInbox(director, unit.label, "同意退房");
    await director.getByTestId("next-steps").getByText(/已通过：认购已作废，房源已恢复可售/).waitFor();
    await admin.screenshot(director, "deals-cancellation-approved");

    const [after] = await sql<{ unit_status: string; sub_status: string; refund_due: string }>(
      `select b.status::text as unit_status, s.status as sub_status, u.refund_due::text
         from public.unit_changes u join public.subscriptions s on s.id = u.subscription_id join public.unit_board b on b.id = u.old_unit_id
        where u.subscription_id = $1`,
      [sub.id],
    );
    expect(after).toEqual({ unit_status: "available", sub_status: "cancelled", refund_due: "50000.00" });

    // Finance sees it among the money to refund, and refunds it from there.
    const finance = await as("finance", "/money_due_on_changes");
    const row = finance.getByTestId("money-due-table").locator("tr", { hasText: "冯先生" });
    await row.getByText(formatYuan("50000")).first().waitFor();
    await admin.screenshot(finance, "finance-money-due");
    await row.getByRole("button", { name: "办理退款" }).click();
    await finance.waitForURL(/\/payments\/create\?kind=refund/);
    expect(await finance.getByTestId("payment-amount").inputValue()).toBe("50000.00");
    await finance.getByTestId("receipt-no").fill(receiptNo());
    await finance.getByTestId("submit-payment").click();
    await finance.waitForURL(/\/money_due_on_changes$/);
    await finance.getByText("全部", { exact: true }).click();
    await finance.getByTestId("money-due-table").locator("tr", { hasText: "冯先生" }).getByText("已退清").waitFor();
    const [money] = await sql<{ refunded: string; settled: boolean }>(
      `select (select sum(amount) from public.payments where subscription_id = $1 and kind = 'refund')::text as refunded,
              (select settled from public.money_due_on_changes where subscription_id = $1) as settled`,
      [sub.id],
    );
    expect(money).toEqual({ refunded: "-50000.00", settled: true });
  }, 300_000);

  it("换房: a new subscription on the new unit; finance carries the money over", async () => {
    const [oldUnit, newUnit] = [team.units[1], team.units[2]];
    const customerId = await team.registerCustomer("褚女士");
    const sub = await team.subscribe(1, customerId);
    await team.pay(customerId, sub.id, "50000");

    const consultant = await as("consultant", `/subscriptions/show/${sub.id}`);
    await consultant.getByTestId("request-change").click();
    await pickOption(consultant, "new-unit-select", newUnit.label);
    await consultant.getByLabel("换房原因").fill("客户想要更高楼层");
    await consultant.getByRole("dialog").getByRole("button", { name: "提交审批" }).click();
    await consultant.waitForURL(/\/approvals\/[0-9a-f-]{36}$/);
    const approvalId = consultant.url().split("/").pop()!;
    await team.approveAll(approvalId);

    const finance = await as("finance", "/money_due_on_changes");
    const row = finance.getByTestId("money-due-table").locator("tr", { hasText: "褚女士" });
    await row.getByText(`${oldUnit.label} → ${newUnit.label}`).waitFor();
    await row.getByRole("button", { name: "结转到新认购" }).click();
    await finance.locator(".ant-popconfirm").getByRole("button", { name: /确\s*定|OK/ }).click();
    await finance.getByText("已结转 ¥50,000.00 到新认购").waitFor();
    await finance.getByText("全部", { exact: true }).click();
    await finance.getByTestId("money-due-table").locator("tr", { hasText: "褚女士" }).getByText("已结转 ¥50,000.00").waitFor();

    const [moved] = await sql<{ old_balance: string; new_balance: string; new_unit: string; old_unit_status: string }>(
      `select (select coalesce(sum(amount), 0) from public.payments where subscription_id = u.subscription_id)::text as old_balance,
              (select coalesce(sum(amount), 0) from public.payments where subscription_id = u.new_subscription_id)::text as new_balance,
              (select private.unit_label(unit_id) from public.subscriptions where id = u.new_subscription_id) as new_unit,
              (select status::text from public.unit_board where id = u.old_unit_id) as old_unit_status
         from public.unit_changes u where u.subscription_id = $1`,
      [sub.id],
    );
    expect(moved).toEqual({ old_balance: "0.00", new_balance: "50000.00", new_unit: newUnit.label, old_unit_status: "available" });
  }, 300_000);

  it("the printable 认购书 carries the full build-up, in figures and in 大写", async () => {
    const customerId = await team.registerCustomer("卫先生");
    const sub = await team.subscribe(3, customerId, "100000");
    const [row] = await sql<{ price: string }>(`select price::text from public.subscriptions where id = $1`, [sub.id]);

    const consultant = await as("consultant", `/subscriptions/show/${sub.id}`);
    await consultant.getByTestId("print").click();
    await consultant.waitForURL(/\/subscriptions\/print\//);
    const form = consultant.getByTestId("subscription-form");
    await form.getByText("商品房认购书").waitFor();
    await form.getByText("卫先生").first().waitFor();
    expect(await consultant.getByTestId("price-capital").innerText()).toBe(`人民币${capitalAmount(row.price)}`);
    expect(await consultant.getByTestId("deposit-capital").innerText()).toBe("壹拾万元整");
    await consultant.getByTestId("print-buildup").getByText("一次性付款98折").waitFor();
    await admin.screenshot(consultant, "deals-subscription-form");
    // On paper only the sheet is printed.
    await consultant.emulateMedia({ media: "print" });
    expect(await consultant.locator(".ant-layout-sider").isVisible()).toBe(false);
    expect(await form.isVisible()).toBe(true);
    await admin.screenshot(consultant, "deals-subscription-form-print");
  }, 300_000);

  it("a subscription past its contract deadline is flagged", async () => {
    const unit = team.units[4];
    const customerId = await team.registerCustomer("蒋女士");
    const sub = await team.subscribe(4, customerId);
    await sql(`update public.subscriptions set contract_deadline = private.project_today(project_id) - 3 where id = $1`, [sub.id]);

    const manager = await as("manager", "/subscriptions");
    await manager.getByTestId("past-deadline-filter").click();
    const row = manager.getByTestId("subscriptions-table").locator("tr", { hasText: unit.label });
    await row.getByTestId("past-deadline").getByText("已逾期3天未签约").waitFor();
    await admin.screenshot(manager, "deals-subscriptions-past-deadline");
    const [flag] = await sql<{ past_deadline: boolean }>(`select past_deadline from public.subscription_overview where id = $1`, [sub.id]);
    expect(flag.past_deadline).toBe(true);
  }, 300_000);

  it("the demo project's deal lists read as the sales manager sees them", async () => {
    const page = await admin.newPage();
    await admin.signIn(page, "manager");
    for (const [path, table, shot] of [
      ["/subscriptions", "subscriptions-table", "deals-subscriptions"],
      ["/contracts", "contracts-table", "deals-contracts"],
      ["/unit_changes", "unit-changes-table", "deals-unit-changes"],
      ["/discount_requests", "discount-requests-table", "approvals-discount-requests"],
      ["/approvals", "inbox-table", "approvals-inbox-demo"],
    ] as const) {
      await page.goto(path);
      await page.getByTestId(table).locator("tbody tr.ant-table-row").first().waitFor();
      await admin.screenshot(page, shot);
    }
  }, 300_000);
});
