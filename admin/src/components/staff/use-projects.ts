import { useList } from "@refinedev/core";

export interface ProjectOption {
  id: string;
  name: string;
  code: string;
}

/** Every project the caller may read (administrators: all), by code. */
export function useProjectOptions() {
  const { result, query } = useList<ProjectOption>({
    resource: "projects",
    pagination: { mode: "off" },
    sorters: [{ field: "code", order: "asc" }],
    meta: { select: "id, name, code" },
  });
  const projects = result.data ?? [];
  return {
    projects,
    isLoading: query.isLoading,
    options: projects.map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` })),
    nameOf: (id: string) => projects.find((p) => p.id === id)?.name ?? id,
  };
}
