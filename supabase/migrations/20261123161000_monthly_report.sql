-- 月度销售分析报告 (monthly sales analysis, due by the 5th of the next month): every section
-- computed in the database by one function, monthly_report(project, month) → jsonb:
--   summary      the month's figures (as the daily report counts them), cancellations, changes
--   sources      visits, new customers and deals by customer source (来源); calls by topic
--   funnel       来访客户 → 认购 → 签约, with conversion rates (calls and first visits alongside)
--   deals        new subscriptions by layout (户型), building (楼栋) and price band (总价段, 50万)
--   discount     list price vs deal price: policy discount, special discount, average depth
--   consultants  the ranking (by subscription amount, then contract amount, then visits)
--   inventory    units left now by building and by layout, unsold value, sell-through
--   collections  money received by kind and by method, against the plan instalments due in the month
--   channels     per agency: reports, valid, 带看, deals they brought, contracts, commission
-- Managers+ of the project read all of it; finance reads the money sections.

-- Percent a / b with 2 decimals; null when b is 0.
create function private.pct(p_a numeric, p_b numeric)
returns numeric
language sql immutable set search_path = ''
as $$ select case when coalesce(p_b, 0) = 0 then null else round(100 * coalesce(p_a, 0) / p_b, 2) end $$;

-- The month's new subscriptions (换房 replacements excluded) with their unit.
create function private.month_deals(p_project uuid, p_from date, p_to date)
returns table (
  id uuid, customer_id uuid, consultant_id uuid, created_at timestamptz, list_price numeric, price_after_policies numeric,
  price numeric, special boolean, building_id uuid, building_name text, building_sort int, rooms int, layout text,
  building_area numeric
)
language sql stable security definer set search_path = ''
as $$
  select s.id, s.customer_id, s.consultant_id, s.created_at, s.list_price, s.price_after_policies, s.price,
         s.discount_request_id is not null, b.id, b.name, b.sort, u.rooms,
         u.rooms || '室' || u.halls || '厅' || u.baths || '卫', u.building_area
    from public.subscriptions s
    cross join private.period_bounds(p_project, p_from, p_to) pb
    join public.units u on u.id = s.unit_id
    join public.buildings b on b.id = u.building_id
   where s.project_id = p_project and s.created_at >= pb.t0 and s.created_at < pb.t1 and s.previous_subscription_id is null
$$;

-- By customer source: new customers, visits, deals and contracts (one pass over the customers).
create function private.monthly_sources(p_project uuid, p_from date, p_to date)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  with b as (select * from private.period_bounds(p_project, p_from, p_to)),
  events as (
    select v.customer_id, (v.is_first)::int as first_visits, (not v.is_first)::int as return_visits,
           0 as subscriptions, 0::numeric as subscription_amount, 0 as contracts
      from public.visits v, b
     where v.project_id = p_project and v.visited_at >= b.t0 and v.visited_at < b.t1
    union all
    select d.customer_id, 0, 0, 1, d.price, 0 from private.month_deals(p_project, p_from, p_to) d
    union all
    select ct.customer_id, 0, 0, 0, 0, 1
      from public.contracts ct
     where ct.project_id = p_project and ct.signed_on between p_from and p_to
  ),
  parts as (
    select c.source, 0::bigint as new_customers, sum(e.first_visits) as first_visits, sum(e.return_visits) as return_visits,
           sum(e.subscriptions) as subscriptions, sum(e.subscription_amount) as subscription_amount, sum(e.contracts) as contracts
      from events e join public.customers c on c.id = e.customer_id
     group by c.source
    union all
    select c.source, count(*), 0, 0, 0, 0, 0
      from public.customers c, b
     where c.project_id = p_project and c.created_at >= b.t0 and c.created_at < b.t1
     group by c.source
  )
  select coalesce(jsonb_agg(jsonb_build_object(
           'source', x.source, 'new_customers', x.new_customers, 'first_visits', x.first_visits,
           'return_visits', x.return_visits, 'visits', x.first_visits + x.return_visits,
           'subscriptions', x.subscriptions, 'subscription_amount', round(x.subscription_amount, 2), 'contracts', x.contracts)
           order by x.first_visits + x.return_visits desc, x.new_customers desc, x.source), '[]'::jsonb)
    from (
      select source, sum(new_customers) as new_customers, sum(first_visits) as first_visits, sum(return_visits) as return_visits,
             sum(subscriptions) as subscriptions, sum(subscription_amount) as subscription_amount, sum(contracts) as contracts
        from parts group by source
    ) x
