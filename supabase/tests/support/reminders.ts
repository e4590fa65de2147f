import { expect } from "vitest";
import { serviceClient, sql } from "./clients.ts";

let service: ReturnType<typeof serviceClient> | undefined;
/** One tick of the reminders clock (run_reminders), at `now` or the real time; how many it enqueued of each kind. */
export async function runReminders(now?: Date) {
  service ??= serviceClient();
  const { data, error } = await service.rpc("run_reminders", now ? { p_now: now.toISOString() } : {});
  expect(error).toBeNull();
  return data as Record<string, number>;
}

/** A project's notifications of one kind, oldest first. */
export const notificationsSent = (projectId: string, kind: string) =>
  sql<{ recipient_id: string; payload: any }>(
    `select recipient_id, payload from public.notifications where project_id = $1 and kind = $2 order by id`,
    [projectId, kind],
  );

/** The active staff holding a role in a project (whom a reminder to that role reaches), sorted. */
export const activeRoleHolders = async (projectId: string, role: string) =>
  (await sql<{ staff_id: string }>(
    `select sp.staff_id from public.staff_projects sp join public.staff s on s.id = sp.staff_id
      where sp.project_id = $1 and sp.role = $2 and s.active`,
    [projectId, role],
  )).map((r) => r.staff_id).sort();
