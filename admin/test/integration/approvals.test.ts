import { priceAfterPolicies } from "@so/shared/money";
import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { createDealTeam, currentStep, pageAs, pickOption, type DealTeam, type Member } from "./support/deal-team.ts";

/** 审批中心: rejecting with a reason, lapsed approvals, delegation (代批), and who sees what. */
describe("审批中心 approvals (admin)", () => {
  const admin = useAdminBrowser();
  let team: DealTeam;

  beforeAll(async () => {
    team = await createDealTeam("审批", admin);
  });

  const as = (who: Member, path?: string) => pageAs(admin, team, who, path);

  /** A discount request for unit i at `depth`% below 一次性付款98折, through the API. */
  async function requestDiscount(i: number, customerId: string, depth: string) {
    const after = priceAfterPolicies(team.units[i].listPrice, [{ name: "98折", kind: "factor", value: "0.98" }]).price;
    const price = new Decimal(after).times(new Decimal(100).minus(depth)).div(100).toDecimalPlaces(2).toFixed(2);
    await team.ok("consultant", "hold_unit", { p_unit_id: team.units[i].id, p_customer_id: customerId });
    return team.ok<{ id: string; approval_id: string }>("consultant", "request_discount", {
      p_unit_id: team.units[i].id,
      p_customer_id: customerId,
      p_policy_ids: [team.policies.full],
      p_requested_price: price,
      p_reason: "客户预算有限，希望再优惠一些",
    });
  }

  it("a rejection needs a comment, ends the request, and the consultant sees why", async () => {
    const unit = team.units[0];
    const customerId = await team.registerCustomer("钱女士");
    const request = await requestDiscount(0, customerId, "3");

    const manager = await as("manager", `/approvals/${request.approval_id}`);
    await manager.getByTestId("decide-panel").waitFor();
    // No comment: the database refuses, and its words appear on the comment field.
    await manager.getByTestId("reject").click();
    await manager.locator(".ant-form-item-explain-error", { hasText: "驳回时请填写原因" }).waitFor();
    expect((await currentStep(request.approval_id))?.seq).toBe(1);
    await manager.getByLabel("审批意见").fill("低于项目底价，不同意");
    await manager.getByTestId("reject").click();
    await manager.getByTestId("approval-status").getByText("已驳回").waitFor();
    await manager.getByTestId("step-1").getByText("意见：低于项目底价，不同意").waitFor();

    const steps = await sql<{ seq: number; status: string; comment: string | null }>(
      `select seq, status, comment from public.approval_steps where approval_id = $1 order by seq`,
      [request.approval_id],
    );
    expect(steps).toEqual([
      { seq: 1, status: "rejected", comment: "低于项目底价，不同意" },
      { seq: 2, status: "skipped", comment: null },
    ]);
    const [row] = await sql<{ status: string }>(`select status from public.discount_requests where id = $1`, [request.id]);
    expect(row.status).toBe("rejected");

    // The director never gets it; the consultant reads why, in the list and on the request.
    const director = await as("director", "/approvals");
    await director.getByTestId("inbox-table").getByText("暂无待您审批的申请").waitFor();
    const consultant = await as("consultant");
    // A consultant decides nothing: the 审批中心 opens on 我的申请, not on an always-empty inbox.
    await consultant.goto("/approvals");
    await consultant.getByRole("tab", { name: "我的申请", selected: true }).waitFor();
    const mine = consultant.getByTestId("requests-table").locator("tr", { hasText: unit.label });
    await mine.getByText("李经理驳回：低于项目底价，不同意").waitFor();
    await mine.getByRole("button", { name: /查\s*看/ }).click();
    await consultant.getByTestId("next-steps").getByText(/已被李经理驳回，申请结束。驳回原因：低于项目底价，不同意/).waitFor();
    await admin.screenshot(consultant, "approvals-rejected-requester");
  }, 300_000);

  it("a lapsed approval cannot be used for a subscription", async () => {
    const unit = team.units[1];
    const customerId = await team.registerCustomer("孙先生");
    const request = await requestDiscount(1, customerId, "1");
    await team.approveAll(request.approval_id);

    const consultant = await as("consultant", `/subscriptions/create?unit=${unit.id}&customer=${customerId}&request=${request.id}`);
    await consultant.getByTestId("buildup-check").getByText("价格已核对无误").waitFor();
    await consultant.getByTestId("payment-method").getByText("一次性付款").click();
    await consultant.getByTestId("deposit").fill("50000");
    // While the form is open, the approval's time runs out.
    await sql(`update public.approvals set lapses_at = now() - interval '1 minute' where id = $1`, [request.approval_id]);
    await consultant.getByTestId("submit-subscription").click();
    await consultant.getByTestId("db-error").getByText("该优惠审批不可用（不是此房源/客户的、未通过、已过期或已使用）").waitFor();
    expect(await sql(`select 1 from public.subscriptions where customer_id = $1`, [customerId])).toHaveLength(0);

    await consultant.goto("/discount_requests");
    await consultant.getByTestId("discount-requests-table").locator("tr", { hasText: unit.label }).getByText("已过期").waitFor();
    await consultant.goto(`/approvals/${request.approval_id}`);
    await consultant.getByTestId("approval-status").getByText("已过期").waitFor();
    await consultant.getByTestId("next-steps").getByText(/已超过有效期/).waitFor();
    await admin.screenshot(consultant, "approvals-lapsed");
  }, 300_000);

  it("delegation: the VP lets the GM decide for him, the trail says so, and he revokes it", async () => {
    // The delegate is another approver of the project who has not decided a step of the request
    // (the director, who decided step 2, could not also decide step 3 for the VP).
    const vp = await as("vp", "/approvals?tab=delegations");
    await vp.getByTestId("new-delegation").click();
    await pickOption(vp, "delegate-select", "郑总");
    await vp.getByLabel("备注").fill("出差期间由郑总代批");
    await vp.getByRole("dialog").getByRole("button", { name: "确认授权" }).click();
    const given = vp.getByTestId("delegations-table").locator("tr", { hasText: "我授权 郑总 代批" });
    await given.getByText("生效中").waitFor();
    await admin.screenshot(vp, "approvals-delegations");

    const unit = team.units[2];
    const customerId = await team.registerCustomer("周先生");
    const request = await requestDiscount(2, customerId, "6");
    for (const who of ["manager", "director"] as const) {
      const step = (await currentStep(request.approval_id))!;
      await team.ok(who, "decide_approval", { p_step_id: step.id, p_decision: "approve" });
    }
    expect((await currentStep(request.approval_id))?.role).toBe("vp");

    const gm = await as("gm", "/approvals");
    const row = gm.getByTestId("inbox-table").locator("tr", { hasText: unit.label });
    await row.getByText("代吴副总审批").waitFor();
    await row.getByRole("button", { name: "去审批" }).click();
    await gm.getByTestId("decide-panel").getByText("您正在代吴副总审批").waitFor();
    await gm.getByTestId("approve").click();
    await gm.getByTestId("approval-status").getByText("已通过").waitFor();
    await gm.getByTestId("step-3").getByText("（代吴副总审批）").waitFor();
    await admin.screenshot(gm, "approvals-detail-delegated");
    const [step3] = await sql<{ decided_by: string; on_behalf_of: string }>(
      `select decided_by, on_behalf_of from public.approval_steps where approval_id = $1 and seq = 3`,
      [request.approval_id],
    );
    expect(step3).toEqual({ decided_by: team.people.gm.id, on_behalf_of: team.people.vp.id });

    await vp.reload();
    await given.getByRole("button", { name: /撤\s*销/ }).click();
    await vp.locator(".ant-popconfirm").getByRole("button", { name: /确\s*定|OK/ }).click();
    await given.getByText("已撤销").waitFor();
    const [delegation] = await sql<{ revoked: boolean }>(
      `select revoked_at is not null as revoked from public.approval_delegations where delegator_id = $1`,
      [team.people.vp.id],
    );
    expect(delegation.revoked).toBe(true);
  }, 300_000);

  it("finance may not ask for discounts: no menu entry, and the page says 无权访问", async () => {
    const finance = await as("finance", "/discount_requests/create");
    await finance.getByText("无权访问").waitFor();
    const menu = finance.locator(".ant-layout-sider .ant-menu");
    // The sider opens the group of the page in view; a click on an open group would close it.
    const group = menu.locator("li.ant-menu-submenu", { has: finance.locator(".ant-menu-submenu-title", { hasText: /^审批$/ }) });
    if (!(await group.getAttribute("class"))?.includes("ant-menu-submenu-open")) await group.locator(".ant-menu-submenu-title").click();
    await menu.getByText("审批中心").waitFor();
    expect(await menu.getByText("特殊优惠").count()).toBe(0);
  }, 300_000);
});
