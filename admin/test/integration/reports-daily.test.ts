import { describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { demoUserId } from "../../../supabase/seed/accounts.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { DEMO_PROJECT_ID } from "./support/users.ts";

describe("日报 daily report by role", () => {
  const admin = useAdminBrowser();

  it("a consultant's 日报 shows only their own row, with their own numbers", { timeout: 180_000 }, async () => {
    const me = demoUserId("consultant1@demo.local");
    const [expected] = await sql<{ visits: string; calls: string; new_customers: string }>(
      `with d as (select (now() at time zone 'Asia/Shanghai')::date as day)
       select (select count(*) from public.visits v, d where v.project_id = $1 and v.consultant_id = $2
                 and (v.visited_at at time zone 'Asia/Shanghai')::date = d.day)::text as visits,
              (select count(*) from public.calls c, d where c.project_id = $1 and c.consultant_id = $2
                 and (c.called_at at time zone 'Asia/Shanghai')::date = d.day)::text as calls,
              (select count(*) from public.customers c, d where c.project_id = $1 and c.created_by = $2
                 and (c.created_at at time zone 'Asia/Shanghai')::date = d.day)::text as new_customers`,
      [DEMO_PROJECT_ID, me],
    );

    const page = await admin.newPage();
    await admin.signInTo(page, "/reports/daily", "consultant1");
    const table = page.getByTestId("daily-report-table");
    await table.getByTestId("row-王芳").waitFor();
    expect(await table.locator("tbody tr.ant-table-row").count()).toBe(1);
    expect(await page.getByTestId("row-office").count()).toBe(0);
    expect(await table.getByText("陈磊").count()).toBe(0);
    await page.getByText("仅显示您本人的数据").waitFor();
    const row = table.getByTestId("row-王芳");
    expect(await row.getByTestId("fig-visits").textContent()).toBe(expected.visits);
    expect(await row.getByTestId("fig-calls").textContent()).toBe(expected.calls);
    expect(await row.getByTestId("fig-new_customers").textContent()).toBe(expected.new_customers);
    // The monthly analysis is not theirs to open: no menu entry.
    expect(await page.getByRole("menuitem", { name: "月度分析" }).count()).toBe(0);
    await admin.screenshot(page, "daily-report-consultant");
  });

  it("finance sees every consultant's money, not their visits and calls", { timeout: 180_000 }, async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/reports/daily", "finance");
    const table = page.getByTestId("daily-report-table");
    await table.getByTestId("row-王芳").waitFor();
    await page.getByTestId("row-office").waitFor();
    expect(await table.getByRole("columnheader", { name: "收款" }).count()).toBe(1);
    expect(await table.getByRole("columnheader", { name: "来访" }).count()).toBe(0);
    expect(await page.getByTestId("daily-office-visits").count()).toBe(0);
    await admin.screenshot(page, "daily-report-finance");
  });
});
