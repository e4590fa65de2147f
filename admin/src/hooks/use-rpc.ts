import { useCustomMutation, useInvalidate, type BaseRecord, type HttpError } from "@refinedev/core";
import { useCallback } from "react";
import { rpcUrl, type RpcArgs, type RpcName, type RpcResult } from "../providers/rpc-types.ts";

export interface RpcOptions {
  /**
   * false for a function that only reads (a preview, a dry run): nothing is refreshed after it,
   * so a form being edited is not reset to the stored values under the user.
   */
  refresh?: boolean;
}

/**
 * One database function called from a form, drawer or button: `call(values)` resolves to the
 * function's result; a refusal is kept in `error` (an HttpError with the database's zh-CN
 * message) so the caller shows it next to what the user did, not as a toast somewhere else.
 * After a success every data query is refreshed (unless `refresh: false`), since a function may
 * touch several tables.
 * Typed by the function's name: arguments and result come from the generated schema.
 */
export function useRpc<F extends RpcName>(fn: F, { refresh = true }: RpcOptions = {}) {
  const { mutateAsync, mutation } = useCustomMutation<BaseRecord, HttpError, object>();
  const invalidate = useInvalidate();
  const call = useCallback(
    async (values: RpcArgs<F>): Promise<RpcResult<F>> => {
      const { data } = await mutateAsync({
        url: rpcUrl(fn),
        method: "post",
        values,
        successNotification: false,
        errorNotification: false,
      });
      if (refresh) await invalidate({ invalidates: ["all"] });
      return data as unknown as RpcResult<F>;
    },
    [fn, refresh, mutateAsync, invalidate],
  );
  return { call, pending: mutation.isPending, error: mutation.error, reset: mutation.reset };
}
