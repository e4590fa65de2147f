/** A row of `public.report_board` (and of the broker portal's views over it): 报备 with its 判客. */
export type ReportStatus = "valid" | "invalid" | "pending" | "visited" | "expired";

export interface ReportRow {
  id: string;
  project_id: string;
  broker_id: string;
  broker_name: string | null;
  agency_id: string;
  agency_name: string | null;
  store_id: string | null;
  customer_name: string;
  /** As the broker gave it: full, or masked 138****5678. */
  phone_input: string;
  /** The full number, once known. */
  customer_phone: string | null;
  expected_visit_at: string;
  note: string | null;
  status: ReportStatus;
  invalid_reason: string | null;
  invalid_reason_text: string | null;
  lapses_at: string;
  customer_id: string | null;
  consultant_id: string | null;
  visited_at: string | null;
  protection_days: number | null;
  protected_until: string | null;
  protection_active: boolean;
  created_at: string;
  ruled_at: string;
}

/** What submit_report and confirm_visit answer (private.report_json). */
export interface ReportRuling {
  report_id: string;
  status: ReportStatus;
  invalid_reason: string | null;
  invalid_reason_text: string | null;
  lapses_at: string;
  customer_id: string | null;
  consultant_id: string | null;
  visited_at: string | null;
  protected_until: string | null;
}

/** Statuses a visit can still be confirmed from (confirm_visit refuses the others). */
export const CONFIRMABLE: readonly ReportStatus[] = ["valid", "pending"];

export const REPORT_STATUSES: readonly ReportStatus[] = ["valid", "pending", "visited", "invalid", "expired"];

export type CommissionType = "percent" | "fixed";
