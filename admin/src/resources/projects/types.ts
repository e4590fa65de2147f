/** A row of `public.projects` (项目/案场) with its rule settings. */
export interface Project {
  id: string;
  code: string;
  name: string;
  city: string;
  address: string | null;
  developer_name: string | null;
  presale_permit_no: string | null;
  developer_address: string | null;
  contract_no_pattern: string;
  receipt_no_pattern: string;
  ownership_days: number;
  hold_minutes: number;
  report_lead_minutes: number;
  report_protection_days: number;
  approval_lapse_hours: number;
  contract_deadline_days: number;
  digest_hour: number;
  report_visit_grace_days: number;
  pool_warning_days: number;
  timezone: string;
  created_at: string;
}

/** The rule settings, their bounds (the table's check constraints) and unit label. */
export const PROJECT_RULES = [
  { field: "ownership_days", min: 1, max: 365, unit: "days" },
  { field: "hold_minutes", min: 1, max: 1440, unit: "minutes" },
  { field: "report_lead_minutes", min: 0, max: 10080, unit: "minutes" },
  { field: "report_protection_days", min: 1, max: 365, unit: "days" },
  { field: "approval_lapse_hours", min: 1, max: 720, unit: "hours" },
  { field: "contract_deadline_days", min: 1, max: 90, unit: "days" },
  { field: "digest_hour", min: 0, max: 23, unit: "hour" },
  { field: "report_visit_grace_days", min: 1, max: 90, unit: "days" },
  { field: "pool_warning_days", min: 0, max: 30, unit: "days" },
] as const satisfies readonly { field: keyof Project; min: number; max: number; unit: string }[];
