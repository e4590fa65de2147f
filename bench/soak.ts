import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { Bot } from "grammy";
import { SignJWT } from "jose";
import pg from "pg";
import type { LocalStack } from "../supabase/local/index.ts";
import { createDelivery } from "../bot/src/notify/delivery.ts";
import { TEST_BOT, telegramStub } from "../bot/test/integration/support/telegram.ts";
import { percentile, round, withBenchStack } from "./support.ts";

/*
  Soak: a compressed office day against a private stack for SOAK_SECONDS (default 60; e.g.
  SOAK_SECONDS=600 for ten minutes). CONSULTANTS consultants loop through register a customer →
  (every 4th round) register a colleague's customer (撞单: the owner gets a notification) → hold a
  unit → log a follow-up → release the unit, with a short think time; BROWSERS admins refresh the
  销控表 every 10 s like the admin does; the bot's outbox worker (Telegram stubbed at its HTTP
  boundary) delivers the notifications. Prints requests served, errors (must be 0), p95 per kind,
  and the memory of every process (RSS; Postgres' backends together by PSS) and the database
  connections at the start and the end. Node's RSS includes this bench's own samples.
*/

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONSULTANTS = 8;
const BROWSERS = 6;
const THINK_MS = Number(process.env.SOAK_THINK_MS ?? 300);
const BOARD_EVERY_MS = 10_000;
/** The stated bounds: what "no growth" means for a run of this length. */
const RSS_GROWTH_LIMIT_MB = 150;
const CONNECTIONS_LIMIT = 45; // PostgREST's pool (20) + the auth service's (10) + the bench's own + headroom

interface Sample {
  kind: string;
  ok: boolean;
  ms: number;
}

const rssOf = (pid: number | undefined): number => {
  if (!pid) return 0;
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : 0;
  } catch {
    return 0;
  }
};

/** A process's proportional set size (its share of shared pages), MB: sums to the real total over processes. */
const pssOf = (pid: number): number => {
  try {
    const line = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").split("\n").find((l) => l.startsWith("Pss:"));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : 0;
  } catch {
    return 0;
  }
};

