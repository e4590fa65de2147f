import { AlertOutlined, AuditOutlined, IdcardOutlined, MailOutlined, SendOutlined, UserOutlined } from "../components/menu-icons.tsx";
import type { ResourceDefinition } from "../resources.ts";
import { MANAGER_ROLES, STAFF_ROLES } from "../session/roles.ts";

const ADMIN = ["admin"] as const;

/** The staff screens (员工), the audit log and Telegram binding, in menu order (see resources.ts). */
export const staffResources: ResourceDefinition[] = [
  // Menu group 员工与审计 (no page of its own): admins see all of it, managers the audit log.
  { name: "staff_center", icon: IdcardOutlined, access: { list: ["admin", ...MANAGER_ROLES] } },
  // The staff functions (update_staff, add/remove_staff_role, invite_staff) are admin-only; "create" is 邀请员工.
  { name: "staff", parent: "staff_center", icon: UserOutlined, access: { list: ADMIN, show: ADMIN, create: ADMIN, edit: ADMIN } },
  { name: "staff_invitation_list", parent: "staff_center", icon: MailOutlined, access: { list: ADMIN } },
  // RLS on notifications: admins read everyone's (failed deliveries included).
  { name: "failed_notifications", parent: "staff_center", icon: AlertOutlined, access: { list: ADMIN } },
  // RLS on audit_log: admins everything, managers their projects' rows.
  { name: "audit_trail", parent: "staff_center", icon: AuditOutlined, access: { list: ["admin", ...MANAGER_ROLES] } },
  // create_telegram_bind_code / unbind_telegram: anyone for themself (the bot serves developer staff).
  {
    name: "telegram_binding",
    icon: SendOutlined,
    page: { path: "/telegram", load: () => import("../pages/telegram-binding/index.tsx") },
    access: { list: STAFF_ROLES },
  },
];
