import {
  AccountBookOutlined,
  AlertOutlined,
  MoneyCollectOutlined,
  ReconciliationOutlined,
  RollbackOutlined,
  WalletOutlined,
} from "../components/menu-icons.tsx";
import type { ResourceDefinition } from "../resources.ts";
import { MANAGER_ROLES, type Role } from "../session/roles.ts";

const FINANCE_READERS: readonly Role[] = ["finance", ...MANAGER_ROLES, "admin"];
/** commissions RLS: channel managers, finance, managers, admins (brokers their own, elsewhere). */
const COMMISSION_READERS: readonly Role[] = ["channel_manager", ...FINANCE_READERS];

/** The finance screens, in menu order (see resources.ts for how to add one). */
export const financeResources: ResourceDefinition[] = [
  { name: "finance", icon: AccountBookOutlined, access: { list: [...COMMISSION_READERS, "consultant"] } },
  {
    // payments RLS: finance and managers read; only finance records (record_payment) and reverses (edit).
    name: "payments",
    parent: "finance",
    icon: WalletOutlined,
    access: { list: FINANCE_READERS, create: ["finance"], edit: ["finance"] },
  },
  {
    // 收款收据 of one payment: whoever reads payments.
    name: "payment_receipt",
    hideInMenu: true,
    page: { path: "/payments/receipt/:id", load: () => import("../pages/payment-receipt/index.tsx") },
    access: { list: FINANCE_READERS },
  },
  {
    // receivables (催款): finance and managers; consultants see their own deals' items.
    name: "receivables",
    parent: "finance",
    icon: AlertOutlined,
    access: { list: [...FINANCE_READERS, "consultant"] },
  },
  // 催款 contacts (record_collection_contact): finance and managers of the project.
  { name: "collection_contacts", hideInMenu: true, access: { create: ["finance", ...MANAGER_ROLES] } },
  {
    // 未回款报告单 / 逾期回款函 (collection_paper): finance, managers, the deal's consultant.
    name: "collection_paper",
    hideInMenu: true,
    page: { path: "/collection-papers/:paper/:id", load: () => import("../pages/collection-paper/index.tsx") },
    access: { list: [...FINANCE_READERS, "consultant"] },
  },
  {
    // money_due_on_changes: refunds (退房) and carry-overs (换房); finance settles them.
    name: "money_due_on_changes",
    parent: "finance",
    icon: RollbackOutlined,
    access: { list: FINANCE_READERS, create: ["finance"] },
  },
  {
    // approve_commission: channel managers and the 营销部长 (edit; never whoever last changed the
    // agency's terms — the database refuses them); mark_commission_paid: finance (commission_payouts).
    name: "commissions",
    parent: "finance",
    icon: MoneyCollectOutlined,
    access: { list: COMMISSION_READERS, edit: ["channel_manager", "marketing_director"] },
  },
  { name: "commission_payouts", hideInMenu: true, access: { create: ["finance"] } },
  {
    name: "commission_statements",
    parent: "finance",
    icon: ReconciliationOutlined,
    access: { list: COMMISSION_READERS },
  },
];
