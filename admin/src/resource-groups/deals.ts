import { FileDoneOutlined, FileSearchOutlined, FileTextOutlined, ShoppingOutlined, SwapOutlined } from "../components/menu-icons.tsx";
import type { ResourceDefinition } from "../resources.ts";
import { MANAGER_ROLES, type Role } from "../session/roles.ts";

/** Consultants (own customers, regularised) and managers sign subscriptions and contracts. */
const DEAL_ACTORS: readonly Role[] = ["consultant", ...MANAGER_ROLES];
/** private.can_view_deal: managers, finance, admins, the deal's consultant. */
const DEAL_READERS: readonly Role[] = [...DEAL_ACTORS, "finance", "admin"];

/** The deals screens, in menu order (see resources.ts for how to add one). */
export const dealsResources: ResourceDefinition[] = [
  { name: "deals", icon: ShoppingOutlined, access: { list: DEAL_READERS } },
  {
    name: "subscriptions",
    parent: "deals",
    icon: FileTextOutlined,
    // edit = extend_contract_deadline (延期): managers only.
    access: { list: DEAL_READERS, create: DEAL_ACTORS, edit: MANAGER_ROLES },
  },
  {
    name: "subscription_print",
    hideInMenu: true,
    page: { path: "/subscriptions/print/:id", load: () => import("../pages/subscription-print/index.tsx") },
    access: { list: DEAL_READERS },
  },
  {
    // 购房资质审核: the list awaiting a check (qualification_queue) for finance and managers;
    // record_qualification: facts and papers by deal actors and finance (create), the decision
    // 符合/不符合 by finance and managers (edit).
    name: "purchase_qualifications",
    parent: "deals",
    icon: FileSearchOutlined,
    page: { path: "/purchase-qualifications", load: () => import("../pages/purchase-qualifications/index.tsx") },
    access: { list: ["finance", ...MANAGER_ROLES], create: [...DEAL_ACTORS, "finance"], edit: ["finance", ...MANAGER_ROLES] },
  },
  {
    name: "contracts",
    parent: "deals",
    icon: FileDoneOutlined,
    // edit = sign_contract (the deal's consultant or a manager)
    access: { list: DEAL_READERS, create: DEAL_ACTORS, edit: DEAL_ACTORS },
  },
  {
    // register_contract (网签备案): managers, finance, the contract's consultant.
    name: "contract_registrations",
    hideInMenu: true,
    access: { create: [...DEAL_ACTORS, "finance"] },
  },
  {
    // unit_changes: readable by whoever sees the approval, and by finance; requested by deal actors.
    name: "unit_changes",
    parent: "deals",
    icon: SwapOutlined,
    access: { list: DEAL_READERS, create: DEAL_ACTORS },
  },
];
