import { useCustomMutation, useInvalidate, type BaseRecord, type HttpError } from "@refinedev/core";
import { useCallback } from "react";

/**
 * One database function called from a form, drawer or button: `call(values)` resolves to the
 * function's result; a refusal is kept in `error` (an HttpError with the database's zh-CN
 * message) so the caller shows it next to what the user did, not as a toast somewhere else.
 * After a success every data query is refreshed, since a function may touch several tables.
 */
export function useRpc<TResult extends BaseRecord = BaseRecord, TValues extends object = Record<string, unknown>>(fn: string) {
  const { mutateAsync, mutation } = useCustomMutation<TResult, HttpError, TValues>();
  const invalidate = useInvalidate();
  const call = useCallback(
    async (values: TValues): Promise<TResult> => {
      const { data } = await mutateAsync({
        url: `rpc/${fn}`,
        method: "post",
        values,
        successNotification: false,
        errorNotification: false,
      });
      await invalidate({ invalidates: ["all"] });
      return data;
    },
    [fn, mutateAsync, invalidate],
  );
  return { call, pending: mutation.isPending, error: mutation.error, reset: mutation.reset };
}
