import { randomUUID } from "node:crypto";
import pg from "pg";
import { SignJWT } from "jose";
import type { LocalStack } from "../supabase/local/index.ts";
import { createRandom } from "../supabase/seed/random.ts";
import { percentile, round, withBenchStack } from "./support.ts";

/*
  开盘 (opening day): 600 clients, each a consultant's session, race for 300 units — half of them
  for the 20 most wanted — each doing hold_unit then create_subscription. Through the gateway
  (REST rpc, the consultant's JWT) and then the same workload over direct Postgres connections in
  the same RLS context (role authenticated + JWT claims, a transaction per call). Reports clean
  refusals (a machine code) apart from errors, and checks that no unit was sold or held twice.
*/

const UNITS = 300;
const CLIENTS = 600;
const CONSULTANTS = 30;
const HOT_UNITS = 20;
const DIRECT_POOL = 20;

interface Arena {
  projectId: string;
  units: string[];
  /** Per client: its consultant and that consultant's customer. */
  clients: { consultant: string; customer: string; unit: string }[];
}

type Outcome = "succeeded" | "refused" | "error";
interface CallResult {
  ok: boolean;
  code?: string;   // machine code of a clean refusal
  ms: number;
}

/** A project with UNITS available units and CLIENTS customers owned by CONSULTANTS regularised consultants. */
async function arena(db: pg.Client, code: string, consultants: string[], seed: number): Promise<Arena> {
  const projectId = randomUUID();
  await db.query(`insert into public.projects (id, code, name, city) values ($1, $2, $3, '杭州')`, [projectId, code, `开盘压测${code}`]);
  await db.query(
    `insert into public.staff_projects (staff_id, project_id, role) select unnest($1::uuid[]), $2, 'consultant'`,
    [consultants, projectId],
  );
  const buildingId = randomUUID();
  await db.query(`insert into public.buildings (id, project_id, code, name, floors) values ($1, $2, 'K', 'K栋', 30)`, [buildingId, projectId]);
  const units = (
    await db.query<{ id: string }>(
      `insert into public.units (project_id, building_id, floor, number, rooms, halls, baths, building_area, list_price, unit_price)
       select $1, $2, f, f::text || lpad(p::text, 2, '0'), 3, 2, 2, 120, 3600000 + f * 12000 + p * 1000, round((3600000 + f * 12000 + p * 1000) / 120.0, 2)
         from generate_series(1, 30) f, generate_series(1, ${UNITS / 30}) p
       order by f, p
       returning id`,
      [projectId, buildingId],
    )
  ).rows.map((r) => r.id);
  const owners = Array.from({ length: CLIENTS }, (_, i) => consultants[i % consultants.length]);
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

function tally(results: { outcome: Outcome; calls: CallResult[] }[], wallMs: number) {
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

/** One client: hold, then subscribe; a clean refusal at either step ends it as refused. */
async function client(call: (fn: string, args: Record<string, unknown>) => Promise<CallResult>, c: Arena["clients"][number]) {
  const calls: CallResult[] = [];
  const hold = await call("hold_unit", { p_unit_id: c.unit, p_customer_id: c.customer });
  calls.push(hold);
  if (!hold.ok) return { outcome: (hold.code ? "refused" : "error") as Outcome, calls };
  const sub = await call("create_subscription", {
    p_unit_id: c.unit, p_customer_id: c.customer, p_payment_method: "full", p_policy_ids: [], p_deposit_due: "50000",
  });
  calls.push(sub);
  return { outcome: (sub.ok ? "succeeded" : sub.code ? "refused" : "error") as Outcome, calls };
}

async function viaGateway(stack: LocalStack, a: Arena, tokens: Map<string, string>) {
  const rpc = async (token: string, fn: string, args: Record<string, unknown>): Promise<CallResult> => {
    const t0 = performance.now();
    try {
      const res = await fetch(`${stack.url}/rest/v1/rpc/${fn}`, {
        method: "POST",
        headers: { apikey: stack.anonKey, authorization: `Bearer ${token}`, "content-type": "application/json", "x-surface": "bot" },
        body: JSON.stringify(args),
      });
      const body = await res.json().catch(() => null);
      const ms = performance.now() - t0;
      if (res.ok) return { ok: true, ms };
      const code = res.status === 400 && body?.code === "P0001" && body?.details ? String(body.details) : undefined;
      return { ok: false, code, ms };
    } catch {
      return { ok: false, ms: performance.now() - t0 };
    }
  };
  // Warm up PostgREST's schema cache and connections.
  await rpc(tokens.get(a.clients[0].consultant)!, "price_buildup", { p_unit_id: a.units[0] });
  const t0 = performance.now();
  const results = await Promise.all(a.clients.map((c) => client((fn, args) => rpc(tokens.get(c.consultant)!, fn, args), c)));
  return tally(results, performance.now() - t0);
}

async function direct(stack: LocalStack, a: Arena) {
  const pool = new pg.Pool({ connectionString: stack.dbUrl, max: DIRECT_POOL });
  const call = async (sub: string, fn: string, args: Record<string, unknown>): Promise<CallResult> => {
    const t0 = performance.now();
    const conn = await pool.connect();
    try {
      await conn.query("begin");
      await conn.query(
        "select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true), set_config('request.headers', $2, true)",
        [JSON.stringify({ sub, role: "authenticated", aud: "authenticated" }), JSON.stringify({ "x-surface": "bot" })],
      );
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
    await call(a.clients[0].consultant, "price_buildup", { p_unit_id: a.units[0] });
    const t0 = performance.now();
    const results = await Promise.all(a.clients.map((c) => client((fn, args) => call(c.consultant, fn, args), c)));
    return tally(results, performance.now() - t0);
  } finally {
    await pool.end();
  }
}

export async function bench(): Promise<Record<string, unknown>> {
  return withBenchStack(
    async (stack) => {
      const db = new pg.Client({ connectionString: stack.dbUrl });
      await db.connect();
      try {
        // 30 regularised consultants (auth users without passwords: the bench mints their JWTs).
        const consultants = Array.from({ length: CONSULTANTS }, () => randomUUID());
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

        const restArena = await arena(db, "KP-REST", consultants, 1);
        const rest = await viaGateway(stack, restArena, tokens);
        const restCheck = await oversold(db, restArena.projectId, rest.succeeded);

        const sqlArena = await arena(db, "KP-SQL", consultants, 2);
        const sql = await direct(stack, sqlArena);
        const sqlCheck = await oversold(db, sqlArena.projectId, sql.succeeded);

        return {
          bench: "opening_day",
          units: UNITS,
          clients: CLIENTS,
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

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await bench()));
}
