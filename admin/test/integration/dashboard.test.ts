import { formatYuan } from "@so/shared/money";
import Decimal from "decimal.js";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { dealToday, salesProject, type SalesProject } from "./reports-fixtures.ts";
import { useAdminBrowser } from "./support/browser.ts";

const COUNTS = ["visits", "calls", "new_customers", "holds", "subscriptions", "contracts"] as const;
const AMOUNTS = ["subscription_amount", "contract_amount", "collections"] as const;
type Figures = Record<(typeof COUNTS)[number] | (typeof AMOUNTS)[number], Decimal>;

/** The figures a page shows under test ids `<prefix>-<figure>`, as exact numbers. */
async function figuresOn(page: Page, prefix: string): Promise<Figures> {
  const read = async (key: string) => {
    const text = (await page.getByTestId(`${prefix}-${key}`).first().textContent()) ?? "";
    return new Decimal(text.replace(/[¥,\s]/g, "") || "0");
  };
  const entries = await Promise.all([...COUNTS, ...AMOUNTS].map(async (k) => [k, await read(k)] as const));
  return Object.fromEntries(entries) as Figures;
}

/** The figures of a 日报 table row (cells with test ids `fig-<figure>`). */
async function rowFigures(page: Page, rowTestId: string): Promise<Figures> {
  const row = page.getByTestId(rowTestId);
  const read = async (key: string) => new Decimal(((await row.getByTestId(`fig-${key}`).textContent()) ?? "").replace(/[¥,\s]/g, "") || "0");
  const entries = await Promise.all([...COUNTS, ...AMOUNTS].map(async (k) => [k, await read(k)] as const));
  return Object.fromEntries(entries) as Figures;
}

function expectMoved(before: Figures, after: Figures, price: string, deposit: string) {
  for (const k of COUNTS) expect(after[k].minus(before[k]).toNumber(), k).toBe(1);
  expect(after.subscription_amount.minus(before.subscription_amount).toFixed(2)).toBe(new Decimal(price).toFixed(2));
  expect(after.contract_amount.minus(before.contract_amount).toFixed(2)).toBe(new Decimal(price).toFixed(2));
  expect(after.collections.minus(before.collections).toFixed(2)).toBe(new Decimal(deposit).toFixed(2));
}

describe("工作台 and 日报: a deal made today", () => {
  const admin = useAdminBrowser();
  let p: SalesProject;
  beforeAll(async () => {
    p = await salesProject("工作台");
  });

  it("moves today's and this month's numbers on the dashboard and the daily report by exactly that deal", { timeout: 180_000 }, async () => {
    const page = await admin.newPage();
    await admin.signIn(page, p.people.manager.email, p.password);
    await page.getByTestId("dash-today-visits").waitFor();
    const today0 = await figuresOn(page, "dash-today");
    const month0 = await figuresOn(page, "dash-month");
    await page.goto("/reports/daily");
    await page.getByTestId("daily-report-table").waitFor();
    const office0 = await figuresOn(page, "daily-office");
    const row0 = await rowFigures(page, `row-${p.people.consultant.name}`);

    const { price, deposit } = await dealToday(p);

    await page.goto("/");
    await page.getByTestId("dash-today-visits").waitFor();
    const today1 = await figuresOn(page, "dash-today");
    expectMoved(today0, today1, price, deposit);
    const month1 = await figuresOn(page, "dash-month");
    expectMoved(month0, month1, price, deposit);
    // The month's 销售指标 counts the same 认购 as the month's figures (no target set: 未设定).
    await expect
      .poll(() => page.getByTestId("dash-targets").getByTestId("subscriptions-project").textContent())
      .toMatch(new RegExp(`^${month1.subscriptions.toString()}\\s*/`));
    expect(await page.getByTestId("dash-today-first_visits").textContent()).toContain(`首访 ${today1.visits.toString()}`);
    expect(await page.getByTestId("dash-today-subscription_amount").textContent()).toBe(formatYuan(today1.subscription_amount));
    // the unit sold leaves the stock: 2 units, 1 left
    await page.getByTestId("stock-table").getByRole("cell", { name: "3室2厅2卫" }).waitFor();
    expect(await page.getByTestId("dash-funnel").textContent()).toMatch(/认购\s*[:：]?\s*1/);
    await admin.screenshot(page, "dashboard-manager-deal-today");

    await page.goto("/reports/daily");
    await page.getByTestId("daily-report-table").waitFor();
    expectMoved(office0, await figuresOn(page, "daily-office"), price, deposit);
    expectMoved(row0, await rowFigures(page, `row-${p.people.consultant.name}`), price, deposit);
    expectMoved(row0, await rowFigures(page, "row-office"), price, deposit);
    await admin.screenshot(page, "daily-report-manager-deal-today");

    // The day before shows none of it.
    const yesterday = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/reports/daily?day=${yesterday}`);
    await page.getByTestId("daily-report-table").waitFor();
    const before = await figuresOn(page, "daily-office");
    for (const k of COUNTS) expect(before[k].toNumber(), k).toBe(0);
  });

  it("the consultant's dashboard shows their own numbers, the finance one only the money", { timeout: 180_000 }, async () => {
    const page = await admin.newPage();
    await admin.signIn(page, p.people.consultant.email, p.password);
    await page.getByTestId("dash-today-visits").waitFor();
    expect((await page.getByTestId("sales-overview").textContent()) ?? "").toContain("我的业绩");
    const mine = await figuresOn(page, "dash-today");
    expect(mine.subscriptions.toNumber()).toBeGreaterThanOrEqual(1);
    await admin.screenshot(page, "dashboard-consultant-own");

    const financePage = await admin.newPage();
    await admin.signIn(financePage, p.people.finance.email, p.password);
    await financePage.getByTestId("dash-today-collections").waitFor();
    expect(await financePage.getByTestId("dash-today-visits").count()).toBe(0);
    expect(await financePage.getByTestId("dash-today-collections").textContent()).toBe(formatYuan(mine.collections));
  });
});
