import pg from "pg";
import { createNodeClient } from "@so/shared/supabase-node";
import { DEMO_PASSWORD } from "../supabase/local/demo-accounts.ts";
import { DEMO_PROJECT_ID, demoUserId } from "../supabase/seed/accounts.ts";
import { percentile, round, timed, withBenchStack } from "./support.ts";

const ROUNDS = 200; // per kind of search, after WARMUP
const WARMUP = 20;
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚"];

/**
 * Customer search as a consultant through the gateway (PostgREST, the user's JWT, RLS) with the
 * search_customers RPC the admin and the bot use — phone tail (4 digits), full phone, name
 * prefix — at 2,000 and then 200,000 customers in one project. growth = p95 at 200k / p95 at 2k.
 * Customers are 1/4 each consultant1's, consultant2's, consultant3's and the pool's, so RLS
 * filters out about half of what the indexes find.
 */
export async function bench() {
  return withBenchStack(async (stack) => {
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    const client = createNodeClient(stack.url, stack.anonKey);
    const { error } = await client.auth.signInWithPassword({ email: "consultant1@demo.local", password: DEMO_PASSWORD });
    if (error) throw error;

    const owners = ["consultant1", "consultant2", "consultant3"].map((c) => demoUserId(`${c}@demo.local`));
    let count = 0;
    const grow = async (to: number) => {
      await db.query(
        `insert into public.customers (project_id, name, phone, source, owner_id, owned_since, created_at)
         select $1, ($2::text[])[1 + i % 20] || ($3::text[])[1 + (i / 20) % 20] || (array['', '一', '子', '文', '思'])[1 + (i / 400) % 5],
                '199' || lpad(i::text, 8, '0'), 'walk_in',
                ($4::uuid[])[1 + i % 4],                       -- the 4th is null: the pool
                now() - make_interval(days => i % 25), now() - make_interval(mins => i % 86400)
           from generate_series($5::int, $6::int) i`,
        [DEMO_PROJECT_ID, SURNAMES, GIVEN, [...owners, null], count + 1, to],
      );
      await db.query("analyze public.customers");
      count = to;
    };

    const measure = async () => {
      const pick = () => 1 + Math.floor(Math.random() * count);
      const phone = (i: number) => `199${String(i).padStart(8, "0")}`;
      const kinds: Record<string, () => string> = {
        tail: () => phone(pick()).slice(-4),
        phone: () => `+86 ${phone(pick())}`,
        name: () => SURNAMES[pick() % 20] + GIVEN[Math.floor(pick() / 20) % 20],
      };
      const all: number[] = [];
      const byKind: Record<string, number> = {};
      for (const [kind, query] of Object.entries(kinds)) {
        const samples: number[] = [];
        for (let i = 0; i < WARMUP + ROUNDS; i++) {
          const [ms, r] = await timed(() => client.rpc("search_customers", { p_project_id: DEMO_PROJECT_ID, p_query: query(), p_limit: 20 }));
          if (r.error) throw new Error(`search_customers (${kind}): ${r.error.message}`);
          if (i >= WARMUP) samples.push(ms);
        }
        byKind[kind] = percentile(samples, 95);
        all.push(...samples);
      }
      return { p95: percentile(all, 95), byKind };
    };

    try {
      await grow(2_000);
      // first use of the connection pool, plan caches and the JWT path: not part of the figure
      for (let i = 0; i < 100; i++) {
        const r = await client.rpc("search_customers", { p_project_id: DEMO_PROJECT_ID, p_query: ["1234", "19900000001", "王芳"][i % 3] });
        if (r.error) throw new Error(`search_customers: ${r.error.message}`);
      }
      const small = await measure();
      await grow(200_000);
      const large = await measure();
      return {
        bench: "customer_search",
        p95_ms_2k: small.p95,
        p95_ms_200k: large.p95,
        growth: round(large.p95 / small.p95),
        p95_ms_2k_by_kind: small.byKind,
        p95_ms_200k_by_kind: large.byKind,
        requests: 3 * ROUNDS,
      };
    } finally {
      await db.end();
    }
  });
}
