import type { ViewRow } from "../../lib/db-rows.ts";
import { useList } from "@refinedev/core";

/** A row of the view reception_board: today's queue, in turn order. */
export type BoardRow = ViewRow<"reception_board", "last_assigned_at">;

export const REFRESH_SECONDS = 10;

/** Today's rotation, refreshed every few seconds (the front desk's screen stays current). */
export function useBoard(projectId: string) {
  const { result, query } = useList<BoardRow & { id?: string }>({
    resource: "reception_board",
    sorters: [{ field: "position", order: "asc" }],
    pagination: { mode: "off" },
    queryOptions: { refetchInterval: REFRESH_SECONDS * 1000 },
  });
  const rows = (result?.data ?? []) as BoardRow[];
  // The next first-time walk-in goes to the earliest consultant who is not busy.
  const next = rows.find((r) => !r.busy) ?? null;
  return { rows, next, query, updatedAt: query.dataUpdatedAt };
}
