import type { BoundContext } from "../../context.ts";
import type { StaffMember } from "../../db/identity.ts";
import { BROKER_ROLES, EMPLOYEE_ROLES, SALES_ROLES, type StaffRole } from "@so/shared/enums";

export { BROKER_ROLES, SALES_ROLES };
/** Roles that read the inventory (everyone but brokers). */
export const INVENTORY_ROLES = EMPLOYEE_ROLES;

export interface ProjectRef {
  id: string;
  name: string;
}

/** The projects the person works in, by name (their roles come sorted by project name). */
export function projectsOf(staff: StaffMember): ProjectRef[] {
  const seen = new Map<string, ProjectRef>();
  for (const r of staff.roles) if (!seen.has(r.projectId)) seen.set(r.projectId, { id: r.projectId, name: r.projectName });
  return [...seen.values()];
}

/**
 * The project the person works in now: the one chosen in this chat (/project) while they still
 * belong to it, else their only project; null when they belong to several and have chosen none.
 */
export function currentProject(ctx: BoundContext): ProjectRef | null {
  const projects = projectsOf(ctx.staff);
  const chosen = projects.find((p) => p.id === ctx.session.projectId);
  if (chosen) return chosen;
  return projects.length === 1 ? projects[0] : null;
}

/**
 * The current project when the person holds one of these roles there, or null. Which buttons
 * and dialogues to offer only; the database checks the role again.
 */
export function projectFor(ctx: BoundContext, roles: readonly StaffRole[]): ProjectRef | null {
  const project = currentProject(ctx);
  if (!project) return null;
  return ctx.staff.roles.some((r) => r.projectId === project.id && roles.includes(r.role)) ? project : null;
}

/** The roles the person holds in the current project. */
export const currentRoles = (ctx: BoundContext): StaffRole[] => {
  const project = currentProject(ctx);
  return project ? [...new Set(ctx.staff.roles.filter((r) => r.projectId === project.id).map((r) => r.role))] : [];
};
