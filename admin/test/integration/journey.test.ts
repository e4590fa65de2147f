import { formatYuan, moneyText, priceAfterPolicies } from "@so/shared/money";
import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { approveInInbox, createDealTeam, currentStep, pageAs, pickOption, receiptNo, signAndRegister, type DealTeam, type Member } from "./support/deal-team.ts";

const yuan = (v: string) => formatYuan(v);

/**
 * 一套房从特殊优惠到佣金: consultant → discount request (6%) → 销售经理, 营销部长, 主管副总 approve
 * in turn → subscription at the approved price → finance takes the deposit → contract with a
 * payment plan, approved and signed → the channel's commission. Each step in the admin as the
 * person who does it; what the database holds is checked after each.
 */
describe("认购全流程 journey (admin)", () => {
  const admin = useAdminBrowser();
  let team: DealTeam;

  beforeAll(async () => {
    team = await createDealTeam("全流程", admin);
  });

  const as = (who: Member, path?: string) => pageAs(admin, team, who, path);
  async function approve(who: Member, unitLabel: string, comment?: string) {
    const page = await as(who);
    await approveInInbox(page, unitLabel, comment);
    return page;
  }

  it("special discount → three approvals → subscription → deposit → contract → signing → commission", async () => {
    const unit = team.units[0];
    const other = team.units[1];
    // Setup through the API (the customer screens are another area's): the consultant registers
    // the customer, who came through a channel report, and holds the unit.
    const customerId = await team.registerCustomer("赵先生");
    const { agencyName } = await team.channelReport(customerId);
    await team.ok("consultant", "hold_unit", { p_unit_id: unit.id, p_customer_id: customerId });

    // 1. The consultant asks for a 6% special discount on top of 一次性付款98折.
    const expected = { price_after_policies: priceAfterPolicies(unit.listPrice, [{ name: "一次性付款98折", kind: "factor", value: "0.98" }]).price };
    const consultant = await as("consultant", `/discount_requests/create?unit=${unit.id}&customer=${customerId}`);
    await consultant.getByTestId("policies").getByText("一次性付款98折").click();
    await consultant.getByTestId("depth").fill("6");
    await consultant.getByTestId("buildup-check").getByText("价格已核对无误").waitFor();
    const buildup = consultant.getByTestId("buildup");
    await buildup.getByText(yuan(expected.price_after_policies)).first().waitFor();
    await buildup.getByText("幅度 6.00%").waitFor();
    // The chain it will need, before submitting: 销售经理 → 营销部长 → 主管副总.
    const chain = consultant.getByTestId("approval-chain");
    for (const role of ["销售经理", "营销部长", "主管副总"]) await chain.getByText(role).waitFor();
    expect(await chain.getByText("总经理").count()).toBe(0);
    await consultant.getByLabel("申请理由").fill("客户对比隔壁楼盘，差六个点，今天可交定金");
    await admin.screenshot(consultant, "approvals-discount-request");
    await consultant.getByTestId("submit-discount").click();
    await consultant.waitForURL(/\/approvals\/[0-9a-f-]{36}$/);
    const approvalId = consultant.url().split("/").pop()!;
    await consultant.getByTestId("approval-timeline").getByText("第3步 · 主管副总").waitFor();

    const [request] = await sql<{ id: string; depth_pct: string; requested_price: string; status: string }>(
      `select id, depth_pct::text, requested_price::text, status from public.discount_requests where approval_id = $1`,
      [approvalId],
    );
    expect(request).toMatchObject({ depth_pct: "6.00", status: "pending" });
    const approvedPrice = request.requested_price;
    const check = await team.ok<{ depth_pct: string }>("consultant", "price_buildup", { p_unit_id: unit.id, p_policy_ids: [team.policies.full], p_requested_price: approvedPrice });
    expect(check.depth_pct).toBe("6.00");

    // 2. The consultant has no decision to make — no buttons, and the database refuses anyway.
    expect(await consultant.getByTestId("decide-panel").count()).toBe(0);
    const first = (await currentStep(approvalId))!;
    const own = await team.rpc("consultant", "decide_approval", { p_step_id: first.id, p_decision: "approve" });
    expect(own.error?.details, JSON.stringify(own)).toBe("self_approval");
    const colleague = await team.rpc("consultant2", "decide_approval", { p_step_id: first.id, p_decision: "approve" });
    expect(colleague.error?.details, JSON.stringify(colleague)).toBe("not_approver");

    // 3. The director cannot act before the manager: nothing in the inbox, no panel, refused.
    const director = await as("director", "/approvals");
    await director.getByTestId("inbox-table").getByText("暂无待您审批的申请").waitFor();
    await director.goto(`/approvals/${approvalId}`);
    await director.getByTestId("approval-timeline").waitFor();
    await director.getByTestId("next-steps").getByText(/当前等待销售经理审批/).waitFor();
    expect(await director.getByTestId("decide-panel").count()).toBe(0);
    const [directorStep] = await sql<{ id: string }>(`select id from public.approval_steps where approval_id = $1 and seq = 2`, [approvalId]);
    expect((await team.rpc("director", "decide_approval", { p_step_id: directorStep.id, p_decision: "approve" })).error?.details).toBe("step_not_current");

    // 4. 销售经理, 营销部长, 主管副总 approve in turn, each in their inbox.
    const manager = await as("manager", "/approvals");
    await manager.getByTestId("inbox-table").getByText(unit.label).waitFor();
    await admin.screenshot(manager, "approvals-inbox-manager");
    await manager.close();
    await approve("manager", unit.label, "同意，客户诚意足");
    await approve("director", unit.label);
    const vp = await approve("vp", unit.label, "同意，尽快签约");
    await vp.getByTestId("approval-status").getByText("已通过").waitFor();
    await vp.getByTestId("step-1").getByText("意见：同意，客户诚意足").waitFor();
    await admin.screenshot(vp, "approvals-detail-approved");
    const [approval] = await sql<{ status: string; decided: string }>(
      `select a.status, (select count(*) from public.approval_steps s where s.approval_id = a.id and s.status = 'approved')::text as decided
         from public.approvals a where a.id = $1`,
      [approvalId],
    );
    expect(approval).toEqual({ status: "approved", decided: "3" });

    // 5. The consultant subscribes at the approved price — not on another unit, not with other policies.
    await consultant.goto(`/subscriptions/create?unit=${unit.id}&customer=${customerId}&request=${request.id}`);
    await consultant.getByTestId("buildup-check").getByText("价格已核对无误").waitFor();
    await consultant.getByTestId("payment-method").getByText("一次性付款").click();
    await consultant.getByTestId("deposit").fill("50000");
    await pickOption(consultant, "unit-select", other.label);
    await consultant.getByTestId("submit-subscription").click();
    await consultant.getByTestId("db-error").getByText("该优惠审批不可用（不是此房源/客户的、未通过、已过期或已使用）").waitFor();
    await admin.screenshot(consultant, "deals-subscription-refused");
    await pickOption(consultant, "unit-select", unit.label);
    await consultant.getByTestId("policies").getByText("一次性付款98折").click();
    await consultant.getByTestId("policies").getByText("按揭99折").click();
    await consultant.getByTestId("submit-subscription").click();
    await consultant.getByTestId("db-error").getByText("所选优惠政策与审批时不一致").waitFor();
    expect(await sql(`select 1 from public.subscriptions where customer_id = $1`, [customerId])).toHaveLength(0);
    await consultant.getByTestId("policies").getByText("按揭99折").click();
    await consultant.getByTestId("policies").getByText("一次性付款98折").click();
    await consultant.getByTestId("buildup-check").getByText("价格已核对无误").waitFor();
    await admin.screenshot(consultant, "deals-subscription-create");
    await consultant.getByTestId("submit-subscription").click();
    await consultant.waitForURL(/\/subscriptions\/show\//);
    const subscriptionId = consultant.url().split("/").pop()!;
    await consultant.getByTestId("subscription-price").getByText(yuan(approvedPrice)).waitFor();
    const [sub] = await sql<{ price: string; status: string; request_status: string; unit_status: string }>(
      `select s.price::text, s.status, d.status as request_status, u.status::text as unit_status
         from public.subscriptions s join public.discount_requests d on d.id = s.discount_request_id join public.units u on u.id = s.unit_id
        where s.id = $1`,
      [subscriptionId],
    );
    expect(sub).toEqual({ price: approvedPrice, status: "active", request_status: "used", unit_status: "subscribed" });

    // 6. Finance records the deposit.
    const finance = await as("finance", `/payments/create?customer=${customerId}&subscription=${subscriptionId}&kind=deposit`);
    // The 定金 still due is filled in for her once the 认购 has loaded.
    await expect.poll(() => finance.getByTestId("payment-amount").inputValue(), { timeout: 60_000 }).toBe("50000.00");
    const receipt = receiptNo();
    await finance.getByTestId("receipt-no").fill(receipt);
    await admin.screenshot(finance, "finance-payment-create");
    await finance.getByTestId("submit-payment").click();
    await finance.waitForURL(/\/subscriptions\/show\//);
    await finance.getByTestId("subscription-received").getByText("¥50,000.00").waitFor();
    await finance.getByTestId("deal-payments").getByText(receipt).waitFor();
    await admin.screenshot(finance, "deals-subscription-show");
    const [deposit] = await sql<{ amount: string; kind: string }>(`select amount::text, kind from public.payments where receipt_no = $1`, [receipt]);
    expect(deposit).toEqual({ amount: "50000.00", kind: "deposit" });

    // 7. The contract, same price and terms, with a payment plan that must add up exactly.
    await consultant.goto(`/subscriptions/show/${subscriptionId}`);
    await consultant.getByTestId("to-contract").click();
    await consultant.waitForURL(/\/contracts\/create/);
    await consultant.getByTestId("plan-row-2").waitFor();
    const contractNo = `HT-${receipt}`;
    await consultant.getByTestId("contract-no").fill(contractNo);
    await consultant.getByTestId("plan-difference").getByText("✓ 与成交价一致").waitFor();
    await consultant.getByTestId("plan-amount-2").fill("2000000");
    await consultant.getByTestId("plan-difference").getByText(/^还差 ¥/).waitFor();
    expect(await consultant.getByTestId("submit-contract").isDisabled()).toBe(true);
    await admin.screenshot(consultant, "deals-contract-plan-unbalanced");
    await consultant.getByTestId("plan-fill").click();
    await consultant.getByTestId("plan-difference").getByText("✓ 与成交价一致").waitFor();
    await consultant.getByTestId("submit-contract").click();
    await consultant.waitForURL(/\/contracts\/show\//);
    const contractId = consultant.url().split("/").pop()!;
    await consultant.getByTestId("contract-status").getByText("审批中").waitFor();
    const [contract] = await sql<{ price: string; plan_total: string; approval_id: string }>(
      `select c.price::text, (select sum(amount) from public.payment_plan_items i where i.contract_id = c.id)::text as plan_total, c.approval_id
         from public.contracts c where c.id = $1`,
      [contractId],
    );
    expect(contract.price).toBe(approvedPrice);
    expect(contract.plan_total).toBe(approvedPrice);

    // 8. 销售经理 then 营销部长 approve the contract; the consultant signs it.
    await approve("manager", unit.label);
    await approve("director", unit.label, "同意签约");
    await team.qualify(subscriptionId);   // 购房资质审核 (its own browser test: qualifications.test.ts)
    await consultant.goto(`/contracts/show/${contractId}`);
    // 签约, then 网签备案: the registration number and date.
    await signAndRegister(consultant, `WQ-${contractNo}`);
    await admin.screenshot(consultant, "deals-contract-signed");
    const [signed] = await sql<{ status: string; unit_status: string; sub_status: string; registration_no: string }>(
      `select c.status, u.status::text as unit_status, s.status as sub_status, c.registration_no
         from public.contracts c join public.units u on u.id = c.unit_id join public.subscriptions s on s.id = c.subscription_id where c.id = $1`,
      [contractId],
    );
    expect(signed).toEqual({ status: "signed", unit_status: "signed", sub_status: "converted", registration_no: `WQ-${contractNo}` });

    // 9. The customer came through a channel report within protection: the commission appears.
    const [commission] = await sql<{ amount: string; status: string }>(
      `select amount::text, status from public.commissions where contract_id = $1`,
      [contractId],
    );
    expect(commission.status).toBe("computed");
    const expectedCommission = moneyText(new Decimal(approvedPrice).times("1.5").div(100));
    expect(commission.amount).toBe(expectedCommission);
    const channel = await as("channel", "/commissions");
    const row = channel.getByTestId("commissions-table").locator("tr", { hasText: contractNo });
    await row.getByText(agencyName).waitFor();
    await row.getByText(yuan(expectedCommission)).waitFor();
    await admin.screenshot(channel, "finance-commissions");

    // 10. The day's numbers: the team's project saw this one deal today, on the dashboard and in 日报.
    const office = await as("manager");
    const figure = async (page: typeof office, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? "").trim();
    await office.getByTestId("dash-today-subscriptions").waitFor();
    expect(await figure(office, "dash-today-subscriptions")).toBe("1");
    expect(await figure(office, "dash-today-contracts")).toBe("1");
    expect(await figure(office, "dash-today-subscription_amount")).toBe(yuan(approvedPrice));
    expect(await figure(office, "dash-today-contract_amount")).toBe(yuan(approvedPrice));
    await office.goto("/reports/daily");
    const consultantRow = office.getByTestId(`row-${team.people.consultant.name}`);
    await consultantRow.waitFor();
    const cell = async (key: string) => ((await consultantRow.getByTestId(`fig-${key}`).textContent()) ?? "").trim();
    expect(await cell("subscriptions")).toBe("1");
    expect(await cell("contracts")).toBe("1");
    expect(new Decimal((await cell("subscription_amount")).replace(/[¥,\s]/g, "")).toFixed(2)).toBe(new Decimal(approvedPrice).toFixed(2));
    await admin.screenshot(office, "journey-daily-report");
  }, 600_000);
});
