import type { Translate } from "./index.ts";

import type { StaffRole } from "@so/shared/enums";

export { STAFF_ROLES, type StaffRole } from "@so/shared/enums";

export interface ProjectRole {
  projectId: string;
  projectName: string;
  role: StaffRole;
}

export const roleLabel = (t: Translate, role: StaffRole) => t(`role.${role}`);

/** "云栖雅苑 · 置业顾问、销售经理；…" — roles grouped by project. */
export function describeRoles(t: Translate, roles: ProjectRole[]): string {
  const byProject = new Map<string, StaffRole[]>();
  for (const r of roles) byProject.set(r.projectName, [...(byProject.get(r.projectName) ?? []), r.role]);
  if (byProject.size === 0) return "—";
  return [...byProject].map(([project, list]) => `${project} · ${list.map((role) => roleLabel(t, role)).join("、")}`).join("；");
}
