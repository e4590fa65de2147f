import type { Db } from "../db/clients.ts";
import { DbFailure } from "../db/errors.ts";

/**
 * The reminders' clock: asks the database (run_reminders) to enqueue what is due — follow-ups
 * due, customers about to drop into the pool, payments due and overdue, the morning digests
 * (everyone's 今日待办 at the project's digest_hour, finance's collections), holds about to lapse,
 * 客户分析会 deadlines and the directors' evening 日报. The database keys each reminder, so asking every minute — from any number of bot instances — sends each once.
 */
export class DigestScheduler {
  constructor(private readonly service: Db) {}

  /** Enqueue what is due at `now` (the database's clock when omitted); returns how many were enqueued. */
  async round(now?: Date): Promise<number> {
    const { data, error } = await this.service.rpc("run_reminders", now ? { p_now: now.toISOString() } : {});
    if (error) throw new DbFailure("run_reminders", error);
    return Object.values((data ?? {}) as Record<string, number>).reduce((sum, n) => sum + Number(n), 0);
  }
}
