import { AuditOutlined, StarOutlined, SwapOutlined, TeamOutlined, UnorderedListOutlined, UserSwitchOutlined } from "../components/menu-icons.tsx";
import type { ResourceDefinition } from "../resources.ts";
import { MANAGER_ROLES, SALES_ROLES, type Role } from "../session/roles.ts";

/**
 * Who reads customers (RLS on public.customers): consultants their own and the pool, managers
 * and finance the project, channel managers those reported through the channel. Not admins.
 */
const CUSTOMER_READERS: readonly Role[] = [...SALES_ROLES, "finance", "channel_manager"];

/** The customers screens, in menu order (see resources.ts for how to add one). */
export const customersResources: ResourceDefinition[] = [
  // Menu group 客户 (no page of its own).
  { name: "customer_center", icon: TeamOutlined, access: { list: CUSTOMER_READERS } },
  {
    // list/show read the view customer_list; writes are register_customer, update_customer,
    // mark_customer_lost (owner or manager, decided per customer) and claim_customer.
    name: "customers",
    parent: "customer_center",
    icon: UnorderedListOutlined,
    access: { list: CUSTOMER_READERS, show: CUSTOMER_READERS, create: SALES_ROLES, edit: SALES_ROLES },
  },
  {
    // 撞单: managers read all and rule (rule_collision); the two consultants read theirs.
    name: "customer_collisions",
    parent: "customer_center",
    icon: SwapOutlined,
    access: { list: SALES_ROLES, edit: MANAGER_ROLES },
  },
  {
    // 转移客户 (reassign_customers): managers only.
    name: "customer_reassign",
    parent: "customer_center",
    icon: UserSwitchOutlined,
    page: { path: "/customer-reassign", load: () => import("../pages/customer-reassign/index.tsx") },
    access: { list: MANAGER_ROLES },
  },
  {
    // 客户分析会 (customer_review_queue, review_customer): managers of the project.
    name: "customer_reviews",
    parent: "customer_center",
    icon: AuditOutlined,
    page: { path: "/customer-reviews", load: () => import("../pages/customer-reviews/index.tsx") },
    access: { list: MANAGER_ROLES },
  },
  {
    // 准客户名录 (key_prospect_list, mark/unmark_key_prospect): managers the project's, a
    // consultant their own customers.
    name: "key_prospects",
    parent: "customer_center",
    icon: StarOutlined,
    page: { path: "/key-prospects", load: () => import("../pages/key-prospects/index.tsx") },
    access: { list: SALES_ROLES },
  },
];
