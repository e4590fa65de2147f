import { useList } from "@refinedev/core";
import type { Role } from "../../session/roles.ts";

interface MemberRow {
  staff_id: string;
  role: Role;
  staff: { id: string; name: string; email: string; active: boolean } | null;
}

export interface ProjectMember {
  id: string;
  name: string;
  email: string;
}

/** The active people holding a role in a project (RLS: colleagues of the project may read them). */
export function useProjectStaff(projectId: string | undefined, role: Role) {
  const { result, query } = useList<MemberRow>({
    resource: "staff_projects",
    pagination: { mode: "off" },
    filters: [
      { field: "project_id", operator: "eq", value: projectId },
      { field: "role", operator: "eq", value: role },
    ],
    meta: { select: "staff_id, role, staff!inner(id, name, email, active)" },
    queryOptions: { enabled: Boolean(projectId) },
  });
  const members: ProjectMember[] = (result.data ?? [])
    .filter((row) => row.staff?.active)
    .map((row) => ({ id: row.staff!.id, name: row.staff!.name, email: row.staff!.email }))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  return { members, isLoading: query.isLoading };
}
