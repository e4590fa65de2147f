import { useList } from "@refinedev/core";
import Decimal from "decimal.js";
import { dec } from "../money.tsx";

/**
 * 可抵扣诚意金: what the customer paid as 诚意金 (less refunds) outside any subscription, less
 * what subscriptions already took over — the figure private.sincerity_available() checks. Shown
 * as a hint; create_subscription decides. Null while unknown or not readable.
 */
export function useSincerityAvailable(customerId: string | undefined): Decimal | null {
  const enabled = Boolean(customerId);
  const paid = useList<{ amount: number }>({
    resource: "payments",
    pagination: { mode: "off" },
    filters: [
      { field: "customer_id", operator: "eq", value: customerId },
      { field: "subscription_id", operator: "null", value: true },
      { field: "kind", operator: "in", value: ["sincerity", "refund"] },
    ],
    meta: { select: "amount" },
    queryOptions: { enabled },
  });
  const taken = useList<{ sincerity_applied: number }>({
    resource: "subscriptions",
    pagination: { mode: "off" },
    filters: [{ field: "customer_id", operator: "eq", value: customerId }],
    meta: { select: "sincerity_applied" },
    queryOptions: { enabled },
  });
  if (!enabled || !paid.query.isSuccess || !taken.query.isSuccess) return null;
  const sum = (values: unknown[]) => values.reduce<Decimal>((acc, v) => acc.plus(dec(v)), new Decimal(0));
  return sum(paid.result.data.map((p) => p.amount)).minus(sum(taken.result.data.map((s) => s.sincerity_applied)));
}
