export interface WorkDiary {
  id: string;
  project_id: string;
  day: string;
  staff_id: string;
  content: string;
  plan: string | null;
  updated_at: string;
}
