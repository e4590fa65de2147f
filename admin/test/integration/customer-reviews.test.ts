import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { createDealTeam, pageAs, type DealTeam, type Member } from "./support/deal-team.ts";

/**
 * 客户分析会 in the admin: the manager sees the customers the consultants received today, judges
 * one (grade A, advice, a deadline three days ahead) and releases another to the pool with a
 * reason; the consultant is told, and cannot open the meeting's page.
 */
describe("客户分析会 (admin)", () => {
  const admin = useAdminBrowser();
  let team: DealTeam;

  beforeAll(async () => {
    team = await createDealTeam("分析会", admin);
  });
  const as = (who: Member, path?: string) => pageAs(admin, team, who, path);
  const visitToday = (customerId: string, notes: string) =>
    sql(`insert into public.visits (project_id, customer_id, consultant_id, is_first, notes) values ($1, $2, $3, true, $4)`, [
      team.projectId, customerId, team.people.consultant.id, notes,
    ]);

  it("the manager reviews today's customers: a grade and a deadline for one, the pool for the other", { timeout: 180_000 }, async () => {
    const kept = await team.registerCustomer("王先生");
    const released = await team.registerCustomer("刘女士");
    await visitToday(kept, "看了样板间，嫌总价高");
    await visitToday(released, "只是路过，已在别处买房");

    const manager = await as("manager", "/customer-reviews");
    const queue = manager.getByTestId("review-queue");
    await queue.getByText("王先生").waitFor();
    await queue.getByText("刘女士").waitFor();
    expect(await queue.getByText("今日来访 1 次").count()).toBe(2);
    await queue.getByText("来访：看了样板间，嫌总价高").waitFor();
    await manager.getByTestId("reviews-waiting").getByText("2").waitFor();
    await admin.screenshot(manager, "customer-reviews-list");

    // 王先生: intent A, advice, the deadline the drawer proposes (three days ahead).
    await manager.getByTestId(`review-${kept}`).click();
    await manager.getByTestId("review-grade").getByText("A 一个月内").click();
    await manager.getByTestId("review-advice").fill("强调首付分期，周五前约二次到访");
    await admin.screenshot(manager, "customer-reviews-drawer");
    await manager.getByTestId("submit-review").click();
    await manager.getByText("已保存对 王先生 的评估，已通知顾问").waitFor();
    await manager.getByTestId(`review-${kept}`).getByText("修改评估").waitFor();
    await manager.getByTestId("reviews-waiting").getByText("1").waitFor();
    const [review] = await sql<{ grade: string; decision: string; advice: string; days: number }>(
      `select grade, decision, advice, (next_contact_by - private.project_today(project_id)) as days
         from public.customer_reviews where customer_id = $1`,
      [kept],
    );
    expect(review).toEqual({ grade: "A", decision: "keep", advice: "强调首付分期，周五前约二次到访", days: 3 });

    // 刘女士: released — the reason is asked for first.
    await manager.getByTestId(`review-${released}`).click();
    await manager.getByTestId("review-grade").getByText("D 无意向").click();
    await manager.getByTestId("review-decision").getByText("放弃追访（释放到公客池）").click();
    await manager.getByTestId("submit-review").click();
    await manager.getByText("请说明放弃追访的原因").waitFor();
    await manager.getByTestId("review-reason").fill("已在别处购房");
    await manager.getByTestId("submit-review").click();
    await manager.getByText("已放弃追访 刘女士，客户进入公客池").waitFor();
    await manager.getByTestId("reviews-waiting").getByText("0").waitFor();
    // still listed under the consultant who had her, now in the pool
    await queue.locator("tr", { hasText: "刘女士" }).getByText("王置业").waitFor();
    await queue.locator("tr", { hasText: "刘女士" }).getByText("公客池").waitFor();
    await admin.screenshot(manager, "customer-reviews-done");
    expect((await sql(`select owner_id, grade from public.customers where id = $1`, [released]))[0]).toEqual({ owner_id: null, grade: "D" });

    const told = await sql<{ customer: string; decision: string }>(
      `select payload->>'customer_name' as customer, payload->>'decision' as decision from public.notifications
        where recipient_id = $1 and kind = 'customer_review' order by id`,
      [team.people.consultant.id],
    );
    expect(told).toEqual([
      { customer: "王先生", decision: "keep" },
      { customer: "刘女士", decision: "release" },
    ]);

    const consultant = await as("consultant", "/customer-reviews");
    await consultant.getByText("无权访问").waitFor();
  });
});
