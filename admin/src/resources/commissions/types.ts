/** A row of public.commission_overview (渠道佣金). */
export interface CommissionRow {
  id: string;
  project_id: string;
  contract_id: string;
  contract_no: string;
  signed_on: string;
  unit_label: string;
  customer_name: string;
  agency_id: string;
  agency_name: string | null;
  broker_name: string | null;
  basis_amount: number;
  commission_type: "percent" | "fixed";
  commission_value: number;
  amount: number;
  status: "computed" | "approved" | "paid" | "cancelled";
  computed_at: string;
  approved_at: string | null;
  paid_at: string | null;
  paid_on: string | null;
  payment_reference: string | null;
}
