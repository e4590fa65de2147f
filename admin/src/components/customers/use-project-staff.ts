import { useList } from "@refinedev/core";
import { useMemo } from "react";
import { useCurrentProject } from "../../session/current-project.tsx";
import type { Role } from "../../session/roles.ts";

export interface ProjectStaff {
  id: string;
  name: string;
  active: boolean;
  hiredOn: string | null;
  roles: Role[];
}

interface MembershipRow {
  staff_id: string;
  role: Role;
  staff: { id: string; name: string; active: boolean; hired_on: string | null } | null;
}

/** The staff of the current project (RLS: members read their colleagues), brokers left out. */
export function useProjectStaff() {
  const { project } = useCurrentProject();
  const { result, query } = useList<MembershipRow & { id?: string }>({
    resource: "staff_projects",
    filters: [
      { field: "project_id", operator: "eq", value: project?.projectId },
      { field: "role", operator: "ne", value: "broker" },
    ],
    pagination: { mode: "off" },
    meta: { select: "staff_id, role, staff(id, name, active, hired_on)" },
    queryOptions: { enabled: Boolean(project) },
  });
  const staff = useMemo(() => {
    const byId = new Map<string, ProjectStaff>();
    for (const row of (result?.data ?? []) as MembershipRow[]) {
      if (!row.staff) continue;
      const person = byId.get(row.staff_id) ?? { id: row.staff.id, name: row.staff.name, active: row.staff.active, hiredOn: row.staff.hired_on, roles: [] };
      person.roles.push(row.role);
      byId.set(row.staff_id, person);
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  }, [result]);
  const consultants = useMemo(() => staff.filter((s) => s.roles.includes("consultant")), [staff]);
  const nameOf = useMemo(() => new Map(staff.map((s) => [s.id, s.name])), [staff]);
  return { staff, consultants, nameOf, loading: query.isLoading };
}
