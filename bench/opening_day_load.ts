import http from "node:http";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import pg from "pg";

/*
  The buyers' side of opening_day, in threads of their own: thousands of HTTP clients would
  otherwise share the event loop of the gateway they measure (buyers' phones are not the server),
  and on a busy machine one client thread gets too little CPU to keep the server busy. The
  direct leg runs the same way, so both legs pay for their clients alike.
*/

/** Client threads per leg. */
const THREADS = 4;

export interface LoadClient {
  consultant: string;
  customer: string;
  unit: string;
}
export type Outcome = "succeeded" | "refused" | "error";
export interface CallResult {
  ok: boolean;
  code?: string; // machine code of a clean refusal
  ms: number;
}
export interface ClientResult {
  outcome: Outcome;
  calls: CallResult[];
}

interface Common {
  clients: LoadClient[];
  /** A unit for the warm-up calls (schema cache, connections). */
  warmUnit: string;
}
export type LoadSpec =
  | (Common & { kind: "rest"; base: string; headers: Record<string, string>; tokens: Record<string, string> })
  | (Common & { kind: "direct"; dbUrl: string; pool: number; application: string });

export interface LoadReport {
  results: ClientResult[];
  wallMs: number;
  /** HTTP status (or client error) → count; PostgREST's Server-Timing phases (mean ms) when it sends them. */
  statuses: Record<string, number>;
  serverTiming: Record<string, number>;
}

/** What one client thread hands back: Server-Timing as sums over `timed` answers. */
interface ThreadReport {
  results: ClientResult[];
  statuses: Record<string, number>;
  timing: Record<string, number>;
  timed: number;
}

type Call = (client: LoadClient, fn: string, args: Record<string, unknown>) => Promise<CallResult>;

/** One client: hold, then subscribe; a clean refusal at either step ends it as refused. */
async function client(call: Call, c: LoadClient): Promise<ClientResult> {
  const calls: CallResult[] = [];
  const hold = await call(c, "hold_unit", { p_unit_id: c.unit, p_customer_id: c.customer });
  calls.push(hold);
  if (!hold.ok) return { outcome: hold.code ? "refused" : "error", calls };
  const sub = await call(c, "create_subscription", {
    p_unit_id: c.unit, p_customer_id: c.customer, p_payment_method: "full", p_policy_ids: [], p_deposit_due: "50000",
  });
  calls.push(sub);
  return { outcome: sub.ok ? "succeeded" : sub.code ? "refused" : "error", calls };
}

/**
 * Before the clock starts, every client asks for a price once, all at the same time: the schema
 * cache is loaded and the connections are open, as on the morning of an opening, when the
 * consultants' screens have been refreshing the 销控表 and the bot keeps its own pool. Both legs
 * do the same. (Thousands of connections opened in the same instant are another measurement: the
 * kernel's and the clients' work, not the API's; see the README.)
 */
async function warmUp(call: Call, spec: LoadSpec): Promise<void> {
  await Promise.all(spec.clients.map((c) => call(c, "price_buildup", { p_unit_id: spec.warmUnit })));
}

