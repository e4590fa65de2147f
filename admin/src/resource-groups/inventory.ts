import {
  AppstoreOutlined,
  BuildOutlined,
  FileExcelOutlined,
  GiftOutlined,
  HomeOutlined,
  SettingOutlined,
  TableOutlined,
  ToolOutlined,
} from "../components/menu-icons.tsx";
import type { ResourceDefinition } from "../resources.ts";
import { MANAGER_ROLES, STAFF_ROLES, type Role } from "../session/roles.ts";

/** Readers of buildings and units (RLS): the developer's staff. */
const INVENTORY_READERS: readonly Role[] = STAFF_ROLES;
/** import_price_list, buildings insert/update: managers and admins. */
const INVENTORY_EDITORS: readonly Role[] = ["admin", ...MANAGER_ROLES];

/**
 * The inventory screens, in menu order (see resources.ts for how to add one). Access mirrors
 * RLS: buildings and units are read by the project's staff (not brokers) and admins; buildings
 * and price lists are written by managers and admins; policies, the authority matrix and the
 * project's rules by admins only.
 */
export const inventoryResources: ResourceDefinition[] = [
  // 房源销控: a menu group only.
  { name: "inventory", icon: AppstoreOutlined, access: { list: INVENTORY_READERS } },
  {
    name: "board",
    icon: TableOutlined,
    parent: "inventory",
    page: { path: "/board", load: () => import("../pages/board/index.tsx") },
    access: { list: INVENTORY_READERS },
  },
  {
    name: "board_print",
    hideInMenu: true,
    page: { path: "/board/print", load: () => import("../pages/board/print.tsx") },
    access: { list: INVENTORY_READERS },
  },
  {
    name: "buildings",
    icon: BuildOutlined,
    parent: "inventory",
    access: { list: INVENTORY_READERS, create: INVENTORY_EDITORS, edit: INVENTORY_EDITORS },
  },
  { name: "units", icon: HomeOutlined, parent: "inventory", access: { list: INVENTORY_READERS } },
  {
    name: "price_list",
    icon: FileExcelOutlined,
    parent: "inventory",
    page: { path: "/price-list", load: () => import("../pages/price-list/index.tsx") },
    // Everyone who reads units may export; importing (create) is for managers and admins.
    access: { list: INVENTORY_READERS, create: INVENTORY_EDITORS },
  },
  // 项目设置: a menu group only.
  { name: "project_setup", icon: SettingOutlined, access: { list: INVENTORY_READERS } },
  {
    name: "project_settings",
    icon: ToolOutlined,
    parent: "project_setup",
    page: { path: "/project-settings", load: () => import("../pages/project-settings/index.tsx") },
    // Members read the rules and the matrix; only admins change them.
    access: { list: INVENTORY_READERS, edit: ["admin"] },
  },
  {
    name: "policies",
    icon: GiftOutlined,
    parent: "project_setup",
    access: { list: INVENTORY_READERS, create: ["admin"], edit: ["admin"] },
  },
];
