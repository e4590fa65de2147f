import type { IncomingMessage, ServerResponse } from "node:http";
import pg from "pg";
import {
  defaultStackOptions,
  LOCAL_ANON_KEY,
  LOCAL_PUBLISHABLE_KEY,
  LOCAL_SECRET_KEY,
  LOCAL_SERVICE_ROLE_KEY,
  type StackOptions,
} from "./config.ts";
import { createAuthHandler } from "./auth/server.ts";
import { StackError } from "./errors.ts";
import { createGateway } from "./gateway.ts";
import { asPostgresRole, migrate, type MigrationReport } from "./migrate.ts";
import { assertPortsFree, freePort } from "./ports.ts";
import { startPostgres, type RunningPostgres } from "./postgres.ts";
import { postgrestPoolSize, startPostgrest, type RunningPostgrest } from "./postgrest.ts";

/** How the stack heals itself; the defaults suit an office machine, tests shorten nothing. */
export interface SupervisionOptions {
  /** What the supervisor does, one line each (a child restarted, given up): the operator's log. Default: stderr. */
  notice: (line: string) => void;
  /** Pauses before the 1st, 2nd, … attempt to start a crashed Postgres again; after the last one the stack gives up. */
  postgresBackoffMs: number[];
  /** Pauses before restarting a crashed PostgREST; the last one repeats, until `postgrestMaxFailures` starts in a row fail. */
  postgrestBackoffMs: number[];
  postgrestMaxFailures: number;
  /** A child that ran this long since its last start counts as healthy again: its next crash starts the back-off anew. */
  stableAfterMs: number;
  /** /health says "degraded" when a due notification waited longer than this for the bot (null: the bot's lag is only shown). */
  outboxLagLimitSeconds: number | null;
}

export const defaultSupervision = (): SupervisionOptions => ({
  notice: (line) => console.error(line),
  postgresBackoffMs: [500, 1_000, 2_000, 4_000, 8_000],
  postgrestBackoffMs: [500, 1_000, 2_000, 5_000, 10_000, 30_000],
  postgrestMaxFailures: 10,
  stableAfterMs: 60_000,
  outboxLagLimitSeconds: null,
});

export interface StackPids {
  /** The Postgres postmaster, while it runs. */
  postgres?: number;
  /** PostgREST, while it runs. */
  postgrest?: number;
  /** The gateway and the auth service live in this process. */
  gateway: number;
}

export interface StackHealth {
  status: "ok" | "degraded";
  checked_at: string;
  database: { ok: boolean; ms?: number; error?: string; connections?: number };
  api: { ok: boolean; error?: string };
  auth: { ok: boolean; error?: string };
  bot_outbox: { ok: boolean; due?: number; lag_seconds?: number; limit_seconds: number | null; error?: string };
  restarts: { postgres: number; postgrest: number };
  /** The children's process ids now (for an operator, or a test that kills one). */
  pids: StackPids;
}

export interface LocalStack {
  /** The Supabase URL (gateway): `${url}/rest/v1`, `${url}/auth/v1`; the whole stack's health at `${url}/health`. */
  url: string;
  /** Direct superuser connection string to Postgres. */
  dbUrl: string;
  /** The same database as `postgres`, the non-superuser role hosted Supabase gives a project. */
  postgresUrl: string;
  /** Legacy JWT key of `anon`. */
  anonKey: string;
  /** Legacy JWT key of `service_role`. */
  serviceRoleKey: string;
  /** New-style key standing for `anon` (`sb_publishable_…`). */
  publishableKey: string;
  /** New-style key standing for `service_role` (`sb_secret_…`). */
  secretKey: string;
  jwtSecret: string;
  createdDatabase: boolean;
  migrations: MigrationReport;
  /** The children's process ids as the supervisor knows them now. */
  pids(): StackPids;
  /** What `GET /health` answers. */
  health(): Promise<StackHealth>;
  /**
   * Called once if the stack gave up (Postgres would not come back): everything is stopped by then,
   * the error's message says what happened in Chinese and English. The caller exits non-zero.
   */
  onFatal(handler: (error: StackError) => void): void;
  stop(): Promise<void>;
}

const wait = (ms: number, timers: Set<NodeJS.Timeout>) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });

/**
 * Requests the gateway lets through to PostgREST at once: its pool size by default (more would only
 * wait inside PostgREST, in no order); GATEWAY_UPSTREAM_LIMIT overrides it, 0 turns the limit off.
 */
function upstreamLimit(): number | undefined {
  const set = process.env.GATEWAY_UPSTREAM_LIMIT;
  if (set === undefined || set === "") return postgrestPoolSize();
  const n = Number(set);
  if (!Number.isInteger(n) || n < 0) throw new StackError(`GATEWAY_UPSTREAM_LIMIT 必须是非负整数。must be a whole number ≥ 0, got "${set}"`);
  return n || undefined;
}

