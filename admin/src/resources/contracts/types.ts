import type { PaymentMethod } from "@so/shared/schemas/deals";
import type { ViewRow, With } from "../../lib/db-rows.ts";

/** A row of public.contract_overview. */
export type ContractOverview = With<
  ViewRow<"contract_overview", "customer_name" | "consultant_name" | "signed_on" | "registration_no" | "registered_on">,
  { payment_method: PaymentMethod; status: "pending" | "approved" | "rejected" | "signed" | "cancelled" }
>;
