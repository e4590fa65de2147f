import type { Tables } from "@so/shared/database.types";
import { useList } from "@refinedev/core";
import { useMemo } from "react";
import { useCurrentProject } from "../session/current-project.tsx";
import type { Role } from "../session/roles.ts";

export interface ProjectPerson {
  id: string;
  name: string;
  email: string;
  active: boolean;
  hiredOn: string | null;
  /** Their roles in this project. */
  roles: Role[];
}

type MembershipRow = Pick<Tables<"staff_projects">, "staff_id" | "role"> & {
  staff: Pick<Tables<"staff">, "id" | "name" | "email" | "active" | "hired_on"> | null;
};

/**
 * Everyone holding a role in a project (the current one unless named), one entry per person.
 * RLS lets members read their colleagues. `staff`: all but brokers, inactive included (names in
 * lists stay readable); `people`: active staff to pick (负责人, 主持人, 排班), administrators left out;
 * `withRole(role)`: the active holders of one role.
 */
export function useProjectStaff(projectId?: string) {
  const { project } = useCurrentProject();
  const id = projectId ?? project?.projectId;
  const { result, query } = useList<MembershipRow>({
    resource: "staff_projects",
    filters: [{ field: "project_id", operator: "eq", value: id }],
    pagination: { mode: "off" },
    meta: { select: "staff_id, role, staff(id, name, email, active, hired_on)" },
    queryOptions: { enabled: Boolean(id) },
  });
  return useMemo(() => {
    const byId = new Map<string, ProjectPerson>();
    for (const row of result?.data ?? []) {
      if (!row.staff) continue;
      const s = row.staff;
      const person = byId.get(s.id) ?? { id: s.id, name: s.name, email: s.email, active: s.active, hiredOn: s.hired_on, roles: [] };
      person.roles.push(row.role);
      byId.set(s.id, person);
    }
    const everyone = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
    const staff = everyone.filter((p) => p.roles.some((r) => r !== "broker"));
    return {
      staff,
      consultants: staff.filter((p) => p.roles.includes("consultant")),
      people: staff.filter((p) => p.active && p.roles.some((r) => r !== "broker" && r !== "admin")),
      withRole: (role: Role) => everyone.filter((p) => p.active && p.roles.includes(role)),
      nameOf: (personId: string | null | undefined) => (personId ? (byId.get(personId)?.name ?? "") : ""),
      loading: query.isLoading,
    };
  }, [result, query.isLoading]);
}
