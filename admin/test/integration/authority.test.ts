import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { createDealTeam, pageAs, type DealTeam, type Member } from "./support/deal-team.ts";

/**
 * Authority in the admin: a step nobody but the requester could decide went up a level and says
 * why (越级); a deep price cut waits as a price-change request (调价审批) on the price-list page,
 * the 销控表 and the approval page, and applies only when approved.
 */
describe("审批权限 authority (admin)", () => {
  const admin = useAdminBrowser();
  let team: DealTeam;

  beforeAll(async () => {
    team = await createDealTeam("权限", admin);
  });

  const as = (who: Member, path?: string) => pageAs(admin, team, who, path);

  it("the team's only 销售经理 asks for a discount: the step goes to the 营销部长, who sees why and decides", async () => {
    const unit = team.units[0];
    const customerId = await team.registerCustomer("越级客户", "manager");
    const price = (Number(unit.listPrice) * 0.99).toFixed(2);               // 1%: 销售经理 alone — the requester
    const request = await team.ok<{ approval_id: string }>("manager", "request_discount", {
      p_unit_id: unit.id, p_customer_id: customerId, p_policy_ids: [], p_requested_price: price, p_reason: "老业主推荐",
    });

    const director = await as("director", "/approvals");
    const row = director.getByTestId("inbox-table").locator("tr", { hasText: unit.label });
    await row.getByTestId("inbox-escalated").waitFor();
    await row.getByRole("button", { name: "去审批" }).click();
    await director.getByTestId("approval-escalation").getByText("可审批的销售经理只有申请人本人，上报营销部长审批").waitFor();
    await director.getByTestId("step-1-escalation").waitFor();
    await director.getByTestId("step-1").getByText("越级 · 原为销售经理").waitFor();
    await admin.screenshot(director, "approvals-escalated-step");
    await director.getByTestId("approve").click();
    await director.getByTestId("approval-status").getByText("已通过").waitFor();
    const [a] = await sql<{ status: string }>(`select status from public.approvals where id = $1`, [request.approval_id]);
    expect(a.status).toBe("approved");
  }, 300_000);

  it("a 10% cut by the 销售经理 waits as a price-change request, shown on the price list, the board and the approval", async () => {
    const unit = team.units[1];
    const newPrice = (Number(unit.listPrice) * 0.9).toFixed(2);
    const cut = await team.ok<{ applied: boolean; price_change_request: { approval_id: string } }>("manager", "set_unit_price", {
      p_unit_id: unit.id, p_list_price: newPrice, p_reason: "尾盘清货",
    });
    expect(cut.applied).toBe(false);
    const approvalId = cut.price_change_request.approval_id;

    const manager = await as("manager", "/price-list");
    const requestRow = manager.getByTestId("price-change-requests").locator("tr", { hasText: unit.label });
    await requestRow.getByText("审批中").waitFor();
    await requestRow.getByText("-10.00%").waitFor();
    await admin.screenshot(manager, "price-list-change-request");

    await manager.goto("/board");
    const cell = manager.locator(`[data-testid=board-cell][data-unit-id="${unit.id}"]`);
    await cell.getByTestId("board-cell-pending").getByText(/待批/).waitFor();
    await admin.screenshot(manager, "board-pending-price-change");

    const director = await as("director", `/approvals/${approvalId}`);
    await director.getByTestId("price-change-rows").getByText(unit.label).waitFor();
    await director.getByTestId("price-change-rows").getByText("-10.00%").waitFor();
    await admin.screenshot(director, "approvals-price-change");
    await director.getByTestId("approve").click();
    await director.getByTestId("step-1").getByText("同意").first().waitFor();
    // Still the old price until the 总经理 approves too.
    const price = async () => (await sql<{ list_price: string }>(`select list_price::text from public.units where id = $1`, [unit.id]))[0].list_price;
    expect(await price()).toBe(Number(unit.listPrice).toFixed(2));
    const [step] = await sql<{ id: string }>(`select id from public.approval_steps where approval_id = $1 and status = 'pending'`, [approvalId]);
    await team.ok("gm", "decide_approval", { p_step_id: step.id, p_decision: "approve" });
    expect(await price()).toBe(newPrice);
  }, 300_000);
});
