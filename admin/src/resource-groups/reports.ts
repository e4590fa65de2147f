import {
  AimOutlined,
  AppstoreOutlined,
  BarChartOutlined,
  CalendarOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  FormOutlined,
  LineChartOutlined,
  NotificationOutlined,
  ScheduleOutlined,
  SolutionOutlined,
} from "../components/menu-icons.tsx";
import type { ResourceDefinition } from "../resources.ts";
import { MANAGER_ROLES, type Role } from "../session/roles.ts";

/**
 * Who may use what, as the database decides it (supabase/migrations/2026112316*):
 *   daily_report / dashboard figures: managers+ all, finance the money, consultants their own row;
 *   monthly_report: managers+ and finance (money sections);
 *   weekly minutes, morning meetings, roster, duty log: the project's staff read; managers+ write
 *   minutes, meetings and the roster; everyone writes their own duty log and diary;
 *   diaries: the author and managers+ read.
 */
const PROJECT_STAFF: readonly Role[] = ["gm", "vp", "marketing_director", "sales_manager", "finance", "channel_manager", "consultant"];
const REPORT_READERS: readonly Role[] = [...MANAGER_ROLES, "finance", "consultant"];
const MONTHLY_READERS: readonly Role[] = [...MANAGER_ROLES, "finance"];
const SALES_STAFF: readonly Role[] = [...MANAGER_ROLES, "consultant"];

/** The reports screens, in menu order (see resources.ts for how to add one). */
export const reportsResources: ResourceDefinition[] = [
  { name: "reports", icon: BarChartOutlined, access: { list: PROJECT_STAFF } },
  {
    name: "report_center",
    parent: "reports",
    icon: AppstoreOutlined,
    page: { path: "/reports", load: () => import("../pages/reports/center.tsx") },
    access: { list: PROJECT_STAFF },
  },
  {
    name: "daily_report",
    parent: "reports",
    icon: CalendarOutlined,
    page: { path: "/reports/daily", load: () => import("../pages/reports/daily.tsx") },
    access: { list: REPORT_READERS },
  },
  {
    name: "weekly_minutes",
    parent: "reports",
    icon: FileTextOutlined,
    access: { list: PROJECT_STAFF, show: PROJECT_STAFF, create: MANAGER_ROLES, edit: MANAGER_ROLES },
  },
  {
    name: "monthly_report",
    parent: "reports",
    icon: LineChartOutlined,
    page: { path: "/reports/monthly", load: () => import("../pages/reports/monthly.tsx") },
    access: { list: MONTHLY_READERS },
  },
  {
    // 销售指标: target_progress for the report readers; set_sales_target for managers.
    name: "sales_targets",
    parent: "reports",
    icon: AimOutlined,
    page: { path: "/reports/targets", load: () => import("../pages/reports/targets/index.tsx") },
    access: { list: REPORT_READERS, edit: MANAGER_ROLES },
  },
  {
    // 可比楼盘 (market_surveys, save_market_survey): the project's sales staff record and read;
    // the author or a manager corrects.
    name: "market_surveys",
    parent: "reports",
    icon: EnvironmentOutlined,
    access: { list: SALES_STAFF, edit: MANAGER_ROLES },
  },
  {
    name: "morning_meetings",
    parent: "reports",
    icon: NotificationOutlined,
    access: { list: PROJECT_STAFF, show: PROJECT_STAFF, create: MANAGER_ROLES, edit: MANAGER_ROLES, delete: MANAGER_ROLES },
  },
  {
    name: "duty_roster",
    parent: "reports",
    icon: ScheduleOutlined,
    access: { list: PROJECT_STAFF, create: MANAGER_ROLES, edit: MANAGER_ROLES, delete: MANAGER_ROLES },
  },
  {
    name: "duty_logs",
    parent: "reports",
    icon: SolutionOutlined,
    access: { list: PROJECT_STAFF, create: PROJECT_STAFF, edit: PROJECT_STAFF, delete: PROJECT_STAFF },
  },
  {
    name: "work_diaries",
    parent: "reports",
    icon: FormOutlined,
    access: { list: PROJECT_STAFF, create: PROJECT_STAFF, edit: PROJECT_STAFF, delete: PROJECT_STAFF },
  },
];
