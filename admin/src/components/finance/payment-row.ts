import type { ViewRow } from "../../lib/db-rows.ts";

/** A row of public.payment_overview (收款流水). amount is signed: refunds and reversals negative. */
export type PaymentRow = ViewRow<
  "payment_overview",
  | "customer_name" | "customer_phone" | "subscription_id" | "unit_id" | "unit_label" | "contract_id" | "contract_no" | "plan_item_id"
  | "plan_item_seq" | "receipt_no" | "reason" | "reverses" | "reverses_receipt_no" | "reversed_by" | "reversal_reason" | "unit_change_id"
  | "recorded_by" | "recorded_by_name"
>;
