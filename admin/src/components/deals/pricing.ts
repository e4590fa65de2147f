import { useList, useOne } from "@refinedev/core";
import { priceBuildup, type ApprovalRule, type PolicyLike, type PriceBuildup } from "@so/shared/money";
import { rowsOf } from "../../hooks/rows-of.ts";
import { useDebounced } from "../../hooks/use-debounced.ts";
import { useRpcQuery } from "../../hooks/use-rpc-query.ts";
import type { RpcArgs } from "../../providers/rpc-types.ts";

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

/** The project's active policies (优惠政策), its authority matrix (审批权限) and rule settings. */
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
  const rules = useList<ApprovalRule>({
    resource: "approval_rules",
    pagination: { mode: "off" },
    filters: [{ field: "project_id", operator: "eq", value: projectId }],
    meta: { select: "max_depth_pct, chain" },
    queryOptions: { enabled },
  });
  const project = useOne<ProjectRules>({
    resource: "projects",
    id: projectId ?? "",
    meta: { select: "id, name, address, approval_lapse_hours, contract_deadline_days" },
    queryOptions: { enabled },
  });
  return { policies: policies.result.data, rules: rules.result.data, project: project.result };
}

/**
 * The build-up computed here as the user types (shared/money mirrors private.compute_buildup);
 * null while the input cannot be priced (e.g. a policy would take the price below zero).
 */
export function localBuildup(
  listPrice: unknown,
  policies: readonly PolicyLike[],
  requested: string | null,
  rules: readonly ApprovalRule[],
): PriceBuildup | null {
  if (listPrice === undefined || listPrice === null) return null;
  try {
    return priceBuildup(String(listPrice), policies, requested, rules);
  } catch {
    return null;
  }
}

export interface DbBuildup extends PriceBuildup {
  unit_id: string;
  unit_label: string;
}

/**
 * The database's own price_buildup() for the same input (debounced), to confirm the live figures.
 * With the payment method and the customer, the policies' conditions are judged as the deal will
 * be (policy_condition_unmet comes back as the error).
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

/** Which of the project's policies fit this payment method and customer (the database decides). */
export function usePolicyOptions(projectId: string | undefined, paymentMethod?: string | null, customerId?: string | null) {
  const query: RpcArgs<"policy_options"> = { p_project_id: projectId ?? "" };
  if (paymentMethod) query.p_payment_method = paymentMethod;
  if (customerId) query.p_customer_id = customerId;
  const { result } = useRpcQuery("policy_options", query, {
    queryOptions: { enabled: Boolean(projectId), retry: false },
    errorNotification: false,
  });
  return rowsOf<PolicyOption>(result?.data);
}

/** Do the live figures and the database's agree (prices, depth and chain)? */
export function sameBuildup(a: PriceBuildup | null, b: PriceBuildup | null): boolean {
  if (!a || !b) return false;
  return (
    a.final_price === b.final_price &&
    a.price_after_policies === b.price_after_policies &&
    a.depth_pct === b.depth_pct &&
    a.special_discount_amount === b.special_discount_amount &&
    JSON.stringify(a.chain ?? null) === JSON.stringify(b.chain ?? null)
  );
}
