import { beforeAll, describe, expect, it } from "vitest";
import { priceAfterPolicies } from "@so/shared/money";
import Decimal from "decimal.js";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { createDealTeam, pageAs, type DealTeam } from "./support/deal-team.ts";

/**
 * 通知中心 and menu badges: work finds its approver inside the admin, with no chat app bound —
 * the bell's count, the 审批中心 badge, opening the request from the list, mark all read.
 */
describe("通知中心 notification centre (admin)", () => {
  const admin = useAdminBrowser();
  let team: DealTeam;

  beforeAll(async () => {
    team = await createDealTeam("通知", admin);
  });

  const badgeCount = (page: import("playwright-core").Page, testId: string) =>
    page.getByTestId(testId).first().locator(".ant-badge-count");

  it("an approval arrives: badge and bell count for the approver, the item opens the request, mark all read clears it", async () => {
    const manager = await pageAs(admin, team, "manager");
    await team.ok("manager", "mark_notifications_read", { p_project_id: team.projectId });
    await manager.reload();
    await manager.getByTestId("notification-bell").waitFor();
    expect(await badgeCount(manager, "bell-count").count()).toBe(0);

    // The consultant asks for a 1% special discount (chain: 销售经理 only), through the API.
    const customerId = await team.registerCustomer("孙先生");
    const after = priceAfterPolicies(team.units[0].listPrice, [{ name: "98折", kind: "factor", value: "0.98" }]).price;
    await team.ok("consultant", "hold_unit", { p_unit_id: team.units[0].id, p_customer_id: customerId });
    const request = await team.ok<{ approval_id: string }>("consultant", "request_discount", {
      p_unit_id: team.units[0].id, p_customer_id: customerId, p_policy_ids: [team.policies.full],
      p_requested_price: new Decimal(after).times("0.99").toDecimalPlaces(2).toFixed(2), p_reason: "客户诚意足，请求1%特批",
    });
    // Nobody in the team is bound to Telegram: the bot never delivered it.
    const rows = await sql<{ status: string }>(
      `select status from public.notifications where recipient_id = $1 and kind = 'approval_waiting' and payload ->> 'approval_id' = $2`,
      [team.people.manager.id, request.approval_id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].status).not.toBe("sent");

    const counts = await team.ok<{ approvals: number; unread_notifications: number }>("manager", "my_counts", { p_project_id: team.projectId });
    expect(counts).toMatchObject({ approvals: 1, unread_notifications: 1 });
    await manager.reload();
    await badgeCount(manager, "bell-count").filter({ hasText: "1" }).waitFor();
    await badgeCount(manager, "menu-badge-approvals").filter({ hasText: "1" }).waitFor();
    await manager.getByTestId("workbench-todo").waitFor();
    await manager.locator('[data-testid="todo-approvals"][data-count="1"]').waitFor();
    await admin.screenshot(manager, "notification-centre-badges");

    // The consultant has nothing waiting to approve.
    const consultant = await pageAs(admin, team, "consultant");
    await consultant.getByTestId("notification-bell").waitFor();
    await consultant.locator('[data-testid="todo-decisions_unread"][data-count="0"]').waitFor();
    expect(await consultant.getByTestId("todo-approvals").count()).toBe(0);
    expect(await badgeCount(consultant, "menu-badge-approvals").count()).toBe(0);

    await manager.getByTestId("notification-bell").click();
    const item = manager.getByTestId("notification-item").filter({ hasText: "待您审批" });
    await item.filter({ hasText: team.units[0].label }).waitFor();
    await admin.screenshot(manager, "notification-centre-drawer");
    await item.first().click();
    await manager.waitForURL(`**/approvals/${request.approval_id}`);
    await manager.getByTestId("decide-panel").waitFor();
    await badgeCount(manager, "bell-count").waitFor({ state: "detached" });
    const [read] = await sql<{ read_at: Date | null; status: string }>(
      `select read_at, status from public.notifications where recipient_id = $1 and kind = 'approval_waiting' and payload ->> 'approval_id' = $2`,
      [team.people.manager.id, request.approval_id],
    );
    expect(read.read_at).not.toBeNull();
    expect(read.status).toBe(rows[0].status); // reading in the admin is not the bot's delivery

    // The manager approves: the consultant's bell shows the decision; 全部已读 clears it.
    await manager.getByTestId("approve").click();
    await manager.getByTestId("approval-status").getByText("已通过").waitFor();
    await badgeCount(manager, "menu-badge-approvals").waitFor({ state: "detached" });
    await consultant.reload();
    await badgeCount(consultant, "bell-count").waitFor();
    await consultant.locator('[data-testid="todo-decisions_unread"][data-count="1"]').waitFor();
    await consultant.getByTestId("notification-bell").click();
    await consultant.getByTestId("notification-item").filter({ hasText: "审批结果" }).first().waitFor();
    await consultant.getByTestId("mark-all-read").click();
    await badgeCount(consultant, "bell-count").waitFor({ state: "detached" });
    expect(await consultant.locator('[data-testid="notification-item"][data-read="false"]').count()).toBe(0);
    await consultant.locator('[data-testid="todo-decisions_unread"][data-count="0"]').waitFor();
    await admin.screenshot(consultant, "notification-centre-all-read");
    expect((await team.ok("consultant", "my_counts", { p_project_id: team.projectId })).unread_notifications).toBe(0);
  }, 300_000);
});
