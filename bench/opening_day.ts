import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { SignJWT } from "jose";
import { createRandom } from "../supabase/seed/random.ts";
import type { LocalStack } from "../supabase/local/index.ts";
import { sampleActivity } from "./activity.ts";
import { cpuPerCall, cpuSnapshot } from "./cpu.ts";
import { runLoad, type LoadClient, type LoadReport, type LoadSpec } from "./opening_day_load.ts";
import { percentile, round, withBenchStack } from "./support.ts";

/*
  开盘 (opening day): CLIENTS clients, each a consultant's session, race for UNITS units — half of them
  for the 20 most wanted — each doing hold_unit then create_subscription. Through the gateway
  (REST rpc, the consultant's JWT) and then the same workload over direct Postgres connections in
  the same RLS context (role authenticated + JWT claims, a transaction per call). Reports clean
  refusals (a machine code) apart from errors, and checks that no unit was sold or held twice.
*/

/** One opening day's size; `opening_day` and `opening_day_peak` differ only in these. */
export interface OpeningDaySize {
  bench: string;
  units: number;
  clients: number;
  consultants: number;
}

export const OPENING_DAY: OpeningDaySize = { bench: "opening_day", units: 300, clients: 600, consultants: 30 };
/** Five times the office: the same hot spot (20 units wanted by half the clients). */
export const OPENING_DAY_PEAK: OpeningDaySize = { bench: "opening_day_peak", units: 1500, clients: 3000, consultants: 100 };

const HOT_UNITS = 20;
const FLOORS = 30;
const DIRECT_POOL = 20;

interface Arena {
  projectId: string;
  units: string[];
  /** Per client: its consultant and that consultant's customer. */
  clients: LoadClient[];
}

/** A project with `size.units` available units and `size.clients` customers owned by the regularised consultants. */
async function arena(db: pg.Client, size: OpeningDaySize, code: string, consultants: string[], seed: number): Promise<Arena> {
  const projectId = randomUUID();
  await db.query(`insert into public.projects (id, code, name, city) values ($1, $2, $3, '杭州')`, [projectId, code, `开盘压测${code}`]);
  await db.query(
    `insert into public.staff_projects (staff_id, project_id, role) select unnest($1::uuid[]), $2, 'consultant'`,
    [consultants, projectId],
  );
  const buildingId = randomUUID();
  await db.query(`insert into public.buildings (id, project_id, code, name, floors) values ($1, $2, 'K', 'K栋', ${FLOORS})`, [buildingId, projectId]);
  const units = (
    await db.query<{ id: string }>(
      `insert into public.units (project_id, building_id, floor, number, rooms, halls, baths, building_area, list_price, unit_price)
       select $1, $2, f, f::text || lpad(p::text, 2, '0'), 3, 2, 2, 120, 3600000 + f * 12000 + p * 1000, round((3600000 + f * 12000 + p * 1000) / 120.0, 2)
         from generate_series(1, ${FLOORS}) f, generate_series(1, ${size.units / FLOORS}) p
       order by f, p
       returning id`,
      [projectId, buildingId],
    )
  ).rows.map((r) => r.id);
  const owners = Array.from({ length: size.clients }, (_, i) => consultants[i % consultants.length]);
  const customers = (
    await db.query<{ id: string; owner_id: string }>(
      `insert into public.customers (project_id, name, phone, owner_id, created_by, status)
       select $1, '客户' || i, '188' || lpad((i + $3)::text, 8, '0'), o, o, 'following'
         from unnest($2::uuid[]) with ordinality as t(o, i)
       returning id, owner_id`,
      [projectId, owners, seed * 10_000],
    )
  ).rows;

  // Who goes for what: half of the clients want one of the 20 best units, the rest spread out.
  const random = createRandom(seed);
  const hot = units.slice(units.length - HOT_UNITS);
  const clients = customers.map((c, i) => ({
    consultant: c.owner_id,
    customer: c.id,
    unit: i % 2 === 0 ? random.pick(hot) : random.pick(units),
  }));
  return { projectId, units, clients };
}

/** Units with more than one active subscription, or whose status disagrees with their subscription. */
async function oversold(db: pg.Client, projectId: string, succeeded: number): Promise<{ oversold: number; sold: number }> {
  const { rows } = await db.query<{ doubled: number; mismatched: number; sold: number; held: number }>(
    `select
       (select count(*)::int from (select unit_id from public.subscriptions where project_id = $1 and status = 'active'
                                     group by unit_id having count(*) > 1) d) as doubled,
       (select count(*)::int from public.subscriptions s join public.units u on u.id = s.unit_id
         where s.project_id = $1 and s.status = 'active' and u.status <> 'subscribed') as mismatched,
       (select count(distinct unit_id)::int from public.subscriptions where project_id = $1 and status = 'active') as sold,
       (select count(*)::int from public.units where project_id = $1 and status = 'held' and hold_expires_at > now()
           and exists (select 1 from public.subscriptions s where s.unit_id = units.id and s.status = 'active')) as held`,
    [projectId],
  );
  const r = rows[0];
  // Every success the clients saw must be exactly one sold unit.
  return { oversold: r.doubled + r.mismatched + r.held + Math.abs(succeeded - r.sold), sold: r.sold };
}

function tally(report: LoadReport) {
  const { results, wallMs } = report;
  const calls = results.flatMap((r) => r.calls);
  const codes: Record<string, number> = {};
  for (const c of calls) if (c.code) codes[c.code] = (codes[c.code] ?? 0) + 1;
  return {
    succeeded: results.filter((r) => r.outcome === "succeeded").length,
    refused: results.filter((r) => r.outcome === "refused").length,
    errors: results.filter((r) => r.outcome === "error").length,
    calls: calls.length,
    ops_per_s: round(calls.length / (wallMs / 1000), 1),
    p50_ms: percentile(calls.map((c) => c.ms), 50),
    p95_ms: percentile(calls.map((c) => c.ms), 95),
    codes,
  };
}

