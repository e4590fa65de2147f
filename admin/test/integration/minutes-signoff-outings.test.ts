import { describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { DEMO_PROJECT_ID } from "./support/users.ts";

describe("周例会纪要 会签 and 外出带看 in the admin", () => {
  const admin = useAdminBrowser();

  it("an attendee signs the minutes, the manager submits them (逾期)", { timeout: 180_000 }, async () => {
    // minutes of their own, long past: other tests generate this week's
    const [{ id }] = await sql<{ id: string }>(
      `insert into public.weekly_minutes (project_id, week_start, title, held_on, attendees, figures)
       select $1, w, '会签测试周例会', w + 4, '李经理、刘婷', private.week_figures($1, w)
         from (select (date_trunc('week', private.project_today($1)) - interval '30 weeks')::date w) x
       returning id`,
      [DEMO_PROJECT_ID],
    );
    const page = await admin.newPage();
    await admin.signInTo(page, `/weekly_minutes/show/${id}`, "consultant3");
    const card = page.getByTestId("minutes-signoff");
    await card.getByTestId("unsigned").getByText("刘婷").waitFor();
    await page.getByTestId("sign-minutes").click();
    await card.getByTestId("signed").getByText("刘婷").waitFor();
    await expect.poll(() => page.getByTestId("sign-minutes").count()).toBe(0);
    expect(await page.getByTestId("submit-minutes").count()).toBe(0);

    const manager = await admin.newPage();
    await admin.signInTo(manager, `/weekly_minutes/show/${id}`, "manager");
    await manager.getByTestId("submit-minutes").click();
    await manager.getByTestId("minutes-submission").getByText("逾期提交").waitFor();
    expect(await manager.getByTestId("minutes-submission").textContent()).toContain("李经理");
    await admin.screenshot(manager, "weekly-minutes-signoff");
  });

  it("a consultant reports an outing with a customer and marks it returned", { timeout: 180_000 }, async () => {
    const [c] = await sql<{ name: string }>(
      `select name from public.customers where project_id = $1 and owner_id = (select id from public.staff where email = 'consultant2@demo.local')
        order by created_at, id limit 1`,
      [DEMO_PROJECT_ID],
    );
    const page = await admin.newPage();
    await admin.signInTo(page, "/outings", "consultant2");
    await page.getByTestId("add-outing").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByTestId("customer-picker").locator("input").fill(c.name);
    await page.locator(".ant-select-item-option", { hasText: c.name }).first().click();
    await dialog.getByLabel("目的地").fill("工地");
    await dialog.getByRole("button", { name: /确\s*定|OK/ }).click();
    await dialog.waitFor({ state: "hidden" });
    const row = page.getByTestId("outings-table").locator("tr", { hasText: "工地" }).filter({ hasText: c.name }).first();
    await row.getByText("外出中").waitFor();
    await admin.screenshot(page, "outings");
    await row.getByRole("button", { name: /已返回/ }).click();
    await expect.poll(() => row.getByText("外出中").count()).toBe(0);
    const [{ n }] = await sql<{ n: number }>(
      `select count(*)::int n from public.outings o join public.customers c on c.id = o.customer_id
        where c.name = $1 and o.project_id = $2 and o.destination = '工地' and o.returned_at is not null`,
      [c.name, DEMO_PROJECT_ID],
    );
    expect(n).toBe(1);
  });
});
