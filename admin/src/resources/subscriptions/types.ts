import type { PaymentMethod } from "@so/shared/schemas/deals";
/** A row of public.subscription_overview (认购 with balances and the deadline flag). */
export interface SubscriptionOverview {
  id: string;
  project_id: string;
  unit_id: string;
  unit_label: string;
  customer_id: string;
  customer_name: string | null;
  consultant_id: string;
  consultant_name: string | null;
  payment_method: PaymentMethod;
  list_price: number;
  price_after_policies: number;
  price: number;
  deposit_due: number;
  sincerity_applied: number;
  discount_request_id: string | null;
  contract_deadline: string;
  status: "active" | "converted" | "cancelled" | "changed";
  created_at: string;
  closed_at: string | null;
  received: number;
  outstanding: number;
  deposit_outstanding: number;
  past_deadline: boolean;
  days_past_deadline: number | null;
  contract_id: string | null;
}
