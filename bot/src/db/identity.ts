import { findStaff, type StaffRecord } from "@so/shared/identity";
import type { ProjectRole } from "../i18n/roles.ts";
import type { Db } from "./clients.ts";
import { DbFailure } from "./errors.ts";

/** A bound staff member as the bot keeps them: roles sorted by project name for the menus. */
export type StaffMember = Omit<StaffRecord, "telegramUserId" | "roles"> & { telegramUserId: number; roles: ProjectRole[] };

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
