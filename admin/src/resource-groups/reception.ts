import {
  CarOutlined,
  CustomerServiceOutlined,
  ExclamationCircleOutlined,
  OrderedListOutlined,
  PhoneOutlined,
  ScheduleOutlined,
  ShopOutlined,
} from "../components/menu-icons.tsx";
import { withCountBadge } from "../components/notifications/menu-badge.tsx";
import type { ResourceDefinition } from "../resources.ts";
import { MANAGER_ROLES, SALES_ROLES, type Role } from "../session/roles.ts";

/** Members who read the rotation (RLS "members read the queue"), and who may file complaints. */
const FLOOR_STAFF: readonly Role[] = [...SALES_ROLES, "finance", "channel_manager"];

/** The reception screens, in menu order (see resources.ts for how to add one). */
export const receptionResources: ResourceDefinition[] = [
  // Menu group 接待 (no page of its own).
  { name: "reception", icon: withCountBadge(CustomerServiceOutlined, "follow_ups_due"), access: { list: FLOOR_STAFF } },
  {
    // 轮排: everyone on the floor reads it; consultants check themselves in and out and take
    // the next walk-in (create); managers act for any consultant (edit).
    name: "reception_board",
    parent: "reception",
    icon: OrderedListOutlined,
    page: { path: "/reception", load: () => import("../pages/reception-board/index.tsx") },
    access: { list: FLOOR_STAFF, create: SALES_ROLES, edit: MANAGER_ROLES },
  },
  {
    // 来访登记: managers read all; consultants and channel managers those of customers they see.
    name: "visits",
    parent: "reception",
    icon: ShopOutlined,
    access: { list: [...SALES_ROLES, "channel_manager"], create: SALES_ROLES },
  },
  {
    // 来电登记: managers read all, consultants their own.
    name: "calls",
    parent: "reception",
    icon: PhoneOutlined,
    access: { list: SALES_ROLES, create: SALES_ROLES },
  },
  {
    // 外出带看报备 (outings, report_outing, return_from_outing): managers read all, consultants
    // their own; the customer's consultant or a manager reports; the reporter or a manager marks 已返回.
    name: "outings",
    parent: "reception",
    icon: CarOutlined,
    access: { list: SALES_ROLES, create: SALES_ROLES, edit: MANAGER_ROLES },
  },
  {
    // 待追访 (view follow_ups_due): the caller's own customers, so consultants only.
    name: "follow_ups_due",
    parent: "reception",
    icon: withCountBadge(ScheduleOutlined, "follow_ups_due"),
    access: { list: ["consultant"], create: SALES_ROLES },
  },
  {
    // 投诉: managers read all, others those they filed or handle; the handler or a manager
    // moves one on (update_complaint checks the handler per complaint).
    name: "complaints",
    parent: "reception",
    icon: ExclamationCircleOutlined,
    access: { list: FLOOR_STAFF, create: FLOOR_STAFF, edit: FLOOR_STAFF },
  },
];
