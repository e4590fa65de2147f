import { useCustom, type HttpError } from "@refinedev/core";
import type { Database } from "@so/shared/database.types";

type Row = Database["public"]["Tables"]["purchase_qualifications"]["Row"];

/** What qualification_of answers: the check (if any), its result, what is missing, whether signable. */
export interface QualificationState {
  subscription_id: string;
  qualification: (Row & { checked_by_name: string | null }) | null;
  result: Row["result"];
  missing: string[];
  signable: boolean;
}

/** The 购房资质审核 of one subscription, as the database judges it (qualification_of). */
export function useQualification(subscriptionId: string | undefined) {
  const { result, query } = useCustom<QualificationState, HttpError>({
    url: "rpc/qualification_of",
    method: "get",
    config: { query: { p_subscription_id: subscriptionId ?? "" } },
    queryOptions: { enabled: Boolean(subscriptionId) },
    errorNotification: false,
  });
  const data = result.data as Partial<QualificationState> | undefined;
  return { state: data && "result" in data ? (data as QualificationState) : undefined, query };
}

