import fs from "node:fs";

/*
  CPU time (ms) spent by each part of the stack, read from /proc (Linux): the gateway (this
  process's main thread), the load's clients (this process's other threads), PostgREST, and
  Postgres (the postmaster with every backend, live or already gone: an exited backend's time is
  added to the postmaster's children's time).
*/

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(path: string): number[] | undefined {
  try {
    const text = fs.readFileSync(path, "utf8");
    // Fields after the command name (which may contain spaces) in parentheses.
    return text.slice(text.lastIndexOf(")") + 2).split(" ").map(Number);
  } catch {
    return undefined;
  }
}

// After ")": state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
const own = (f: number[]) => (f[11] + f[12]) * TICK_MS;
const withChildren = (f: number[]) => (f[11] + f[12] + f[13] + f[14]) * TICK_MS;

export interface CpuSnapshot {
  gateway: number;
  clients: number;
  postgrest: number;
  postgres: number;
}

export function cpuSnapshot(pids: { postgrest?: number; postgres?: number }): CpuSnapshot | undefined {
  if (process.platform !== "linux") return undefined;
  const self = stat(`/proc/${process.pid}/stat`);
  const main = stat(`/proc/${process.pid}/task/${process.pid}/stat`);
  let postgres = 0;
  if (pids.postgres) {
    const master = stat(`/proc/${pids.postgres}/stat`);
    postgres = master ? withChildren(master) : 0;
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const f = stat(`/proc/${entry}/stat`);
      if (f && f[1] === pids.postgres) postgres += own(f);
    }
  }
  const postgrest = pids.postgrest ? stat(`/proc/${pids.postgrest}/stat`) : undefined;
  return {
    gateway: main ? own(main) : 0,
    clients: self && main ? own(self) - own(main) : 0,
    postgrest: postgrest ? own(postgrest) : 0,
    postgres,
  };
}

/** CPU ms per call of each part between two snapshots. */
export function cpuPerCall(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined, calls: number) {
  if (!before || !after) return undefined;
  const per = (k: keyof CpuSnapshot) => Math.round(((after[k] - before[k]) / calls) * 100) / 100;
  return { gateway: per("gateway"), clients: per("clients"), postgrest: per("postgrest"), postgres: per("postgres") };
}
