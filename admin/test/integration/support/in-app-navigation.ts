import type { Page } from "playwright-core";
import { FORGET_CACHED_SCREENS } from "../../../src/routing/route-marker.tsx";

/** A path's shape: ids (uuids, long numbers) stand as ":id", so /x/show/1 and /x/show/2 are one route. */
const routeShape = (pathname: string) =>
  pathname.replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi, "/:id").replace(/\/\d+(?=\/|$)/g, "/:id");

/**
 * Opens `url` inside the running admin, as a click on a link would (history + the router), instead
 * of loading the whole app again. Returns false — the caller then loads the page — when that would
 * not be the same as opening the address afresh: the app is not running yet, another origin, the
 * same route again (a reload was asked for; its screen would keep its state), or the app did not
 * move there (an unsaved-changes prompt stopped it).
 */
export async function navigateInApp(page: Page, url: string): Promise<boolean> {
  const here = page.url();
  if (!here.startsWith("http")) return false;
  const current = new URL(here);
  const target = new URL(url, current);
  if (target.origin !== current.origin || routeShape(target.pathname) === routeShape(current.pathname)) return false;
  // First away from the old screen (to an address no screen has, which the app answers with its
  // 404 inside the shell), so that what it left in the cache can be dropped
  // (admin/src/routing/route-marker.tsx): the new screen then loads its data as after a full load
  // instead of first showing old figures. The stop replaces itself in the history.
  if (!(await moveInApp(page, LEAVING, "push"))) return false;
  await page.evaluate((event) => dispatchEvent(new Event(event)), FORGET_CACHED_SCREENS);
  return moveInApp(page, target.pathname + target.search, "replace");
}

const LEAVING = "/__leaving-screen";

/**
 * Moves the router to `to` (history + popstate) and waits until the app has marked a later
 * address with its path (a list may then add its paging to the query, a guard may redirect: as
 * after a full load). False when the app is not running or did not move there.
 */
async function moveInApp(page: Page, to: string, how: "push" | "replace"): Promise<boolean> {
  const before = await page.evaluate(() => document.documentElement.dataset.routeSeq ?? null).catch(() => null);
  if (before === null) return false;
  await page.evaluate(
    ([to, how]) => {
      if (how === "push") history.pushState(null, "", to);
      else history.replaceState(null, "", to);
      dispatchEvent(new PopStateEvent("popstate", { state: null }));
    },
    [to, how] as const,
  );
  const pathname = to.split("?")[0];
  return page
    .waitForFunction(
      ([before, pathname]) => {
        const root = document.documentElement;
        return Number(root.dataset.routeSeq) > Number(before) && root.dataset.route?.split("?")[0] === pathname;
      },
      [before, pathname] as const,
      { timeout: 15_000 },
    )
    .then(
      () => true,
      () => false,
    );
}