$$;

create function private.monthly_calls(p_project uuid, p_from date, p_to date)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  with b as (select * from private.period_bounds(p_project, p_from, p_to)),
  c as (select c.* from public.calls c, b where c.project_id = p_project and c.called_at >= b.t0 and c.called_at < b.t1)
  select jsonb_build_object(
    'total', (select count(*) from c),
    'invited', (select count(*) from c where c.invited),
    'known_customers', (select count(*) from c where c.customer_id is not null),
    'by_topic', coalesce((select jsonb_agg(jsonb_build_object('topic', t.topic, 'calls', t.n) order by t.n desc, t.topic)
                            from (select topic, count(*) as n from c, unnest(c.topics) as topic group by topic) t), '[]'::jsonb))
$$;

create function private.monthly_deals(p_project uuid, p_from date, p_to date)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  with d as (select * from private.month_deals(p_project, p_from, p_to))
  select jsonb_build_object(
    'by_layout', coalesce((
      select jsonb_agg(jsonb_build_object('layout', layout, 'rooms', rooms, 'count', n, 'amount', round(amount, 2),
               'area', round(area, 2), 'avg_unit_price', round(amount / nullif(area, 0), 2)) order by rooms, layout)
        from (select layout, rooms, count(*) as n, sum(price) as amount, sum(building_area) as area from d group by layout, rooms) x),
      '[]'::jsonb),
    'by_building', coalesce((
      select jsonb_agg(jsonb_build_object('building_id', building_id, 'building_name', building_name, 'count', n,
               'amount', round(amount, 2), 'area', round(area, 2), 'avg_unit_price', round(amount / nullif(area, 0), 2))
               order by building_sort, building_name)
        from (select building_id, building_name, building_sort, count(*) as n, sum(price) as amount, sum(building_area) as area
                from d group by building_id, building_name, building_sort) x),
      '[]'::jsonb),
    -- 总价段 of 50万: [band_min, band_max) in yuan.
    'by_price_band', coalesce((
      select jsonb_agg(jsonb_build_object('band_min', band * 500000, 'band_max', (band + 1) * 500000,
               'label', (band * 50) || '–' || ((band + 1) * 50) || '万', 'count', n, 'amount', round(amount, 2)) order by band)
        from (select floor(price / 500000)::int as band, count(*) as n, sum(price) as amount from d group by 1) x),
      '[]'::jsonb))
$$;

create function private.monthly_discount(p_project uuid, p_from date, p_to date)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'deals', count(*),
    'list_amount', round(coalesce(sum(list_price), 0), 2),
    'deal_amount', round(coalesce(sum(price), 0), 2),
    'discount_amount', round(coalesce(sum(list_price - price), 0), 2),
    'policy_discount_amount', round(coalesce(sum(list_price - price_after_policies), 0), 2),
    'special_discount_amount', round(coalesce(sum(price_after_policies - price), 0), 2),
    'special_deals', count(*) filter (where special),
    -- weighted: total discount over total list price; simple: the mean of each deal's depth
    'avg_discount_pct', private.pct(sum(list_price - price), sum(list_price)),
    'avg_deal_discount_pct', round(avg(100 * (list_price - price) / list_price), 2),
    'max_discount_pct', round(max(100 * (list_price - price) / list_price), 2))
  from private.month_deals(p_project, p_from, p_to)
$$;

