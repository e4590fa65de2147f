import type { CustomResponse } from "@refinedev/core";
import { callFunction } from "../../providers/rpc.ts";
import { supabase } from "../../providers/supabase-client.ts";
import type { SalesBoard } from "./use-sales-board.ts";

const requestBoard = (projectId: string) => callFunction(supabase, "sales_board", { p_project_id: projectId }, { get: true });

/**
 * The 销控表's data requested at start-up, when the app is opened on /board with a stored
 * session: the request leaves as soon as the project is known, while the shell and the page's
 * code still load. The board page's query takes it over as its first fetch (once; every later
 * load is the query's own request). An early request that failed is replaced by a new one.
 */
let early: { projectId: string; response: Promise<CustomResponse<SalesBoard> | null> } | null = null;

export function prefetchSalesBoard(projectId: string): void {
  early = { projectId, response: requestBoard(projectId).catch(() => null) };
}

/** Is there an early request for this project still to be taken over? */
export const hasEarlySalesBoard = (projectId: string | undefined): boolean => Boolean(projectId) && early?.projectId === projectId;

/** The early request's answer for this project (then spent), or a request made now. */
export function takeEarlySalesBoard(projectId: string): Promise<CustomResponse<SalesBoard>> {
  const taken = early?.projectId === projectId ? early.response : null;
  early = null;
  return (taken ?? Promise.resolve(null)).then((answer) => answer ?? requestBoard(projectId));
}
