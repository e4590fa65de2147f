import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bot } from "grammy";
import { createNodeClient } from "@so/shared/supabase-node";
import { createDelivery } from "../../bot/src/notify/delivery.ts";
import { TEST_BOT, telegramStub } from "../../bot/test/integration/support/telegram.ts";
import { REPO_DIR } from "../local/config.ts";
import { DEMO_PASSWORD } from "../local/demo-accounts.ts";
import { freePort, freeStackPorts, startLocalStack, type LocalStack, type StackError } from "../local/index.ts";
import { query } from "./support/query.ts";

// The stack as an office runs it: each child killed by the pid the stack reports (never by name),
// and the outcome asserted — healed, or everything stopped with one message; no record lost.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "sales-office-supervision-"));
const dataDir = path.join(workDir, "postgres");
const notices: string[] = [];
const postgresLog: string[] = [];
let stack: LocalStack;

async function start(extra: Parameters<typeof startLocalStack>[0] = {}) {
  return startLocalStack({
    dataDir,
    ...(await freeStackPorts()),
    notice: (line) => notices.push(line),
    log: (line) => void postgresLog.push(`${new Date().toISOString()} ${line}`),
    // The polls below sign in again and again while the database is away.
    authRateLimits: { windowSeconds: 300, perIp: 1_000_000, perEmail: 1_000_000 },
    ...extra,
  });
}

const alive = (pid: number | undefined) => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A sign-in and a REST read through the gateway: auth, PostgREST and the database all answering. */
async function projectsSeenBy(s: LocalStack, email: string): Promise<string[] | string> {
  try {
    const signIn = await createNodeClient(s.url, s.anonKey).auth.signInWithPassword({ email, password: DEMO_PASSWORD });
    if (signIn.error) return `sign-in: ${signIn.error.message}`;
    const { data, error } = await createNodeClient(s.url, s.serviceRoleKey).from("projects").select("code").order("code");
    if (error) return `rest: ${error.message}`;
    return data.map((p) => p.code);
  } catch (error) {
    return `failed: ${(error as Error).message}`;
  }
}

/** The stack reports a new, live process for that child: the supervisor has restarted it. */
const restarted = (s: LocalStack, child: "postgres" | "postgrest", before: number) => () => {
  const now = s.pids()[child];
  return now !== undefined && now !== before && alive(now);
};

const healthOf = async (s: LocalStack) => {
  const answer = await fetch(`${s.url}/health`);
  return { status: answer.status, body: await answer.json() };
};

beforeAll(async () => {
  stack = await start();
  await query(stack.dbUrl, "insert into public.projects (code, name, city) values ('SUPV', '守护测试项目', '杭州')");
});

