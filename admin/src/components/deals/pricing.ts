import { useList, useOne } from "@refinedev/core";
import type { PolicyLike } from "@so/shared/money";
import type { Buildup } from "./buildup-table.tsx";
import { rowsOf } from "../../hooks/rows-of.ts";
import { useDebounced } from "../../hooks/use-debounced.ts";
import { useProjectRpcQuery } from "../../hooks/use-project-rpc-query.ts";
import { useRpcQuery } from "../../hooks/use-rpc-query.ts";
import type { ProjectRpcArgs, RpcArgs } from "../../providers/rpc-types.ts";

export interface Policy extends PolicyLike {
  id: string;
  note: string | null;
  active: boolean;
}

export interface ProjectRules {
  id: string;
  name: string;
  address: string | null;
  approval_lapse_hours: number;
  contract_deadline_days: number;
}

/** The project's active policies (优惠政策) and rule settings. */
export function usePricing(projectId: string | undefined) {
  const enabled = Boolean(projectId);
  const policies = useList<Policy>({
    resource: "policies",
    pagination: { mode: "off" },
    filters: [
      { field: "project_id", operator: "eq", value: projectId },
      { field: "active", operator: "eq", value: true },
    ],
    sorters: [
      { field: "sort", order: "asc" },
      { field: "name", order: "asc" },
    ],
    queryOptions: { enabled },
  });
  const project = useOne<ProjectRules>({
    resource: "projects",
    id: projectId ?? "",
    meta: { select: "id, name, address, approval_lapse_hours, contract_deadline_days" },
    queryOptions: { enabled },
  });
  return { policies: policies.result.data, project: project.result };
}

/** What price_buildup() answers (amounts as strings). */
export interface DbBuildup extends Buildup {
  unit_id: string;
  unit_label: string;
  list_price: string;
  price_after_policies: string;
  requested_price: string | null;
  depth_pct: string;
  final_price: string;
  needs_approval: boolean;
  /** Deeper than every rule of the authority matrix: request_discount refuses it. */
  beyond_authority: boolean;
  /** The approvers it will need, in order ([] when nothing is asked below the policies). */
  chain: string[] | null;
}

/**
 * The database's price_buildup() for the form as the user types (debounced): the figures shown
 * and the chain it will need. With the payment method and the customer, the policies' conditions
 * are judged as the deal will be (policy_condition_unmet comes back as the error).
 */
export function useDbBuildup(
  unitId: string | undefined,
  policyIds: string[],
  requested: string | null,
  paymentMethod?: string | null,
  customerId?: string | null,
) {
  const key = (ids: string[]) => [...ids].sort().join(",");
  const input = useDebounced({ unitId, policyIds: key(policyIds), requested, paymentMethod, customerId }, 350);
  const query: RpcArgs<"price_buildup"> = { p_unit_id: input.unitId ?? "", p_policy_ids: input.policyIds ? input.policyIds.split(",") : [] };
  if (input.requested) query.p_requested_price = input.requested;
  if (input.paymentMethod) query.p_payment_method = input.paymentMethod;
  if (input.customerId) query.p_customer_id = input.customerId;
  const { result, query: q } = useRpcQuery("price_buildup", query, {
    queryOptions: { enabled: Boolean(input.unitId), retry: false },
    errorNotification: false,
  });
  const settled =
    input.unitId === unitId &&
    input.requested === requested &&
    input.policyIds === key(policyIds) &&
    input.paymentMethod === paymentMethod &&
    input.customerId === customerId;
  return {
    buildup: q.isSuccess && !q.isFetching && settled ? (result.data as DbBuildup) : null,
    error: q.isError && settled ? q.error : null,
    checking: q.isFetching || !settled,
  };
}

/** A policy as policy_options() judges it for the deal being prepared. */
export interface PolicyOption {
  id: string;
  applicable: boolean;
  /** zh-CN: why it does not fit (payment method or customer source). */
  reason: string | null;
  payment_methods: string[] | null;
  customer_sources: string[] | null;
}

/** Which of the policies of the project in use fit this payment method and customer (the database decides). */
export function usePolicyOptions(paymentMethod?: string | null, customerId?: string | null) {
  const query: ProjectRpcArgs<"policy_options"> = {};
  if (paymentMethod) query.p_payment_method = paymentMethod;
  if (customerId) query.p_customer_id = customerId;
  const { result } = useProjectRpcQuery("policy_options", query, {
    queryOptions: { retry: false },
    errorNotification: false,
  });
  return rowsOf<PolicyOption>(result?.data);
}
