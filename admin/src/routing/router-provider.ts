import { matchResourceFromRoute, QS_PARSE_DEPTH, ResourceContext, type IResourceItem, type ParseResponse, type RouterProvider } from "@refinedev/core";
import routerProvider from "@refinedev/react-router";
import qs from "qs";
import { useCallback, useContext } from "react";
import { matchPath, useLocation, useParams } from "react-router";

const asNumber = (value: unknown) => (typeof value === "string" && `${Number(value)}` === value ? Number(value) : value);

/**
 * What refine's react-router `parse` computes (resource, action, id and query of the location),
 * once per location for the whole page instead of once per component: refine calls it in every
 * component that uses a resource hook (each menu entry, each access check), and each call
 * matched the path against every route of every resource and parsed the query anew — on the
 * 销控表 that was a good part of the start-up's script time. Same results as refine's.
 */
const cache = new Map<string, ParseResponse>();
let cachedFor: IResourceItem[] | null = null;

function parseLocation(resources: IResourceItem[], pathname: string, search: string, routeParams: Record<string, string | undefined>): ParseResponse {
  if (cachedFor !== resources || cache.size > 50) {
    cache.clear();
    cachedFor = resources;
  }
  const key = `${pathname}\n${search}\n${JSON.stringify(routeParams)}`;
  const hit = cache.get(key);
  if (hit) return hit;

  const { resource, action, matchedRoute } = matchResourceFromRoute(pathname, resources);
  const params: Record<string, string | undefined> =
    Object.keys(routeParams).length === 0 && matchedRoute ? (matchPath(matchedRoute, pathname)?.params ?? {}) : routeParams;
  const combined: Record<string, unknown> = { ...params, ...qs.parse(search, { ignoreQueryPrefix: true, depth: QS_PARSE_DEPTH }) };
  const parsed: ParseResponse = {
    ...(resource && { resource }),
    ...(action && { action }),
    ...(params.id && { id: decodeURIComponent(params.id) }),
    pathname,
    params: {
      ...combined,
      currentPage: asNumber(combined.currentPage) as number | undefined,
      pageSize: asNumber(combined.pageSize) as number | undefined,
      to: typeof combined.to === "string" ? decodeURIComponent(combined.to) : undefined,
    },
  };
  cache.set(key, parsed);
  return parsed;
}

function useParse() {
  const routeParams = useParams();
  const { pathname, search } = useLocation();
  const { resources } = useContext(ResourceContext);
  const parsed = parseLocation(resources, pathname, search, routeParams);
  return useCallback(() => parsed, [parsed]);
}

/** refine's react-router binding with the shared `parse` above. */
export const sharedRouterProvider: RouterProvider = { ...routerProvider, parse: useParse };
