import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freeStackPorts, startLocalStack } from "../supabase/local/index.ts";
import { round, timed } from "./support.ts";

/** Stack start-up: a new database (init, migrations, seed) vs an existing one. */
export async function bench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sales-office-bench-"));
  const ports = async () => ({
    dataDir: path.join(dir, "postgres"),
    ...(await freeStackPorts()),
  });
  try {
    const [cold, first] = await timed(async () => startLocalStack(await ports()));
    await first.stop();
    const [warm, second] = await timed(async () => startLocalStack(await ports()));
    await second.stop();
    return { bench: "stack_start", cold_ms: round(cold, 0), warm_ms: round(warm, 0) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
