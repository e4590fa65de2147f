import pg from "pg";
import { round, withBenchStack } from "./support.ts";

const RUNS = 7; // timed runs after one warm-up; the figure is their median
const VISITS = 50_000; // a year of 来访 in one project: ~137 a day
const CONSULTANTS = 12;

/**
 * 月度销售分析报告 over a busy year: one project with a year of history generated in SQL —
 * 50,000 visits (30,000 first, 20,000 return), 40,000 customers, 20,000 calls, 3,000
 * subscriptions (2,000 signed into contracts), ~6,000 payments, 4,000 holds, 3,000 channel
 * reports, 3,600 units in 20 buildings, 12 consultants — then `monthly_report` for last month,
 * called in the database as a sales manager of the project. ms = median of RUNS runs.
 */
export async function bench(): Promise<Record<string, unknown>> {
  return withBenchStack(async (stack) => {
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    try {
      const projectId = await generateHistory(db);
      const [{ month }] = (await db.query(`select (date_trunc('month', (now() at time zone 'Asia/Shanghai')::date) - interval '1 month')::date::text as month`)).rows;
      const [counts] = (
        await db.query(
          `select (select count(*) from public.visits where project_id = $1)::int as visits,
                  (select count(*) from public.subscriptions where project_id = $1)::int as subscriptions`,
          [projectId],
        )
      ).rows;

      const samples: number[] = [];
      let report: Record<string, any> | undefined;
      for (let i = 0; i <= RUNS; i++) {
        const [ms, result] = await asManager(db, projectId, month);
        if (i > 0) samples.push(ms);
        report = result;
      }
      samples.sort((a, b) => a - b);
      return {
        bench: "monthly_report",
        visits: counts.visits,
        subscriptions: counts.subscriptions,
        ms: round(samples[Math.floor(samples.length / 2)]),
        month,
        month_visits: report?.summary?.visits,
        month_subscriptions: report?.summary?.subscriptions,
        runs: RUNS,
      };
    } finally {
      await db.end();
    }
  });
}

/** monthly_report as the bench project's sales manager, timed inside the database (ms). */
async function asManager(db: pg.Client, projectId: string, month: string): Promise<[number, Record<string, any>]> {
  await db.query("begin");
  try {
    await db.query(
      `create or replace function pg_temp.timed_monthly_report(p uuid, m date, out ms float8, out r jsonb)
       language plpgsql as $f$
       declare t0 timestamptz := clock_timestamp();
       begin
         r := public.monthly_report(p, m);
         ms := extract(epoch from clock_timestamp() - t0) * 1000;
       end $f$`,
    );
    await db.query(`select set_config('request.jwt.claims', json_build_object('sub', $1::text, 'role', 'authenticated')::text, true)`, [
      MANAGER_ID,
    ]);
    await db.query("set local role authenticated");
    const { rows } = await db.query(`select ms, r from pg_temp.timed_monthly_report($1, $2::date)`, [projectId, month]);
    return [Number(rows[0].ms), rows[0].r];
  } finally {
    await db.query("rollback");
  }
}

const PROJECT_ID = "b0000000-0000-4000-8000-000000000001";
const MANAGER_ID = "b0000000-0000-4000-8000-0000000000aa";

/** The bench project and its year, all in SQL (generate_series). Returns the project id. */
export async function generateHistory(db: pg.Client): Promise<string> {
  await db.query(HISTORY_SQL);
  await db.query("analyze");
  return PROJECT_ID;
}

