import type { ProjectRole, StaffRole } from "../i18n/roles.ts";
import type { Db } from "./clients.ts";
import { DbFailure } from "./errors.ts";

export interface StaffMember {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  locale: string;
  active: boolean;
  telegramUserId: number;
  roles: ProjectRole[];
}

interface StaffRow {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  locale: string;
  active: boolean;
  telegram_user_id: number;
  staff_projects: { role: StaffRole; projects: { id: string; name: string } | null }[];
}

/** Who is bound to this Telegram account right now (service role), or null. */
export async function findStaffByTelegramId(service: Db, telegramUserId: number): Promise<StaffMember | null> {
  const { data, error } = await service
    .from("staff")
    .select("id, name, email, phone, locale, active, telegram_user_id, staff_projects(role, projects(id, name))")
    .eq("telegram_user_id", telegramUserId)
    .maybeSingle<StaffRow>();
  if (error) throw new DbFailure("staff look-up by Telegram id", error);
  if (!data) return null;
  return {
    id: data.id,
    name: data.name,
    email: data.email,
    phone: data.phone,
    locale: data.locale,
    active: data.active,
    telegramUserId: Number(data.telegram_user_id),
    roles: data.staff_projects
      .filter((sp) => sp.projects)
      .map((sp) => ({ projectId: sp.projects!.id, projectName: sp.projects!.name, role: sp.role }))
      .sort((a, b) => a.projectName.localeCompare(b.projectName, "zh-CN")),
  };
}
