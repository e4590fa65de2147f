export type Shift = "early" | "late" | "full";

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
