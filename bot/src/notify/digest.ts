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
    const at = now ? { p_now: now.toISOString() } : {};
    const { data, error } = await this.service.rpc("run_reminders", at);
    if (error) throw new DbFailure("run_reminders", error);
    // 日报 each evening for directors and above (enqueue_evening_reports keys it once per person and day).
    const evening = await this.service.rpc("enqueue_evening_reports", at);
    if (evening.error) throw new DbFailure("enqueue_evening_reports", evening.error);
    return Object.values((data ?? {}) as Record<string, number>).reduce((sum, n) => sum + Number(n), 0) + Number(evening.data ?? 0);
  }
}
