import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createNodeClient } from "@so/shared/supabase-node";
import { MIGRATIONS_DIR, REPO_DIR } from "../local/config.ts";
import { DEMO_PASSWORD } from "../local/demo-accounts.ts";
import { freeStackPorts, startLocalStack, type LocalStack } from "../local/index.ts";
import { stack } from "./support/clients.ts";

// `npm run check:hosted` run as an operator runs it (a child process, its exit code, its report),
// and migrations pushed with the real Supabase CLI exactly as onto hosted — as `postgres`, which is
// no superuser locally either.

const SUPABASE_CLI = path.join(REPO_DIR, "node_modules/.bin/supabase");
const TSX = path.join(REPO_DIR, "node_modules/.bin/tsx");

function runFile(bin: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    execFile(bin, args, { cwd: REPO_DIR, env: { ...process.env, ...env, SUPABASE_TELEMETRY_DISABLED: "1" }, timeout: 300_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: `${stdout}\n${stderr}` });
    });
  });
}

/** Only what the operator's .env would hold; nothing of the environment the tests run in. */
const checkEnv = (s: { url: string; publishableKey: string; secretKey: string; postgresUrl: string }, extra: Record<string, string> = {}) => ({
  ENV_FILE: "/nonexistent/.env",
  SUPABASE_URL: s.url,
  SUPABASE_PUBLISHABLE_KEY: s.publishableKey,
  SUPABASE_SECRET_KEY: s.secretKey,
  SUPABASE_DB_URL: `${s.postgresUrl}?sslmode=disable`,
  ...extra,
});

const checkHosted = (env: Record<string, string>, args: string[] = []) => runFile(TSX, ["scripts/check-hosted.ts", ...args], env);

describe("check:hosted", () => {
  it("passes against the local stack: migrations, RLS, RPCs, anonymous reads, sign-in", { timeout: 180_000 }, async () => {
    const { code, output } = await checkHosted(checkEnv(stack(), { CHECK_EMAIL: "admin@demo.local", CHECK_PASSWORD: DEMO_PASSWORD }));
    expect(output).toContain("迁移一致");
    expect(output).toContain("RLS 已对全部");
    expect(output).toContain("RPC 齐全");
    expect(output).toContain("匿名访问读不到数据");
    expect(output).toContain("登录成功：admin@demo.local");
    expect(output).toContain("检查通过 All checks passed.");
    expect(output).not.toContain("✗");
    expect(code).toBe(0);
  });

  it("fails on a wrong password, saying so; reads the legacy key names too", { timeout: 180_000 }, async () => {
    const wrong = await checkHosted(
      checkEnv(stack(), { SUPABASE_DB_URL: "", CHECK_EMAIL: "admin@demo.local", CHECK_PASSWORD: "not-the-password" }),
    );
    expect(wrong.output).toContain("✗ 登录失败：admin@demo.local");
    expect(wrong.code).toBe(1);
    // Legacy key names are read too.
    const legacy = await checkHosted({
      ENV_FILE: "/nonexistent/.env",
      SUPABASE_URL: stack().url,
      SUPABASE_ANON_KEY: stack().anonKey,
      SUPABASE_SERVICE_ROLE_KEY: stack().serviceRoleKey,
    });
    expect(legacy.output).toContain("✓ 私密密钥有效");
    expect(legacy.output).toContain("– 未提供 SUPABASE_DB_URL");
    expect(legacy.code).toBe(0);
  });
});

