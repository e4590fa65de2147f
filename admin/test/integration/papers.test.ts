import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { createDealTeam, pageAs, receiptNo, type DealTeam, type Member } from "./support/deal-team.ts";

const DEVELOPER = "杭州云栖置业有限公司";
const PERMIT = "杭售许字（2026）第000123号";
// A valid 身份证 (check character X); the printout shows it in full, lists never do.
const ID_NO = "11010519491231002X";

/** Papers people can use: the 认购书's two copies, the 收款收据, the generated contract number. */
describe("单据 papers (admin)", () => {
  const admin = useAdminBrowser();
  let team: DealTeam;

  beforeAll(async () => {
    team = await createDealTeam("单据", admin);
    // What an admin enters in the project form (开发商名称, 预售许可证号, 合同编号规则).
    await sql(
      `update public.projects set developer_name = $2, presale_permit_no = $3, developer_address = '杭州市西湖区云栖路88号',
              contract_no_pattern = '{code}-{yyyy}-{seq:4}' where id = $1`,
      [team.projectId, DEVELOPER, PERMIT],
    );
  });

  const as = (who: Member, path?: string) => pageAs(admin, team, who, path);

  it("prints the 认购书's customer copy without the approval details, the office copy with them", async () => {
    const unit = team.units[0];
    const customerId = await team.registerCustomer("冯先生");
    await team.ok("consultant", "set_customer_id_document", { p_customer_id: customerId, p_id_type: "id_card", p_id_no: ID_NO });
    const b = await team.ok<{ price_after_policies: string }>("consultant", "price_buildup", {
      p_unit_id: unit.id, p_policy_ids: [team.policies.full], p_payment_method: "full",
    });
    const request = await team.ok<{ id: string; approval_id: string }>("consultant", "request_discount", {
      p_unit_id: unit.id, p_customer_id: customerId, p_policy_ids: [team.policies.full], p_payment_method: "full",
      p_requested_price: new Decimal(b.price_after_policies).minus(10000).toFixed(2), p_reason: "老业主介绍，经理同意让利",
    });
    await team.approveAll(request.approval_id);
    const sub = await team.ok<{ id: string }>("consultant", "create_subscription", {
      p_unit_id: unit.id, p_customer_id: customerId, p_payment_method: "full", p_policy_ids: [team.policies.full],
      p_discount_request_id: request.id, p_deposit_due: "50000",
    });

    const consultant = await as("consultant", `/subscriptions/print/${sub.id}`);
    const form = consultant.getByTestId("subscription-form");
    await form.getByTestId("seller").getByText(DEVELOPER).waitFor();
    await form.getByText(PERMIT).waitFor();
    await form.getByTestId("buyer-id-no").getByText(ID_NO).waitFor();
    await form.getByText("客户联").waitFor();
    await form.getByText("特殊优惠").waitFor();
    const text = await form.innerText();
    expect(text).not.toContain("经审批");
    expect(text).not.toContain("老业主介绍");
    expect(text).not.toContain("开发单位");
    await consultant.setViewportSize({ width: 1280, height: 900 });
    await admin.screenshot(consultant, "papers-subscription-customer-copy");

    await consultant.getByTestId("print-copy").getByText("存档联").click();
    await form.getByText("存档联").waitFor();
    await form.getByTestId("special-discount-note").getByText(/经审批，幅度 .*%（申请理由：老业主介绍，经理同意让利）/).waitFor();
    await admin.screenshot(consultant, "papers-subscription-office-copy");
  }, 300_000);

  it("prints a 收款收据 after finance records a 收款", async () => {
    const customerId = await team.registerCustomer("韦女士");
    const sub = await team.subscribe(1, customerId);
    const finance = await as("finance");
    const receipt = receiptNo();
    await finance.goto(`/payments/create?customer=${customerId}&subscription=${sub.id}&kind=deposit&back=/payments`);
    await expect.poll(() => finance.getByTestId("payment-amount").inputValue(), { timeout: 60_000 }).toBe("50000.00");
    await finance.getByTestId("receipt-no").fill(receipt);
    await finance.getByTestId("submit-payment").click();
    await finance.waitForURL(/\/payments$/);
    await finance.getByTestId(`receipt-${receipt}`).click();
    await finance.waitForURL(/\/payments\/receipt\//);
    const paper = finance.getByTestId("payment-receipt");
    await paper.getByTestId("receipt-number").getByText(receipt).waitFor();
    await paper.getByTestId("receipt-payer").getByText("韦女士").waitFor();
    await paper.getByTestId("receipt-amount").getByText("¥50,000.00").waitFor();
    await paper.getByTestId("receipt-capital").getByText("人民币伍万元整").waitFor();
    await paper.getByTestId("receipt-payee").getByText(DEVELOPER).waitFor();
    await paper.getByText("定金").first().waitFor();
    await paper.getByText("银行转账").or(paper.getByText("POS刷卡")).first().waitFor();
    await paper.getByText("财务（签字）").waitFor();
    await finance.setViewportSize({ width: 1280, height: 900 });
    await admin.screenshot(finance, "papers-payment-receipt");
  }, 300_000);

  it("a 收款 left without a receipt number gets the next of the project's pattern, shown on the form and the receipt", async () => {
    // What an admin sets under 项目设置 → 收据编号规则.
    await sql(`update public.projects set receipt_no_pattern = 'SJ-{yyyy}{mm}-{seq:5}' where id = $1`, [team.projectId]);
    const customerId = await team.registerCustomer("卜女士");
    const sub = await team.subscribe(3, customerId);
    const expected = await team.ok<string>("finance", "suggest_receipt_no", { p_project_id: team.projectId });
    expect(expected).toMatch(/^SJ-\d{6}-\d{5}$/);
    const finance = await as("finance", `/payments/create?customer=${customerId}&subscription=${sub.id}&kind=deposit&back=/payments`);
    await expect.poll(() => finance.getByTestId("payment-amount").inputValue(), { timeout: 60_000 }).toBe("50000.00");
    expect(await finance.getByTestId("receipt-no").getAttribute("placeholder")).toBe("留空自动生成");
    await finance.getByText(`留空自动生成（下一个：${expected}）`, { exact: false }).waitFor();
    await finance.setViewportSize({ width: 1280, height: 900 });
    await admin.screenshot(finance, "papers-receipt-number-form");
    await finance.getByTestId("submit-payment").click();
    await finance.getByText(`收款已登记，收据编号 ${expected}`).waitFor();
    await finance.waitForURL(/\/payments$/);
    await finance.getByTestId(`receipt-${expected}`).click();
    await finance.getByTestId("payment-receipt").getByTestId("receipt-number").getByText(expected).waitFor();
    const [row] = await sql<{ receipt_no: string }>(`select receipt_no from public.payments where subscription_id = $1`, [sub.id]);
    expect(row.receipt_no).toBe(expected);
  }, 300_000);

  it("the contract form shows the generated number and the contract gets it", async () => {
    const customerId = await team.registerCustomer("蒋先生");
    const sub = await team.subscribe(2, customerId);
    await team.pay(customerId, sub.id, "50000");
    const expected = await team.ok<string>("consultant", "suggest_contract_no", { p_project_id: team.projectId });
    expect(expected).toMatch(/-\d{4}-\d{4}$/);

    const consultant = await as("consultant", `/contracts/create?subscription=${sub.id}`);
    await expect.poll(() => consultant.getByTestId("contract-no").inputValue(), { timeout: 60_000 }).toBe(expected);
    await consultant.getByTestId("plan-difference").getByText("✓ 与成交价一致").waitFor();
    // Plan amounts with thousands separators.
    expect(await consultant.getByTestId("plan-amount-1").inputValue()).toBe("50,000.00");
    await consultant.setViewportSize({ width: 1440, height: 900 });
    await admin.screenshot(consultant, "papers-contract-number");
    await consultant.getByTestId("submit-contract").click();
    await consultant.waitForURL(/\/contracts\/show\//);
    const [row] = await sql<{ contract_no: string }>(`select contract_no from public.contracts where subscription_id = $1`, [sub.id]);
    expect(row.contract_no).toBe(expected);
  }, 300_000);

  it("the registration form takes the ID: a wrong 身份证 is refused on its field and nothing is registered; a right one is saved, masked in lists", async () => {
    const phone = `165${Date.now().toString().slice(-8)}`;
    const consultant = await as("consultant", "/customers/create");
    await consultant.getByLabel("姓名").fill("沈女士");
    await consultant.getByLabel("手机号").fill(phone);
    await consultant.getByText(/选填。身份证18位/).waitFor();
    await consultant.getByTestId("register-id-no").fill("110105194912310021");
    await consultant.getByRole("button", { name: /登\s*记/ }).click();
    await consultant.getByText("身份证号码校验不通过，请核对出生日期和校验位").waitFor();
    expect(await sql(`select 1 from public.customers where phone = $1`, [phone])).toEqual([]);
    await consultant.getByTestId("register-id-no").fill(ID_NO.toLowerCase());
    await consultant.setViewportSize({ width: 1440, height: 900 });
    await admin.screenshot(consultant, "papers-register-with-id");
    await consultant.getByRole("button", { name: /登\s*记/ }).click();
    await consultant.getByTestId("register-outcome").waitFor();
    await consultant.getByTestId("id-saved").getByText("证件已登记：1101**********002X").waitFor();
    const [row] = await sql<{ id_type: string; id_no_masked: string; full: string }>(
      `select c.id_type, c.id_no_masked, d.id_no as full from public.customers c join private.customer_id_documents d on d.customer_id = c.id
        where c.project_id = $1 and c.phone = $2`,
      [team.projectId, phone],
    );
    expect(row).toEqual({ id_type: "id_card", id_no_masked: "1101**********002X", full: ID_NO });
    await consultant.goto("/customers");
    await consultant.getByText("沈女士").first().waitFor();
    expect(await consultant.getByText(ID_NO).count()).toBe(0);
  }, 300_000);

  it("the customer page records the ID, lists show it masked, the full number only on request", async () => {
    const customerId = await team.registerCustomer("魏先生");
    const consultant = await as("consultant", `/customers/show/${customerId}`);
    const card = consultant.getByTestId("customer-id-document");
    await card.getByText("未登记").waitFor();
    await card.getByTestId("edit-id-document").click();
    const dialog = consultant.getByRole("dialog");
    await dialog.getByTestId("id-no").fill("110105194912310021");
    await dialog.getByRole("button", { name: "保存证件" }).click();
    await dialog.getByText(/校验不通过/).waitFor();
    await dialog.getByTestId("id-no").fill(ID_NO.toLowerCase());
    await dialog.getByRole("button", { name: "保存证件" }).click();
    await dialog.waitFor({ state: "detached" });
    await card.getByTestId("customer-id-no").getByText("1101**********002X").waitFor();
    await card.getByTestId("reveal-id-no").click();
    await card.getByTestId("customer-id-no").getByText(ID_NO).waitFor();
    await consultant.setViewportSize({ width: 1440, height: 900 });
    await admin.screenshot(consultant, "papers-customer-id");

    await consultant.goto("/customers");
    await consultant.getByText("1101**********002X").first().waitFor();
    expect(await consultant.getByText(ID_NO).count()).toBe(0);
  }, 300_000);
});
