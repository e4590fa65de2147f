import pg from "pg";

/**
 * Where a leg's database connections spend their time, sampled from pg_stat_activity: running,
 * waiting for a row lock (Postgres' own wait), idle in a transaction (waiting for the client —
 * PostgREST or the bench — while holding its locks), or idle (the pool has nothing to do: the
 * bottleneck is in front of the database). Averages over the samples, in connections.
 */
export function sampleActivity(dbUrl: string, who: { usename?: string; application?: string }, everyMs = 50) {
  const db = new pg.Client({ connectionString: dbUrl, application_name: "bench_activity" });
  const sums: Record<string, number> = {};
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    await db.connect();
    while (!stopped) {
      const { rows } = await db.query<{ kind: string; n: number }>(
        `select case when state = 'active' and wait_event_type = 'Lock' then 'lock_wait'
                     when state = 'active' then 'running'
                     when state like 'idle in transaction%' then 'idle_in_tx'
                     else coalesce(state, 'other') end as kind, count(*)::int as n
           from pg_catalog.pg_stat_activity
          where backend_type = 'client backend' and application_name <> 'bench_activity'
            and ($1::text is null or usename = $1) and ($2::text is null or application_name = $2)
          group by 1`,
        [who.usename ?? null, who.application ?? null],
      );
      samples++;
      for (const r of rows) sums[r.kind] = (sums[r.kind] ?? 0) + r.n;
      await new Promise((r) => setTimeout(r, everyMs));
    }
    await db.end();
  })();
  return async () => {
    stopped = true;
    await loop;
    return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, Math.round((v / Math.max(samples, 1)) * 10) / 10]));
  };
}
