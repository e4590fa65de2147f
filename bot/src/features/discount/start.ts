import type { BoundContext } from "../../context.ts";
import { enterDialog } from "../common/dialog.ts";
import { projectFor, SALES_ROLES } from "../common/project.ts";

export interface DiscountInput {
  projectId: string;
  /** A unit chosen on its card, or what the message named (3-1203, 1203). */
  unitId: string | null;
  unitText: string | null;
  customerQuery: string | null;
  /** 97折 → 0.97 (of the list price), or a target total in 万. */
  rate: number | null;
  targetWan: number | null;
  reason: string | null;
  /** 重新申请: the customer, the exact price (yuan), the policies and payment method of the earlier request. */
  customerId?: string | null;
  requested?: string | null;
  policyIds?: readonly string[];
  method?: string | null;
}

/** Start 申请特殊优惠 with whatever is already known. */
export async function startDiscount(ctx: BoundContext, known: Partial<Omit<DiscountInput, "projectId">>): Promise<void> {
  const project = projectFor(ctx, SALES_ROLES);
  if (!project) return void (await ctx.reply(ctx.t("discount.notAllowed")));
  const input: DiscountInput = {
    projectId: project.id,
    unitId: known.unitId ?? null,
    unitText: known.unitText ?? null,
    customerQuery: known.customerQuery ?? null,
    rate: known.rate ?? null,
    targetWan: known.targetWan ?? null,
    reason: known.reason ?? null,
    customerId: known.customerId ?? null,
    requested: known.requested ?? null,
    policyIds: known.policyIds ?? [],
    method: known.method ?? null,
  };
  await enterDialog(ctx, "discount", input);
}
