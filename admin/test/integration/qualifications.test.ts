import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { createDealTeam, pageAs, receiptNo, type DealTeam, type Member } from "./support/deal-team.ts";

/**
 * 购房资质审核 in the admin: an approved contract cannot be signed while the check is open (the
 * contract page says what is missing, the database refuses); the consultant records the papers,
 * finance finds the 认购 in 资质审核 and passes it; then the contract is signed.
 */
describe("购房资质审核 (admin)", () => {
  const admin = useAdminBrowser();
  let team: DealTeam;
  beforeAll(async () => {
    team = await createDealTeam("资质", admin, { unitCount: 2 });
  });
  const as = (who: Member, path?: string) => pageAs(admin, team, who, path);

  it("资质审核 completed by finance, then the contract is signed", { timeout: 300_000 }, async () => {
    const customerId = await team.registerCustomer("钱女士");
    const sub = await team.subscribe(0, customerId);
    await team.pay(customerId, sub.id, "50000");
    const contract = await team.ok<{ id: string; approval_id: string }>("consultant", "create_contract", {
      p_subscription_id: sub.id,
      p_contract_no: `HT-${receiptNo()}`,
      p_plan: [{ seq: 1, due_date: "2026-12-31", amount: String(sub.price), kind: "installment" }],
    });
    await team.approveAll(contract.approval_id);

    // The consultant: the contract page says what is missing; signing is refused in Chinese.
    const consultant = await as("consultant", `/contracts/show/${contract.id}`);
    await consultant.getByTestId("qualification-alert").getByText("尚缺：限购条件、身份证、户口本、婚姻证明").waitFor();
    await consultant.getByTestId("sign").click();
    await consultant.getByRole("dialog").getByRole("button", { name: /签\s*约/ }).click();
    await consultant.getByRole("dialog").getByText(/购房资质尚未审核通过，不能签约/).waitFor();
    await consultant.getByRole("dialog").getByRole("button", { name: /取\s*消/ }).click();

    // The consultant records the facts and the papers brought; no decision buttons for them.
    await consultant.goto(`/subscriptions/show/${sub.id}`);
    const card = consultant.getByTestId("qualification-card");
    await card.getByTestId("q-hukou").getByText("是").click();
    await card.getByTestId("q-months").fill("36");
    await card.getByTestId("q-homes").fill("0");
    for (const paper of ["身份证", "户口本", "婚姻证明"]) await card.getByTestId("q-documents").getByText(paper).click();
    expect(await card.getByTestId("q-eligible").count()).toBe(0);
    await card.getByTestId("q-save").click();
    await card.getByTestId("qualification-alert").getByText("资料已齐，待财务或销售经理审核").waitFor();

    // Finance: the 认购 is in the list awaiting a check; open it and pass it.
    const finance = await as("finance", "/purchase-qualifications");
    const row = finance.getByTestId("qualification-queue").locator("tr", { hasText: "钱女士" });
    await row.getByText("待核").waitFor();
    await admin.screenshot(finance, "qualifications-queue");
    await row.getByTestId("q-open").click();
    await finance.waitForURL(/\/subscriptions\/show\//);
    const financeCard = finance.getByTestId("qualification-card");
    await expect.poll(() => financeCard.getByTestId("q-months").inputValue(), { timeout: 60_000 }).toBe("36");
    await financeCard.getByTestId("q-eligible").click();
    await financeCard.getByTestId("qualification-result").getByText("符合").waitFor();
    await financeCard.getByTestId("qualification-checked").getByText(/赵会计 于/).waitFor();
    await admin.screenshot(finance, "qualifications-passed");

    // The consultant signs.
    await consultant.goto(`/contracts/show/${contract.id}`);
    await consultant.getByTestId("contract-status").getByText("待签约").waitFor();
    expect(await consultant.getByTestId("qualification-alert").count()).toBe(0);
    await consultant.getByTestId("sign").click();
    await consultant.getByRole("dialog").getByRole("button", { name: /签\s*约/ }).click();
    await consultant.getByTestId("contract-status").getByText("已签约").waitFor();
    const [state] = await sql(
      `select q.result, q.checked_by = $2 as by_finance, c.status from public.purchase_qualifications q
         join public.contracts c on c.subscription_id = q.subscription_id where c.id = $1`,
      [contract.id, team.people.finance.id],
    );
    expect(state).toEqual({ result: "eligible", by_finance: true, status: "signed" });
  });
});
