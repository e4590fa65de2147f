import { Constants, type Enums } from "./database.types.ts";

/** The database's enums (generated) and the role sets its functions check, once for admin and bot. */

export type StaffRole = Enums<"staff_role">;
export type CustomerSource = Enums<"customer_source">;
export type UnitStatus = Enums<"unit_status">;

/** Every role, in the database's order. */
export const STAFF_ROLES = Constants.public.Enums.staff_role;
/** 客户来源, in the database's order. */
export const CUSTOMER_SOURCES = Constants.public.Enums.customer_source;
/** 客户状态, in the database's order (new → lost). */
export const CUSTOMER_STATUSES = Constants.public.Enums.customer_status;
/** 房源状态, in the database's order, which is the 销控表's (可售 → 不可售). */
export const UNIT_STATUSES = Constants.public.Enums.unit_status;

export const isStaffRole = (value: unknown): value is StaffRole => (STAFF_ROLES as readonly unknown[]).includes(value);

const MANAGERS = ["sales_manager", "marketing_director", "vp", "gm"] as const satisfies readonly StaffRole[];
export type ApproverRole = (typeof MANAGERS)[number];
/** Managers and above: `private.manager_roles()`. */
export const MANAGER_ROLES: readonly StaffRole[] = MANAGERS;
/** Who approves special discounts, in the matrix's chains: `private.approver_roles()`. */
export const APPROVER_ROLES: readonly ApproverRole[] = MANAGERS;
/** Those who work customers (register, follow up, hold, ask for discounts): `private.sales_roles()`. */
export const SALES_ROLES: readonly StaffRole[] = ["consultant", ...MANAGERS];
/** The developer's own staff: every role but the agencies' brokers (they read the inventory). */
export const EMPLOYEE_ROLES: readonly StaffRole[] = STAFF_ROLES.filter((r) => r !== "broker");
export const BROKER_ROLES: readonly StaffRole[] = ["broker"];
