import type { Shift } from "@so/shared/schemas/office";

export interface DutyLog {
  id: string;
  project_id: string;
  day: string;
  staff_id: string;
  shift: Shift | null;
  content: string;
  issues: string | null;
  handover: string | null;
  updated_at: string;
}