/** A promise that gives up after `ms` (a health check must answer even when a part hangs). */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Postgres, then migrations and seed, then PostgREST and the auth service behind one gateway.
 * Whatever started is stopped again if a later part fails.
 *
 * Supervised: a crashed PostgREST is started again with back-off; a crashed Postgres is started
 * again on its data directory (crash recovery), and if it will not come back the whole stack
 * stops and `onFatal` is told — never half alive, never an orphan child.
 */
export async function startLocalStack(
  overrides: Partial<StackOptions> & Partial<SupervisionOptions> = {},
): Promise<LocalStack> {
  const opts = { ...defaultStackOptions(), ...defaultSupervision(), ...overrides };
  await assertPortsFree({
    gateway: opts.gatewayPort,
    postgres: opts.postgresPort,
    postgrest: opts.postgrestPort,
  });

  const stops: (() => Promise<void>)[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  const stopAll = async () => {
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => {});
  };
  const fatalHandlers: ((error: StackError) => void)[] = [];
  let fatal: StackError | undefined;
  const giveUp = async (error: StackError) => {
    if (stopped) return;
    fatal = error;
    opts.notice(error.message);
    await stopAll();
    for (const handler of fatalHandlers) handler(error);
  };
  const restarts = { postgres: 0, postgrest: 0 };
  let postgrestCrashes = 0;

  try {
    const postgres = await startPostgres({ dataDir: opts.dataDir, port: opts.postgresPort, log: opts.log });
    stops.push(postgres.stop);
    const migrations = await migrate(postgres.url, { migrationsDir: opts.migrationsDir, seedFile: opts.seedFile });

    const postgrestOptions = {
      postgresPort: opts.postgresPort,
      port: opts.postgrestPort,
      adminPort: await freePort(),
      jwtSecret: opts.jwtSecret,
      log: opts.log,
    };
    let postgrest: RunningPostgrest | undefined = await startPostgrest(postgrestOptions);
    stops.push(() => postgrest?.stop() ?? Promise.resolve());
    supervisePostgrest(postgrest);

    const url = `http://127.0.0.1:${opts.gatewayPort}`;
    const authDb = new pg.Pool({ connectionString: postgres.url, max: 10 });
    // An idle client whose server went away (Postgres restarting) is dropped by the pool; without a
    // listener that 'error' event would end the whole process.
    authDb.on("error", (error) => opts.log(`[auth] idle database connection lost: ${error.message}`));
    stops.push(() => authDb.end());
    supervisePostgres(postgres);
    const pids = (): StackPids => ({ postgres: postgres.pid(), postgrest: postgrest?.pid, gateway: process.pid });

    const health = async (): Promise<StackHealth> => {
      const started = Date.now();
      const database: StackHealth["database"] = { ok: false };
      const bot: StackHealth["bot_outbox"] = { ok: true, limit_seconds: opts.outboxLagLimitSeconds };
      try {
        const { rows } = await within(
          3_000,
          authDb.query<{ due: number; lag: number; connections: number }>(`
            select count(*)::int as due,
                   coalesce(extract(epoch from now() - min(n.next_attempt_at)), 0)::int as lag,
                   (select count(*)::int from pg_catalog.pg_stat_activity where backend_type = 'client backend') as connections
              from public.notifications n
              join public.staff s on s.id = n.recipient_id
             where n.status = 'pending' and n.next_attempt_at <= now() and s.active and s.telegram_user_id is not null`),
        );
        Object.assign(database, { ok: true, ms: Date.now() - started, connections: rows[0].connections });
        Object.assign(bot, { due: rows[0].due, lag_seconds: rows[0].lag });
        if (opts.outboxLagLimitSeconds !== null && rows[0].lag > opts.outboxLagLimitSeconds) bot.ok = false;
      } catch (error) {
        database.error = (error as Error).message;
        Object.assign(bot, { ok: opts.outboxLagLimitSeconds === null, error: "database unavailable" });
      }
      const api: StackHealth["api"] = { ok: false };
      try {
        const answer = await within(3_000, fetch(`http://127.0.0.1:${postgrestOptions.adminPort}/ready`));
        api.ok = answer.status === 200;
        if (!api.ok) api.error = `PostgREST /ready answered ${answer.status}`;
      } catch (error) {
        api.error = `PostgREST: ${(error as Error).message}`;
      }
      // The auth service runs in this process; it is up when its database answers.
      const auth: StackHealth["auth"] = database.ok ? { ok: true } : { ok: false, error: "database unavailable" };
      const ok = database.ok && api.ok && auth.ok && bot.ok && !fatal;
      return { status: ok ? "ok" : "degraded", checked_at: new Date().toISOString(), database, api, auth, bot_outbox: bot, restarts: { ...restarts }, pids: pids() };
    };
    const serveHealth = async (_req: IncomingMessage, res: ServerResponse) => {
      const body = await health();
      res.writeHead(body.status === "ok" ? 200 : 503, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    };

    const gateway = createGateway({
      postgrestUrl: postgrest.url,
      jwtSecret: opts.jwtSecret,
      corsOrigins: opts.corsOrigins,
      apiKeys: { publishable: LOCAL_PUBLISHABLE_KEY, secret: LOCAL_SECRET_KEY, anonJwt: LOCAL_ANON_KEY, serviceRoleJwt: LOCAL_SERVICE_ROLE_KEY },
      auth: createAuthHandler({ db: authDb, jwtSecret: opts.jwtSecret, issuer: `${url}/auth/v1`, rateLimits: opts.authRateLimits }),
      health: serveHealth,
      upstreamLimit: upstreamLimit(),
    });
    await new Promise<void>((resolve, reject) => {
      gateway.once("error", reject);
      // Opening day: thousands of clients connect at once; Node's default queue (511) dropped the rest.
      gateway.listen({ port: opts.gatewayPort, host: "127.0.0.1", backlog: 4096 }, () => resolve());
    });
    gateway.on("error", (error) => opts.notice(`网关错误 Gateway error: ${error.message}`));
    stops.push(
      () =>
        new Promise<void>((resolve) => {
          gateway.closeAllConnections();
          gateway.close(() => resolve());
        }),
    );

    return {
      url,
      dbUrl: postgres.url,
      postgresUrl: asPostgresRole(postgres.url),
      anonKey: LOCAL_ANON_KEY,
      serviceRoleKey: LOCAL_SERVICE_ROLE_KEY,
      publishableKey: LOCAL_PUBLISHABLE_KEY,
      secretKey: LOCAL_SECRET_KEY,
      jwtSecret: opts.jwtSecret,
      createdDatabase: postgres.created,
      migrations,
      pids,
      health,
      onFatal: (handler) => {
        if (fatal) handler(fatal);
        else fatalHandlers.push(handler);
      },
      stop: stopAll,
    };

    /** PostgREST crashed: start it again after a pause that grows with each crash in a row. */
    function supervisePostgrest(running: RunningPostgrest) {
      const startedAt = Date.now();
      running.onExit(async (code) => {
        if (stopped) return;
        postgrest = undefined;
        if (Date.now() - startedAt >= opts.stableAfterMs) postgrestCrashes = 0;
        for (let failedStarts = 0; ; ) {
          const pause = opts.postgrestBackoffMs[Math.min(postgrestCrashes++, opts.postgrestBackoffMs.length - 1)];
          opts.notice(
            `PostgREST 意外退出（code ${code}），${pause} ms 后重启。PostgREST exited unexpectedly (code ${code}); restarting in ${pause} ms.`,
          );
          await wait(pause, timers);
          if (stopped) return;
          try {
            const next = await startPostgrest(postgrestOptions);
            if (stopped) return void (await next.stop());
            postgrest = next;
            restarts.postgrest++;
            opts.notice(`PostgREST 已重启（pid ${next.pid}）。PostgREST restarted (pid ${next.pid}).`);
            supervisePostgrest(next);
            return;
          } catch (error) {
            if (++failedStarts >= opts.postgrestMaxFailures) {
              return giveUp(
                new StackError(
                  `PostgREST 连续 ${failedStarts} 次无法启动，已停止全部服务。请查看上面的日志后重新运行 npm start。\n` +
                    `PostgREST failed to start ${failedStarts} times in a row; everything is stopped. See the log above, then run npm start again.\n` +
                    (error as Error).message,
                ),
              );
            }
          }
        }
      });
    }

    /** Postgres crashed: start it again (it replays its WAL); if it will not come back, stop everything. */
    function supervisePostgres(running: RunningPostgres) {
      let startedAt = Date.now();
      let attempts = 0;
      running.onExit(async (code, signal) => {
        if (stopped) return;
        // A Postgres that ran a while starts the back-off anew; one that keeps crashing uses it up.
        if (Date.now() - startedAt >= opts.stableAfterMs) attempts = 0;
        const how = signal ? `signal ${signal}` : `code ${code}`;
        let lastError = "";
        while (attempts < opts.postgresBackoffMs.length) {
          const pause = opts.postgresBackoffMs[attempts++];
          opts.notice(`Postgres 意外退出（${how}），${pause} ms 后重启。Postgres exited unexpectedly (${how}); restarting in ${pause} ms.`);
          await wait(pause, timers);
          if (stopped) return;
          try {
            await running.restart();
            if (stopped) return;
            startedAt = Date.now();
            restarts.postgres++;
            opts.notice(`Postgres 已重启并完成恢复（pid ${running.pid()}）。Postgres restarted and recovered (pid ${running.pid()}).`);
            return;
          } catch (error) {
            lastError = (error as Error).message.split("\n").filter(Boolean).slice(-2).join(" ").trim();
          }
        }
        await giveUp(
          new StackError(
            `Postgres 意外退出（${how}），${attempts} 次重启均失败，已停止全部服务。请检查数据目录、磁盘空间和内存后重新运行 npm start。\n` +
              `Postgres exited (${how}) and ${attempts} restarts failed; everything is stopped. ` +
              `Check the data directory, disk space and memory, then run npm start again.` +
              (lastError ? `\n${lastError}` : ""),
          ),
        );
      });
    }
  } catch (error) {
    await stopAll();
    if (error instanceof StackError) throw error;
    throw new StackError(`本地环境启动失败 Local stack failed to start: ${(error as Error).message}`);
  }
}