async function restLoad(spec: Extract<LoadSpec, { kind: "rest" }>, start: () => Promise<void>): Promise<ThreadReport> {
  const statuses: Record<string, number> = {};
  const timing: Record<string, number> = {};
  let timed = 0;
  // One keep-alive connection per client at most, as each buyer's phone has its own.
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const post = (path: string, headers: Record<string, string>, body: string) =>
    new Promise<{ status: number; timing?: string; text: string }>((resolve, reject) => {
      const req = http.request(`${spec.base}${path}`, { method: "POST", agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, timing: res.headers["server-timing"] as string | undefined, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  const call: Call = async (c, fn, args) => {
    const t0 = performance.now();
    try {
      const res = await post(
        `/rpc/${fn}`,
        { ...spec.headers, authorization: `Bearer ${spec.tokens[c.consultant]}`, "content-type": "application/json", "x-surface": "bot" },
        JSON.stringify(args),
      );
      const ms = performance.now() - t0;
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.timing) {
        timed++;
        for (const m of res.timing.matchAll(/(\w+);dur=([\d.]+)/g)) timing[m[1]] = (timing[m[1]] ?? 0) + Number(m[2]);
      }
      if (res.status >= 200 && res.status < 300) return { ok: true, ms };
      const body = (() => { try { return JSON.parse(res.text); } catch { return null; } })();
      const code = res.status === 400 && body?.code === "P0001" && body?.details ? String(body.details) : undefined;
      return { ok: false, code, ms };
    } catch (error) {
      const what = String((error as NodeJS.ErrnoException).code ?? error).slice(0, 80);
      statuses[what] = (statuses[what] ?? 0) + 1;
      return { ok: false, ms: performance.now() - t0 };
    }
  };
  await warmUp(call, spec);
  for (const k of Object.keys(statuses)) delete statuses[k];
  timed = 0;
  for (const k of Object.keys(timing)) delete timing[k];
  await start();
  const results = await Promise.all(spec.clients.map((c) => client(call, c)));
  return { results, statuses, timing, timed };
}

/** The same calls over a pool of direct connections, each in a transaction doing what PostgREST does around it. */
async function directLoad(spec: Extract<LoadSpec, { kind: "direct" }>, start: () => Promise<void>): Promise<ThreadReport> {
  const pool = new pg.Pool({ connectionString: spec.dbUrl, max: spec.pool, application_name: spec.application });
  const call: Call = async (c, fn, args) => {
    const t0 = performance.now();
    const conn = await pool.connect();
    try {
      await conn.query("begin");
      await conn.query(
        "select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true), set_config('request.headers', $2, true)",
        [JSON.stringify({ sub: c.consultant, role: "authenticated", aud: "authenticated" }), JSON.stringify({ "x-surface": "bot" })],
      );
      // PostgREST's pre-request check, as every API call runs it.
      await conn.query("select private.check_request()");
      const names = Object.keys(args);
      await conn.query(
        `select public.${fn}(${names.map((n, i) => `${n} => $${i + 1}`).join(", ")})`,
        names.map((n) => args[n]),
      );
      await conn.query("commit");
      return { ok: true, ms: performance.now() - t0 };
    } catch (error) {
      await conn.query("rollback").catch(() => {});
      const e = error as { code?: string; detail?: string };
      return { ok: false, code: e.code === "P0001" && e.detail ? e.detail : undefined, ms: performance.now() - t0 };
    } finally {
      conn.release();
    }
  };
  try {
    await warmUp(call, spec);
    await start();
    const results = await Promise.all(spec.clients.map((c) => client(call, c)));
    return { results, statuses: {}, timing: {}, timed: 0 };
  } finally {
    await pool.end();
  }
}

/**
 * Runs the load in THREADS worker threads, the clients dealt round-robin; the clock starts when
 * every thread has warmed up (schema cache, every client's connection) and ends with the last client.
 * `onStart` is called as the clock starts (a profile's first readings, so they leave the warm-up out).
 */
export async function runLoad(spec: LoadSpec, onStart?: () => void): Promise<LoadReport> {
  const self = import.meta.url;
  const boot = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(self)}, ${JSON.stringify(self)}))`;
  const threads = Array.from({ length: THREADS }, (_, t) => {
    const part = { ...spec, clients: spec.clients.filter((_, i) => i % THREADS === t) };
    if (spec.kind === "direct") Object.assign(part, { pool: Math.ceil(spec.pool / THREADS) });
    const worker = new Worker(boot, { eval: true, workerData: part });
    let ready!: () => void;
    const isReady = new Promise<void>((resolve) => (ready = resolve));
    const report = new Promise<ThreadReport>((resolve, reject) => {
      worker.on("message", (m: "ready" | ThreadReport) => (m === "ready" ? ready() : resolve(m)));
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`load thread exited (${code}) without a report`)));
    });
    return { worker, isReady, report };
  });
  await Promise.all(threads.map((t) => Promise.race([t.isReady, t.report])));
  onStart?.();
  const t0 = performance.now();
  for (const t of threads) t.worker.postMessage("go");
  const reports = await Promise.all(threads.map((t) => t.report));
  const wallMs = performance.now() - t0;
  const statuses: Record<string, number> = {};
  const timing: Record<string, number> = {};
  for (const r of reports) {
    for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
    for (const [k, v] of Object.entries(r.timing)) timing[k] = (timing[k] ?? 0) + v;
  }
  const timed = reports.reduce((n, r) => n + r.timed, 0);
  return {
    results: reports.flatMap((r) => r.results),
    wallMs,
    statuses,
    serverTiming: Object.fromEntries(Object.entries(timing).map(([k, v]) => [k, Math.round((v / timed) * 100) / 100])),
  };
}

if (!isMainThread && parentPort && (workerData as LoadSpec | undefined)?.kind) {
  const spec = workerData as LoadSpec;
  const port = parentPort;
  // Warmed up: say so, and wait for the word to go.
  const start = () =>
    new Promise<void>((resolve) => {
      port.once("message", () => resolve());
      port.postMessage("ready");
    });
  port.postMessage(spec.kind === "rest" ? await restLoad(spec, start) : await directLoad(spec, start));
}