create function private.monthly_inventory(p_project uuid)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  -- units counted per building, layout and effective status first; the sections add those up
  with g as (
    select u.building_id, u.rooms, u.halls, u.baths, s.st, count(*) as n, sum(u.list_price) as amount
      from public.units u
      -- private.unit_status_now, written out: a function with SET is never inlined, and this runs per unit
      cross join lateral (select case when u.status = 'held' and (u.hold_expires_at is null or u.hold_expires_at <= now())
                                      then 'available'::public.unit_status else u.status end as st) s
     where u.project_id = p_project
     group by u.building_id, u.rooms, u.halls, u.baths, s.st
  ),
  by_building as (
    select g.building_id, b.name as building_name, b.sort as building_sort, sum(n) as total,
           coalesce(sum(n) filter (where st = 'available'), 0) as available, coalesce(sum(n) filter (where st = 'held'), 0) as held,
           coalesce(sum(n) filter (where st = 'subscribed'), 0) as subscribed, coalesce(sum(n) filter (where st = 'signed'), 0) as signed,
           coalesce(sum(n) filter (where st = 'withheld'), 0) as withheld,
           round(coalesce(sum(amount) filter (where st in ('available', 'held')), 0), 2) as unsold_amount
      from g join public.buildings b on b.id = g.building_id
     group by g.building_id, b.name, b.sort
  ),
  by_layout as (
    select rooms, rooms || '室' || halls || '厅' || baths || '卫' as layout, sum(n) as total,
           coalesce(sum(n) filter (where st in ('available', 'held')), 0) as unsold,
           coalesce(sum(n) filter (where st in ('subscribed', 'signed')), 0) as sold,
           round(coalesce(sum(amount) filter (where st in ('available', 'held')), 0), 2) as unsold_amount
      from g group by rooms, halls, baths
  )
  select jsonb_build_object(
    'by_building', coalesce((
      select jsonb_agg(jsonb_build_object('building_id', building_id, 'building_name', building_name, 'total', total,
               'available', available, 'held', held, 'subscribed', subscribed, 'signed', signed, 'withheld', withheld,
               'unsold', available + held, 'unsold_amount', unsold_amount, 'sold_pct', private.pct(subscribed + signed, total))
               order by building_sort, building_name)
        from by_building), '[]'::jsonb),
    'by_layout', coalesce((
      select jsonb_agg(jsonb_build_object('layout', layout, 'rooms', rooms, 'total', total, 'unsold', unsold,
               'unsold_amount', unsold_amount, 'sold_pct', private.pct(sold, total)) order by rooms, layout)
        from by_layout), '[]'::jsonb))
$$;

create function private.monthly_collections(p_project uuid, p_from date, p_to date)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  with p as (
    select pm.kind, pm.method, pm.amount from public.payments pm
     where pm.project_id = p_project and pm.paid_on between p_from and p_to and pm.kind <> 'carry_over'
  ),
  -- Instalments of live contracts falling due in the month (应收): what the month's money is measured against.
  due as (
    select coalesce(sum(i.amount), 0) as amount
      from public.payment_plan_items i join public.contracts ct on ct.id = i.contract_id
     where i.project_id = p_project and i.due_date between p_from and p_to and ct.status in ('approved', 'signed')
  )
  select jsonb_build_object(
    'total', round(coalesce((select sum(amount) from p), 0), 2),
    'received', round(coalesce((select sum(amount) from p where amount > 0), 0), 2),
    'refunded', round(coalesce((select -sum(amount) from p where amount < 0), 0), 2),
    'count', (select count(*) from p),
    'by_kind', coalesce((select jsonb_agg(jsonb_build_object('kind', kind, 'count', n, 'amount', round(amount, 2)) order by amount desc)
                           from (select kind, count(*) as n, sum(amount) as amount from p group by kind) x), '[]'::jsonb),
    'by_method', coalesce((select jsonb_agg(jsonb_build_object('method', method, 'count', n, 'amount', round(amount, 2)) order by amount desc)
                             from (select method, count(*) as n, sum(amount) as amount from p group by method) x), '[]'::jsonb),
    'plan_due', round((select amount from due), 2),
    'plan_pct', private.pct((select sum(amount) from p), (select amount from due)))
$$;

