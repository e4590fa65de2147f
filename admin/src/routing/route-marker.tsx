import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useLocation } from "react-router";

let shown = 0;

/** Dispatched on window: drop the cached data of screens no longer shown (see RouteMarker). */
export const FORGET_CACHED_SCREENS = "so:forget-cached-screens";

/**
 * Marks on <html> the address whose screen the app has just put on the page (`data-route`) and
 * how many it has shown (`data-route-seq`), so a browser test that moves inside the app (as a
 * click on a link does) knows when the new screen has replaced the old one. Such a test first
 * dispatches FORGET_CACHED_SCREENS, so that the next screen shows what a fresh load would, not
 * first what it showed on an earlier visit.
 */
export function RouteMarker() {
  const { pathname, search } = useLocation();
  const queryClient = useQueryClient();
  useEffect(() => {
    const forget = () => queryClient.removeQueries({ type: "inactive" });
    window.addEventListener(FORGET_CACHED_SCREENS, forget);
    return () => window.removeEventListener(FORGET_CACHED_SCREENS, forget);
  }, [queryClient]);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.route = pathname + search;
    root.dataset.routeSeq = String(++shown);
  }, [pathname, search]);
  return null;
}
