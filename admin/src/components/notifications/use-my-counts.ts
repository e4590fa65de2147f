import { useProjectRpcQuery } from "../../hooks/use-project-rpc-query.ts";

/** What my_counts returns: the caller's waiting work in the current project. */
export interface MyCounts {
  project_id: string;
  today: string;
  approvals: number;
  follow_ups_due: number;
  unread_notifications: number;
  decisions_unread: number;
  reports_to_confirm: number;
}

/** How often the menu badges and the bell ask again (one cheap call for all of them). */
export const COUNTS_POLL_MS = 30_000;

/**
 * The caller's counts in the current project (my_counts), polled every 30 s. Every badge uses
 * this hook with the same query, so they share one request; any action through useRpc refreshes
 * it at once (it invalidates all queries).
 */
export function useMyCounts(): MyCounts | undefined {
  const { result, query } = useProjectRpcQuery("my_counts", {}, {
    queryOptions: { refetchInterval: COUNTS_POLL_MS, staleTime: 0 },
    errorNotification: false,
  });
  return query.isSuccess ? (result.data as MyCounts) : undefined;
}
