import { useEffect } from "react";
import { useLocation } from "react-router";

let shown = 0;

/**
 * Marks on <html> the address whose screen the app has just put on the page (`data-route`) and
 * how many it has shown (`data-route-seq`), so a browser test that moves inside the app (as a click
 * on a link does) knows when the new screen has replaced the old one.
 */
export function RouteMarker() {
  const { pathname, search } = useLocation();
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.route = pathname + search;
    root.dataset.routeSeq = String(++shown);
  }, [pathname, search]);
  return null;
}