describe("migrations pushed with the Supabase CLI", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sales-office-push-"));
  let project: LocalStack | undefined;
  afterAll(async () => {
    await project?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("check:hosted names the one migration a project lacks; after `supabase db push` it passes", { timeout: 600_000 }, async () => {
    // A fresh "hosted" database: what Supabase has before any project migration (bootstrap only).
    const empty = path.join(dir, "none");
    fs.mkdirSync(empty);
    project = await startLocalStack({
      dataDir: path.join(dir, "postgres"),
      migrationsDir: empty,
      seedFile: null,
      ...(await freeStackPorts()),
    });
    const all = fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith(".sql")).sort();
    const last = all.at(-1)!;
    const workdir = path.join(dir, "repo");
    fs.mkdirSync(path.join(workdir, "supabase", "migrations"), { recursive: true });
    fs.copyFileSync(path.join(REPO_DIR, "supabase", "config.toml"), path.join(workdir, "supabase", "config.toml"));
    for (const f of all.slice(0, -1)) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(workdir, "supabase", "migrations", f));

    const dbUrl = `${project.postgresUrl}?sslmode=disable`;
    const push = (cwd: string) => runFile(SUPABASE_CLI, ["db", "push", "--db-url", dbUrl, "--workdir", cwd, "--yes"]);
    const first = await push(workdir);
    expect(first.output).toContain(all[0]);
    expect(first.code, first.output).toBe(0);

    const missing = await checkHosted(checkEnv(project));
    expect(missing.code).toBe(1);
    expect(missing.output).toContain("✗ 迁移不一致");
    expect(missing.output).toContain(`未应用 not applied: ${last}`);
    expect(missing.output).toContain("→ supabase db push");

    const second = await push(REPO_DIR);
    expect(second.output).toContain(last);
    expect(second.code, second.output).toBe(0);
    const complete = await checkHosted(checkEnv(project));
    expect(complete.output).toContain(`迁移一致：${all.length} 个均已应用`);
    expect(complete.output).not.toContain("✗");
    expect(complete.code).toBe(0);
  });

  it("setup:admin makes the first administrator and project on the fresh database, once", { timeout: 300_000 }, async () => {
    expect(project, "the project of the test before").toBeDefined();
    const p = project!;
    const env = { ...checkEnv(p), SETUP_ADMIN_PASSWORD: "first-admin-password" };
    const args = ["--email", "Boss@Example.com", "--name", "周总", "--phone", "13900001234", "--project-code", "SH-01", "--project-name", "滨江府", "--city", "上海"];

    // Nobody but the secret key may call the database side.
    const anon = await fetch(`${p.url}/rest/v1/rpc/setup_first_admin`, {
      method: "POST",
      headers: { apikey: p.publishableKey, "content-type": "application/json" },
      body: JSON.stringify({ p_user_id: crypto.randomUUID(), p_name: "x", p_phone: "", p_project_code: "X", p_project_name: "X", p_city: "X" }),
    });
    expect(anon.status).toBeGreaterThanOrEqual(401);

    // Two setups at the same moment: exactly one is made.
    const service = createNodeClient(p.url, p.secretKey);
    const racers = await Promise.all(
      ["race1@example.com", "race2@example.com"].map(async (email) => {
        const { data, error } = await service.auth.admin.createUser({ email, password: "race-password", email_confirm: true });
        if (error) throw error;
        return data.user!.id;
      }),
    );
    const raced = await Promise.all(
      racers.map((id, i) =>
        service.rpc("setup_first_admin", { p_user_id: id, p_name: `赛${i}`, p_phone: "", p_project_code: `R-${i}`, p_project_name: "竞速", p_city: "杭州" }),
      ),
    );
    expect(raced.filter((r) => r.error === null)).toHaveLength(1);
    expect(raced.find((r) => r.error)?.error).toMatchObject({ details: "already_set_up" });
    // Back to an empty database (superuser SQL arranges; everything under test goes through the API).
    const db = new pg.Client({ connectionString: p.dbUrl });
    await db.connect();
    try {
      await db.query("delete from public.staff; delete from public.projects; delete from auth.users");
    } finally {
      await db.end();
    }

    const made = await runFile(TSX, ["scripts/setup-admin.ts", ...args], env);
    expect(made.output).toContain("已创建首位管理员 First administrator created: boss@example.com");
    expect(made.code, made.output).toBe(0);

    const signedIn = await checkHosted({ ...checkEnv(p), CHECK_EMAIL: "boss@example.com", CHECK_PASSWORD: "first-admin-password" });
    expect(signedIn.output).toContain("✓ 登录成功：boss@example.com（周总）");
    expect(signedIn.code).toBe(0);

    // A second run is refused before anything is made.
    const again = await runFile(TSX, ["scripts/setup-admin.ts", ...args.map((a) => (a === "Boss@Example.com" ? "second@example.com" : a))], env);
    expect(again.code).toBe(1);
    expect(again.output).toContain("系统已有员工");
    const users = await fetch(`${p.url}/auth/v1/admin/users`, { headers: { apikey: p.secretKey, authorization: `Bearer ${p.secretKey}` } });
    const emails = ((await users.json()) as { users: { email: string }[] }).users.map((u) => u.email);
    expect(emails).toEqual(["boss@example.com"]);
  });
});
