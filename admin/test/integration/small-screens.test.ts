import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAdminBrowser } from "./support/browser.ts";

/**
 * Phones and tablets: the screens used away from a desk — the broker portal, the consultant's
 * customer list and registration, the reception board — at 390×844 (phone) and 768×1024 (tablet).
 * No page scrolls sideways, the header keeps to one row above the page title, the key action of
 * each screen is on screen. Screenshots at phone, tablet and desktop sizes.
 */

const SIZES = {
  phone: { width: 390, height: 844 },
  tablet: { width: 768, height: 1024 },
  desktop: { width: 1440, height: 900 },
} as const;
type Size = keyof typeof SIZES;

/** The page's width beyond the window (0 = no sideways scroll of the page). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * How far anything of the header (project, roles, language, user, the menu button) reaches below
 * its 64 px row, and whether the menu button covers the page's title (0 / false when all is well).
 */
const headerSpill = (page: Page) =>
  page.evaluate(() => {
    const header = document.querySelector(".ant-layout-header")!.getBoundingClientRect();
    const parts = [...document.querySelectorAll(".ant-layout-header *")].map((e) => e.getBoundingClientRect()).filter((r) => r.height > 0);
    const menuButton = document.querySelector(".ant-layout-has-sider > .ant-btn")?.getBoundingClientRect();
    return Math.max(header.height - 64, ...parts.map((r) => r.bottom - header.bottom), menuButton ? menuButton.bottom - header.bottom : 0);
  });

describe("phones and tablets", { timeout: 400_000 }, () => {
  const admin = useAdminBrowser();

  const at = async (who: string, size: Size) => {
    const page = await admin.newPage();
    await page.setViewportSize(SIZES[size]);
    await admin.signIn(page, who);
    return page;
  };

  /** Opens a screen, waits for what shows it loaded, checks width and header, screenshots it. */
  const check = async (page: Page, size: Size, path: string, ready: (p: Page) => Promise<unknown>, shot: string) => {
    await page.goto(path);
    await ready(page);
    if (size !== "desktop") {
      expect(await overflow(page), `${path} at ${size} scrolls sideways`).toBeLessThanOrEqual(0);
      expect(await headerSpill(page), `${path} at ${size}: the header wraps over the page`).toBeLessThanOrEqual(0);
    }
    await admin.screenshot(page, `small-${shot}-${size}`);
  };

  for (const size of ["phone", "tablet", "desktop"] as const) {
    it(`broker portal at ${size}: 报备 from the home page, reports, visits, commission`, async () => {
      const page = await at("broker1", size);
      await check(page, size, "/", (p) => p.getByTestId("broker-report-shortcut").waitFor(), "broker-home");
      await page.getByTestId("broker-report-shortcut").click();
      await page.waitForURL(/\/report-submit/);
      await page.getByTestId("submit-report").waitFor();
      await check(page, size, "/report-submit", (p) => p.getByTestId("submit-report").waitFor(), "broker-report");
      // The submit button is inside the window's width (reachable without scrolling sideways).
      const submit = await page.getByTestId("submit-report").boundingBox();
      expect(submit!.x + submit!.width).toBeLessThanOrEqual(SIZES[size].width);
      await check(page, size, "/broker_reports", (p) => p.getByTestId("broker-reports-table").locator(".ant-table-row, .ant-empty-normal").first().waitFor(), "broker-reports");
      await check(page, size, "/broker_visits", (p) => p.locator(".ant-table-row, .ant-empty-normal").first().waitFor(), "broker-visits");
      await check(page, size, "/broker_commissions", (p) => p.locator(".ant-table-row, .ant-empty-normal").first().waitFor(), "broker-commissions");
    });

    it(`consultant at ${size}: customer list, registration, reception board`, async () => {
      const page = await at("consultant1", size);
      if (size === "phone") {
        // On a phone the menu sits behind a button: it opens over the page and takes the consultant on.
        await page.locator(".ant-layout-has-sider > .ant-btn").click();
        const menu = page.locator(".ant-drawer-open .ant-menu");
        await menu.getByText("客户", { exact: true }).click();
        await menu.getByRole("menuitem", { name: "客户列表" }).click();
        await page.waitForURL(/\/customers$/);
        await expect.poll(() => page.locator(".ant-drawer-open").count()).toBe(0);
      }
      await check(page, size, "/customers", (p) => p.locator(".ant-table-row, .ant-list-item").first().waitFor(), "customers");
      await check(page, size, "/customers/create", (p) => p.getByRole("button", { name: /登\s*记|保\s*存|提\s*交/ }).first().waitFor(), "customer-register");
      await check(page, size, "/reception", (p) => p.locator(".ant-table-row, .ant-empty-normal").first().waitFor(), "reception");
    });
  }
});
