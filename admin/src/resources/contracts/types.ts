import type { PaymentMethod } from "@so/shared/schemas/deals";
/** A row of public.contract_overview. */
export interface ContractOverview {
  id: string;
  project_id: string;
  contract_no: string;
  subscription_id: string;
  unit_id: string;
  unit_label: string;
  customer_id: string;
  customer_name: string | null;
  consultant_id: string;
  consultant_name: string | null;
  price: number;
  payment_method: PaymentMethod;
  status: "pending" | "approved" | "rejected" | "signed" | "cancelled";
  signed_on: string | null;
  registration_no: string | null;
  registered_on: string | null;
  created_at: string;
  received: number;
  outstanding: number;
}
