import { AuditOutlined, CheckSquareOutlined, PercentageOutlined } from "../components/menu-icons.tsx";
import { withCountBadge } from "../components/notifications/menu-badge.tsx";
import type { ResourceDefinition } from "../resources.ts";
import { MANAGER_ROLES, STAFF_ROLES } from "../session/roles.ts";

/** Who asks for discounts (request_discount: consultants and managers). */
const REQUESTERS = ["consultant", ...MANAGER_ROLES] as const;

/**
 * The approvals screens, in menu order (see resources.ts for how to add one).
 *
 * Who reads an approval (private.can_view_approval): its requester, the project's managers,
 * admins, current delegates and whoever decided a step. Any staff member can be a requester
 * or a delegate, so the inbox is open to all staff; what it lists is what the views return.
 */
export const approvalsResources: ResourceDefinition[] = [
  { name: "approval_center", icon: withCountBadge(AuditOutlined, "approvals"), access: { list: STAFF_ROLES } },
  {
    name: "approvals",
    parent: "approval_center",
    // badge: steps waiting for me, as approver or delegate (my_counts)
    icon: withCountBadge(CheckSquareOutlined, "approvals"),
    page: { path: "/approvals", load: () => import("../pages/approvals/index.tsx") },
    access: { list: STAFF_ROLES },
  },
  {
    name: "approval_detail",
    hideInMenu: true,
    page: { path: "/approvals/:id", load: () => import("../pages/approvals/detail.tsx") },
    access: { list: STAFF_ROLES },
  },
  {
    // discount_request_overview: requesters, managers, admins (RLS); request_discount: consultants and managers.
    name: "discount_requests",
    parent: "approval_center",
    icon: PercentageOutlined,
    access: { list: [...REQUESTERS, "admin"], create: REQUESTERS },
  },
  {
    // delegate_approvals: holders of an approver role only; everyone sees the delegations given to them.
    name: "approval_delegations",
    hideInMenu: true,
    access: { list: STAFF_ROLES, create: MANAGER_ROLES },
  },
];
