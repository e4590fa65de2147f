import { useMany } from "@refinedev/core";

/** id → name for colleagues (staff RLS: colleagues in my projects), e.g. for 代 X 审批. */
export function useStaffNames(ids: (string | null | undefined)[]): Record<string, string> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const { result } = useMany<{ id: string; name: string }>({
    resource: "staff",
    ids: wanted,
    meta: { select: "id, name" },
    queryOptions: { enabled: wanted.length > 0 },
  });
  return Object.fromEntries((result?.data ?? []).map((s) => [s.id, s.name]));
}
