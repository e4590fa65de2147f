import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { createNodeClient } from "@so/shared/supabase-node";
import { REPO_DIR } from "../local/config.ts";
import { DEMO_PASSWORD } from "../local/demo-accounts.ts";
import { freeStackPorts, startLocalStack, type LocalStack } from "../local/index.ts";
import { query } from "./support/query.ts";

// npm run backup / npm run restore as an office uses them: a backup of the running stack,
// the data directory wiped, a fresh start, the backup restored — every table as it was.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "sales-office-backup-"));
const dataDir = path.join(workDir, "postgres");
const backupDir = path.join(workDir, "backups");
let stack: LocalStack | undefined;

afterAll(async () => {
  await stack?.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

async function start() {
  return startLocalStack({
    dataDir,
    ...(await freeStackPorts()),
    notice: () => {},
  });
}

/** Rows of every table outside the system schemas, and every sequence's position. */
async function census(dbUrl: string) {
  const tables = await query<{ t: string }>(
    dbUrl,
    `select format('%I.%I', n.nspname, c.relname) as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { t } of tables) counts[t] = (await query<{ n: number }>(dbUrl, `select count(*)::int as n from ${t}`))[0].n;
  const sequences = await query(dbUrl, "select schemaname, sequencename, last_value::text from pg_sequences order by 1, 2");
  return { counts, sequences };
}

function cli(script: string, args: string[], dbUrl: string) {
  const run = spawnSync(process.execPath, [path.join(REPO_DIR, "node_modules/tsx/dist/cli.mjs"), path.join(REPO_DIR, "scripts", script), ...args], {
    cwd: REPO_DIR,
    env: { ...process.env, DATABASE_URL: dbUrl },
    encoding: "utf8",
    input: "",
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const TRICKY = { code: "BKUP", name: `备份"项目"\n第二行 😀 \\ 反斜杠`, city: "杭州" };

describe("backup and restore of the local database", () => {
  it("backs up the running stack, keeps the newest N, and after a wipe restores every record", { timeout: 300_000 }, async () => {
    stack = await start();
    await query(stack.dbUrl, "insert into public.projects (code, name, city) values ($1, $2, $3)", [TRICKY.code, TRICKY.name, TRICKY.city]);
    const before = await census(stack.dbUrl);
    expect(before.counts["public.projects"]).toBeGreaterThan(1);
    expect(before.counts["auth.users"]).toBeGreaterThan(5);
    const money = await query(stack.dbUrl, "select id, list_price::text from public.units order by id limit 5");

    // Three backups, keeping two: the oldest goes.
    for (let i = 0; i < 3; i++) {
      const run = cli("backup.ts", ["--dir", backupDir, "--keep", "2"], stack.dbUrl);
      expect(run.err).toBe("");
      expect(run.code).toBe(0);
      expect(run.out).toContain("备份完成 Backup written");
    }
    const files = fs.readdirSync(backupDir).sort();
    expect(files).toHaveLength(2);
    const newest = path.join(backupDir, files[1]);
    expect(zlib.gunzipSync(fs.readFileSync(newest)).toString("utf8")).toContain("#{\"end\":true");

    // The office machine's disk is wiped; a fresh start seeds demo data again.
    await stack.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    stack = await start();
    expect(stack.createdDatabase).toBe(true);
    await query(stack.dbUrl, "insert into public.projects (code, name, city) values ('AFTER', '擦除后新建', '上海')");

    // No terminal to ask, no --yes: refused, nothing changed.
    const unasked = cli("restore.ts", [newest], stack.dbUrl);
    expect(unasked.code).toBe(1);
    expect(unasked.err).toContain("请在终端确认，或加 --yes");
    // A damaged copy: refused, nothing changed.
    const damaged = path.join(workDir, "damaged.jsonl.gz");
    const whole = fs.readFileSync(newest);
    fs.writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const broken = cli("restore.ts", [damaged, "--yes"], stack.dbUrl);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain("未做任何更改");
    expect(await query(stack.dbUrl, "select code from public.projects where code in ('AFTER', 'BKUP')")).toEqual([{ code: "AFTER" }]);

    const restored = cli("restore.ts", [newest, "--yes"], stack.dbUrl);
    expect(restored.err).toBe("");
    expect(restored.code).toBe(0);
    expect(restored.out).toContain("恢复完成");

    const after = await census(stack.dbUrl);
    expect(after.counts).toEqual(before.counts);
    expect(after.sequences).toEqual(before.sequences);
    expect(await query(stack.dbUrl, "select code, name, city from public.projects where code in ('AFTER', 'BKUP')")).toEqual([TRICKY]);
    expect(await query(stack.dbUrl, "select id, list_price::text from public.units order by id limit 5")).toEqual(money);

    // The running stack serves the restored data: a restored account signs in, the API reads.
    const client = createNodeClient(stack.url, stack.anonKey);
    const { error } = await client.auth.signInWithPassword({ email: "consultant1@demo.local", password: DEMO_PASSWORD });
    expect(error).toBeNull();
    const { data } = await createNodeClient(stack.url, stack.serviceRoleKey).from("projects").select("name").eq("code", "BKUP");
    expect(data).toEqual([{ name: TRICKY.name }]);
  });
});
