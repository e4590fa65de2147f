import type { Db } from "../db/clients.ts";
import { DbFailure } from "../db/errors.ts";

/**
 * The morning digest's clock: asks the database to enqueue today's digest for everyone whose
 * project has reached its digest_hour (Asia/Shanghai). The database records each one, so asking
 * every minute — from any number of bot instances — sends it once per person per day.
 */
export class DigestScheduler {
  constructor(private readonly service: Db) {}

  /** Enqueue what is due at `now` (the database's clock when omitted); returns how many were enqueued. */
  async round(now?: Date): Promise<number> {
    const { data, error } = await this.service.rpc("enqueue_digests", now ? { p_now: now.toISOString() } : {});
    if (error) throw new DbFailure("enqueue_digests", error);
    return Number(data ?? 0);
  }
}
