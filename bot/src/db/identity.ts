import { findStaff } from "@so/shared/identity";
import type { ProjectRole } from "../i18n/roles.ts";
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

/** Who is bound to this Telegram account right now (service role), or null. */
export async function findStaffByTelegramId(service: Db, telegramUserId: number): Promise<StaffMember | null> {
  const staff = await findStaff(service, { telegramUserId }).catch((error) => {
    throw new DbFailure("staff look-up by Telegram id", error);
  });
  if (!staff) return null;
  return {
    ...staff,
    telegramUserId,
    roles: staff.roles
      .map((r) => ({ projectId: r.projectId, projectName: r.projectName, role: r.role }))
      .sort((a, b) => a.projectName.localeCompare(b.projectName, "zh-CN")),
  };
}
