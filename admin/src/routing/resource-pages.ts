import type { ResourceProps } from "@refinedev/core";
import { createElement, type ComponentType } from "react";
import { RESOURCES, type ResourceDefinition } from "../resources.ts";
import { preloadable, type Preloadable } from "./preloadable.ts";

export type PageAction = "list" | "create" | "edit" | "show";
const ACTIONS: PageAction[] = ["list", "create", "edit", "show"];
const SUFFIX: Record<PageAction, string> = { list: "", create: "/create", edit: "/edit/:id", show: "/show/:id" };

/** Every resource page file; each becomes its own lazy-loaded chunk. */
const FILES = import.meta.glob<{ default: ComponentType }>("../resources/*/{list,create,edit,show}.tsx");

export interface PageRoute {
  resource: string;
  action: PageAction;
  path: string;
  /** The page, loaded on demand; `Page.load()` preloads it (start-up, for the page being opened). */
  Page: Preloadable<object>;
}

function routesOf(definition: ResourceDefinition): PageRoute[] {
  const { name, page } = definition;
  if (page) return [{ resource: name, action: "list", path: page.path, Page: preloadable(page.load) }];
  return ACTIONS.flatMap((action) => {
    const load = FILES[`../resources/${name}/${action}.tsx`];
    return load ? [{ resource: name, action, path: `/${name}${SUFFIX[action]}`, Page: preloadable(load) }] : [];
  });
}

/** The routes of all screens, derived from `resources.ts` and the files present. */
export const PAGE_ROUTES: PageRoute[] = RESOURCES.flatMap(routesOf);

/** Refine's resources: names, routes and menu metadata (labels come from `<name>.<name>`). */
export const REFINE_RESOURCES: ResourceProps[] = RESOURCES.map((definition) => ({
  name: definition.name,
  ...Object.fromEntries(PAGE_ROUTES.filter((r) => r.resource === definition.name).map((r) => [r.action, r.path])),
  meta: {
    icon: definition.icon ? createElement(definition.icon) : undefined,
    parent: definition.parent,
    hide: definition.hideInMenu,
    canDelete: Boolean(definition.access.delete),
  },
}));
