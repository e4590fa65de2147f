import { useProjectRpcQuery } from "../../hooks/use-project-rpc-query.ts";
import { useRpcQuery } from "../../hooks/use-rpc-query.ts";
import type { ProjectRpcArgs, ProjectRpcName, RpcArgs, RpcName } from "../../providers/rpc-types.ts";

const reportOptions = (enabled: boolean) => ({ queryOptions: { enabled, staleTime: 0 }, errorNotification: false as const });

/** What a report page shows of the query: the answer once there is one, the error, the loading state. */
function reportOf<F extends RpcName>({ result, query }: ReturnType<typeof useRpcQuery<F>>) {
  return {
    data: query.isSuccess ? result.data : undefined,
    error: query.error,
    loading: query.isLoading,
    fetching: query.isFetching,
    refetch: query.refetch,
  };
}

/**
 * A report function of the database read with GET (they are all `stable`): the numbers are
 * computed there, the page only shows them. `args` null = not yet (e.g. the record not loaded).
 */
export function useReport<F extends RpcName>(fn: F, args: RpcArgs<F> | null) {
  return reportOf<F>(useRpcQuery(fn, args ?? ({} as RpcArgs<F>), reportOptions(args !== null)));
}

/** useReport of a function of the project in use: `p_project_id` is left out (useProjectRpcQuery fills it). */
export function useProjectReport<F extends ProjectRpcName>(fn: F, args: ProjectRpcArgs<F>) {
  return reportOf<F>(useProjectRpcQuery(fn, args, reportOptions(true)));
}
