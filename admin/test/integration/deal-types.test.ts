import { formatYuan } from "@so/shared/money";
import Decimal from "decimal.js";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { approveInInbox, createDealTeam, pageAs, receiptNo, signAndRegister, type DealTeam, type Member } from "./support/deal-team.ts";

/**
 * Every deal type end to end in the browser, as the office works it: the consultant signs the
 * 认购书 with the policy that fits the payment method, finance receives the 定金 in full (the form
 * prefilled with what is due), the consultant drafts the contract with the plan suggested for that
 * method, 销售经理 and 营销部长 approve in their inbox, the consultant signs and records 网签.
 */
describe("every deal type: 认购 → 定金 → 合同 → 审批 → 签约 → 网签 (admin)", () => {
  const admin = useAdminBrowser();
  let team: DealTeam;

  beforeAll(async () => {
    team = await createDealTeam("成交", admin, { unitCount: 10 });
  });

  const as = (who: Member, path?: string) => pageAs(admin, team, who, path);

  /** The consultant signs the 认购书 on the form: payment method first, then the fitting policy. */
  async function subscribe(page: Page, unitIndex: number, customerId: string, method: string, policy: string | null) {
    await page.goto(`/subscriptions/create?unit=${team.units[unitIndex].id}&customer=${customerId}`);
    // No payment method is assumed: the policies must follow the one chosen.
    await page.getByTestId("payment-method").waitFor();
    expect(await page.getByTestId("payment-method").locator("input:checked").count()).toBe(0);
    await page.getByTestId("payment-method").getByText(method, { exact: true }).click();
    if (policy) await page.getByTestId("policies").getByText(policy).click();
    await page.getByTestId("buildup-check").getByText("价格已核对无误").waitFor();
    await page.getByTestId("deposit").fill("50000");
    await page.getByTestId("submit-subscription").click();
    await page.waitForURL(/\/subscriptions\/show\//);
    return page.url().split("/").pop()!;
  }

  /** Finance receives the 定金: the amount comes prefilled with what is still due. */
  async function receiveDeposit(customerId: string, subscriptionId: string) {
    const finance = await as("finance", `/payments/create?customer=${customerId}&subscription=${subscriptionId}`);
    await expect.poll(() => finance.getByTestId("payment-amount").inputValue(), { timeout: 60_000 }).toBe("50000.00");
    await finance.getByTestId("receipt-no").fill(receiptNo());
    await finance.getByTestId("submit-payment").click();
    await finance.waitForURL(/\/subscriptions\/show\//);
    await finance.getByTestId("subscription-received").getByText("¥50,000.00").waitFor();
  }

  /** Drafts the contract from the suggested plan; returns its id after checking the plan's kinds. */
  async function draftContract(page: Page, subscriptionId: string, kinds: string[], shot: string) {
    await page.goto(`/contracts/create?subscription=${subscriptionId}`);
    await page.getByTestId(`plan-row-${kinds.length}`).waitFor();
    for (const [i, kind] of kinds.entries()) await page.getByTestId(`plan-row-${i + 1}`).getByText(kind, { exact: true }).waitFor();
    expect(await page.getByTestId(`plan-row-${kinds.length + 1}`).count()).toBe(0);
    await page.getByTestId("plan-difference").getByText("✓ 与成交价一致").waitFor();
    await page.getByTestId("contract-no").fill(`HT-${receiptNo()}`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await admin.screenshot(page, shot);
    await page.getByTestId("submit-contract").click();
    await page.waitForURL(/\/contracts\/show\//);
    await page.getByTestId("contract-status").getByText("审批中").waitFor();
    return page.url().split("/").pop()!;
  }

  async function approveSignRegister(consultant: Page, unitIndex: number, contractId: string) {
    const label = team.units[unitIndex].label;
    await approveInInbox(await as("manager"), label);
    await approveInInbox(await as("director"), label, "同意签约");
    const [contract] = await sql<{ subscription_id: string }>(`select subscription_id from public.contracts where id = $1`, [contractId]);
    await team.qualify(contract.subscription_id);   // 购房资质审核 passed by finance
    await consultant.goto(`/contracts/show/${contractId}`);
    await signAndRegister(consultant, `WQ-${contractId.slice(0, 8)}`);
  }

  async function dealAfter(contractId: string) {
    const [row] = await sql<{ status: string; unit_status: string; sub_status: string; method: string; kinds: string[]; plan_total: string; price: string }>(
      `select c.status, u.status::text as unit_status, s.status as sub_status, c.payment_method as method,
              array(select kind from public.payment_plan_items i where i.contract_id = c.id order by seq) as kinds,
              (select sum(amount) from public.payment_plan_items i where i.contract_id = c.id)::text as plan_total, c.price::text
         from public.contracts c join public.units u on u.id = c.unit_id join public.subscriptions s on s.id = c.subscription_id where c.id = $1`,
      [contractId],
    );
    return row;
  }

  const cases = [
    { name: "按揭 mortgage", method: "按揭", key: "mortgage", policy: "按揭99折", kinds: ["定金", "首付", "按揭放款"], db: ["deposit", "down_payment", "mortgage"], unit: 0 },
    { name: "一次性付款 full payment", method: "一次性付款", key: "full", policy: "一次性付款98折", kinds: ["定金", "房款"], db: ["deposit", "installment"], unit: 1 },
    { name: "分期 instalments", method: "分期", key: "instalment", policy: null, kinds: ["定金", "首付", "房款", "房款", "房款"], db: ["deposit", "down_payment", "installment", "installment", "installment"], unit: 2 },
    { name: "公积金贷款 provident fund", method: "公积金贷款", key: "provident_fund", policy: null, kinds: ["定金", "首付", "公积金放款"], db: ["deposit", "down_payment", "provident_loan"], unit: 8 },
    { name: "组合贷款 commercial + provident", method: "组合贷款", key: "combined", policy: null, kinds: ["定金", "首付", "按揭放款", "公积金放款"], db: ["deposit", "down_payment", "mortgage", "provident_loan"], unit: 9 },
  ] as const;

  for (const c of cases) {
    it(`${c.name}: drafted with its plan, approved, signed and registered`, async () => {
      const customerId = await team.registerCustomer(`${c.method}客户`);
      const consultant = await as("consultant");
      const subscriptionId = await subscribe(consultant, c.unit, customerId, c.method, c.policy);
      await receiveDeposit(customerId, subscriptionId);
      const contractId = await draftContract(consultant, subscriptionId, [...c.kinds], `deals-contract-form-${c.key}`);
      await approveSignRegister(consultant, c.unit, contractId);
      const deal = await dealAfter(contractId);
      expect(deal).toMatchObject({ status: "signed", unit_status: "signed", sub_status: "converted", method: c.key, kinds: [...c.db] });
      expect(deal.plan_total).toBe(deal.price);
    }, 600_000);
  }

  it("a part that fails to render says what failed; the page, the menu and what was typed stay", async () => {
    const good = await team.subscribe(3, await team.registerCustomer("严先生"));
    const bad = await team.subscribe(4, await team.registerCustomer("华女士"));
    const consultant = await as("consultant");
    // Forced: the subscription's figures arrive unreadable for one deal.
    await consultant.route(/\/rest\/v1\/subscription_overview\?.*/, async (route) => {
      const response = await route.fetch();
      const data = await response.json();
      const spoil = (r: Record<string, unknown>) => (r && r.id === bad.id ? { ...r, price: "不是金额" } : r);
      await route.fulfill({ response, json: Array.isArray(data) ? data.map(spoil) : spoil(data) });
    });
    await consultant.goto(`/contracts/create?subscription=${bad.id}`);
    await consultant.getByTestId("contract-no").waitFor();
    const boundary = consultant.getByTestId("error-boundary").first();
    await boundary.getByText("这一部分出错了，未能显示").waitFor();
    await boundary.getByTestId("error-boundary-message").getByText(/出错原因：.*DecimalError/).waitFor();
    await consultant.locator(".ant-layout-sider").getByText("交易").first().waitFor();
    // The rest of the form still works: type, then go back to the good deal — what was typed stays.
    await consultant.getByTestId("contract-no").fill("HT-保留-002");
    await admin.screenshot(consultant, "deals-contract-section-error");
    await consultant.locator(".ant-select", { has: consultant.locator("#subscription") }).click();
    await consultant.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: team.units[3].label }).click();
    await consultant.getByTestId("plan-difference").getByText("✓ 与成交价一致").waitFor();
    expect(await consultant.getByTestId("contract-no").inputValue()).toBe("HT-保留-002");
    expect(await consultant.getByTestId("error-boundary").count()).toBe(0);

    // A whole page that fails: the shell stays, the page says what failed and offers 重试.
    await consultant.route(/\/rest\/v1\/contract_overview\?.*/, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify([{ id: "x", price: "不是金额", status: "signed", contract_no: "HT-X" }]) }),
    );
    await consultant.goto("/contracts");
    const pageBoundary = consultant.getByTestId("error-boundary");
    await pageBoundary.getByText("页面出错了，未能显示").waitFor();
    await pageBoundary.getByRole("button", { name: /重\s*试/ }).waitFor();
    await consultant.locator(".ant-layout-sider").waitFor();
    await admin.screenshot(consultant, "deals-page-error");
    await pageBoundary.getByTestId("error-boundary-message").getByText(/出错原因：.*DecimalError/).waitFor();
    // Moving on to another page clears it.
    await consultant.unroute(/\/rest\/v1\/contract_overview\?.*/);
    await consultant.unroute(/\/rest\/v1\/subscription_overview\?.*/);
    await consultant.goto("/subscriptions");
    await consultant.getByTestId("subscriptions-table").waitFor();
    expect(await consultant.getByTestId("error-boundary").count()).toBe(0);
  }, 300_000);

  it("应收催款: unpaid 定金 listed with totals; 催款 recorded; 收款 prefilled from what is due", async () => {
    const customerId = await team.registerCustomer("葛先生");
    const sub = await team.subscribe(5, customerId, "80000");
    await team.pay(customerId, sub.id, "30000");
    const finance = await as("finance");
    await finance.setViewportSize({ width: 1440, height: 900 });
    await finance.goto("/receivables");
    await finance.getByText("全部未收", { exact: true }).click();
    const row = finance.getByTestId("receivables-table").locator("tr", { hasText: "葛先生" });
    await row.getByText("认购定金").waitFor();
    await row.getByText(formatYuan("50000")).waitFor();

    // The totals row adds up every open amount of the project, exactly.
    const [expected] = await sql<{ due: string; outstanding: string; n: string }>(
      `select sum(amount_due)::text as due, sum(outstanding)::text as outstanding, count(*)::text as n
         from public.receivables where project_id = $1 and outstanding > 0`,
      [team.projectId],
    );
    const totals = finance.getByTestId("receivables-totals");
    await totals.getByText(`合计（${expected.n} 笔）`).waitFor();
    await totals.getByTestId("total-outstanding").getByText(formatYuan(new Decimal(expected.outstanding))).waitFor();
    await totals.getByTestId("total-amount_due").getByText(formatYuan(new Decimal(expected.due))).waitFor();

    // 催款: phone call, what was said, a promised date.
    await row.getByTestId("collect").click();
    const dialog = finance.getByRole("dialog");
    await dialog.getByText("未收 ¥50,000.00").waitFor();
    await dialog.getByTestId("collect-note").fill("客户称周五前转账补齐定金");
    await dialog.getByRole("button", { name: "保存催款记录" }).click();
    await finance.getByText("催款记录已保存").waitFor();
    await row.getByTestId("last-contact").getByText(/赵会计 .* 电话：客户称周五前转账补齐定金/).waitFor();
    await row.getByText("共催款 1 次").waitFor();
    await admin.screenshot(finance, "finance-receivables-collection");
    const [contact] = await sql<{ channel: string; by: string }>(
      `select k.channel, s.name as by from public.collection_contacts k join public.staff s on s.id = k.contacted_by where k.subscription_id = $1`,
      [sub.id],
    );
    expect(contact).toEqual({ channel: "phone", by: "赵会计" });

    // 收款 from the row: the form comes filled with the 定金 still due.
    await row.getByTestId("receive").click();
    await finance.waitForURL(/\/payments\/create\?/);
    await expect.poll(() => finance.getByTestId("payment-amount").inputValue(), { timeout: 60_000 }).toBe("50000.00");
    await finance.getByTestId("receipt-no").fill(receiptNo());
    await finance.getByTestId("submit-payment").click();
    await finance.waitForURL(/\/receivables$/);
    await finance.getByText("全部", { exact: true }).click();
    await finance.getByTestId("receivables-table").locator("tr", { hasText: "葛先生" }).getByText("已结清").waitFor();

    // Consultants see their deals' amounts but cannot 催款.
    const consultant = await as("consultant", "/receivables");
    await consultant.getByText("全部", { exact: true }).click();
    await consultant.getByTestId("receivables-table").locator("tr", { hasText: "葛先生" }).waitFor();
    expect(await consultant.getByTestId("collect").count()).toBe(0);
  }, 300_000);

  it("a hold under a pending discount survives the 30 minutes, and the approver sees the unit live", async () => {
    const unit = team.units[7];
    const customerId = await team.registerCustomer("乔先生");
    await team.ok("consultant", "hold_unit", { p_unit_id: unit.id, p_customer_id: customerId });
    const b = await team.ok<{ price_after_policies: string }>("consultant", "price_buildup", { p_unit_id: unit.id, p_policy_ids: [team.policies.full] });
    const request = await team.ok<{ id: string; approval_id: string }>("consultant", "request_discount", {
      p_unit_id: unit.id, p_customer_id: customerId, p_policy_ids: [team.policies.full],
      p_requested_price: new Decimal(b.price_after_policies).times("0.985").toFixed(2), p_reason: "客户一次性付款，请求特批",
    });
    // 31 minutes later (timestamps moved back): a colleague's hold is refused, naming the approval.
    await sql(`update public.units set hold_expires_at = hold_expires_at - interval '31 minutes' where id = $1`, [unit.id]);
    await sql(`update public.approvals set lapses_at = lapses_at - interval '31 minutes' where id = $1`, [request.approval_id]);
    const colleague = await team.registerCustomer("符女士", "consultant2");
    const refused = await team.rpc("consultant2", "hold_unit", { p_unit_id: unit.id, p_customer_id: colleague });
    expect(refused.error?.message).toContain("特殊优惠申请正在审批中");

    const manager = await as("manager", `/approvals/${request.approval_id}`);
    const live = manager.getByTestId("unit-live-status");
    await live.getByTestId("unit-live-tag").getByText("预留").waitFor();
    await live.getByText("本申请的客户").waitFor();
    await live.getByText(/审批期间为本申请保留/).waitFor();
    await admin.screenshot(manager, "approvals-unit-live-status");
    await manager.getByTestId("approve").click();
    await manager.getByTestId("decide-panel").waitFor({ state: "detached" });
    // Decided: the normal hold timer runs again, for the requester.
    await live.getByText(/审批期间为本申请保留/).waitFor({ state: "detached" });
    await live.getByTestId("unit-live-tag").getByText("预留").waitFor();
  }, 300_000);

  it("收款流水 lists entries by payment date, newest first", async () => {
    const customerId = await team.registerCustomer("柏女士");
    const sub = await team.subscribe(6, customerId, "90000");
    const first = await team.pay(customerId, sub.id, "10000");
    const second = await team.pay(customerId, sub.id, "20000");
    // The later-recorded entry was paid earlier (backdated receipt).
    await sql(`update public.payments set paid_on = paid_on - 5 where id = $1`, [second.id]);
    const finance = await as("finance", "/payments");
    const rows = finance.getByTestId("payments-table").locator("tbody tr.ant-table-row");
    await rows.first().waitFor();
    const receipts = await rows.allInnerTexts();
    const at = (receipt: string) => receipts.findIndex((text) => text.includes(receipt));
    expect(at(first.receipt_no)).toBeGreaterThanOrEqual(0);
    expect(at(first.receipt_no)).toBeLessThan(at(second.receipt_no));
  }, 300_000);
});
