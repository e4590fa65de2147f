import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freeStackPorts, startLocalStack, type LocalStack } from "../supabase/local/index.ts";

/** A private stack for one benchmark: its own data directory and free ports. */
export async function withBenchStack<T>(
  work: (stack: LocalStack, dataDir: string, ports: { postgrest: number }) => Promise<T>,
  options: { seedFile?: string | null } = {},
): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sales-office-bench-"));
  const dataDir = path.join(dir, "postgres");
  const ports = await freeStackPorts();
  const stack = await startLocalStack({
    dataDir,
    ...ports,
    ...(options.seedFile !== undefined ? { seedFile: options.seedFile } : {}),
  });
  try {
    return await work(stack, dataDir, { postgrest: ports.postgrestPort });
  } finally {
    await stack.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[index]);
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function timed<T>(fn: () => PromiseLike<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}
