import type { ProjectRole, StaffRole } from "../i18n/roles.ts";
import type { Db } from "./clients.ts";
import { toDbError } from "./errors.ts";

export interface BindResult {
  staffId: string;
  name: string;
  roles: ProjectRole[];
}

/** Redeem a one-time code for this Telegram user (service role). Throws DbRefusal with the reason. */
export async function bindTelegram(service: Db, code: string, telegramUserId: number): Promise<BindResult> {
  const { data, error } = await service.rpc("bind_telegram", { p_code: code, p_telegram_user_id: telegramUserId });
  if (error) throw toDbError("bind_telegram", error);
  const result = data as {
    staff_id: string;
    name: string;
    roles: { project_id: string; project_name: string; role: StaffRole }[];
  };
  return {
    staffId: result.staff_id,
    name: result.name,
    roles: result.roles.map((r) => ({ projectId: r.project_id, projectName: r.project_name, role: r.role })),
  };
}
