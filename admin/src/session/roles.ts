import { EMPLOYEE_ROLES, isStaffRole, STAFF_ROLES as ALL_ROLES, type StaffRole } from "@so/shared/enums";

export { MANAGER_ROLES, SALES_ROLES } from "@so/shared/enums";
export type Role = StaffRole;

/** The order a sales office ranks its roles in (the compiler asks for a place for each new role). */
const RANK: Record<Role, number> = {
  admin: 0, gm: 1, vp: 2, marketing_director: 3, sales_manager: 4, finance: 5, channel_manager: 6, consultant: 7, broker: 8,
};

/** The roles of `public.staff_role`, ranked. */
export const ROLES: readonly Role[] = [...ALL_ROLES].sort((a, b) => RANK[a] - RANK[b]);

export const isRole = isStaffRole;

/** Staff of the developer (everyone but external brokers). */
export const STAFF_ROLES: readonly Role[] = EMPLOYEE_ROLES;

export const sortRoles = (roles: Iterable<Role>): Role[] => [...new Set(roles)].sort((a, b) => RANK[a] - RANK[b]);
