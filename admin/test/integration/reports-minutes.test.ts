import { describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { DEMO_PROJECT_ID } from "./support/users.ts";

describe("周例会纪要 weekly minutes", () => {
  const admin = useAdminBrowser();

  it("a manager generates this week's minutes, edits an item's agenda, decision and owner; after a reload they are kept", { timeout: 180_000 }, async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/weekly_minutes", "manager");
    await page.getByTestId("weekly-minutes-table").getByText("周例会纪要").first().waitFor();
    await admin.screenshot(page, "weekly-minutes-list");

    await page.getByTestId("generate-minutes").click();
    await page.getByRole("dialog").getByRole("button", { name: /生成例会纪要/ }).click();
    await page.waitForURL(/\/weekly_minutes\/show\//);
    const minutesId = page.url().split("/").pop()!;
    await page.getByTestId("item-1").waitFor();
    // Generated with the week's numbers: the first item reviews them, the numbers table shows them.
    expect(await page.getByTestId("item-1").textContent()).toContain("本周业绩回顾");
    await page.getByTestId("week-compare").waitFor();

    await page.getByTestId("item-edit-2").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("议题").fill("逾期追访客户清零，A类客户本周全部回访");
    await dialog.getByLabel("决议").fill("每天下班前在群里报备回访结果，经理抽查");
    await dialog.getByLabel("负责人").click();
    await page.keyboard.type("陈磊"); // other tests add people to the project: search, do not scroll
    await page.locator(".ant-select-dropdown:visible").getByText("陈磊", { exact: true }).click();
    await dialog.getByRole("button", { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByTestId("item-2").getByText("每天下班前在群里报备回访结果").waitFor();

    await page.getByTestId("add-item").click();
    await dialog.getByLabel("议题").fill("周末开盘加推准备");
    await dialog.getByLabel("决议").fill("周五前完成价格表和销控表复核");
    await dialog.getByRole("button", { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByTestId("item-5").getByText("周末开盘加推准备").waitFor();

    await page.reload();
    const item = page.getByTestId("item-2");
    await item.waitFor();
    expect(await item.textContent()).toContain("逾期追访客户清零，A类客户本周全部回访");
    expect(await item.textContent()).toContain("每天下班前在群里报备回访结果，经理抽查");
    expect(await item.getByTestId("item-owner").textContent()).toBe("陈磊");
    await page.getByTestId("item-5").waitFor();
    await admin.screenshot(page, "weekly-minutes-show");

    const rows = await sql<{ seq: number; topic: string; decision: string; owner: string }>(
      `select i.seq, i.topic, i.decision, s.name as owner
         from public.weekly_minute_items i left join public.staff s on s.id = i.owner_id
        where i.minutes_id = $1 order by i.seq`,
      [minutesId],
    );
    expect(rows.find((r) => r.seq === 2)).toMatchObject({ topic: "逾期追访客户清零，A类客户本周全部回访", owner: "陈磊" });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    const [minutes] = await sql<{ project_id: string; week_start: string }>(`select project_id, week_start::text from public.weekly_minutes where id = $1`, [minutesId]);
    expect(minutes.project_id).toBe(DEMO_PROJECT_ID);
  });

  it("a consultant reads the minutes but has nothing to edit", { timeout: 180_000 }, async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/weekly_minutes/show/cc030000-0000-4000-8000-000000000001", "consultant1");
    await page.getByTestId("item-1").waitFor();
    expect(await page.getByTestId("generate-minutes").count()).toBe(0);
    expect(await page.getByTestId("add-item").count()).toBe(0);
    expect(await page.getByTestId("item-edit-1").count()).toBe(0);
    expect(await page.getByTestId("edit-meeting").count()).toBe(0);
  });
});
