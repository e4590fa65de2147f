-- =============================================================================================
-- Reports credit the people who sell.
-- Consultant tables (日报, 期间报表, 工作台, the monthly ranking) list only people holding a selling
-- role in the project (置业顾问, or a 销售经理 who receives and sells); what anyone else is credited
-- with — a channel manager confirming a 渠道带看, an admin's hold — stays in the office figures
-- and is shown on the row without a person, so the rows still add up to the office.
-- The monthly report of the current month is month to date, with 环比 against the same days of
-- the previous month.
-- =============================================================================================

/*
  The report of a period for a scope: { office, rows }. rows: one per active consultant of the
  project (zeros included) and per other seller with figures, best first (subscription amount,
  contract amount, visits), plus a row with staff_id null for what no seller is credited with.
  Scope 'own': office is null and rows holds only the caller.
*/
create or replace function private.report_json(p_project uuid, p_from date, p_to date, p_scope text)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  with sellers as (
    select distinct sp.staff_id from public.staff_projects sp
     where sp.project_id = p_project and sp.role in ('consultant', 'sales_manager')
  ),
  f as (
    select case when r.staff_id in (select staff_id from sellers) then r.staff_id end as staff_id,
           sum(r.visits)::int as visits, sum(r.first_visits)::int as first_visits, sum(r.return_visits)::int as return_visits,
           sum(r.calls)::int as calls, sum(r.new_customers)::int as new_customers, sum(r.holds)::int as holds,
           sum(r.subscriptions)::int as subscriptions, sum(r.subscription_amount) as subscription_amount,
           sum(r.contracts)::int as contracts, sum(r.contract_amount) as contract_amount, sum(r.collections) as collections
      from private.report_figures(p_project, p_from, p_to) r
     group by 1
  ),
  people as (
    select sp.staff_id from public.staff_projects sp join public.staff s on s.id = sp.staff_id
     where sp.project_id = p_project and sp.role = 'consultant' and s.active
    union
    select f.staff_id from f where f.staff_id is not null
  ),
  rows as (
    select p.staff_id, s.name, f.visits, f.first_visits, f.return_visits, f.calls, f.new_customers, f.holds,
           f.subscriptions, f.subscription_amount, f.contracts, f.contract_amount, f.collections
      from people p
      join public.staff s on s.id = p.staff_id
      left join f on f.staff_id = p.staff_id
     where p_scope <> 'own' or p.staff_id = (select auth.uid())
    union all
    select null, null, f.visits, f.first_visits, f.return_visits, f.calls, f.new_customers, f.holds,
           f.subscriptions, f.subscription_amount, f.contracts, f.contract_amount, f.collections
      from f where f.staff_id is null and p_scope <> 'own'
  )
  select jsonb_build_object(
    'office', case when p_scope <> 'own' then (
      select private.figures_json(p_scope, sum(visits)::int, sum(first_visits)::int, sum(return_visits)::int, sum(calls)::int,
               sum(new_customers)::int, sum(holds)::int, sum(subscriptions)::int, sum(subscription_amount), sum(contracts)::int,
               sum(contract_amount), sum(collections)) from f) end,
    'rows', coalesce((
      select jsonb_agg(jsonb_build_object('staff_id', r.staff_id, 'name', r.name)
               || private.figures_json(p_scope, r.visits, r.first_visits, r.return_visits, r.calls, r.new_customers, r.holds,
                    r.subscriptions, r.subscription_amount, r.contracts, r.contract_amount, r.collections)
               order by r.staff_id is null, coalesce(r.subscription_amount, 0) desc, coalesce(r.contract_amount, 0) desc,
                        coalesce(r.visits, 0) desc, r.name)
        from rows r), '[]'::jsonb))
$$;

/*
  The whole report. p_month: any day of the month (not a future month); the current month is
  reported to today. Managers+ read every section; finance the money (summary figures without
  activity, deals, discount, inventory, collections, the ranking by amounts). Others are refused.
  "previous" holds the office figures of the period compared with and "mom" (环比) the change in
  percent per figure.
*/
create or replace function public.monthly_report(p_project_id uuid, p_month date)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_scope text := private.require_report_scope(p_project_id);
  v_from date := date_trunc('month', p_month)::date;
  v_month_end date := (date_trunc('month', p_month) + interval '1 month - 1 day')::date;
  v_to date;
  v_prev_from date := (date_trunc('month', p_month) - interval '1 month')::date;
  v_prev_to date;
  v_prev jsonb;
  v_report jsonb;
  v_funnel jsonb;
  v_discount jsonb;
  v_summary jsonb;
  v_channel_deals bigint;
  v_all boolean;
