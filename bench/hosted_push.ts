import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { checkHosted } from "../supabase/hosted/check.ts";
import { freeStackPorts, startLocalStack } from "../supabase/local/index.ts";
import { REPO_DIR } from "../supabase/local/config.ts";
import { round, timed } from "./support.ts";

const run = promisify(execFile);

/**
 * Going live, locally: every migration pushed with the real Supabase CLI (`supabase db push
 * --db-url`, as the non-superuser postgres) onto a database that has only what hosted has before
 * any migration, then one `check:hosted` over the result.
 */
export async function bench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sales-office-bench-"));
  const empty = path.join(dir, "none");
  fs.mkdirSync(empty);
  const stack = await startLocalStack({
    dataDir: path.join(dir, "postgres"),
    migrationsDir: empty,
    seedFile: null,
    ...(await freeStackPorts()),
  });
  try {
    const dbUrl = `${stack.postgresUrl}?sslmode=disable`;
    const cli = path.join(REPO_DIR, "node_modules/.bin/supabase");
    const [push] = await timed(() =>
      run(cli, ["db", "push", "--db-url", dbUrl, "--workdir", REPO_DIR, "--yes"], { env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: "1" } }),
    );
    const [check, results] = await timed(() =>
      checkHosted({ url: stack.url, publishableKey: stack.publishableKey, secretKey: stack.secretKey, dbUrl }),
    );
    const migrations = fs.readdirSync(path.join(REPO_DIR, "supabase", "migrations")).filter((f) => f.endsWith(".sql")).length;
    return {
      bench: "hosted_push",
      migrations,
      push_ms: round(push, 0),
      check_ms: round(check, 0),
      check_failed: results.filter((r) => r.status === "fail").length,
    };
  } finally {
    await stack.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
