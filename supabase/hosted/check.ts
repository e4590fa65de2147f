import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/**
 * `npm run check:hosted`: what a careful operator checks on a live Supabase project before staff
 * use it — through the same doors the admin and the bot use (the API with the project's keys) and,
 * given a database URL, the database itself and the real Supabase CLI's migration history.
 */

export const REPO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface CheckOptions {
  /** https://<ref>.supabase.co (or the local gateway). */
  url: string;
  /** sb_publishable_… or the legacy anon key. */
  publishableKey: string;
  /** sb_secret_… or the legacy service_role key: lists the API's tables and RPCs. */
  secretKey?: string;
  /** postgres://postgres…: migration history (Supabase CLI) and RLS flags. */
  dbUrl?: string;
  /** The folder holding supabase/migrations (the repository). */
  workdir?: string;
  /** An account whose sign-in is tried (e.g. the first admin). */
  email?: string;
  password?: string;
  /** The Supabase CLI to run; node_modules/.bin/supabase by default. */
  supabaseBin?: string;
}

export type CheckStatus = "pass" | "fail" | "skip";

export interface CheckResult {
  zh: string;
  en: string;
  status: CheckStatus;
  /** Lines explaining the result (what is missing, what was read). */
  detail: string[];
}

const MIGRATION_FILE = /^(\d{14})_(.+)\.sql$/;

/** supabase/migrations under `workdir`: version → file name. */
export function localMigrations(workdir: string): Map<string, string> {
  const dir = path.join(workdir, "supabase", "migrations");
  const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  return new Map(files.flatMap((f) => {
    const m = MIGRATION_FILE.exec(f);
    return m ? [[m[1], f] as const] : [];
  }));
}

/** The public functions the migrations create (their latest names): what the admin and bot call. */
export function expectedRpcs(workdir: string): string[] {
  const names = new Set<string>();
  for (const file of [...localMigrations(workdir).values()].sort()) {
    const sql = fs.readFileSync(path.join(workdir, "supabase", "migrations", file), "utf8");
    for (const m of sql.matchAll(/create\s+(?:or\s+replace\s+)?function\s+public\.([a-z0-9_]+)\s*\([\s\S]*?\)\s*returns\s+(\w+)/gi)) {
      if (/^(trigger|event_trigger)$/i.test(m[2])) names.delete(m[1].toLowerCase());
      else names.add(m[1].toLowerCase());
    }
  }
  return [...names].sort();
}

/** Rows of `supabase migration list`: each version with whether it is local and/or remote. */
export function parseMigrationList(output: string): { local: Set<string>; remote: Set<string> } {
  const local = new Set<string>();
  const remote = new Set<string>();
  for (const line of output.split("\n")) {
    const m = /^\s*`?(\d{14})?`?\s*\|\s*`?(\d{14})?`?\s*\|/.exec(line);
    if (!m) continue;
    if (m[1]) local.add(m[1]);
    if (m[2]) remote.add(m[2]);
  }
  return { local, remote };
}

function run(bin: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(bin, args, { cwd, timeout: 120_000, maxBuffer: 16 << 20, env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: "1" } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr: stderr || (error && !stdout ? String(error.message) : "") });
    });
  });
}

const short = (items: string[], max = 8) => (items.length > max ? [...items.slice(0, max), `… (+${items.length - max})`] : items);

