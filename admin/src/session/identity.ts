import { findStaff } from "@so/shared/identity";
import type { DbClient } from "@so/shared/db-client";
import { isRole, sortRoles, type Role } from "./roles.ts";

/** A project the signed-in person belongs to, with their roles there. */
export interface Membership {
  projectId: string;
  projectName: string;
  projectCode: string;
  roles: Role[];
}

/** Who is signed in, as the admin shows it: name, email and roles per project. */
export interface StaffIdentity {
  id: string;
  email: string;
  name: string;
  /** Admin in any project: `private.is_admin()` is not scoped to a project. */
  isAdmin: boolean;
  memberships: Membership[];
}

/** One query: the staff row with its roles and their projects (RLS lets everyone read their own). */
export async function fetchIdentity(client: DbClient): Promise<StaffIdentity | null> {
  const { data: session } = await client.auth.getSession();
  const user = session.session?.user;
  if (!user) return null;
  const data = await findStaff(client, { id: user.id });
  const email = user.email ?? data?.email ?? "";
  if (!data || !data.active) return { id: user.id, email, name: data?.name ?? email, isAdmin: false, memberships: [] };

  const byProject = new Map<string, Membership>();
  for (const row of data.roles) {
    if (!isRole(row.role)) continue;
    const membership = byProject.get(row.projectId) ?? {
      projectId: row.projectId,
      projectName: row.projectName,
      projectCode: row.projectCode,
      roles: [],
    };
    membership.roles = sortRoles([...membership.roles, row.role]);
    byProject.set(row.projectId, membership);
  }
  const memberships = [...byProject.values()].sort((a, b) => a.projectCode.localeCompare(b.projectCode));
  return {
    id: data.id,
    email,
    name: data.name,
    isAdmin: memberships.some((m) => m.roles.includes("admin")),
    memberships,
  };
}

/** The project in use: the stored choice when the person still belongs to it, else the first. */
export function resolveProject(identity: StaffIdentity | null | undefined, storedId: string | null): Membership | null {
  const memberships = identity?.memberships ?? [];
  return memberships.find((m) => m.projectId === storedId) ?? memberships[0] ?? null;
}

/** Roles that count in the current project; admin counts everywhere, as in the database. */
export function effectiveRoles(identity: StaffIdentity | null | undefined, project: Membership | null): Role[] {
  if (!identity) return [];
  return sortRoles([...(project?.roles ?? []), ...(identity.isAdmin ? (["admin"] as const) : [])]);
}
