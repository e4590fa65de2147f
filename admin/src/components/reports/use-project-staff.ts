import { useList } from "@refinedev/core";
import { useMemo } from "react";
import type { Role } from "../../session/roles.ts";

export interface ProjectPerson {
  id: string;
  name: string;
  roles: Role[];
}

interface Membership {
  staff_id: string;
  role: Role;
  staff: { id: string; name: string; active: boolean } | null;
}

/**
 * The project's active staff (not brokers), for 负责人 / 主持人 / 排班 pickers and for names in lists.
 * RLS lets every staff member read their colleagues in the project.
 */
export function useProjectStaff(projectId: string | undefined) {
  const { result, query } = useList<Membership>({
    resource: "staff_projects",
    filters: [{ field: "project_id", operator: "eq", value: projectId }],
    pagination: { mode: "off" },
    meta: { select: "staff_id, role, staff(id, name, active)" },
    queryOptions: { enabled: Boolean(projectId) },
  });
  return useMemo(() => {
    const byId = new Map<string, ProjectPerson>();
    for (const m of result?.data ?? []) {
      if (m.role === "broker" || m.role === "admin" || !m.staff?.active) continue;
      const person = byId.get(m.staff_id) ?? { id: m.staff_id, name: m.staff.name, roles: [] };
      person.roles.push(m.role);
      byId.set(m.staff_id, person);
    }
    const people = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
    return { people, nameOf: (id: string | null | undefined) => (id ? (byId.get(id)?.name ?? "") : ""), loading: query.isLoading };
  }, [result, query.isLoading]);
}
