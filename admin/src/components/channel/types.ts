import type { Enums } from "@so/shared/database.types";
import type { ViewRow } from "../../lib/db-rows.ts";

export type ReportStatus = Enums<"report_status">;

/** A row of `public.report_board` (and of the broker portal's views over it): 报备 with its 判客. */
export type ReportRow = ViewRow<
  "report_board",
  "broker_name" | "agency_name" | "store_id" | "customer_phone" | "note" | "invalid_reason" | "invalid_reason_text" | "customer_id" | "consultant_id" | "visited_at" | "protection_days" | "protected_until"
>;

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
