import type { Role } from "../../session/roles.ts";

/** A row of `public.staff` with its roles per project, as the staff screens read it. */
export interface StaffMember {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  active: boolean;
  hired_on: string | null;
  /** 转正日期: before it (or without it) the person is on probation (试用期). */
  regularised_on: string | null;
  on_probation: boolean;
  telegram_user_id: number | null;
  created_at: string;
  staff_projects: { project_id: string; role: Role; projects: { name: string; code: string } | null }[];
}

export const STAFF_SELECT =
  "id, name, email, phone, active, hired_on, regularised_on, on_probation, telegram_user_id, created_at, staff_projects(project_id, role, projects(name, code))";
