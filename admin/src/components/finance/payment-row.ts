/** A row of public.payment_overview (收款流水). amount is signed: refunds and reversals negative. */
export interface PaymentRow {
  id: string;
  project_id: string;
  customer_id: string;
  customer_name: string | null;
  customer_phone: string | null;
  subscription_id: string | null;
  unit_id: string | null;
  unit_label: string | null;
  contract_id: string | null;
  contract_no: string | null;
  plan_item_id: string | null;
  plan_item_seq: number | null;
  kind: string;
  amount: number;
  method: string;
  receipt_no: string | null;
  paid_on: string;
  reason: string | null;
  reverses: string | null;
  reverses_receipt_no: string | null;
  reversed_by: string | null;
  reversal_reason: string | null;
  unit_change_id: string | null;
  recorded_by_name: string | null;
  created_at: string;
}
