import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createNodeClient } from "@so/shared/supabase-node";
import { freePort } from "@so/supabase/local/ports";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { startAdmin, type AdminServer } from "../../../serve.ts";
import { navigateInApp } from "./in-app-navigation.ts";
import { testStack } from "./stack.ts";

export const DEMO_PASSWORD = "demo-password";
const REPO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
export const SCREENSHOT_DIR = path.join(REPO_DIR, "screenshots", "admin");
/**
 * Screens are saved for people to look at (`npm run screenshots`), not for the tests' verdicts: a
 * full-page capture of a long CJK page costs seconds, so plain `npm test` skips them.
 */
export const SCREENSHOTS = process.env.SCREENSHOTS === "1";
const IN_APP_NAVIGATION = process.env.IN_APP_NAVIGATION === "1";

// The headless shell (Debian's chromium-headless-shell, which .ci/run installs) renders the same
// pages as the full browser with far less work per page; the full browser when it is missing.
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const CHROMIUM = process.env.CHROMIUM_PATH ?? (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Under scripts/at-utc.sh node and Postgres run on a shifted clock (libfaketime). Chromium does
 * not render under libfaketime, so it keeps the real clock and each page gets the shifted time
 * through Playwright's clock instead: the page, the API and the database agree on the hour.
 */
const SHIFTED_CLOCK = Boolean(process.env.FAKETIME);
/**
 * The time to give Playwright's page clock so that the page reads node's (shifted) time. Playwright
 * adds to the time given how far the browser's real clock is ahead of node's, i.e. it undoes the
 * shift once: given node's time plus the shift (at-utc.sh's relative FAKETIME, in seconds), the
 * page lands on node's time. (Given node's time alone, pages ran 17 hours ahead at 17:30.)
 */
function shiftedPageTime(): number {
  const shift = process.env.FAKETIME ?? "";
  if (!/^[+-]\d+$/.test(shift)) throw new Error(`FAKETIME must be a relative offset in seconds as scripts/at-utc.sh sets it, got "${shift}"`);
  return Date.now() + Number(shift) * 1000;
}
const realClockEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && k !== "LD_PRELOAD" && !k.startsWith("FAKETIME"))) as Record<string, string>;

/**
 * Waits until an antd dialog (or drawer) has finished coming in: a click aimed while it still
 * zooms can land beside the button on a loaded machine. Its motion marks it with `…-appear` /
 * `…-enter` classes from before the animation starts until after it ends. Test pages ask for less
 * motion (see newPage), so this is a guard for a page that has not.
 */
export async function settled(element: Locator): Promise<void> {
  await expect.poll(() => element.getAttribute("class")).not.toMatch(/-(appear|enter)\b/);
  await element.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
}

/**
 * Chooses `option` in a single-choice antd Select (found by its combobox) and waits until the select
 * shows it. In fresh-clone run 15 a click on an open list's option did not take (the list open, the
 * option hovered, nothing chosen); choosing again is harmless for a single choice, so the list is
 * opened and the option clicked once more, up to three times, before the wait's failure stands.
 */
export async function chooseOption(page: Page, combobox: Locator, option: string): Promise<void> {
  const select = combobox.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' ant-select ')][1]");
  const list = page.locator(".ant-select-dropdown:visible");
  for (let attempt = 1; ; attempt++) {
    if (!(await list.isVisible())) await select.click();
    await list.locator(".ant-select-item-option", { hasText: option }).first().click();
    const shown = select.locator(".ant-select-selection-item", { hasText: option });
    const ok = await shown.waitFor({ timeout: 5_000 }).then(() => true, (error: unknown) => (attempt < 3 ? false : Promise.reject(error)));
    if (ok) return;
  }
}

/** demo name ("consultant1") or full email → email. */
export const demoEmail = (who: string) => (who.includes("@") ? who : `${who}@demo.local`);

