import type { Page } from "playwright-core";

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
  const before = await page.evaluate(() => document.documentElement.dataset.routeSeq ?? null).catch(() => null);
  if (before === null) return false;
  const to = target.pathname + target.search;
  await page.evaluate((to) => {
    // What earlier screens left in the cache is dropped (admin/src/routing/route-marker.tsx), so
    // the new screen loads its data as after a full load instead of first showing old figures.
    dispatchEvent(new Event("so:forget-cached-screens"));
    history.pushState(null, "", to);
    dispatchEvent(new PopStateEvent("popstate", { state: null }));
  }, to);
  // The new screen is on the page once the app has marked a later address with the target's path
  // (a list may then add its paging to the query, a guard may redirect: as after a full load).
  return page
    .waitForFunction(
      ([before, pathname]) => {
        const root = document.documentElement;
        return Number(root.dataset.routeSeq) > Number(before) && root.dataset.route?.split("?")[0] === pathname;
      },
      [before, target.pathname] as const,
      { timeout: 15_000 },
    )
    .then(
      () => true,
      () => false,
    );
}
