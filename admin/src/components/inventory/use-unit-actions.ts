import { useCustom, type HttpError } from "@refinedev/core";

/** What unit_actions() answers: each action true when its database function would accept it now. */
export interface UnitActionsAllowed {
  hold: boolean;
  release: boolean;
  withhold: boolean;
  unwithhold: boolean;
  read_audit: boolean;
}

const NOTHING: UnitActionsAllowed = { hold: false, release: false, withhold: false, unwithhold: false, read_audit: false };

/**
 * What the signed-in person may do with the unit, as the database answers; asked again whenever
 * the unit changes (`version`: its updated_at). Nothing is offered until the answer is in.
 */
export function useUnitActions(unitId: string | undefined, version: string | undefined) {
  const { result, query } = useCustom<UnitActionsAllowed, HttpError>({
    url: "rpc/unit_actions",
    method: "get",
    config: { query: { p_unit_id: unitId } },
    meta: { version },
    queryOptions: { enabled: Boolean(unitId), retry: false },
    errorNotification: false,
  });
  const answered = query.isSuccess && typeof result?.data === "object" && result.data !== null && "hold" in result.data;
  return { allowed: answered ? result.data : NOTHING, loading: query.isLoading };
}
