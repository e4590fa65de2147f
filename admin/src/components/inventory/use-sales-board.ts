import { hasEarlySalesBoard, takeEarlySalesBoard } from "./board-prefetch.ts";
import type { UnitStatus } from "./unit-status.ts";
import { useProjectRpcQuery } from "../../hooks/use-project-rpc-query.ts";
import { useCurrentProject } from "../../session/current-project.tsx";

/** A unit as `sales_board()` returns it: money and areas as exact decimal strings. */
export interface BoardUnit {
  id: string;
  building_id: string;
  building_code: string;
  floor: number;
  number: string;
  rooms: number;
  halls: number;
  baths: number;
  building_area: string;
  inner_area: string | null;
  orientation: string | null;
  unit_price: string;
  list_price: string;
  /** Effective: an expired hold is available. */
  status: UnitStatus;
  held_by: string | null;
  held_by_name: string | null;
  held_for: string | null;
  /** Only when the caller may read that customer. */
  held_for_name: string | null;
  hold_expires_at: string | null;
  withheld_reason: string | null;
  updated_at: string;
  /** A price cut waiting for approval (调价审批中): not the price yet. */
  pending_price?: { request_id: string; approval_id: string; new_list_price: string; cut_pct: string; below_floor: boolean } | null;
}

export interface BoardBuilding {
  id: string;
  code: string;
  name: string;
  floors: number;
  sort: number;
}

export type SalesBoard = {
  at: string;
  project: { id: string; code: string; name: string; hold_minutes: number } | null;
  buildings: BoardBuilding[];
  units: BoardUnit[];
};

/** How often the board reloads, so a sale made elsewhere shows up (no realtime locally). */
export const BOARD_REFRESH_MS = 10_000;

/**
 * The whole 销控表 of the project in use in one request (`sales_board()`), refreshed every 10 s
 * and when the window regains focus. `live: false` loads it once (print view, exports).
 *
 * `early: true` (the board page): its first fetch takes over the request made at start-up
 * (board-prefetch.ts) instead of asking again. The page renders meanwhile and the cells follow
 * when the answer is in, as with any load.
 */
export function useSalesBoard({ live = true, early = false }: { live?: boolean; early?: boolean } = {}) {
  const projectId = useCurrentProject().project?.projectId;
  const takeOver = early && hasEarlySalesBoard(projectId);
  const { query, result } = useProjectRpcQuery("sales_board", {}, {
    queryOptions: {
      refetchInterval: live ? BOARD_REFRESH_MS : false,
      refetchOnWindowFocus: live,
      ...(takeOver ? { queryFn: () => takeEarlySalesBoard(projectId!) } : {}),
    },
    errorNotification: false,
  });
  const board = query.data ? (result.data as SalesBoard) : undefined;
  return { board, query };
}
