import {
  ApartmentOutlined,
  CarOutlined,
  FileSearchOutlined,
  FormOutlined,
  MoneyCollectOutlined,
  ProfileOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
} from "../components/menu-icons.tsx";
import type { ResourceDefinition } from "../resources.ts";
import type { Role } from "../session/roles.ts";

/** Channel master data: every developer role above the floor reads it (RLS lets all staff). */
const CHANNEL_READERS: readonly Role[] = ["admin", "gm", "vp", "marketing_director", "sales_manager", "channel_manager"];
/** RLS "read reports": channel managers and managers+ of the project (admins are not among them). */
const REPORT_READERS: readonly Role[] = ["gm", "vp", "marketing_director", "sales_manager", "channel_manager"];
/** confirm_visit: channel managers and sales managers (a consultant only while on duty, not from here). */
const VISIT_CONFIRMERS: readonly Role[] = ["channel_manager", "sales_manager"];
const BROKER: readonly Role[] = ["broker"];

/** The channel screens (渠道), then the broker portal (经纪人门户), in menu order (see resources.ts). */
export const channelResources: ResourceDefinition[] = [
  // Menu group 渠道 (no page of its own).
  { name: "channel", icon: ApartmentOutlined, access: { list: CHANNEL_READERS } },
  // 报备 and 判客; "edit" is 带看确认 (there is no edit page).
  { name: "report_board", parent: "channel", icon: FileSearchOutlined, access: { list: REPORT_READERS, show: REPORT_READERS, edit: VISIT_CONFIRMERS } },
  // RLS: admins and channel managers (of any project) create and edit agencies and their stores.
  { name: "agencies", parent: "channel", icon: ShopOutlined, access: { list: CHANNEL_READERS, show: CHANNEL_READERS, create: ["admin", "channel_manager"], edit: ["admin", "channel_manager"] } },
  // RLS: admins, channel managers and marketing directors (channel policy) of the project write.
  {
    name: "cooperations",
    parent: "channel",
    icon: SolutionOutlined,
    access: { list: CHANNEL_READERS, create: ["admin", "channel_manager", "marketing_director"], edit: ["admin", "channel_manager", "marketing_director"] },
  },
  { name: "brokers", parent: "channel", icon: TeamOutlined, access: { list: CHANNEL_READERS, create: ["admin", "channel_manager"], edit: ["admin", "channel_manager"] } },

  // The broker portal, top level (a broker has nothing else): their own reports, visits and
  // commissions (views filtered to the caller).
  { name: "report_submit", icon: FormOutlined, page: { path: "/report-submit", load: () => import("../pages/report-submit/index.tsx") }, access: { list: BROKER } },
  { name: "broker_reports", icon: ProfileOutlined, access: { list: BROKER, show: BROKER } },
  { name: "broker_visits", icon: CarOutlined, access: { list: BROKER } },
  { name: "broker_commissions", icon: MoneyCollectOutlined, access: { list: BROKER } },
  // 带看确认单 (visit_slip): channel managers and managers, the receiving consultant, the report's broker.
  {
    name: "visit_slip",
    hideInMenu: true,
    page: { path: "/visit-slips/:id", load: () => import("../pages/visit-slip/index.tsx") },
    access: { list: [...REPORT_READERS, "consultant", "broker"] },
  },
];
