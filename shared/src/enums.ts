import { Constants, type Enums } from "./database.types.ts";

/** The database's enums (generated) and the role sets its functions check, once for admin and bot. */

export type StaffRole = Enums<"staff_role">;
export type CustomerSource = Enums<"customer_source">;

/** Every role, in the database's order. */
export const STAFF_ROLES = Constants.public.Enums.staff_role;
/** 客户来源, in the database's order. */
export const CUSTOMER_SOURCES = Constants.public.Enums.customer_source;

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
