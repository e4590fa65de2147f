import type { StaffMember } from "../../db/identity.ts";
import { BROKER_ROLES, EMPLOYEE_ROLES, SALES_ROLES, type StaffRole } from "@so/shared/enums";

export { BROKER_ROLES, SALES_ROLES };
/** Roles that read the inventory (everyone but brokers). */
export const INVENTORY_ROLES = EMPLOYEE_ROLES;

export interface ProjectRef {
  id: string;
  name: string;
}

/**
 * The project the person acts in for something these roles do: the first (by name) where they
 * hold one of them, or null. Which buttons to offer only; the database checks the role again.
 */
export function projectFor(staff: StaffMember, roles: readonly StaffRole[]): ProjectRef | null {
  const found = staff.roles.find((r) => roles.includes(r.role));
  return found ? { id: found.projectId, name: found.projectName } : null;
}