export interface AdminBrowser {
  /** The admin's base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** A fresh browser context (own storage: nobody signed in) with one page, zh-CN, 1280×800, less motion, up to 60 s per step; with IN_APP_NAVIGATION=1 its `goto` moves inside the running app. */
  newPage(): Promise<Page>;
  /**
   * Signs in (a password sign-in, as the admin's login makes it), opens the dashboard and waits for
   * its welcome. The login page itself is tested in login.test.ts; here it would only cost time.
   */
  signIn(page: Page, who: string, password?: string): Promise<void>;
  /** Signs in the same way and opens `path` straight away, as a bookmark would (no dashboard first). */
  signInTo(page: Page, path: string, who: string, password?: string): Promise<void>;
  /** With SCREENSHOTS=1, saves a full-page PNG to screenshots/admin/<name>.png; returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
}

/**
 * What the admin's supabase-js stores in localStorage after signing in with this password: the
 * same client library, on the admin's own origin (its proxy to the auth service), writing into a
 * plain object instead of the browser's storage.
 */
async function signedInStorage(adminUrl: string, key: string, email: string, password: string): Promise<Record<string, string>> {
  const items: Record<string, string> = {};
  const storage = {
    getItem: (name: string) => items[name] ?? null,
    setItem: (name: string, value: string) => void (items[name] = value),
    removeItem: (name: string) => void delete items[name],
  };
  const client = createNodeClient(adminUrl, key, { auth: { storage, persistSession: true } });
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw new Error(`登录失败 sign-in failed for ${email}: ${error.message}`);
  return items;
}

/** What a person would see that explains a failure: the errors and messages on the page. */
const VISIBLE_PROBLEMS = '[data-testid="db-error"], .ant-form-item-explain-error, .ant-message-notice, .ant-alert-message, .ant-result-title';

/**
 * A failed test's open pages: each one's address and the errors it shows go to stderr, and a
 * screenshot to screenshots/failures/ — so that a timeout on a busy CI machine says what the
 * person was looking at.
 */
async function reportPages(contexts: BrowserContext[], testName: string): Promise<void> {
  const dir = path.join(REPO_DIR, "screenshots", "failures");
  fs.mkdirSync(dir, { recursive: true });
  const pages = contexts.flatMap((c) => c.pages());
  for (const [i, page] of pages.entries()) {
    const shown = await page
      .locator(VISIBLE_PROBLEMS)
      .allInnerTexts()
      .catch((error: Error) => [`(page unreadable: ${error.message})`]);
    const file = path.join(dir, `${testName.replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 80)}-${i + 1}.png`);
    await page.screenshot({ path: file, timeout: 15_000 }).catch(() => undefined);
    console.error(`[failed test page ${i + 1}/${pages.length}] ${page.url()}\n  shows: ${shown.length ? shown.join(" | ") : "(no error on the page)"}\n  screenshot: ${file}`);
  }
}

/**
 * For one test file: the admin (production build + vite preview) against the private test stack,
 * and a headless Chromium. Pages record uncaught errors; a test fails if its page had one.
 */
export function useAdminBrowser(): AdminBrowser {
  let admin: AdminServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const stack = testStack();
    [admin, browser] = await Promise.all([
      // The publishable key, as `npm start` and a hosted build give the admin (the gateway maps it to anon).
      freePort().then((port) => startAdmin({ port, supabaseUrl: stack.url, anonKey: stack.publishableKey, mode: "preview" })),
      chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, env: SHIFTED_CLOCK ? realClockEnv() : undefined }),
    ]);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === "fail") await reportPages(contexts, task.name);
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    const errors = pageErrors.splice(0);
    if (errors.length) throw new Error(`页面脚本出错 Uncaught errors in the page:\n${errors.join("\n")}`);
  });

  afterAll(async () => {
    await browser?.close();
    await admin?.stop();
  });

  async function signInTo(page: Page, to: string, who: string, password = DEMO_PASSWORD): Promise<void> {
    if (!admin) throw new Error("the admin is not started (use inside tests)");
    const stored = await signedInStorage(admin.url, testStack().publishableKey, demoEmail(who), password);
    // The session goes where the admin's supabase-js keeps it, written from a blank page of the
    // admin's origin (no app start-up for it).
    const blank = `${admin.url}/__sign-in`;
    await page.route(blank, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>sign-in</title>" }));
    await page.goto(blank, { waitUntil: "load" });
    await page.unroute(blank);
    await page.evaluate((items) => {
      for (const [key, value] of Object.entries(items)) window.localStorage.setItem(key, value);
    }, stored);
    await page.goto(to);
  }

  return {
    get url() {
      if (!admin) throw new Error("the admin is not started (use inside tests)");
      return admin.url;
    },
    async newPage() {
      if (!browser || !admin) throw new Error("the browser is not started (use inside tests)");
      const context = await browser.newContext({
        baseURL: admin.url,
        locale: "zh-CN",
        timezoneId: "Asia/Shanghai",
        viewport: { width: 1280, height: 800 },
        // antd's dialogs and popups zoom or slide in for 0.2-0.3 s; on a loaded machine a click aimed at
        // a dialog's button while it still moved did not reach it (three fresh-clone runs). Asked for
        // less motion, as a person may set their system, the admin shows them at once.
        reducedMotion: "reduce",
      });
      contexts.push(context);
      if (SHIFTED_CLOCK) await context.clock.install({ time: shiftedPageTime() });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000); // CI machines may be shared and slow: wait, never sleep
      page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
      // With IN_APP_NAVIGATION=1, once the app runs, going to another screen moves inside it, as the
      // menu and links do (about twice as fast; off by default until every file is green with it).
      if (IN_APP_NAVIGATION) {
        const load = page.goto.bind(page);
        page.goto = async (url, options) => ((!options && (await navigateInApp(page, url))) ? null : load(url, options));
      }
      return page;
    },
    signIn: async (page, who, password) => {
      await signInTo(page, "/", who, password);
      await page.getByTestId("welcome").waitFor();
    },
    signInTo,
    async screenshot(page, name) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      if (!SCREENSHOTS) return file;
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      // A full-page capture of a long CJK page is the slowest step on a loaded machine.
      await page.screenshot({ path: file, fullPage: true, animations: "disabled", timeout: 90_000 });
      return file;
    },
  };
}
