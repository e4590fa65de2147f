import type { ReportRuling } from "../components/channel/types.ts";
import type { RegisterResult } from "../components/customers/types.ts";
import type { DbBuildup, PolicyOption } from "../components/deals/pricing.ts";
import type { SalesBoard } from "../components/inventory/use-sales-board.ts";
import type { MyCounts } from "../components/notifications/use-my-counts.ts";
import type { DailyReport, DashboardSummary, MonthlyReport } from "../components/reports/types.ts";
import type { Paper as CollectionPaper } from "../pages/collection-paper/index.tsx";
import type { SettingsPreview } from "../pages/project-settings/shortening-confirm.tsx";
import type { ImportAnswer as PriceListAnswer } from "../pages/price-list/use-price-list-import.ts";
import type { Assignment } from "../pages/reception-board/next-walk-in.tsx";
import type { Slip as VisitSlip } from "../pages/visit-slip/types.ts";

type Approval = { approval_id: string };

/**
 * What the functions answering `jsonb` return, as the admin reads them — the one place these
 * shapes are written down (the generator can only say `Json`). A function missing here is `Json`
 * to its callers. Keep each next to the SQL's `jsonb_build_object(...)` when a migration changes it.
 */
export interface RpcJsonResults {
  carry_over_payment: { amount: string };
  collection_paper: CollectionPaper;
  claim_customer: { owner_id: string };
  create_contract: { id: string; contract_no: string };
  create_subscription: { id: string };
  customer_id_document: { id_type: string | null; id_no: string | null };
  daily_report: DailyReport;
  dashboard_summary: DashboardSummary;
  extend_contract_deadline: { contract_deadline: string };
  file_complaint: { complaint_id: string };
  generate_weekly_minutes: { minutes_id: string; created: boolean };
  import_price_list: PriceListAnswer;
  monthly_report: MonthlyReport;
  my_counts: MyCounts;
  next_walk_in_by_phone: Assignment;
  policy_options: PolicyOption[];
  preview_price_list: PriceListAnswer;
  preview_project_settings: SettingsPreview;
  price_buildup: DbBuildup;
  reassign_customers: { count: number };
  reception_check_in: { staff_name: string; position: number };
  record_call: { call_id: string; registered: RegisterResult | null };
  record_payment: { receipt_no: string };
  record_visit: RegisterResult & { visit_id: string; is_first: boolean };
  register_customer_with_id: RegisterResult & { id_document?: "saved" | "not_saved"; id_no_masked?: string };
  request_cancellation: Approval;
  request_discount: Approval;
  request_unit_change: Approval;
  sales_board: SalesBoard;
  sign_contract: { commission: { amount: string } | null };
  submit_report: ReportRuling;
  visit_slip: VisitSlip;
}
