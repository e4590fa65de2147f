import type { Tables } from "@so/shared/database.types";

/** A row of `public.projects` (项目/案场) with its rule settings. */
export type Project = Tables<"projects">;

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
