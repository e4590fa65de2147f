import { MANAGER_ROLES, STAFF_ROLES, type Role } from "../../session/roles.ts";

/**
 * Who may do what to a unit, mirroring the database (20261123025000_inventory.sql) so the board
 * offers only what would be accepted; the functions themselves still decide.
 */

/** `private.sales_roles()`: hold_unit and release_unit. */
export const SALES_ROLES: readonly Role[] = ["consultant", ...MANAGER_ROLES];
/** Readers of buildings and units (RLS): non-broker members and admins. */
export const INVENTORY_READERS: readonly Role[] = STAFF_ROLES;
/** import_price_list, buildings insert/update: managers and admins. */
export const INVENTORY_EDITORS: readonly Role[] = ["admin", ...MANAGER_ROLES];

const any = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((r) => allowed.includes(r));

export interface UnitForActions {
  status: string;
  held_by: string | null;
}

export const unitPermissions = (roles: readonly Role[], me: string | undefined) => ({
  hold: (u: UnitForActions) => u.status === "available" && any(roles, SALES_ROLES),
  /** The holder, or a manager+ (release_unit). */
  release: (u: UnitForActions) =>
    u.status === "held" && any(roles, SALES_ROLES) && (u.held_by === me || any(roles, MANAGER_ROLES)),
  /** withhold_unit refuses subscribed, signed and withheld units. */
  withhold: (u: UnitForActions) => (u.status === "available" || u.status === "held") && any(roles, MANAGER_ROLES),
  unwithhold: (u: UnitForActions) => u.status === "withheld" && any(roles, MANAGER_ROLES),
  /** audit_log RLS: admins and the project's managers. */
  readAudit: any(roles, ["admin", ...MANAGER_ROLES]),
});
