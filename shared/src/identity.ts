import type { SupabaseClient } from "@supabase/supabase-js";
import type { Database, Tables } from "./database.types.ts";

export type StaffRole = Database["public"]["Enums"]["staff_role"];

/** A staff member with their roles per project, as admin and bot both need it. */
export interface StaffRecord {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  locale: string;
  active: boolean;
  telegramUserId: number | null;
  /** One entry per role held, with its project (roles of projects the reader may not see are left out). */
  roles: { projectId: string; projectName: string; projectCode: string; role: StaffRole }[];
}

type StaffRow = Pick<Tables<"staff">, "id" | "name" | "email" | "phone" | "locale" | "active" | "telegram_user_id"> & {
  staff_projects: (Pick<Tables<"staff_projects">, "role"> & { projects: Pick<Tables<"projects">, "id" | "name" | "code"> | null })[];
};

/**
 * Who is this: the staff row by id (the signed-in person reads their own under RLS) or by bound
 * Telegram account (the bot's service role), with roles and projects in one query; null when
 * there is no such row. A database error is thrown as supabase-js gave it.
 */
export async function findStaff(client: SupabaseClient<Database>, by: { id: string } | { telegramUserId: number }): Promise<StaffRecord | null> {
  const query = client
    .from("staff")
    .select("id, name, email, phone, locale, active, telegram_user_id, staff_projects(role, projects(id, name, code))");
  const { data, error } = await ("id" in by ? query.eq("id", by.id) : query.eq("telegram_user_id", by.telegramUserId)).maybeSingle<StaffRow>();
  if (error) throw error;
  if (!data) return null;
  return {
    id: data.id,
    name: data.name,
    email: data.email,
    phone: data.phone,
    locale: data.locale,
    active: data.active,
    telegramUserId: data.telegram_user_id === null ? null : Number(data.telegram_user_id),
    roles: data.staff_projects.flatMap((sp) =>
      sp.projects ? [{ projectId: sp.projects.id, projectName: sp.projects.name, projectCode: sp.projects.code, role: sp.role }] : [],
    ),
  };
}
