import { useCustom, type BaseRecord, type HttpError } from "@refinedev/core";

/**
 * A report function of the database read with GET (they are all `stable`): the numbers are
 * computed there, the page only shows them. `args` null = not yet (e.g. no project chosen).
 */
export function useReport<T extends BaseRecord>(fn: string, args: Record<string, unknown> | null) {
  const { result, query } = useCustom<T, HttpError>({
    url: `rpc/${fn}`,
    method: "get",
    config: { query: args ?? {} },
    queryOptions: { enabled: args !== null, staleTime: 0 },
    errorNotification: false,
  });
  return {
    data: (query.isSuccess ? result.data : undefined) as T | undefined,
    error: query.error,
    loading: query.isLoading,
    fetching: query.isFetching,
    refetch: query.refetch,
  };
}