begin
  if v_scope = 'own' then
    perform private.fail('forbidden', '月度销售分析报告仅限经理及以上和财务查看', 'The monthly report is for managers and finance');
  end if;
  if p_month is null or v_from > private.project_today(p_project_id) then
    perform private.fail('invalid_month', '只能生成本月及以前月份的报告', 'The month cannot be in the future');
  end if;
  v_all := v_scope = 'all';
  -- The current month runs to today (month to date); 环比 compares it with the same days of the
  -- previous month (1st to the same day, or that month's end), a past month with the whole previous one.
  v_to := least(v_month_end, private.project_today(p_project_id));
  v_prev_to := case when v_to = v_month_end then v_from - 1
                    else least(v_prev_from + (v_to - v_from), v_from - 1) end;
  v_prev := private.report_json(p_project_id, v_prev_from, v_prev_to, v_scope) -> 'office';
  v_report := private.report_json(p_project_id, v_from, v_to, v_scope);
  v_funnel := private.funnel_json(p_project_id, v_from, v_to);
  v_discount := private.monthly_discount(p_project_id, v_from, v_to);
  v_summary := (v_report -> 'office') || jsonb_build_object(
    'visit_customers', case when v_all then v_funnel -> 'visit_customers' end,
    'cancellations', (select count(*) from public.unit_changes u
                       cross join private.period_bounds(p_project_id, v_from, v_to) b
                       where u.project_id = p_project_id and u.status = 'approved' and u.kind = 'cancellation'
                         and u.decided_at >= b.t0 and u.decided_at < b.t1),
    'changes', (select count(*) from public.unit_changes u
                 cross join private.period_bounds(p_project_id, v_from, v_to) b
                 where u.project_id = p_project_id and u.status = 'approved' and u.kind = 'change'
                   and u.decided_at >= b.t0 and u.decided_at < b.t1),
    'avg_discount_pct', v_discount -> 'avg_discount_pct',
    'unsold_units', (select count(*) from public.units u where u.project_id = p_project_id
                       and u.status in ('available', 'held')));  -- an expired hold is available: unsold either way

  return jsonb_build_object(
    'project_id', p_project_id,
    'project_name', (select name from public.projects where id = p_project_id),
    'month', v_from, 'from', v_from, 'to', v_to, 'scope', v_scope, 'generated_at', now(),
    'due_on', (v_month_end + 5),
    'month_to_date', v_to < v_month_end,
    'summary', v_summary,
    'previous', jsonb_build_object('from', v_prev_from, 'to', v_prev_to, 'summary', v_prev),
    -- 环比: the change against the previous period in percent (null: nothing to compare with).
    'mom', (select coalesce(jsonb_object_agg(k.key,
              private.pct((v_report #>> array['office', k.key])::numeric - (v_prev ->> k.key)::numeric, (v_prev ->> k.key)::numeric)),
              '{}'::jsonb)
              from jsonb_object_keys(v_report -> 'office') as k(key)),
    'sources', case when v_all then private.monthly_sources(p_project_id, v_from, v_to) end,
    'calls', case when v_all then private.monthly_calls(p_project_id, v_from, v_to) end,
    'funnel', case when v_all then v_funnel || jsonb_build_object(
      'subscription_pct', private.pct((v_funnel ->> 'subscriptions')::numeric, (v_funnel ->> 'visit_customers')::numeric),
      'contract_pct', private.pct((v_funnel ->> 'contracts')::numeric, (v_funnel ->> 'subscriptions')::numeric)) end,
    'deals', private.monthly_deals(p_project_id, v_from, v_to),
    'discount', v_discount,
    -- The ranking of the sellers, then (unranked) what no seller is credited with: adds up to the office.
    'consultants', coalesce((
      select jsonb_agg(case when r ->> 'staff_id' is not null then r || jsonb_build_object('rank', n) else r end order by n)
        from jsonb_array_elements(v_report -> 'rows') with ordinality as t(r, n)), '[]'::jsonb),
    'inventory', private.monthly_inventory(p_project_id),
    'collections', private.monthly_collections(p_project_id, v_from, v_to),
    'channels', case when v_all then private.monthly_channels(p_project_id, v_from, v_to) end);
end
$$;

