import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "../supabase/local/backup.ts";
import { defaultStackOptions, LOCAL_DB_PASSWORD, REPO_DIR } from "../supabase/local/config.ts";
import { StackError } from "../supabase/local/errors.ts";

/**
 * `npm run backup [-- --dir DIR --keep N]`: a consistent, compressed copy of the running local
 * database (npm start's) in .data/backups/, keeping the newest N (default 14). DATABASE_URL points
 * it at another Postgres 17 of the same schema; hosted Supabase has its own backups.
 */
const { values } = parseArgs({
  options: { dir: { type: "string" }, keep: { type: "string" } },
});
const dir = path.resolve(values.dir ?? process.env.BACKUP_DIR ?? path.join(REPO_DIR, ".data", "backups"));
const keep = Number(values.keep ?? process.env.BACKUP_KEEP ?? 14);
const dbUrl = process.env.DATABASE_URL ?? `postgres://postgres:${LOCAL_DB_PASSWORD}@127.0.0.1:${defaultStackOptions().postgresPort}/postgres`;

try {
  const started = Date.now();
  const done = await backupDatabase(dbUrl, { dir, keep });
  console.log(
    `备份完成 Backup written: ${done.file}\n` +
      `  ${done.tables} 张表 tables, ${done.rows} 行 rows, ${(done.bytes / 1024).toFixed(0)} KiB, ${Date.now() - started} ms` +
      (done.removed.length ? `\n  已删除较旧的备份 removed older backups (keeping ${keep}): ${done.removed.map((f) => path.basename(f)).join(", ")}` : ""),
  );
} catch (error) {
  console.error(error instanceof StackError ? error.message : error);
  process.exit(1);
}
