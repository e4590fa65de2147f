import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { STATUS_COLORS, type UnitStatus } from "../../src/components/inventory/unit-status.ts";
import { building, customer, newProject, PASSWORD, person, setStatus, units, viewShot, type Person } from "./inventory-fixtures.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { DEMO_PROJECT_ID } from "./support/users.ts";

/** 销控表: colours from the database's statuses, holding from the board, the race, the print view. */

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

describe("销控表 board", () => {
  const admin = useAdminBrowser();
  let project: { id: string; name: string };
  let manager: Person, consultant1: Person, consultant2: Person;
  let a: Map<string, string>, b: Map<string, string>;
  let customer1: string, customer2: string;

  beforeAll(async () => {
    project = await newProject("销控测试苑");
    [manager, consultant1, consultant2] = await Promise.all([
      person(project.id, "sales_manager", "销控经理"),
      person(project.id, "consultant", "顾问甲"),
      person(project.id, "consultant", "顾问乙"),
    ]);
    const [aId, bId] = await Promise.all([building(project.id, "A", 4, 1), building(project.id, "B", 2, 2)]);
    a = await units(project.id, aId, 4, 3); // 12 units: 101…403
    b = await units(project.id, bId, 2, 2); // 4 units
    await setStatus(a.get("102")!, "held", manager);
    await setStatus(a.get("103")!, "subscribed");
    await setStatus(a.get("201")!, "signed");
    await setStatus(a.get("202")!, "withheld");
    await setStatus(a.get("203")!, "held", manager, -5); // lapsed five minutes ago: available
    customer1 = await customer(project.id, consultant1, "甲客户");
    customer2 = await customer(project.id, consultant2, "乙客户");
  });

  const openBoard = async (who: Person) => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/board", who.email, PASSWORD);
    await page.locator("[data-testid=board-cell]").nth(15).waitFor();
    return page;
  };
  const cell = (page: Page, unitId: string) => page.locator(`[data-unit-id="${unitId}"]`);

  it("opened by URL, shows the project in use even when the browser last had another one", async () => {
    const page = await admin.newPage();
    await admin.signIn(page, consultant1.email, PASSWORD);
    // A project this consultant is not in (the demo project), as if left by someone else on this browser.
    await page.evaluate((id) => window.localStorage.setItem("so.projectInUse", id), DEMO_PROJECT_ID);
    await page.goto("/board");
    await page.locator("[data-testid=board-cell]").nth(15).waitFor();
    expect(await page.locator("[data-testid=board-cell]").count()).toBe(16);
    await expect.poll(() => page.getByRole("heading", { level: 3 }).innerText()).toContain(project.name);
    expect(await page.evaluate(() => window.localStorage.getItem("so.projectInUse"))).toBe(project.id);
  });

  it("opened by URL, asks the database for the board once: the page takes over the request made at start-up", async () => {
    const page = await admin.newPage();
    await admin.signIn(page, consultant1.email, PASSWORD);
    await page.evaluate((id) => window.localStorage.setItem("so.projectInUse", id), project.id);
    const requests: string[] = [];
    page.on("request", (request) => request.url().includes("/rpc/sales_board") && requests.push(request.url()));
    await page.goto("/board");
    await page.locator("[data-testid=board-cell]").nth(15).waitFor();
    expect(requests).toHaveLength(1);
  });

  it("colours every cell by the unit's effective status, with a legend of counts and the sales rate", async () => {
    const page = await openBoard(manager);
    expect(await page.locator("[data-testid=board-cell]").count()).toBe(16);
    const expected: [string, UnitStatus][] = [
      [a.get("101")!, "available"],
      [a.get("102")!, "held"],
      [a.get("103")!, "subscribed"],
      [a.get("201")!, "signed"],
      [a.get("202")!, "withheld"],
      [a.get("203")!, "available"], // the lapsed hold
      [b.get("101")!, "available"],
    ];
    for (const [id, status] of expected) {
      const background = await cell(page, id).evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background, status).toBe(rgb(STATUS_COLORS[status].background));
    }
    // Floors top to bottom: the first row of building A is floor 4.
    const numbers = await page.locator("[data-building-code=A] [data-testid=board-cell]").allInnerTexts();
    expect(numbers[0]).toMatch(/^401/);
    expect(numbers.at(-1)).toMatch(/^103/);
    await expect.poll(() => page.getByTestId("legend-count-available").innerText()).toBe("12");
    expect(await page.getByTestId("legend-count-held").innerText()).toBe("1");
    expect(await page.getByTestId("legend-count-subscribed").innerText()).toBe("1");
    expect(await page.getByTestId("legend-count-signed").innerText()).toBe("1");
    expect(await page.getByTestId("legend-count-withheld").innerText()).toBe("1");
    expect(await page.getByTestId("legend-sales-rate").innerText()).toBe("12.5%"); // 2 of 16
    // The dense board shows number and price; layout and area are in the cell's title.
    expect(await cell(page, a.get("101")!).getAttribute("title")).toContain("3室2厅2卫");

    // The status filter dims the others; the drawer shows the unit and, for a manager, its history.
    await page.getByRole("combobox", { name: "状态" }).click();
    await page.locator(".ant-select-item-option", { hasText: "不可售" }).click();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".so-cell--dim").count(), { timeout: 15_000 }).toBe(15);
    // The legend counts what the filter leaves.
    await expect.poll(() => page.getByTestId("legend-total").innerText()).toBe("1");
    expect(await page.getByTestId("legend-count-withheld").innerText()).toBe("1");
    expect(await page.getByTestId("legend-count-available").innerText()).toBe("0");
    expect(await page.getByTestId("legend-sales-rate").innerText()).toBe("0.0%");
    await viewShot(page, "board-manager-filtered");
    await page.getByRole("button", { name: "清除筛选" }).click();
    await expect.poll(() => page.getByTestId("legend-total").innerText()).toBe("16");
    // A building chosen: the legend counts that building only (B: four available units).
    await page.getByRole("combobox", { name: "楼栋" }).click();
    await page.locator(".ant-select-item-option", { hasText: "B栋" }).click();
    await expect.poll(() => page.getByTestId("legend-total").innerText()).toBe("4");
    expect(await page.getByTestId("legend-count-available").innerText()).toBe("4");
    expect(await page.getByTestId("legend-count-signed").innerText()).toBe("0");
    const buildingSelect = page.getByTestId("board-filters").locator(".ant-select").first();
    await buildingSelect.hover();
    await buildingSelect.locator(".ant-select-clear").click();
    await expect.poll(() => page.getByTestId("legend-total").innerText()).toBe("16");
    await cell(page, a.get("202")!).click();
    await page.getByTestId("unit-drawer-title").getByText("A栋 202").waitFor();
    await page.getByTestId("unit-facts").getByText("公司保留").waitFor();
    await page.getByRole("button", { name: "解除销控" }).waitFor();
    await viewShot(page, "board-manager-drawer");
  });

  it("holds a unit for the consultant's customer from the board", async () => {
    const page = await openBoard(consultant1);
    const unit = a.get("101")!;
    await cell(page, unit).click();
    await page.getByRole("button", { name: /^预\s*留$/ }).click();
    await page.getByTestId("customer-picker").locator("input").fill("甲客");
    await page.locator(".ant-select-item-option", { hasText: "甲客户" }).click();
    await viewShot(page, "board-consultant-hold-form");
    await page.getByRole("button", { name: "确认预留" }).click();
    await page.locator(".ant-message").getByText("已预留").waitFor();

    const [row] = await sql<{ status: string; held_by: string; held_for: string }>(
      "select status, held_by, held_for from public.units where id = $1", [unit]);
    expect(row).toEqual({ status: "held", held_by: consultant1.id, held_for: customer1 });
    await expect.poll(() => cell(page, unit).getAttribute("data-status")).toBe("held");
    // the consultant may release their own hold; withholding is for managers
    await page.getByRole("button", { name: /^释\s*放$/ }).waitFor();
    expect(await page.getByRole("button", { name: /^销\s*控$/ }).count()).toBe(0);
    await page.getByTestId("unit-facts").getByText("甲客户").waitFor();
    await viewShot(page, "board-consultant-held");
  });

  it("a second consultant trying the same unit gets the database's refusal in the drawer", async () => {
    const unit = a.get("301")!;
    const first = await openBoard(consultant1);
    const second = await openBoard(consultant2);

    // The second consultant has the hold form open, customer chosen…
    await cell(second, unit).click();
    await second.getByRole("button", { name: /^预\s*留$/ }).click();
    await second.getByTestId("customer-picker").locator("input").fill("乙客");
    await second.locator(".ant-select-item-option", { hasText: "乙客户" }).click();

    // …when the first one holds it.
    await cell(first, unit).click();
    await first.getByRole("button", { name: /^预\s*留$/ }).click();
    await first.getByTestId("customer-picker").locator("input").fill("甲客");
    await first.locator(".ant-select-item-option", { hasText: "甲客户" }).click();
    await first.getByRole("button", { name: "确认预留" }).click();
    await first.locator(".ant-message").getByText("已预留").waitFor();

    await second.getByRole("button", { name: "确认预留" }).click();
    const refusal = second.getByTestId("unit-action-error");
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/已被锁定/);
    await expect.poll(() => cell(second, unit).getAttribute("data-status")).toBe("held");
    await viewShot(second, "board-second-consultant-refused");

    const [row] = await sql<{ held_by: string; held_for: string }>("select held_by, held_for from public.units where id = $1", [unit]);
    expect(row).toEqual({ held_by: consultant1.id, held_for: customer1 });
    expect(customer2).toBeTruthy();
  });

  it("lays buildings of ten units a floor side by side within a 1440 px screen", async () => {
    const wide = await newProject("并排测试苑");
    const boss = await person(wide.id, "sales_manager", "并排经理");
    const ids = await Promise.all(["1", "2", "3", "4"].map((code, i) => building(wide.id, code, 6, i + 1)));
    await Promise.all(ids.map((id) => units(wide.id, id, 6, 10)));
    const page = await admin.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await admin.signInTo(page, "/board", boss.email, PASSWORD);
    await page.locator("[data-testid=board-page][data-ready]").waitFor();
    expect(await page.locator("[data-testid=board-cell]").count()).toBe(240);
    const boxes = await page.getByTestId("board-building").evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { top: Math.round(r.top), left: r.left, right: r.right };
      }),
    );
    // Two buildings a row: 1 and 2 next to each other, 3 and 4 below them.
    expect(boxes[1].top).toBe(boxes[0].top);
    expect(boxes[1].left).toBeGreaterThan(boxes[0].right);
    expect(boxes[3].top).toBe(boxes[2].top);
    expect(boxes[2].top).toBeGreaterThan(boxes[0].top);
    // Nothing sticks out: no sideways scrolling of the page or inside a building.
    expect(Math.max(...boxes.map((b) => b.right))).toBeLessThanOrEqual(1440);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
    const clipped = await page.getByTestId("board-building").evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).length);
    expect(clipped).toBe(0);
    await viewShot(page, "board-side-by-side-1440");
  });

  it("prints every building on one A3 landscape sheet without the app's chrome", async () => {
    const page = await admin.newPage();
    await page.setViewportSize({ width: 1587, height: 1123 }); // A3 landscape at 96 dpi
    await admin.signInTo(page, "/board/print", manager.email, PASSWORD);
    const sheet = page.getByTestId("board-print");
    await page.locator("[data-testid=board-print][data-ready]").waitFor();
    const buildings = sheet.getByTestId("board-building");
    expect(await buildings.count()).toBe(2);
    expect(await buildings.evaluateAll((els) => els.map((e) => e.getAttribute("data-building-code")))).toEqual(["A", "B"]);
    await sheet.getByText("A栋", { exact: true }).waitFor();
    await sheet.getByText("B栋", { exact: true }).waitFor();
    expect(await sheet.locator("[data-testid=board-cell]").count()).toBe(16);
    expect(await page.getByTestId("print-project").innerText()).toBe(project.name);
    await sheet.getByTestId("board-legend").waitFor();
    expect(await page.getByTestId("print-date").innerText()).toMatch(/^截至 \d{4}年/);
    expect(await page.locator(".ant-layout-sider").isVisible()).toBe(false);
    expect(await page.locator(".ant-layout-header").isVisible()).toBe(false);
    expect(await page.locator("style").evaluateAll((els) => els.some((e) => e.textContent?.includes("size: A3 landscape")))).toBe(true);
    await page.emulateMedia({ media: "print" });
    await viewShot(page, "board-print");
  });

  it("shows the demo project's whole board to its manager, with the audit history of a unit", async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/board", "manager");
    await page.locator("[data-testid=board-page][data-ready]").waitFor();
    const [{ count }] = await sql<{ count: number }>("select count(*)::int as count from public.units where project_id = $1", [DEMO_PROJECT_ID]);
    expect(await page.locator("[data-testid=board-cell]").count()).toBe(count);
    await viewShot(page, "board-demo-manager");

    // A unit with history: the demo's subscriptions went through the database functions.
    const [unit] = await sql<{ id: string }>(
      `select record_id as id from public.audit_log where project_id = $1 and table_name = 'units' and action = 'unit.subscribe'
        order by at limit 1`,
      [DEMO_PROJECT_ID],
    );
    await cell(page, unit.id).click();
    await page.getByTestId("unit-history").getByText("认购").first().waitFor();
    await viewShot(page, "board-demo-drawer-history");

    await page.goto("/board/print");
    await page.locator("[data-testid=board-print][data-ready]").waitFor();
    expect(await page.getByTestId("board-print").locator("[data-testid=board-cell]").count()).toBe(count);
    await page.setViewportSize({ width: 1587, height: 1123 });
    await page.emulateMedia({ media: "print" });
    await viewShot(page, "board-demo-print");
  });
});
