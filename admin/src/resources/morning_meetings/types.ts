export interface MorningMeeting {
  id: string;
  project_id: string;
  held_on: string;
  host_id: string | null;
  attendance: string | null;
  content: string;
  targets: string | null;
  created_at: string;
  updated_at: string;
}
