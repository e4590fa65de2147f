/** A row of public.receivables: one plan item of a live contract, what is due, paid, overdue. */
export interface ReceivableRow {
  plan_item_id: string;
  project_id: string;
  contract_id: string;
  contract_no: string;
  contract_status: string;
  unit_label: string;
  customer_id: string;
  customer_name: string | null;
  customer_phone: string | null;
  consultant_id: string;
  consultant_name: string | null;
  seq: number;
  kind: string;
  due_date: string;
  amount_due: number;
  paid: number;
  outstanding: number;
  overdue_days: number;
}