afterAll(async () => {
  console.log(`supervisor's notices:\n${notices.join("\n")}\n${postgresLog.slice(-60).join("\n")}`);
  await stack?.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe("a supervised local stack", () => {
  it("answers GET /health for the whole stack: database, API, auth, the bot's outbox", async () => {
    const { status, body } = await healthOf(stack);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: "ok",
      database: { ok: true },
      api: { ok: true },
      auth: { ok: true },
      bot_outbox: { ok: true, limit_seconds: null },
      restarts: { postgres: 0, postgrest: 0 },
    });
    expect(body.database.connections).toBeGreaterThan(0);
  });

  it("restarts a killed PostgREST and the API answers again", async () => {
    const before = stack.pids().postgrest!;
    expect(alive(before)).toBe(true);
    process.kill(before, "SIGKILL");
    // A new PostgREST, by the stack's own account and alive; then the API answers through it.
    await expect.poll(restarted(stack, "postgrest", before)).toBe(true);
    await expect.poll(() => projectsSeenBy(stack, "admin@demo.local")).toContain("SUPV");
    expect(alive(before)).toBe(false);
    expect(notices.join("\n")).toContain("PostgREST exited unexpectedly");
    expect(notices.join("\n")).toContain("PostgREST 已重启");
    expect((await healthOf(stack)).body.restarts).toEqual({ postgres: 0, postgrest: 1 });
  });

  it("restarts a killed Postgres (crash recovery), keeps every record, and the gateway process lives on", async () => {
    await query(stack.dbUrl, "insert into public.projects (code, name, city) values ('SUPV2', '崩溃前写入', '杭州')");
    // Idle connections in the auth service's pool, the ones whose loss used to end the process.
    expect(await projectsSeenBy(stack, "manager@demo.local")).toEqual(expect.any(Array));
    const before = stack.pids().postgres!;
    const postgrestBefore = stack.pids().postgrest;
    process.kill(before, "SIGKILL");
    await expect.poll(restarted(stack, "postgres", before)).toBe(true);
    await expect.poll(() => projectsSeenBy(stack, "admin@demo.local")).toEqual(expect.arrayContaining(["SUPV", "SUPV2"]));
    expect(stack.pids().postgrest).toBe(postgrestBefore);
    expect(notices.join("\n")).toContain("Postgres restarted and recovered");
    await expect.poll(async () => (await healthOf(stack)).status).toBe(200);
    expect((await healthOf(stack)).body.restarts).toEqual({ postgres: 1, postgrest: 1 });
  });


  it("keeps the bot's outbox worker running through a database restart: what is written after it is delivered", async () => {
    const telegram = telegramStub();
    const api = new Bot("123456:TEST-TOKEN", { botInfo: TEST_BOT, client: { fetch: telegram.fetch as never } }).api;
    const errors: string[] = [];
    const delivery = createDelivery({
      api, supabaseUrl: stack.url, anonKey: stack.anonKey, serviceRoleKey: stack.serviceRoleKey, sessionKey: "supervision-test-session-key-0123456789abcdef",
      logger: { info: () => {}, warn: (m) => void errors.push(m), error: (m) => void errors.push(m) },
      pollMs: 100, digestEveryMs: false,
    });
    const notify = (customer: string) =>
      query(
        stack.dbUrl,
        `insert into public.notifications (recipient_id, kind, payload)
         select id, 'collision', jsonb_build_object('customer_name', $1::text, 'claimant_name', '赵六') from public.staff where email = 'consultant2@demo.local'`,
        [customer],
      );
    await query(stack.dbUrl, "update public.staff set telegram_user_id = 990002 where email = 'consultant2@demo.local'");
    delivery.start();
    try {
      await notify("王五");
      await expect.poll(() => telegram.texts(990002).join("\n")).toContain("王五");
      await expect.poll(() => query(stack.dbUrl, "select status from public.notifications where payload ->> 'customer_name' = '王五'")).toEqual([{ status: "sent" }]);

      const before = stack.pids().postgres!;
      process.kill(before, "SIGKILL");
      await expect.poll(restarted(stack, "postgres", before)).toBe(true);
      await expect.poll(() => projectsSeenBy(stack, "admin@demo.local")).toContain("SUPV");
      await notify("孙七");
      await expect.poll(() => telegram.texts(990002).join("\n")).toContain("孙七");
      await expect
        .poll(() => query(stack.dbUrl, "select status, last_error from public.notifications where payload ->> 'customer_name' in ('王五', '孙七') order by id"))
        .toEqual([{ status: "sent", last_error: null }, { status: "sent", last_error: null }]);
    } finally {
      await delivery.stop();
    }
  });

  it("says 'degraded' (503) when a due notification waits longer than the bot's limit", async () => {
    const lagging = await start({ dataDir: path.join(workDir, "lag"), outboxLagLimitSeconds: 300 });
    try {
      expect((await healthOf(lagging)).status).toBe(200);
      await query(
        lagging.dbUrl,
        `with who as (update public.staff set telegram_user_id = 990001 where email = 'consultant1@demo.local' returning id)
         insert into public.notifications (recipient_id, kind, next_attempt_at) select id, 'test', now() - interval '10 minutes' from who`,
      );
      const { status, body } = await healthOf(lagging);
      expect(status).toBe(503);
      expect(body).toMatchObject({ status: "degraded", database: { ok: true }, bot_outbox: { ok: false, due: 1, limit_seconds: 300 } });
      expect(body.bot_outbox.lag_seconds).toBeGreaterThanOrEqual(600);
    } finally {
      await lagging.stop();
    }
  });

  it("stops everything with one message when Postgres will not come back; the next start keeps every record", async () => {
    await stack.stop();
    stack = await start({ postgresBackoffMs: [50, 100, 200] });
    const fatal = new Promise<StackError>((resolve) => stack.onFatal(resolve));
    await query(stack.dbUrl, "insert into public.projects (code, name, city) values ('SUPV3', '最后一次写入', '杭州')");
    const { postgres, postgrest } = stack.pids();
    const gateway = stack.url;
    // The data directory is gone from under it (a disk unmounted): every restart fails.
    fs.renameSync(dataDir, `${dataDir}.away`);
    process.kill(postgres!, "SIGKILL");

    const error = await fatal;
    expect(error.message).toContain("3 次重启均失败，已停止全部服务");
    expect(error.message).toContain("3 restarts failed; everything is stopped");
    expect(notices.filter((n) => n === error.message)).toHaveLength(1);
    // Nothing half alive: no PostgREST orphan, no Postgres, the gateway closed.
    expect(alive(postgrest)).toBe(false);
    expect(alive(stack.pids().postgres)).toBe(false);
    expect(await fetch(`${gateway}/health`).then(() => "answered", () => "refused")).toBe("refused");

    fs.renameSync(`${dataDir}.away`, dataDir);
    stack = await start();
    expect(stack.createdDatabase).toBe(false);
    expect(await projectsSeenBy(stack, "admin@demo.local")).toEqual(expect.arrayContaining(["SUPV", "SUPV2", "SUPV3"]));
  });

  it("the stack's command exits 1 with the message and leaves no process behind when Postgres will not come back", { timeout: 180_000 }, async () => {
    const dir = path.join(workDir, "cli");
    const gatewayPort = await freePort();
    const child = spawn(process.execPath, [path.join(REPO_DIR, "node_modules/tsx/dist/cli.mjs"), "supabase/local/cli.ts"], {
      cwd: REPO_DIR,
      env: {
        ...process.env,
        LOCAL_DATA_DIR: path.join(dir, "postgres"),
        LOCAL_GATEWAY_PORT: String(gatewayPort),
        LOCAL_POSTGRES_PORT: String(await freePort()),
        LOCAL_POSTGREST_PORT: String(await freePort()),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let pids: { postgres?: number; postgrest?: number } = {};
    try {
      await expect.poll(() => out, { timeout: 150_000 }).toContain(`健康检查 Health  http://127.0.0.1:${gatewayPort}/health`);
      pids = (await (await fetch(`http://127.0.0.1:${gatewayPort}/health`)).json()).pids;
      expect(alive(pids.postgres) && alive(pids.postgrest)).toBe(true);
      fs.renameSync(path.join(dir, "postgres"), path.join(dir, "postgres.away"));
      process.kill(pids.postgres!, "SIGKILL");

      expect(await exited).toBe(1);
      expect(err.match(/已停止全部服务/g)).toHaveLength(1);
      expect(err).toContain("restarts failed; everything is stopped");
      expect(alive(pids.postgrest)).toBe(false);
      expect(alive(pids.postgres)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      for (const pid of [pids.postgrest, pids.postgres]) if (alive(pid)) process.kill(pid!, "SIGKILL");
    }
  });
});
