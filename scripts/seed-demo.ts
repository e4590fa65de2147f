import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { loadEnvFile } from "../shared/src/env-file.ts";
import { SEED_FILE } from "../supabase/local/config.ts";

/**
 * `npm run seed:demo -- --db-url <postgres://…>`: loads the demo data (supabase/seed.sql: accounts
 * with the password demo-password) into a database ON PURPOSE — e.g. a hosted staging project. It
 * asks first (or --yes), refuses a database that already has staff, and runs in one transaction.
 * Never needed locally: `npm start` seeds its own database.
 */
loadEnvFile();
const { values } = parseArgs({ options: { "db-url": { type: "string" }, yes: { type: "boolean" } } });
const dbUrl = values["db-url"] ?? process.env.SUPABASE_DB_URL;
if (!dbUrl) {
  console.error("需要 --db-url（或 SUPABASE_DB_URL）。--db-url (or SUPABASE_DB_URL) is required.");
  process.exit(2);
}
const target = new URL(dbUrl);
if (!values.yes) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(
    `将向 ${target.host} 导入演示数据（演示账号密码 demo-password，不可用于正式项目）。确定吗？\nLoad demo data (demo accounts, password demo-password) into ${target.host}? [y/N] `,
  );
  rl.close();
  if (!/^y(es)?$/i.test(answer.trim())) process.exit(0);
}
const client = new pg.Client({ connectionString: dbUrl });
await client.connect();
try {
  const staff = await client.query<{ n: number }>("select count(*)::int as n from public.staff");
  if (staff.rows[0].n > 0) {
    console.error("数据库已有员工，未导入演示数据。The database already has staff; demo data not loaded.");
    process.exit(1);
  }
  const sql = fs.readFileSync(SEED_FILE, "utf8");
  await client.query("begin");
  await client.query(sql);
  // Recorded where the Supabase CLI records seeds, when that table exists.
  const recorded = await client.query<{ t: string | null }>("select to_regclass('supabase_migrations.seed_files')::text as t");
  if (recorded.rows[0].t) {
    await client.query(
      "insert into supabase_migrations.seed_files (path, hash) values ($1, $2) on conflict (path) do update set hash = excluded.hash",
      [path.basename(SEED_FILE), crypto.createHash("sha256").update(sql).digest("hex")],
    );
  }
  await client.query("commit");
  console.log("已导入演示数据 Demo data loaded.");
} catch (error) {
  await client.query("rollback").catch(() => {});
  console.error(`导入失败，未写入任何数据 Failed, nothing written: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await client.end();
}
