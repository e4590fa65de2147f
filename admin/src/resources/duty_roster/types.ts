import type { Shift } from "@so/shared/schemas/office";

export const SHIFT_COLORS: Record<Shift, string> = { early: "blue", late: "purple", full: "green" };

export interface RosterEntry {
  id: string;
  project_id: string;
  day: string;
  staff_id: string;
  shift: Shift;
  post: string | null;
  note: string | null;
}
