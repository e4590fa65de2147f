import { useCan, useCustomMutation, useInvalidate, type BaseRecord, type HttpError } from "@refinedev/core";
import { useCallback, useState } from "react";

/**
 * Calls a database function (rpc/<fn>) and resolves to its result. The refusal is not turned into
 * a toast here: the caller shows the database's message next to what the user did (`error`).
 * Afterwards every data query is refetched — a deal step changes units, approvals and money at once.
 */
export function useRpc<T extends BaseRecord = BaseRecord>(fn: string) {
  const { mutateAsync, mutation } = useCustomMutation<T>();
  const invalidate = useInvalidate();
  const [error, setError] = useState<HttpError | null>(null);

  const call = useCallback(
    async (values: Record<string, unknown>): Promise<T> => {
      setError(null);
      try {
        const { data } = await mutateAsync({
          url: `rpc/${fn}`,
          method: "post",
          values,
          successNotification: false,
          errorNotification: false,
        });
        await invalidate({ invalidates: ["all"] });
        return data as T;
      } catch (e) {
        setError(e as HttpError);
        throw e;
      }
    },
    [fn, mutateAsync, invalidate],
  );

  return { call, error, clearError: () => setError(null), isPending: mutation.isPending };
}

/** May the signed-in person do this (the access rules of resources.ts, which mirror RLS)? */
export function useAllowed(resource: string, action: string): boolean {
  const { data } = useCan({ resource, action });
  return Boolean(data?.can);
}
