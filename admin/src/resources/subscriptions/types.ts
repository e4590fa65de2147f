import type { PaymentMethod } from "@so/shared/schemas/deals";
import type { ViewRow, With } from "../../lib/db-rows.ts";

/** A row of public.subscription_overview (认购 with balances and the deadline flag). */
export type SubscriptionOverview = With<
  ViewRow<"subscription_overview", "customer_name" | "consultant_name" | "discount_request_id" | "closed_at" | "days_past_deadline" | "contract_id">,
  { payment_method: PaymentMethod; status: "active" | "converted" | "cancelled" | "changed" }
>;
