import type { WeekFigures } from "../../components/reports/types.ts";

export interface WeeklyMinutes {
  id: string;
  project_id: string;
  week_start: string;
  title: string;
  held_on: string | null;
  host_id: string | null;
  attendees: string | null;
  summary: string | null;
  next_focus: string | null;
  figures: WeekFigures;
  figures_at: string;
  updated_at: string;
}

export interface MinuteItem {
  id: string;
  minutes_id: string;
  seq: number;
  topic: string;
  decision: string | null;
  owner_id: string | null;
  due_date: string | null;
  done: boolean;
}
