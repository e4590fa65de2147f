import readline from "node:readline/promises";
import { parseArgs } from "node:util";
import { readBackupHeader, restoreDatabase } from "../supabase/local/backup.ts";
import { defaultStackOptions, LOCAL_DB_PASSWORD } from "../supabase/local/config.ts";
import { StackError } from "../supabase/local/errors.ts";

/**
 * `npm run restore FILE [-- --yes]`: replaces ALL data of the running local database with a backup
 * made by `npm run backup` — after asking (type "yes"), or at once with --yes (scripts). All or
 * nothing: a damaged file or a backup of another schema changes nothing.
 */
const { values, positionals } = parseArgs({ options: { yes: { type: "boolean", short: "y" } }, allowPositionals: true });
const dbUrl = process.env.DATABASE_URL ?? `postgres://postgres:${LOCAL_DB_PASSWORD}@127.0.0.1:${defaultStackOptions().postgresPort}/postgres`;

try {
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    throw new StackError("用法 Usage: npm run restore <备份文件 backup file> [-- --yes]");
  }
  const header = await readBackupHeader(file);
  if (!values.yes) {
    if (!process.stdin.isTTY) {
      throw new StackError("恢复会替换全部数据：请在终端确认，或加 --yes。Restoring replaces all data: confirm in a terminal, or pass --yes.");
    }
    const ask = readline.createInterface({ input: process.stdin, output: process.stdout });
    const answer = await ask.question(
      `将用 ${header.created_at} 的备份替换当前数据库的全部数据（${header.migrations.length} 个迁移）。输入 yes 继续：\n` +
        `This replaces ALL data of the database with the backup of ${header.created_at}. Type yes to go on: `,
    );
    ask.close();
    if (answer.trim().toLowerCase() !== "yes") {
      console.log("已取消，未做任何更改。Cancelled; nothing was changed.");
      process.exit(1);
    }
  }
  const started = Date.now();
  const done = await restoreDatabase(dbUrl, file);
  console.log(`恢复完成 Restored the backup of ${done.created_at}: ${done.tables} 张表 tables, ${done.rows} 行 rows, ${Date.now() - started} ms`);
} catch (error) {
  console.error(error instanceof StackError ? error.message : error);
  process.exit(1);
}
