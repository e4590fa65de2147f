/** A step as approval_overview.steps lists it. */
export interface ApprovalStep {
  id: string;
  seq: number;
  role: string;
  status: "waiting" | "pending" | "approved" | "rejected" | "skipped";
  decided_by: string | null;
  decider: string | null;
  decided_at: string | null;
  comment: string | null;
  on_behalf_of: string | null;
  /** 越级: the step went up a level (or was skipped up) because nobody else could decide it. */
  escalated?: boolean;
  escalated_from?: string | null;
  escalation_code?: string | null;
  escalation_reason?: string | null;
}

/** What approval cards show (approvals.summary): depends on the subject type. */
export interface ApprovalSummary {
  kind?: string;
  unit_label?: string;
  new_unit_label?: string | null;
  customer_name?: string;
  list_price?: string;
  price_after_policies?: string;
  requested_price?: string;
  special_discount_amount?: string;
  depth_pct?: string;
  policies?: { id: string; name: string }[];
  price?: string;
  new_price?: string | null;
  amount_received?: string;
  contract_no?: string;
  payment_method?: string;
  plan?: { seq: number; due_date: string; amount: string; kind: string }[];
  reason?: string;
  /** 调价申请 */
  source?: "import" | "edit";
  units_count?: number;
  max_cut_pct?: string;
}

/** A row of public.approval_overview. */
export interface ApprovalOverview {
  id: string;
  project_id: string;
  subject_type: "discount" | "unit_change" | "cancellation" | "contract" | "price_change";
  subject_id: string;
  requester_id: string;
  requester_name: string | null;
  status: string;
  effective_status: string;
  summary: ApprovalSummary;
  lapses_at: string | null;
  created_at: string;
  decided_at: string | null;
  current_step_id: string | null;
  current_seq: number | null;
  current_step_role: string | null;
  steps: ApprovalStep[] | null;
  current_escalated?: boolean | null;
  current_escalation_reason?: string | null;
}
