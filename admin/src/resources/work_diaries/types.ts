export interface WorkDiary {
  id: string;
  project_id: string;
  day: string;
  staff_id: string;
  content: string;
  plan: string | null;
  updated_at: string;
  /** 已阅 marks (work_diary_reviews), as RLS shows them. */
  reviews: { reviewed_by: string; comment: string | null; reviewed_at: string }[];
}