create function private.monthly_channels(p_project uuid, p_from date, p_to date)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  with b as (select * from private.period_bounds(p_project, p_from, p_to)),
  -- the deal's channel: the visited report protecting the customer when the subscription was made
  deal_channel as (
    select d.id, d.price, r.agency_id
      from private.month_deals(p_project, p_from, p_to) d
      cross join lateral (
        select r.agency_id from public.channel_reports r
         where r.customer_id = d.customer_id and r.status = 'visited' and r.visited_at <= d.created_at
           and d.created_at < r.protected_until
         order by r.visited_at limit 1) r
  ),
  parts as (
    select r.agency_id, count(*) as reports, count(*) filter (where r.status <> 'invalid') as valid_reports,
           0::bigint as visits, 0::bigint as subscriptions, 0::numeric as subscription_amount,
           0::bigint as contracts, 0::numeric as contract_amount, 0::numeric as commission
      from public.channel_reports r, b
     where r.project_id = p_project and r.created_at >= b.t0 and r.created_at < b.t1
     group by r.agency_id
    union all
    select r.agency_id, 0, 0, count(*), 0, 0, 0, 0, 0
      from public.channel_reports r, b
     where r.project_id = p_project and r.visited_at >= b.t0 and r.visited_at < b.t1
     group by r.agency_id
    union all
    select agency_id, 0, 0, 0, count(*), sum(price), 0, 0, 0 from deal_channel group by agency_id
    union all
    select cm.agency_id, 0, 0, 0, 0, 0, count(*), sum(cm.basis_amount), sum(cm.amount)
      from public.commissions cm
     where cm.project_id = p_project and cm.signed_on between p_from and p_to and cm.status <> 'cancelled'
     group by cm.agency_id
  )
  select coalesce(jsonb_agg(jsonb_build_object(
           'agency_id', x.agency_id, 'agency_name', a.name, 'reports', x.reports, 'valid_reports', x.valid_reports,
           'valid_pct', private.pct(x.valid_reports, x.reports), 'visits', x.visits, 'subscriptions', x.subscriptions,
           'subscription_amount', round(x.subscription_amount, 2), 'contracts', x.contracts,
           'contract_amount', round(x.contract_amount, 2), 'commission', round(x.commission, 2))
           order by x.subscription_amount desc, x.visits desc, a.name), '[]'::jsonb)
    from (
      select agency_id, sum(reports) as reports, sum(valid_reports) as valid_reports, sum(visits) as visits,
             sum(subscriptions) as subscriptions, sum(subscription_amount) as subscription_amount, sum(contracts) as contracts,
             sum(contract_amount) as contract_amount, sum(commission) as commission
        from (
          select * from parts
          union all  -- every agency cooperating with the project has a row, zeros included
          select distinct co.agency_id, 0, 0, 0, 0, 0, 0, 0, 0 from public.cooperations co where co.project_id = p_project
        ) all_parts
       group by agency_id
    ) x
    join public.agencies a on a.id = x.agency_id
$$;

/*
  The whole report. p_month: any day of the month (not a future month). Managers+ read every
  section; finance the money (summary figures without activity, deals, discount, inventory,
  collections, the ranking by amounts). Others are refused.
*/
create function public.monthly_report(p_project_id uuid, p_month date)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_scope text := private.require_report_scope(p_project_id);
  v_from date := date_trunc('month', p_month)::date;
  v_to date := (date_trunc('month', p_month) + interval '1 month - 1 day')::date;
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
    'due_on', (v_to + 5),
    'summary', v_summary,
    'sources', case when v_all then private.monthly_sources(p_project_id, v_from, v_to) end,
    'calls', case when v_all then private.monthly_calls(p_project_id, v_from, v_to) end,
    'funnel', case when v_all then v_funnel || jsonb_build_object(
      'subscription_pct', private.pct((v_funnel ->> 'subscriptions')::numeric, (v_funnel ->> 'visit_customers')::numeric),
      'contract_pct', private.pct((v_funnel ->> 'contracts')::numeric, (v_funnel ->> 'subscriptions')::numeric)) end,
    'deals', private.monthly_deals(p_project_id, v_from, v_to),
    'discount', v_discount,
    'consultants', coalesce((
      select jsonb_agg(r || jsonb_build_object('rank', n) order by n)
        from jsonb_array_elements(v_report -> 'rows') with ordinality as t(r, n)
       where r ->> 'staff_id' is not null), '[]'::jsonb),
    'inventory', private.monthly_inventory(p_project_id),
    'collections', private.monthly_collections(p_project_id, v_from, v_to),
    'channels', case when v_all then private.monthly_channels(p_project_id, v_from, v_to) end);
end
$$;

revoke execute on function private.pct(numeric, numeric), private.month_deals(uuid, date, date),
  private.monthly_sources(uuid, date, date), private.monthly_calls(uuid, date, date), private.monthly_deals(uuid, date, date),
  private.monthly_discount(uuid, date, date), private.monthly_inventory(uuid), private.monthly_collections(uuid, date, date),
  private.monthly_channels(uuid, date, date)
  from public, anon, authenticated;
revoke execute on function public.monthly_report(uuid, date) from public, anon;
grant execute on function public.monthly_report(uuid, date) to authenticated;
