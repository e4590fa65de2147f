import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { settled, useAdminBrowser } from "./support/browser.ts";
import { createDealTeam, pageAs, type DealTeam, type Member } from "./support/deal-team.ts";

/** 认购 past its 签约期限: the manager extends it (with a reason) or starts 退房; 定金 before the contract. */
describe("签约期限 and 定金 on the subscription page (admin)", () => {
  const admin = useAdminBrowser();
  let team: DealTeam;

  beforeAll(async () => {
    team = await createDealTeam("延期", admin);
  });

  const as = (who: Member, path?: string) => pageAs(admin, team, who, path);

  it("offers 延期 to the manager only and 发起退房; no contract before the 定金", async () => {
    const customerId = await team.registerCustomer("周女士");
    const sub = await team.subscribe(2, customerId);
    await sql(`update public.subscriptions set contract_deadline = private.project_today(project_id) - 2 where id = $1`, [sub.id]);

    // The consultant: the overdue notice with 发起退房, no 延期; the contract waits for the 定金.
    const consultant = await as("consultant", `/subscriptions/show/${sub.id}`);
    await consultant.getByTestId("overdue-actions").getByText("已超过签约期限 2 天，房源仍被占用").waitFor();
    await consultant.getByTestId("overdue-cancel").waitFor();
    expect(await consultant.getByTestId("overdue-extend").count()).toBe(0);
    expect(await consultant.getByTestId("extend-deadline").count()).toBe(0);
    expect(await consultant.getByTestId("to-contract").isDisabled()).toBe(true);
    await consultant.close();

    // The manager extends it with a reason.
    const manager = await as("manager", `/subscriptions/show/${sub.id}`);
    await manager.getByTestId("overdue-extend").click();
    await settled(manager.getByRole("dialog"));
    await manager.getByTestId("extend-reason").fill("客户在外地出差，下周回来签约");
    await admin.screenshot(manager, "deals-subscription-extend-deadline");
    await manager.getByTestId("extend-submit").click();
    await manager.getByText(/签约期限已延至/).waitFor();
    await manager.getByTestId("overdue-actions").waitFor({ state: "detached" });
    const [row] = await sql<{ days: number }>(
      `select contract_deadline - private.project_today(project_id) as days from public.subscriptions where id = $1`,
      [sub.id],
    );
    expect(row.days).toBeGreaterThan(0);
    const [audit] = await sql<{ actor: string; reason: string }>(
      `select actor, after ->> 'reason' as reason from public.audit_log where table_name = 'subscriptions' and record_id = $1 and action = 'subscription.extend_deadline'`,
      [sub.id],
    );
    expect(audit).toEqual({ actor: team.people.manager.id, reason: "客户在外地出差，下周回来签约" });
    await manager.close();

    // Once finance has the 定金, the contract can be drafted.
    await team.pay(customerId, sub.id, "50000");
    const again = await as("consultant", `/subscriptions/show/${sub.id}`);
    await again.getByTestId("subscription-received").getByText("¥50,000.00").waitFor();
    expect(await again.getByTestId("to-contract").isDisabled()).toBe(false);
    await again.close();
  }, 300_000);
});
