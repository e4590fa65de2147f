import { Api } from "grammy";
import type { ApiClientOptions } from "grammy";
import { createServiceClient } from "../db/clients.ts";
import { DbFailure } from "../db/errors.ts";
import { resolveLocale, translator } from "../i18n/index.ts";
import { StaffClients } from "../db/staff-clients.ts";
import type { Logger } from "../logger.ts";
import { DigestScheduler } from "./digest.ts";
import { OutboxWorker, type OutboxOptions } from "./worker.ts";

/**
 * The outbox's own Bot API client: the same bot, but not the object replies go through and without
 * auto-retry — a flood limit (429) or a network error fails the row at once, and the database
 * retries it after its back-off (Telegram's retry_after at least; mark_notification_failed keeps
 * it, failing it only after the last attempt). So the worker never sleeps inside a round, and a
 * reply never waits behind a notification's flood wait.
 */
export function outboxApi(token: string, client: ApiClientOptions = {}): Api {
  return new Api(token, client);
}

export interface DeliveryOptions extends OutboxOptions {
  api: Api;
  supabaseUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  /** BOT_SESSION_KEY (see StaffClients). */
  sessionKey: string;
  logger: Logger;
  /** Pause between outbox rounds when nothing is due. */
  pollMs?: number;
  /** How often the reminders' clock asks the database (run_reminders); false: no reminders from this process. */
  digestEveryMs?: number | false;
}

export interface Delivery {
  outbox: OutboxWorker;
  digests: DigestScheduler;
  /** Tells people whose binding was ended that it was (once each); returns how many were told. */
  farewells(): Promise<number>;
  /** Runs both loops until stop(). */
  start(): void;
  stop(): Promise<void>;
}

/** The bot's background work: the outbox worker and the reminders' clock (follow-ups, pool warnings, payments, digests). */
export function createDelivery(options: DeliveryOptions): Delivery {
  const service = createServiceClient(options.supabaseUrl, options.serviceRoleKey);
  const staffClients = new StaffClients({
    url: options.supabaseUrl, anonKey: options.anonKey, serviceKey: options.serviceRoleKey, sessionKey: options.sessionKey, service,
  });
  const outbox = new OutboxWorker({ api: options.api, service, staffClients, logger: options.logger }, options);
  const digests = new DigestScheduler(service);
  const timers = new Set<NodeJS.Timeout>();
  const inflight = new Set<Promise<unknown>>();
  let running = false;

  const loop = (every: number, work: () => Promise<unknown>, what: string) => {
    const tick = () => {
      if (!running) return;
      const done: Promise<unknown> = work()
        .catch((error) => options.logger.error(`${what} failed`, error))
        .finally(() => {
          inflight.delete(done);
          if (!running) return;
          const timer = setTimeout(() => {
            timers.delete(timer);
            tick();
          }, every);
          timers.add(timer);
        });
      inflight.add(done);
    };
    tick();
  };

  const farewells = async (): Promise<number> => {
    const { data, error } = await service.rpc("bot_session_farewells", { p_limit: 20, p_staff_id: options.recipientId ?? undefined });
    if (error) throw new DbFailure("bot_session_farewells", error);
    const rows = (data ?? []) as { telegram_user_id: number; locale: string | null }[];
    for (const row of rows) {
      const t = translator(resolveLocale({ staffLocale: row.locale ?? undefined }));
      // a courtesy: a blocked bot or a deleted chat only loses this one message
      await options.api
        .sendMessage(Number(row.telegram_user_id), t("unbound.ended"))
        .catch((e) => options.logger.warn(`Could not tell ${row.telegram_user_id} that their binding ended`, e));
    }
    return rows.length;
  };

  return {
    outbox,
    digests,
    farewells,
    start() {
      if (running) return;
      running = true;
      loop(options.pollMs ?? 2_000, async () => {
        await outbox.drain();
        await farewells();
      }, "Outbox delivery");
      if (options.digestEveryMs !== false) loop(options.digestEveryMs ?? 60_000, () => digests.round(), "Reminder scheduling");
    },
    async stop() {
      running = false;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(inflight);
    },
  };
}
