import type { ViewRow, With } from "../../lib/db-rows.ts";
/** A row of public.commission_overview (渠道佣金). */
export type CommissionRow = With<
  ViewRow<"commission_overview", "report_id" | "agency_name" | "broker_id" | "broker_name" | "approved_at" | "paid_at" | "paid_on" | "payment_reference">,
  { commission_type: "percent" | "fixed"; status: "computed" | "approved" | "paid" | "cancelled" }
>;