export async function checkHosted(opts: CheckOptions): Promise<CheckResult[]> {
  const workdir = opts.workdir ?? REPO_DIR;
  const base = opts.url.replace(/\/+$/, "");
  const results: CheckResult[] = [];
  const add = (zh: string, en: string, status: CheckStatus, detail: string[] = []) => results.push({ zh, en, status, detail });
  const api = (p: string, key: string, init: RequestInit = {}) =>
    fetch(`${base}${p}`, { ...init, headers: { apikey: key, ...(init.headers as Record<string, string> | undefined) } });

  // 1. The API answers and takes the keys.
  try {
    const health = await fetch(`${base}/auth/v1/health`);
    const rest = await api("/rest/v1/", opts.publishableKey);
    if (health.ok && rest.status !== 401) add("API 可访问，公开密钥有效", "API reachable, publishable key accepted", "pass", [`${base}`]);
    else add("API 不可用或公开密钥无效", "API unreachable or publishable key refused", "fail", [`auth health ${health.status}, rest ${rest.status}`]);
  } catch (error) {
    add("无法连接 API", "Cannot reach the API", "fail", [`${base}: ${(error as Error).message}`]);
    return results;
  }

  // 2. The API's tables and RPCs (the secret key may read the schema's description).
  let tables: string[] = [];
  let rpcs: string[] = [];
  if (opts.secretKey) {
    const spec = await api("/rest/v1/", opts.secretKey, { headers: { accept: "application/openapi+json" } });
    if (spec.ok) {
      const paths = Object.keys(((await spec.json()) as { paths?: Record<string, unknown> }).paths ?? {});
      tables = paths.filter((p) => p !== "/" && !p.startsWith("/rpc/")).map((p) => p.slice(1)).sort();
      rpcs = paths.filter((p) => p.startsWith("/rpc/")).map((p) => p.slice(5)).sort();
      const admin = await api("/auth/v1/admin/users?per_page=1", opts.secretKey, { headers: { authorization: `Bearer ${opts.secretKey}` } });
      if (admin.ok) add("私密密钥有效（REST 与 Auth 管理接口）", "Secret key accepted (REST and Auth admin API)", "pass");
      else add("私密密钥被 Auth 管理接口拒绝", "Secret key refused by the Auth admin API", "fail", [`HTTP ${admin.status}`]);
    } else {
      add("私密密钥无效：读不到 API 描述", "Secret key refused: cannot read the API description", "fail", [`HTTP ${spec.status}`]);
    }
  } else {
    add("未提供私密密钥：跳过表与 RPC 检查", "No secret key: tables and RPCs not checked", "skip", ["SUPABASE_SECRET_KEY"]);
  }

  // 3. Migrations applied = supabase/migrations, read by the real Supabase CLI.
  const local = localMigrations(workdir);
  let db: pg.Client | undefined;
  if (opts.dbUrl) {
    const bin = opts.supabaseBin ?? (fs.existsSync(path.join(REPO_DIR, "node_modules/.bin/supabase")) ? path.join(REPO_DIR, "node_modules/.bin/supabase") : "supabase");
    const listed = await run(bin, ["migration", "list", "--db-url", opts.dbUrl, "--workdir", workdir], workdir);
    if (listed.code !== 0) {
      add("Supabase CLI 读取迁移记录失败", "The Supabase CLI could not read the migration history", "fail", short(listed.stderr.trim().split("\n"), 6));
    } else {
      const { remote } = parseMigrationList(listed.stdout);
      const missing = [...local.keys()].filter((v) => !remote.has(v)).map((v) => local.get(v)!);
      const unknown = [...remote].filter((v) => !local.has(v));
      if (missing.length === 0 && unknown.length === 0 && remote.size > 0) {
        add(`迁移一致：${remote.size} 个均已应用`, `Migrations match: all ${remote.size} applied`, "pass");
      } else {
        add("迁移不一致", "Migrations do not match supabase/migrations", "fail", [
          ...short(missing).map((f) => `未应用 not applied: ${f}`),
          ...short(unknown).map((v) => `仅在项目中 only on the project: ${v}`),
          ...(missing.length ? ["→ supabase db push"] : []),
        ]);
      }
    }
    db = new pg.Client({ connectionString: opts.dbUrl });
    try {
      await db.connect();
    } catch (error) {
      add("无法连接数据库", "Cannot connect to the database", "fail", [(error as Error).message]);
      db = undefined;
    }
  } else {
    add("未提供 SUPABASE_DB_URL：跳过迁移与 RLS 标记检查", "No SUPABASE_DB_URL: migrations and RLS flags not checked", "skip");
  }

  try {
    // 4. RLS on for every table in public.
    if (db) {
      const { rows } = await db.query<{ name: string }>(
        `select c.relname as name from pg_class c
          where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relrowsecurity order by 1`,
      );
      const { rows: count } = await db.query<{ n: number }>(
        "select count(*)::int as n from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p')",
      );
      if (rows.length === 0) add(`RLS 已对全部 ${count[0].n} 张表启用`, `RLS on for all ${count[0].n} tables`, "pass");
      else add("有表未启用 RLS", "Tables without RLS", "fail", short(rows.map((r) => `public.${r.name}`)));
    }

    // 5. Every RPC the migrations define is there.
    const expected = expectedRpcs(workdir);
    let present: Set<string> | undefined;
    if (db) {
      const { rows } = await db.query<{ name: string }>("select distinct proname as name from pg_proc where pronamespace = 'public'::regnamespace");
      present = new Set(rows.map((r) => r.name));
    } else if (opts.secretKey && rpcs.length) {
      present = new Set(rpcs);
    }
    if (present) {
      const absent = expected.filter((n) => !present.has(n));
      if (absent.length === 0) add(`RPC 齐全：${expected.length} 个`, `All ${expected.length} RPCs present`, "pass");
      else add("缺少 RPC", "RPCs missing", "fail", short(absent.map((n) => `public.${n}`)));
    }

    // 6. Anonymous callers read nothing.
    if (tables.length) {
      const leaks: string[] = [];
      for (const table of tables) {
        const answer = await api(`/rest/v1/${encodeURIComponent(table)}?select=*&limit=1`, opts.publishableKey);
        if (answer.ok) {
          const body = (await answer.json()) as unknown[];
          if (Array.isArray(body) && body.length > 0) leaks.push(table);
        } else {
          await answer.body?.cancel();
        }
      }
      if (leaks.length === 0) add(`匿名访问读不到数据（${tables.length} 张表/视图）`, `Anonymous reads nothing (${tables.length} tables/views)`, "pass");
      else add("匿名访问可读到数据", "Anonymous callers can read rows", "fail", short(leaks.map((t) => `public.${t}`)));
    }

    // 7. Sign-in works for the given account, and the account is staff.
    if (opts.email && opts.password) {
      const token = await api("/auth/v1/token?grant_type=password", opts.publishableKey, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: opts.email, password: opts.password }),
      });
      const session = (await token.json().catch(() => ({}))) as { access_token?: string; user?: { id: string }; msg?: string; error_description?: string; message?: string };
      if (!token.ok || !session.access_token) {
        add(`登录失败：${opts.email}`, `Sign-in failed: ${opts.email}`, "fail", [`HTTP ${token.status} ${session.msg ?? session.error_description ?? session.message ?? ""}`.trim()]);
      } else {
        const me = await api(`/rest/v1/staff?select=name&id=eq.${session.user!.id}`, opts.publishableKey, {
          headers: { authorization: `Bearer ${session.access_token}` },
        });
        const rows = me.ok ? ((await me.json()) as { name: string }[]) : [];
        if (rows.length === 1) add(`登录成功：${opts.email}（${rows[0].name}）`, `Sign-in works: ${opts.email}`, "pass");
        else add(`登录成功但不是员工：${opts.email}`, `Signed in, but not a staff member: ${opts.email}`, "fail", ["→ npm run setup:admin"]);
        await api("/auth/v1/logout", opts.publishableKey, { method: "POST", headers: { authorization: `Bearer ${session.access_token}` } }).catch(() => {});
      }
    } else {
      add("未提供账号：跳过登录检查", "No account given: sign-in not checked", "skip", ["CHECK_EMAIL, CHECK_PASSWORD"]);
    }
  } finally {
    await db?.end().catch(() => {});
  }
  return results;
}

const MARK: Record<CheckStatus, string> = { pass: "✓", fail: "✗", skip: "–" };

export function formatReport(results: CheckResult[]): string {
  const lines = results.flatMap((r) => [`${MARK[r.status]} ${r.zh}  ${r.en}`, ...r.detail.map((d) => `    ${d}`)]);
  const failed = results.filter((r) => r.status === "fail").length;
  lines.push(
    "",
    failed === 0 ? "检查通过 All checks passed." : `${failed} 项未通过 ${failed} check(s) failed.`,
  );
  return lines.join("\n");
}
