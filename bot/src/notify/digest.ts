import type { Db } from "../db/clients.ts";
import { DbFailure } from "../db/errors.ts";

/**
 * The reminders' clock: asks the database (run_reminders) to enqueue what is due — follow-ups
 * due, customers about to drop into the pool, payments due and overdue, the morning digests
 * (everyone's 今日待办 at the project's digest_hour, finance's collections) and the directors' evening
 * 日报 (enqueue_evening_reports). The database keys
 * each reminder, so asking every minute — from any number of bot instances — sends each once.
 */
export class DigestScheduler {
  constructor(private readonly service: Db) {}

  /** Enqueue what is due at `now` (the database's clock when omitted); returns how many were enqueued. */
  async round(now?: Date): Promise<number> {
    let total = 0;
    // Beside run_reminders: units about to lapse (run_hold_reminders) and the evening 日报 for
    // directors and above (enqueue_evening_reports, once per person and day).
    for (const fn of ["run_reminders", "run_hold_reminders", "enqueue_evening_reports"] as const) {
      const { data, error } = await this.service.rpc(fn, now ? { p_now: now.toISOString() } : {});
      if (error) throw new DbFailure(fn, error);
      total += typeof data === "number" ? data : Object.values((data ?? {}) as Record<string, number>).reduce((sum, n) => sum + Number(n), 0);
    }
    return total;
  }
}
