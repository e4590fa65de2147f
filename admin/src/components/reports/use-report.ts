import { useRpcQuery } from "../../hooks/use-rpc-query.ts";
import type { RpcArgs, RpcName } from "../../providers/rpc-types.ts";

/**
 * A report function of the database read with GET (they are all `stable`): the numbers are
 * computed there, the page only shows them. `args` null = not yet (e.g. no project chosen).
 */
export function useReport<F extends RpcName>(fn: F, args: RpcArgs<F> | null) {
  const { result, query } = useRpcQuery(fn, args ?? ({} as RpcArgs<F>), {
    queryOptions: { enabled: args !== null, staleTime: 0 },
    errorNotification: false,
  });
  return {
    data: query.isSuccess ? result.data : undefined,
    error: query.error,
    loading: query.isLoading,
    fetching: query.isFetching,
    refetch: query.refetch,
  };
}