/** Postgres' memory: the postmaster and every process it forked, by PSS (RSS would count shared buffers once per backend). */
function postgresPss(postmaster: number | undefined): number {
  if (!postmaster || !fs.existsSync("/proc")) return 0;
  let total = pssOf(postmaster);
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === postmaster) total += pssOf(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

async function snapshot(stack: LocalStack, db: pg.Client) {
  const pids = stack.pids();
  const { rows } = await db.query<{ n: number }>(
    "select count(*)::int as n from pg_stat_activity where backend_type = 'client backend'",
  );
  return {
    rss_mb: {
      node: round(process.memoryUsage().rss / 1024 / 1024, 1),
      postgrest: round(rssOf(pids.postgrest), 1),
      postgres_pss: round(postgresPss(pids.postgres), 1),
    },
    db_connections: rows[0].n,
  };
}

export async function bench(): Promise<Record<string, unknown>> {
  return withBenchStack(async (stack) => {
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    const telegram = telegramStub();
    const delivery = createDelivery({
      api: new Bot("123456:SOAK", { botInfo: TEST_BOT, client: { fetch: telegram.fetch as never } }).api,
      supabaseUrl: stack.url, anonKey: stack.anonKey, serviceRoleKey: stack.serviceRoleKey, sessionKey: "bench-soak-session-key-0123456789abcdef0123",
      logger: { info: () => {}, warn: () => {}, error: () => void errors.outbox++ },
      pollMs: 1_000, digestEveryMs: false,
    });
    const errors = { outbox: 0 };
    try {
      // A project of its own: consultants (bound to Telegram), a manager, 300 units.
      const projectId = randomUUID();
      await db.query("insert into public.projects (id, code, name, city) values ($1, 'SOAK', '浸泡测试项目', '杭州')", [projectId]);
      const people: string[] = Array.from({ length: CONSULTANTS + 1 }, () => randomUUID());
      const manager = people[CONSULTANTS];
      await db.query(
        `insert into auth.users (id, email, aud, role) select id, 'soak-' || n || '@bench.local', 'authenticated', 'authenticated'
           from unnest($1::uuid[]) with ordinality as t(id, n)`,
        [people],
      );
      await db.query(
        `insert into public.staff (id, name, email, hired_on, regularised_on, telegram_user_id)
         select id, '浸泡' || n, 'soak-' || n || '@bench.local', current_date - 400, current_date - 300, 880000 + n
           from unnest($1::uuid[]) with ordinality as t(id, n)`,
        [people],
      );
      await db.query(
        `insert into public.staff_projects (staff_id, project_id, role)
         select id, $2, case when id = $3 then 'sales_manager' else 'consultant' end::public.staff_role from unnest($1::uuid[]) id`,
        [people, projectId, manager],
      );
      const buildingId = randomUUID();
      await db.query(`insert into public.buildings (id, project_id, code, name, floors) values ($1, $2, 'S', 'S栋', 30)`, [buildingId, projectId]);
      const units = (
        await db.query<{ id: string }>(
          `insert into public.units (project_id, building_id, floor, number, rooms, halls, baths, building_area, list_price, unit_price)
           select $1, $2, f, f::text || lpad(p::text, 2, '0'), 3, 2, 2, 120, 3600000, 30000
             from generate_series(1, 30) f, generate_series(1, 10) p order by f, p returning id`,
          [projectId, buildingId],
        )
      ).rows.map((r) => r.id);
      const key = new TextEncoder().encode(stack.jwtSecret);
      const token = (sub: string) =>
        new SignJWT({ role: "authenticated", aud: "authenticated" })
          .setProtectedHeader({ alg: "HS256", typ: "JWT" }).setSubject(sub).setIssuedAt().setExpirationTime("2h").sign(key);
      const tokens = new Map(await Promise.all(people.map(async (id) => [id, await token(id)] as const)));

      const samples: Sample[] = [];
      const call = async (kind: string, who: string, method: "GET" | "POST", path: string, body?: unknown) => {
        const t0 = performance.now();
        let ok = false;
        let data: any = null;
        try {
          const res = await fetch(`${stack.url}/rest/v1/${path}`, {
            method,
            headers: { apikey: stack.anonKey, authorization: `Bearer ${tokens.get(who)}`, "content-type": "application/json", "x-surface": "admin" },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          data = await res.json().catch(() => null);
          ok = res.ok;
        } catch {
          ok = false;
        }
        samples.push({ kind, ok, ms: performance.now() - t0 });
        return ok ? data : null;
      };

      // Warm-up (schema cache, connections), then the starting figures.
      await call("warmup", manager, "GET", `rpc/sales_board?p_project_id=${projectId}`);
      samples.length = 0;
      const start = await snapshot(stack, db);
      delivery.start();
      const deadline = Date.now() + SECONDS * 1000;
      const pause = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, Math.min(ms, deadline - Date.now()))));
      const customersOf = new Map<string, string[]>(people.map((p) => [p, []]));
      let phone = 0;

      const consultant = async (i: number) => {
        const me = people[i];
        for (let round = 0; Date.now() < deadline; round++) {
          const number = `139${String(80_000_000 + i * 1_000_000 + phone++).padStart(8, "0")}`;
          const mine = await call("register", me, "POST", "rpc/register_customer", {
            p_project_id: projectId, p_name: `客户${i}-${round}`, p_phone: number, p_source: "walk_in",
          });
          const customer = mine?.customer_id ?? mine?.id;
          if (customer) customersOf.get(me)!.push(number);
          const colleague = customersOf.get(people[(i + 1) % CONSULTANTS])!.at(-1);
          if (round % 4 === 3 && colleague) {
            await call("collision", me, "POST", "rpc/register_customer", {
              p_project_id: projectId, p_name: "撞单客户", p_phone: colleague, p_source: "walk_in",
            });
          }
          if (customer) {
            const unit = units[(i + round * CONSULTANTS) % units.length];
            const held = await call("hold", me, "POST", "rpc/hold_unit", { p_unit_id: unit, p_customer_id: customer });
            await call("follow_up", me, "POST", "rpc/log_follow_up", { p_customer_id: customer, p_method: "visit", p_content: "到访看房，关注南向三房" });
            if (held !== null) await call("release", me, "POST", "rpc/release_unit", { p_unit_id: unit });
          }
          await pause(THINK_MS);
        }
      };
      const browser = async (i: number) => {
        const who = i === 0 ? manager : people[i % CONSULTANTS];
        while (Date.now() < deadline) {
          await call("board", who, "GET", `rpc/sales_board?p_project_id=${projectId}`);
          await pause(BOARD_EVERY_MS);
        }
      };
      const t0 = performance.now();
      await Promise.all([
        ...Array.from({ length: CONSULTANTS }, (_, i) => consultant(i)),
        ...Array.from({ length: BROWSERS }, (_, i) => browser(i)),
      ]);
      const wall = performance.now() - t0;

      // The outbox catches up on what the day wrote.
      const pending = async () =>
        (await db.query<{ n: number }>(
          "select count(*)::int as n from public.notifications n join public.staff s on s.id = n.recipient_id where n.status = 'pending' and s.telegram_user_id is not null",
        )).rows[0].n;
      for (let i = 0; i < 30 && (await pending()) > 0; i++) await new Promise((r) => setTimeout(r, 500));
      await delivery.stop();
      const end = await snapshot(stack, db);

      const kinds = [...new Set(samples.map((s) => s.kind))];
      const requestErrors = samples.filter((s) => !s.ok).length;
      const rssGrowth = end.rss_mb.node + end.rss_mb.postgrest - (start.rss_mb.node + start.rss_mb.postgrest);
      return {
        bench: "soak",
        seconds: SECONDS,
        consultants: CONSULTANTS,
        browsers: BROWSERS,
        requests: samples.length,
        requests_per_s: round(samples.length / (wall / 1000), 1),
        errors: requestErrors + errors.outbox,
        outbox_errors: errors.outbox,
        notifications_sent: telegram.sent().filter((c) => c.method === "sendMessage").length,
        notifications_pending: await pending(),
        per_kind: Object.fromEntries(
          kinds.map((k) => {
            const of = samples.filter((s) => s.kind === k);
            return [k, { n: of.length, errors: of.filter((s) => !s.ok).length, p50_ms: percentile(of.map((s) => s.ms), 50), p95_ms: percentile(of.map((s) => s.ms), 95) }];
          }),
        ),
        start,
        end,
        rss_growth_mb: round(rssGrowth, 1),
        rss_growth_limit_mb: RSS_GROWTH_LIMIT_MB,
        db_connections_limit: CONNECTIONS_LIMIT,
        bounded: rssGrowth <= RSS_GROWTH_LIMIT_MB && end.db_connections <= CONNECTIONS_LIMIT,
      };
    } finally {
      await delivery.stop();
      await db.end();
    }
  });
}
