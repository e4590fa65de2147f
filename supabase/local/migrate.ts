import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { LOCAL_DB_PASSWORD } from "./config.ts";
import { StackError } from "./errors.ts";

const BOOTSTRAP_FILE = new URL("./sql/bootstrap.sql", import.meta.url);
const MIGRATION_NAME = /^(\d{14})_(.+)\.sql$/;

export interface MigrationReport {
  applied: string[];
  seeded: boolean;
  /** The role migrations and the seed ran as: `postgres`, no superuser — unless the cluster predates that. */
  ranAs: { role: string; superuser: boolean };
}

/** The same database as `postgres`, the role hosted Supabase applies migrations as. */
export function asPostgresRole(superuserUrl: string): string {
  const url = new URL(superuserUrl);
  url.username = "postgres";
  url.password = LOCAL_DB_PASSWORD;
  return url.toString();
}

export function listMigrations(dir: string): { version: string; name: string; file: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => {
      const m = MIGRATION_NAME.exec(f);
      if (!m) {
        throw new StackError(
          `迁移文件名不符合 <YYYYMMDDHHMMSS>_<名称>.sql：${f}\nMigration file name must be <YYYYMMDDHHMMSS>_<name>.sql: ${f}`,
        );
      }
      return { version: m[1], name: m[2], file: path.join(dir, f) };
    });
}

async function inTransaction(client: pg.Client, work: () => Promise<void>): Promise<void> {
  await client.query("begin");
  try {
    await work();
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
}

function describePgError(error: unknown): string {
  const e = error as { message?: string; position?: string; detail?: string; hint?: string };
  return [e.message, e.detail && `DETAIL: ${e.detail}`, e.hint && `HINT: ${e.hint}`, e.position && `position ${e.position}`]
    .filter(Boolean)
    .join("; ");
}

/**
 * Bootstrap (idempotent, as the superuser), then — as `postgres`, like the Supabase CLI on hosted —
 * each migration not yet recorded, each in its own transaction and recorded like the CLI does, then
 * the seed once per database.
 */
export async function migrate(superuserUrl: string, opts: { migrationsDir: string; seedFile: string | null }): Promise<MigrationReport> {
  const admin = new pg.Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    await admin.query(fs.readFileSync(BOOTSTRAP_FILE, "utf8"));
  } catch (error) {
    throw new StackError(`本地数据库初始化失败 Bootstrap failed: ${describePgError(error)}`);
  } finally {
    await admin.end();
  }
  const client = new pg.Client({ connectionString: asPostgresRole(superuserUrl) });
  await client.connect();
  try {
    const who = await client.query<{ role: string; superuser: boolean }>(
      "select current_user as role, rolsuper as superuser from pg_roles where rolname = current_user",
    );
    const done = new Set(
      (await client.query<{ version: string }>("select version from supabase_migrations.schema_migrations")).rows.map((r) => r.version),
    );
    const applied: string[] = [];
    for (const m of listMigrations(opts.migrationsDir)) {
      if (done.has(m.version)) continue;
      const sql = fs.readFileSync(m.file, "utf8");
      try {
        await inTransaction(client, async () => {
          await client.query(sql);
          await client.query(
            "insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)",
            [m.version, m.name, [sql]],
          );
        });
      } catch (error) {
        throw new StackError(
          `迁移失败，数据库保持原样：${path.basename(m.file)}\nMigration failed, nothing from it was applied: ${path.basename(m.file)}\n${describePgError(error)}`,
        );
      }
      applied.push(path.basename(m.file));
    }

    let seeded = false;
    if (opts.seedFile && fs.existsSync(opts.seedFile)) {
      const already = await client.query("select 1 from supabase_migrations.seed_files limit 1");
      if (already.rowCount === 0) {
        const sql = fs.readFileSync(opts.seedFile, "utf8");
        try {
          await inTransaction(client, async () => {
            await client.query(sql);
            await client.query("insert into supabase_migrations.seed_files (path, hash) values ($1, $2)", [
              path.basename(opts.seedFile!),
              crypto.createHash("sha256").update(sql).digest("hex"),
            ]);
          });
        } catch (error) {
          throw new StackError(`演示数据导入失败 Seed failed: ${path.basename(opts.seedFile)}\n${describePgError(error)}`);
        }
        seeded = true;
      }
    }
    if (applied.length || seeded) await client.query("notify pgrst, 'reload schema'");
    return { applied, seeded, ranAs: who.rows[0] };
  } finally {
    await client.end();
  }
}
