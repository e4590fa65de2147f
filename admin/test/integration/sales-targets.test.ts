import { formatYuan } from "@so/shared/money";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { createDealTeam, pageAs, type DealTeam, type Member } from "./support/deal-team.ts";

/**
 * 销售指标 in the admin: the manager sets the month's project target and a consultant's share; a
 * 认购 moves both lines; the consultant reads the project's line and their own and cannot edit.
 */
describe("销售指标 (admin)", () => {
  const admin = useAdminBrowser();
  let team: DealTeam;

  beforeAll(async () => {
    team = await createDealTeam("指标", admin);
  });
  const as = (who: Member, path?: string) => pageAs(admin, team, who, path);

  it("a manager sets targets, a 认购 counts toward them, the consultant sees their own line", { timeout: 180_000 }, async () => {
    const consultantId = team.people.consultant.id;
    const manager = await as("manager", "/reports/targets");
    const table = manager.getByTestId("targets-table");
    await table.getByText("项目合计").waitFor();
    await manager.getByTestId("subscriptions-project").getByText("未设定").waitFor();

    await manager.getByTestId("add-target").click();
    await manager.getByTestId("target-subscriptions").fill("10");
    await manager.getByTestId("target-subscription-amount").fill("30,000,000");
    await manager.getByTestId("save-target").click();
    await manager.getByTestId("subscriptions-project").getByText("/ 10").waitFor();

    await manager.getByTestId("add-target").click();
    await manager.getByTestId("target-staff").click();
    await manager.locator(".ant-select-dropdown").getByText(team.people.consultant.name, { exact: true }).click();
    await manager.getByTestId("target-subscriptions").fill("4");
    await manager.getByTestId("target-subscription-amount").fill("abc");
    await manager.getByTestId("save-target").click();
    await manager.getByText("请输入金额，最多两位小数").waitFor();
    await manager.getByTestId("target-subscription-amount").fill("12000000");
    await manager.getByTestId("save-target").click();
    await manager.getByTestId(`subscriptions-${consultantId}`).getByText("/ 4").waitFor();
    const targets = await sql<{ staff_id: string | null; subscriptions: number; subscription_amount: string }>(
      `select staff_id, subscriptions, subscription_amount::text from public.sales_targets where project_id = $1 order by staff_id nulls first`,
      [team.projectId],
    );
    expect(targets).toEqual([
      { staff_id: null, subscriptions: 10, subscription_amount: "30000000.00" },
      { staff_id: consultantId, subscriptions: 4, subscription_amount: "12000000.00" },
    ]);

    // A 认购 today: one of four for the consultant (25%), one of ten for the project.
    const customerId = await team.registerCustomer("周先生");
    const subscription = await team.subscribe(0, customerId);
    await manager.reload();
    const mine = manager.getByTestId(`subscriptions-${consultantId}`);
    await mine.getByText("25%").waitFor();
    await manager.getByTestId("subscriptions-project").getByText("10%").waitFor();
    await manager.getByTestId(`subscription_amount-${consultantId}`).getByText(formatYuan(String(subscription.price))).first().waitFor();
    await admin.screenshot(manager, "reports-sales-targets");

    // Last month is closed: nothing to edit.
    const [{ last }] = await sql<{ last: string }>(
      `select to_char(date_trunc('month', private.project_today($1)) - interval '1 month', 'YYYY-MM') as last`,
      [team.projectId],
    );
    const picker = manager.getByTestId("target-month");
    await picker.click();
    await picker.fill(last);
    await picker.press("Enter");
    await manager.getByTestId("subscriptions-project").getByText("未设定").waitFor();
    expect(await manager.getByTestId("add-target").count()).toBe(0);
    expect(await manager.getByTestId("edit-target-project").count()).toBe(0);

    const consultant = await as("consultant", "/reports/targets");
    await consultant.getByTestId("targets-table").getByText("项目合计").waitFor();
    await consultant.getByTestId(`subscriptions-${consultantId}`).getByText("25%").waitFor();
    expect(await consultant.getByTestId("add-target").count()).toBe(0);
    expect(await consultant.getByTestId("edit-target-project").count()).toBe(0);
  });
});
