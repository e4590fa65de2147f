import { useCustom, type BaseRecord, type HttpError, type UseCustomProps } from "@refinedev/core";
import { rpcUrl, type RpcArgs, type RpcName, type RpcResult } from "../providers/rpc-types.ts";

type Options = Pick<UseCustomProps<BaseRecord, HttpError, object, object, BaseRecord>, "queryOptions" | "errorNotification" | "meta">;

/**
 * A read-only (`stable`) database function read with GET through refine's useCustom, typed by
 * its name: the arguments are checked against the SQL signature and `result.data` has the
 * function's result type (an empty object before the first answer, as with useCustom — see rowsOf).
 */
export function useRpcQuery<F extends RpcName>(fn: F, args: RpcArgs<F>, options: Options = {}) {
  const { result, query } = useCustom<BaseRecord, HttpError, object, object, BaseRecord>({ ...options, url: rpcUrl(fn), method: "get", config: { query: args } });
  return { result: result as unknown as { data: RpcResult<F> }, query };
}
