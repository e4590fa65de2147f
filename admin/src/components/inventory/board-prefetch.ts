import type { CustomResponse } from "@refinedev/core";
import { callFunction } from "../../providers/rpc.ts";
import { supabase } from "../../providers/supabase-client.ts";
import type { SalesBoard } from "./use-sales-board.ts";

/**
 * The 销控表's data requested at start-up, when the app is opened on /board with a stored
 * session: the request leaves as soon as the project is known, while the shell and the page's
 * code still load. The board page takes it over as its query's first data (once; every later
 * load is the page's own query). A failed early request is simply not used.
 */
interface Early {
  projectId: string;
  response: Promise<CustomResponse<SalesBoard> | null>;
  fetchedAt: number;
}
let early: Early | null = null;

export function prefetchSalesBoard(projectId: string): void {
  const response = callFunction(supabase, "sales_board", { p_project_id: projectId }, { get: true }).then(
    (r) => {
      if (early?.response === response) early.fetchedAt = Date.now();
      return r;
    },
    () => null,
  );
  // Settled, the promise carries its outcome the way React's use() reads it, so the page takes data
  // that is already here at once instead of suspending once on it.
  void response.then((value) => Object.assign(response, { status: "fulfilled", value }));
  early = { projectId, response, fetchedAt: 0 };
}

/** The early request for this project, if there is one still to be taken over. */
export const earlySalesBoard = (projectId: string | undefined): Early | null =>
  projectId && early?.projectId === projectId ? early : null;

/** Once the page's query has its data, the early one is spent. */
export function dropEarlySalesBoard(): void {
  early = null;
}
