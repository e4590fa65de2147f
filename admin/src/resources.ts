import { DashboardOutlined, ProjectOutlined } from "./components/menu-icons.tsx";
import type { ComponentType } from "react";
import { SIGNED_IN, type AccessRules } from "./access/rules.ts";
import { STAFF_ROLES } from "./session/roles.ts";
import { inventoryResources } from "./resource-groups/inventory.ts";
import { customersResources } from "./resource-groups/customers.ts";
import { receptionResources } from "./resource-groups/reception.ts";
import { channelResources } from "./resource-groups/channel.ts";
import { approvalsResources } from "./resource-groups/approvals.ts";
import { dealsResources } from "./resource-groups/deals.ts";
import { financeResources } from "./resource-groups/finance.ts";
import { reportsResources } from "./resource-groups/reports.ts";
import { staffResources } from "./resource-groups/staff.ts";

/**
 * Every screen of the admin, in menu order. To add a resource:
 *
 *  1. add an entry to your area's list in `resource-groups/<area>.ts` (kept apart so that work on
 *     one area never edits another's file): `name` is the table (or view) the data provider reads, `access` says
 *     which roles may use each action — mirror the RLS policies and RPC checks, so that menus
 *     and buttons are hidden exactly where the database would refuse;
 *  2. create `src/resources/<name>/{list,create,edit,show}.tsx` (each with a default export;
 *     only the files you need). Routes follow from the files present and are lazy-loaded:
 *     `/<name>`, `/<name>/create`, `/<name>/edit/:id`, `/<name>/show/:id`;
 *  3. add the labels to your area's `src/i18n/areas/<area>.zh-CN.json` and `.en.json`: `<name>.<name>` is the menu label,
 *     `<name>.titles.*` the page titles, `<name>.fields.*` the columns.
 *
 * A screen that is not CRUD (销控 board, approvals inbox, reports) sets `page` instead: its
 * route and a lazy loader from `src/pages/`.
 */
export interface ResourceDefinition {
  name: string;
  icon?: ComponentType;
  access: AccessRules;
  page?: { path: string; load: () => Promise<{ default: ComponentType }> };
  /** Groups the entry under another one in the menu. */
  parent?: string;
  hideInMenu?: boolean;
}

export const RESOURCES: ResourceDefinition[] = [
  {
    name: "dashboard",
    icon: DashboardOutlined,
    page: { path: "/", load: () => import("./pages/dashboard/index.tsx") },
    access: { list: SIGNED_IN },
  },
  ...inventoryResources,
  ...customersResources,
  ...receptionResources,
  ...channelResources,
  ...approvalsResources,
  ...dealsResources,
  ...financeResources,
  ...reportsResources,
  ...staffResources,
  {
    // RLS: members (brokers included) read their projects, admins read all; only admins write.
    // Brokers see their portal and nothing else (the project name is in the header).
    name: "projects",
    icon: ProjectOutlined,
    access: { list: STAFF_ROLES, show: STAFF_ROLES, create: ["admin"], edit: ["admin"] },
  },
];
