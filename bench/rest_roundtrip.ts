import pg from "pg";
import { createNodeClient } from "@so/shared/supabase-node";
import { DEMO_PASSWORD } from "../supabase/local/demo-accounts.ts";
import { percentile, round, timed, withBenchStack } from "./support.ts";

const ROUNDS = 400;

/**
 * A small select through the gateway (PostgREST, a user JWT, RLS) vs the same query over a direct
 * Postgres connection in the same RLS context (role authenticated, the same JWT claims).
 */
export async function bench() {
  return withBenchStack(async (stack) => {
    const client = createNodeClient(stack.url, stack.anonKey);
    const { data, error } = await client.auth.signInWithPassword({ email: "consultant1@demo.local", password: DEMO_PASSWORD });
    if (error) throw error;
    const claims = JSON.parse(Buffer.from(data.session!.access_token.split(".")[1], "base64url").toString());

    const rest: number[] = [];
    for (let i = 0; i < ROUNDS + 20; i++) {
      const [ms, r] = await timed(() => client.from("projects").select("id,name,city").limit(10));
      if (r.error) throw r.error;
      if (i >= 20) rest.push(ms);
    }

    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    const direct: number[] = [];
    for (let i = 0; i < ROUNDS + 20; i++) {
      const [ms] = await timed(async () => {
        await db.query("begin");
        await db.query("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
        await db.query("select id, name, city from public.projects limit 10");
        await db.query("commit");
      });
      if (i >= 20) direct.push(ms);
    }
    await db.end();

    const restP50 = percentile(rest, 50);
    const sqlP50 = percentile(direct, 50);
    return {
      bench: "rest_roundtrip",
      rest_p50_ms: restP50,
      rest_p95_ms: percentile(rest, 95),
      sql_p50_ms: sqlP50,
      ratio: round(restP50 / sqlP50),
    };
  });
}