const callsOf = (report: LoadReport) => report.results.reduce((n, r) => n + r.calls.length, 0);
const PROFILE = Boolean(process.env.OPENING_DAY_PROFILE);

/**
 * One leg, with (OPENING_DAY_PROFILE=1) where its database connections spent their time and what
 * the clients and PostgREST saw, on stderr.
 */
async function leg(name: string, spec: LoadSpec, stack: LocalStack, who: { usename?: string; application?: string }) {
  // Read when the clock starts: the warm-up (every client's first call and connection) is not the load.
  let stopSampling: ReturnType<typeof sampleActivity> | undefined;
  let cpu0: ReturnType<typeof cpuSnapshot>;
  // This thread runs the stack's gateway: how busy its event loop was.
  let elu0 = performance.eventLoopUtilization();
  const report = await runLoad(spec, () => {
    if (PROFILE) {
      stopSampling = sampleActivity(stack.dbUrl, who);
      cpu0 = cpuSnapshot(stack.pids());
    }
    elu0 = performance.eventLoopUtilization();
  });
  const gatewayLoop = round(performance.eventLoopUtilization(elu0).utilization);
  const cpu = PROFILE ? cpuPerCall(cpu0, cpuSnapshot(stack.pids()), callsOf(report)) : undefined;
  const result = tally(report);
  if (stopSampling) {
    const { codes: _codes, ...figures } = result;
    console.error(name, JSON.stringify({ ...figures, gateway_loop: gatewayLoop, cpu_ms_per_call: cpu, activity: await stopSampling(), statuses: report.statuses, server_timing: report.serverTiming }));
  }
  return result;
}

export async function openingDay(size: OpeningDaySize): Promise<Record<string, unknown>> {
  return withBenchStack(
    async (stack, _dataDir, ports) => {
      const db = new pg.Client({ connectionString: stack.dbUrl });
      await db.connect();
      try {
        // Regularised consultants (auth users without passwords: the bench mints their JWTs).
        const consultants = Array.from({ length: size.consultants }, () => randomUUID());
        await db.query(
          `insert into auth.users (id, email, aud, role) select id, 'bench-' || n || '@bench.local', 'authenticated', 'authenticated'
             from unnest($1::uuid[]) with ordinality as t(id, n)`,
          [consultants],
        );
        await db.query(
          `insert into public.staff (id, name, email, hired_on, regularised_on)
           select id, '顾问' || n, 'bench-' || n || '@bench.local', current_date - 400, current_date - 300
             from unnest($1::uuid[]) with ordinality as t(id, n)`,
          [consultants],
        );
        const key = new TextEncoder().encode(stack.jwtSecret);
        const tokens = new Map<string, string>();
        for (const id of consultants) {
          tokens.set(
            id,
            await new SignJWT({ role: "authenticated", aud: "authenticated" })
              .setProtectedHeader({ alg: "HS256", typ: "JWT" })
              .setSubject(id)
              .setIssuedAt()
              .setExpirationTime("1h")
              .sign(key),
          );
        }

        const restTokens = Object.fromEntries(tokens);
        if (PROFILE) {
          // PostgREST without the gateway in front: what the gateway adds.
          const a = await arena(db, size, "KP-PGRST", consultants, 3);
          await leg("postgrest", { kind: "rest", base: `http://127.0.0.1:${ports.postgrest}`, headers: {}, tokens: restTokens, clients: a.clients, warmUnit: a.units[0] }, stack, { usename: "authenticator" });
        }
        const restArena = await arena(db, size, "KP-REST", consultants, 1);
        const rest = await leg(
          "gateway",
          { kind: "rest", base: `${stack.url}/rest/v1`, headers: { apikey: stack.anonKey }, tokens: restTokens, clients: restArena.clients, warmUnit: restArena.units[0] },
          stack,
          { usename: "authenticator" },
        );
        const restCheck = await oversold(db, restArena.projectId, rest.succeeded);

        const sqlArena = await arena(db, size, "KP-SQL", consultants, 2);
        const sql = await leg(
          "direct",
          { kind: "direct", dbUrl: stack.dbUrl, pool: DIRECT_POOL, application: "opening_day_direct", clients: sqlArena.clients, warmUnit: sqlArena.units[0] },
          stack,
          { application: "opening_day_direct" },
        );
        const sqlCheck = await oversold(db, sqlArena.projectId, sql.succeeded);

        return {
          bench: size.bench,
          units: size.units,
          clients: size.clients,
          succeeded: rest.succeeded,
          refused: rest.refused,
          errors: rest.errors,
          oversold: restCheck.oversold,
          ops_per_s: rest.ops_per_s,
          p50_ms: rest.p50_ms,
          p95_ms: rest.p95_ms,
          direct_ops_per_s: sql.ops_per_s,
          ratio: round(rest.ops_per_s / sql.ops_per_s),
          refusal_codes: rest.codes,
          direct_succeeded: sql.succeeded,
          direct_refused: sql.refused,
          direct_errors: sql.errors,
          direct_oversold: sqlCheck.oversold,
          direct_p50_ms: sql.p50_ms,
          direct_p95_ms: sql.p95_ms,
        };
      } finally {
        await db.end();
      }
    },
    { seedFile: null },
  );
}

export const bench = () => openingDay(OPENING_DAY);

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await bench()));
}