// Ids are md5-derived so rows can point at
// each other without lookups; the year ends now, in Asia/Shanghai.
const HISTORY_SQL = `
do $$
declare
  p uuid := '${PROJECT_ID}';
  mgr uuid := '${MANAGER_ID}';
  n_staff int := ${CONSULTANTS};
  n_visits int := ${VISITS};
  n_first int := n_visits * 3 / 5;        -- 30,000 first visits: customers i with i % 4 <> 0
  n_customers int := n_first * 4 / 3;     -- + 10,000 who only called (i % 4 = 0)
  n_units int := 3600;
  n_subs int := 3000;
  y0 timestamptz := now() - interval '365 days';
begin
  insert into public.projects (id, code, name, city) values (p, 'BENCH-MR', '基准测试项目', '杭州');

  -- staff: the manager and the consultants
  insert into auth.users (id, email)
  select md5('bench-staff' || i)::uuid, 'bench-staff-' || i || '@bench.local' from generate_series(1, n_staff) i;
  insert into auth.users (id, email) values (mgr, 'bench-manager@bench.local');
  insert into public.staff (id, name, email, regularised_on)
  select md5('bench-staff' || i)::uuid, '顾问' || i, 'bench-staff-' || i || '@bench.local', current_date - 400 from generate_series(1, n_staff) i;
  insert into public.staff (id, name, email, regularised_on) values (mgr, '基准经理', 'bench-manager@bench.local', current_date - 400);
  insert into public.staff_projects (staff_id, project_id, role)
  select md5('bench-staff' || i)::uuid, p, 'consultant' from generate_series(1, n_staff) i;
  insert into public.staff_projects (staff_id, project_id, role) values (mgr, p, 'sales_manager');

  -- 20 buildings × 30 floors × 6 units
  insert into public.buildings (id, project_id, code, name, floors, sort)
  select md5('bench-b' || b)::uuid, p, b::text, b || '栋', 30, b from generate_series(1, 20) b;
  insert into public.units (id, project_id, building_id, floor, number, rooms, halls, baths, building_area, list_price, unit_price, status)
  select md5('bench-u' || i)::uuid, p, md5('bench-b' || (1 + (i - 1) / 180))::uuid,
         1 + ((i - 1) % 180) / 6, (1 + ((i - 1) % 180) / 6) || '0' || (1 + (i - 1) % 6),
         2 + (i % 3), 2, 1 + (i % 3 > 0)::int, 89 + 27 * (i % 3),
         round((89 + 27 * (i % 3)) * (30000 + (i % 50) * 100), 2), 30000 + (i % 50) * 100,
         case when i > n_subs then (case when i % 97 = 0 then 'withheld' else 'available' end) when i % 3 <> 0 then 'signed' else 'subscribed' end::public.unit_status
    from generate_series(1, n_units) i;

  -- customers spread over the year; sources weighted as in the demo
  insert into public.customers (id, project_id, name, phone, source, owner_id, owned_since, last_follow_up_at, status, created_by, created_at)
  select md5('bench-c' || i)::uuid, p, '客户' || i, '188' || lpad(i::text, 8, '0'),
         (array['walk_in','walk_in','walk_in','call','call','referral','online','expo','promotion','agency'])[1 + i % 10]::public.customer_source,
         md5('bench-staff' || (1 + i % n_staff))::uuid, t, t, 'following',
         md5('bench-staff' || (1 + i % n_staff))::uuid, t
    from generate_series(1, n_customers) i,
         lateral (select y0 + (i::float / n_customers) * interval '364 days' as t) x;

  -- first visits of the walk-in customers, then return visits a few days later
  insert into public.visits (project_id, customer_id, consultant_id, visited_at, is_first, party_size)
  select p, md5('bench-c' || i)::uuid, md5('bench-staff' || (1 + i % n_staff))::uuid,
         y0 + (i::float / n_customers) * interval '364 days' + interval '1 hour', true, 1 + i % 3
    from generate_series(1, n_customers) i where i % 4 <> 0;
  insert into public.visits (project_id, customer_id, consultant_id, visited_at, is_first, party_size)
  select p, md5('bench-c' || c)::uuid, md5('bench-staff' || (1 + c % n_staff))::uuid,
         least(y0 + (c::float / n_customers) * interval '364 days' + make_interval(days => 1 + k % 20, hours => 2), now()), false, 2
    from generate_series(1, n_visits - n_first) k,
         lateral (select 1 + (k * 7) % (n_customers - 1) as c0) x, lateral (select c0 - (c0 % 4 = 0)::int as c) y;

  -- calls: the callers who became customers, and as many who did not
  insert into public.calls (project_id, caller_name, phone, topics, invited, consultant_id, customer_id, called_at)
  select p, '来电客户', '188' || lpad(i::text, 8, '0'), array['price', 'layout'], i % 3 = 0,
         md5('bench-staff' || (1 + i % n_staff))::uuid, md5('bench-c' || i)::uuid, y0 + (i::float / n_customers) * interval '364 days'
    from generate_series(4, n_customers, 4) i;
  insert into public.calls (project_id, caller_name, topics, invited, consultant_id, called_at)
  select p, '匿名来电', array['location'], false, md5('bench-staff' || (1 + i % n_staff))::uuid, y0 + (i::float / 10000) * interval '364 days'
    from generate_series(1, 10000) i;

  -- holds: the unit.hold trace in the audit log
  insert into public.audit_log (at, actor, surface, action, table_name, record_id, project_id)
  select y0 + (i::float / 4000) * interval '364 days', md5('bench-staff' || (1 + i % n_staff))::uuid, 'admin', 'unit.hold', 'units',
         md5('bench-u' || (1 + i % n_units))::uuid, p
    from generate_series(1, 4000) i;

  -- subscriptions on units 1..n_subs, by walk-in customers spread over the year, a week or two after registering
  insert into public.subscriptions (id, project_id, unit_id, customer_id, consultant_id, payment_method, list_price, price_after_policies,
                                    price, buildup, deposit_due, contract_deadline, status, created_at, closed_at)
  select md5('bench-s' || i)::uuid, p, u.id, md5('bench-c' || c)::uuid, md5('bench-staff' || (1 + c % n_staff))::uuid,
         (array['full', 'mortgage', 'instalment'])[1 + i % 3], u.list_price, round(u.list_price * 0.98, 2),
         round(u.list_price * (0.98 - (i % 4) * 0.005), 2), '{}'::jsonb, 50000, (t + interval '7 days')::date,
         case when i % 3 <> 0 then 'converted' else 'active' end, t, case when i % 3 <> 0 then least(t + interval '7 days', now()) end
    from generate_series(1, n_subs) i
    join public.units u on u.id = md5('bench-u' || i)::uuid,
         lateral (select i * 13 - ((i * 13) % 4 = 0)::int as c) cc,
         lateral (select least(y0 + (c::float / n_customers) * interval '364 days' + make_interval(days => 3 + i % 14), now() - interval '1 hour') as t) x;

  insert into public.contracts (id, project_id, subscription_id, unit_id, customer_id, consultant_id, contract_no, price, payment_method,
                                status, signed_on, created_at, signed_at)
  select md5('bench-ct' || i)::uuid, s.project_id, s.id, s.unit_id, s.customer_id, s.consultant_id, 'BHT' || lpad(i::text, 6, '0'),
         s.price, s.payment_method, 'signed', (t at time zone 'Asia/Shanghai')::date, t - interval '1 day', t
    from generate_series(1, n_subs) i join public.subscriptions s on s.id = md5('bench-s' || i)::uuid,
         lateral (select least(s.created_at + interval '7 days', now()) as t) x
   where i % 3 <> 0;

  -- money: a deposit per subscription, a down payment per contract, a mortgage release for a third
  insert into public.payments (project_id, customer_id, subscription_id, kind, amount, method, receipt_no, paid_on, created_at)
  select s.project_id, s.customer_id, s.id, 'deposit', 50000, 'pos', 'BD' || lpad(i::text, 6, '0'), (s.created_at at time zone 'Asia/Shanghai')::date, s.created_at
    from generate_series(1, n_subs) i join public.subscriptions s on s.id = md5('bench-s' || i)::uuid;
  insert into public.payments (project_id, customer_id, subscription_id, contract_id, kind, amount, method, receipt_no, paid_on, created_at)
  select c.project_id, c.customer_id, c.subscription_id, c.id, 'down_payment', round(c.price * 0.3, 2) - 50000, 'transfer',
         'BF' || lpad(i::text, 6, '0'), c.signed_on, c.signed_at
    from generate_series(1, n_subs) i join public.contracts c on c.id = md5('bench-ct' || i)::uuid;
  insert into public.payments (project_id, customer_id, subscription_id, contract_id, kind, amount, method, receipt_no, paid_on, created_at)
  select c.project_id, c.customer_id, c.subscription_id, c.id, 'mortgage', round(c.price * 0.7, 2), 'loan',
         'BM' || lpad(i::text, 6, '0'), least(c.signed_on + 30, (now() at time zone 'Asia/Shanghai')::date), c.signed_at
    from generate_series(1, n_subs, 3) i join public.contracts c on c.id = md5('bench-ct' || i)::uuid;
  insert into public.payment_plan_items (contract_id, project_id, seq, due_date, amount, kind)
  select c.id, c.project_id, k, c.signed_on + (k - 1) * 30, round(c.price * case k when 1 then 0.3 else 0.7 end, 2) + case k when 1 then 0 else c.price - round(c.price * 0.3, 2) - round(c.price * 0.7, 2) end,
         case k when 1 then 'down_payment' else 'mortgage' end
    from public.contracts c, generate_series(1, 2) k where c.project_id = p;

  -- channel: 3,000 reports from the demo agencies' brokers, half of them visited
  insert into public.channel_reports (project_id, broker_id, agency_id, customer_name, phone_input, customer_phone, phone_prefix, phone_suffix,
                                      expected_visit_at, status, lapses_at, customer_id, visited_at, protected_until, created_at)
  select p, b.id, b.agency_id, '客户' || c, '188' || lpad(c::text, 8, '0'), '188' || lpad(c::text, 8, '0'), '188', right(lpad(c::text, 8, '0'), 4),
         t + interval '1 day', case when i % 2 = 0 then 'visited' else 'valid' end::public.report_status, t + interval '8 days',
         case when i % 2 = 0 then md5('bench-c' || c)::uuid end, case when i % 2 = 0 then t + interval '1 hour' end,
         case when i % 2 = 0 then t + interval '31 days' end, t - interval '1 day'
    from generate_series(1, 3000) i
    cross join lateral (select i * 13 + 2 as c) cc
    cross join lateral (select y0 + (c::float / n_customers) * interval '364 days' as t) tt
    cross join lateral (select br.id, br.agency_id from public.brokers br order by br.id offset i % 4 limit 1) b;
end
$$;
`;
