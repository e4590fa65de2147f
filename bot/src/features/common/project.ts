import type { StaffMember } from "../../db/identity.ts";
import type { StaffRole } from "../../i18n/roles.ts";

/** Roles that work customers (register, follow up, hold, ask for discounts). */
export const SALES_ROLES: readonly StaffRole[] = ["consultant", "sales_manager", "marketing_director", "vp", "gm"];
/** Roles that read the inventory (everyone but brokers). */
export const INVENTORY_ROLES: readonly StaffRole[] = [...SALES_ROLES, "finance", "channel_manager", "admin"];
export const BROKER_ROLES: readonly StaffRole[] = ["broker"];

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

