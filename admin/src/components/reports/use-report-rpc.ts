import { useCustomMutation, useInvalidate, type BaseRecord, type HttpError } from "@refinedev/core";
import { useCallback } from "react";

/**
 * A database function that writes (e.g. generate_weekly_minutes): `call(args)` resolves to its
 * result; a refusal stays in `error` (the database's zh-CN message) for the caller to show next to
 * what the user did. Everything is refreshed afterwards.
 */
export function useReportRpc<TResult extends BaseRecord>(fn: string) {
  const { mutateAsync, mutation } = useCustomMutation<TResult, HttpError>();
  const invalidate = useInvalidate();
  const call = useCallback(
    async (values: Record<string, unknown>): Promise<TResult> => {
      const { data } = await mutateAsync({ url: `rpc/${fn}`, method: "post", values, successNotification: false, errorNotification: false });
      await invalidate({ invalidates: ["all"] });
      return data;
    },
    [fn, mutateAsync, invalidate],
  );
  return { call, pending: mutation.isPending, error: mutation.error, reset: mutation.reset };
}
