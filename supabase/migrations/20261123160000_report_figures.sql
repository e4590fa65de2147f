-- Report figures (报表数据): the numbers of the dashboard (工作台), the daily report (日报) and the
-- weekly minutes (周例会), computed in the database for any period of days in the project's time
-- zone, per consultant and for the office.
--
-- What is counted, per day of the project's calendar:
--   来访 visits (首访 first / 复访 return) by visited_at, credited to the receiving consultant;
--   来电 calls by called_at; 新增客户 customers registered (created_at, created_by);
--   预留 holds made (audit 'unit.hold': a hold is a state of the unit, its trace is the audit log);
--   认购 new subscriptions by created_at (a 换房 replacement is not a new deal), amount = 成交价;
--   签约 contracts by signed_on, amount = contract price;
--   收款 money received by paid_on, net of refunds and reversals (换房结转 moves money, it is not
--   received), credited to the subscription's consultant, else the customer's owner.
-- Who sees what: managers+ the office and every consultant; finance the money (counts and
-- amounts of deals, collections); a consultant only their own row. Nobody else.

-- Indexes the period queries need (the others exist: visits/calls/subscriptions/payments by
-- project and time).
create index if not exists customers_created_idx on public.customers (project_id, created_at);
create index if not exists contracts_signed_idx on public.contracts (project_id, signed_on) where signed_on is not null;
create index if not exists audit_log_holds_idx on public.audit_log (project_id, at) where action = 'unit.hold';
create index if not exists channel_reports_visited_idx on public.channel_reports (project_id, visited_at) where visited_at is not null;
create index if not exists commissions_signed_idx on public.commissions (project_id, signed_on);
create index if not exists unit_changes_decided_idx on public.unit_changes (project_id, decided_at) where status = 'approved';

-- The period [p_from, p_to] (days, inclusive) as timestamps in the project's time zone.
create function private.period_bounds(p_project uuid, p_from date, p_to date, out t0 timestamptz, out t1 timestamptz)
language sql stable security definer set search_path = ''
as $$
  select (p_from::timestamp at time zone p.timezone), ((p_to + 1)::timestamp at time zone p.timezone)
    from public.projects p where p.id = p_project
$$;

/*
  The figures of a period per staff member (staff_id null: money nobody can be credited with).
  The rows add up to the office exactly: every event is credited to one row.
*/
create function private.report_figures(p_project uuid, p_from date, p_to date)
returns table (
  staff_id uuid, visits int, first_visits int, return_visits int, calls int, new_customers int, holds int,
  subscriptions int, subscription_amount numeric, contracts int, contract_amount numeric, collections numeric
)
language sql stable security definer set search_path = ''
as $$
  with b as (select * from private.period_bounds(p_project, p_from, p_to)),
  parts as (
    select v.consultant_id as staff_id, count(*) as visits, count(*) filter (where v.is_first) as first_visits,
           0::bigint as calls, 0::bigint as new_customers, 0::bigint as holds, 0::bigint as subscriptions,
           0::numeric as subscription_amount, 0::bigint as contracts, 0::numeric as contract_amount, 0::numeric as collections
      from public.visits v, b
     where v.project_id = p_project and v.visited_at >= b.t0 and v.visited_at < b.t1
     group by v.consultant_id
    union all
    select c.consultant_id, 0, 0, count(*), 0, 0, 0, 0, 0, 0, 0
      from public.calls c, b
     where c.project_id = p_project and c.called_at >= b.t0 and c.called_at < b.t1
     group by c.consultant_id
    union all
    select c.created_by, 0, 0, 0, count(*), 0, 0, 0, 0, 0, 0
      from public.customers c, b
     where c.project_id = p_project and c.created_at >= b.t0 and c.created_at < b.t1
     group by c.created_by
    union all
    select a.actor, 0, 0, 0, 0, count(*), 0, 0, 0, 0, 0
      from public.audit_log a, b
     where a.project_id = p_project and a.action = 'unit.hold' and a.at >= b.t0 and a.at < b.t1
     group by a.actor
    union all
    select s.consultant_id, 0, 0, 0, 0, 0, count(*), sum(s.price), 0, 0, 0
      from public.subscriptions s, b
     where s.project_id = p_project and s.created_at >= b.t0 and s.created_at < b.t1 and s.previous_subscription_id is null
     group by s.consultant_id
    union all
    select ct.consultant_id, 0, 0, 0, 0, 0, 0, 0, count(*), sum(ct.price), 0
      from public.contracts ct
     where ct.project_id = p_project and ct.signed_on between p_from and p_to
     group by ct.consultant_id
    union all
    select coalesce(s.consultant_id, cu.owner_id), 0, 0, 0, 0, 0, 0, 0, 0, 0, sum(pm.amount)
      from public.payments pm
      left join public.subscriptions s on s.id = pm.subscription_id
      left join public.customers cu on cu.id = pm.customer_id
     where pm.project_id = p_project and pm.paid_on between p_from and p_to and pm.kind <> 'carry_over'
     group by coalesce(s.consultant_id, cu.owner_id)
  )
  select staff_id, sum(visits)::int, sum(first_visits)::int, (sum(visits) - sum(first_visits))::int, sum(calls)::int,
         sum(new_customers)::int, sum(holds)::int, sum(subscriptions)::int, sum(subscription_amount),
         sum(contracts)::int, sum(contract_amount), sum(collections)
    from parts
   group by staff_id
$$;

-- What the caller may see of a project's reports: all (managers+), finance (money), own (consultant).
create function private.report_scope(p_project uuid)
returns text
language sql stable security definer set search_path = ''
as $$
  select case
    when private.has_role(p_project, private.manager_roles()) then 'all'
    when private.has_role(p_project, array['finance']::public.staff_role[]) then 'finance'
    when private.has_role(p_project, array['consultant']::public.staff_role[]) then 'own'
  end
$$;

-- The caller's scope, or refuse.
create function private.require_report_scope(p_project uuid)
returns text
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_scope text;
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  v_scope := private.report_scope(p_project);
  if v_scope is null then
    perform private.fail('forbidden', '您没有权限查看本项目的报表', 'You may not see the reports of this project');
  end if;
  return v_scope;
end
$$;

-- One row of figures as JSON; finance sees the money only (the activity figures are null).
create function private.figures_json(
  p_scope text, p_visits int, p_first int, p_return int, p_calls int, p_new int, p_holds int,
  p_subs int, p_sub_amount numeric, p_contracts int, p_contract_amount numeric, p_collections numeric
)
returns jsonb
language sql immutable set search_path = ''
as $$
  select jsonb_build_object(
    'visits', case when p_scope <> 'finance' then coalesce(p_visits, 0) end,
    'first_visits', case when p_scope <> 'finance' then coalesce(p_first, 0) end,
    'return_visits', case when p_scope <> 'finance' then coalesce(p_return, 0) end,
    'calls', case when p_scope <> 'finance' then coalesce(p_calls, 0) end,
    'new_customers', case when p_scope <> 'finance' then coalesce(p_new, 0) end,
    'holds', case when p_scope <> 'finance' then coalesce(p_holds, 0) end,
    'subscriptions', coalesce(p_subs, 0),
    'subscription_amount', round(coalesce(p_sub_amount, 0), 2),
    'contracts', coalesce(p_contracts, 0),
    'contract_amount', round(coalesce(p_contract_amount, 0), 2),
    'collections', round(coalesce(p_collections, 0), 2))
$$;

/*
  The report of a period for a scope: { office, rows }. rows: one per consultant of the project
  (zeros included) and per other staff member with figures, best first (subscription amount,
  contract amount, visits), plus a row with staff_id null for money nobody is credited with.
  Scope 'own': office is null and rows holds only the caller.
*/
create function private.report_json(p_project uuid, p_from date, p_to date, p_scope text)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  with f as (select * from private.report_figures(p_project, p_from, p_to)),
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

-- ---------------------------------------------------------------------------------------------
-- sales_report: the figures of any period (at most a year); daily_report: of one day (日报).
-- ---------------------------------------------------------------------------------------------
create function public.sales_report(p_project_id uuid, p_from date, p_to date)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_scope text := private.require_report_scope(p_project_id);
begin
  if p_from is null or p_to is null or p_to < p_from or p_to - p_from > 366 then
    perform private.fail('invalid_range', '报表期间不正确（开始日期不能晚于结束日期，最长一年）', 'The period is invalid (at most a year)');
  end if;
  return jsonb_build_object('project_id', p_project_id, 'from', p_from, 'to', p_to, 'scope', v_scope,
           'generated_at', now()) || private.report_json(p_project_id, p_from, p_to, v_scope);
end
$$;

create function public.daily_report(p_project_id uuid, p_day date default null)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_day date;
begin
  perform private.require_report_scope(p_project_id);
  v_day := coalesce(p_day, private.project_today(p_project_id));
  if v_day > private.project_today(p_project_id) then
    perform private.fail('invalid_date', '日报日期不能晚于今天', 'The day cannot be in the future');
  end if;
  return public.sales_report(p_project_id, v_day, v_day) || jsonb_build_object('day', v_day);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- The dashboard (工作台): today and this month, the month's funnel, stock left.
-- ---------------------------------------------------------------------------------------------

-- Visit → subscription → contract of a period, for the office or one staff member.
create function private.funnel_json(p_project uuid, p_from date, p_to date, p_staff uuid default null)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  with b as (select * from private.period_bounds(p_project, p_from, p_to))
  select jsonb_build_object(
    'calls', (select count(*) from public.calls c, b where c.project_id = p_project and c.called_at >= b.t0 and c.called_at < b.t1
                and (p_staff is null or c.consultant_id = p_staff)),
    'visit_customers', (select count(distinct v.customer_id) from public.visits v, b
                          where v.project_id = p_project and v.visited_at >= b.t0 and v.visited_at < b.t1
                            and (p_staff is null or v.consultant_id = p_staff)),
    'first_visits', (select count(*) from public.visits v, b
                       where v.project_id = p_project and v.visited_at >= b.t0 and v.visited_at < b.t1 and v.is_first
                         and (p_staff is null or v.consultant_id = p_staff)),
    'subscriptions', (select count(*) from public.subscriptions s, b
                        where s.project_id = p_project and s.created_at >= b.t0 and s.created_at < b.t1
                          and s.previous_subscription_id is null and (p_staff is null or s.consultant_id = p_staff)),
    'contracts', (select count(*) from public.contracts ct
                    where ct.project_id = p_project and ct.signed_on between p_from and p_to
                      and (p_staff is null or ct.consultant_id = p_staff)))
$$;

-- Units by building and layout with their effective statuses (an expired hold is available).
create function private.stock_json(p_project uuid)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
           'building_id', x.building_id, 'building_name', b.name, 'rooms', x.rooms,
           'layout', x.rooms || '室' || x.halls || '厅' || x.baths || '卫', 'total', x.total, 'available', x.available,
           'held', x.held, 'subscribed', x.subscribed, 'signed', x.signed, 'withheld', x.withheld,
           'unsold', x.available + x.held, 'unsold_amount', x.unsold_amount)
           order by b.sort, b.name, x.rooms, x.halls, x.baths), '[]'::jsonb)
    from (
      select u.building_id, u.rooms, u.halls, u.baths, count(*) as total,
             count(*) filter (where st = 'available') as available,
             count(*) filter (where st = 'held') as held,
             count(*) filter (where st = 'subscribed') as subscribed,
             count(*) filter (where st = 'signed') as signed,
             count(*) filter (where st = 'withheld') as withheld,
             round(coalesce(sum(u.list_price) filter (where st in ('available', 'held')), 0), 2) as unsold_amount
        from public.units u
        -- private.unit_status_now, written out: a function with SET is never inlined, and this runs per unit
        cross join lateral (select case when u.status = 'held' and (u.hold_expires_at is null or u.hold_expires_at <= now())
                                        then 'available'::public.unit_status else u.status end as st) s
       where u.project_id = p_project
       group by u.building_id, u.rooms, u.halls, u.baths
    ) x
    join public.buildings b on b.id = x.building_id
$$;

/*
  The dashboard of the current project for the caller: figures of today and of this month
  (office for managers+, money for finance, own for consultants), the month's funnel (same
  scope), and stock left by building and layout (everyone who reads the units). Other members
  (channel manager, admin) get the stock only; brokers and strangers are refused.
*/
create function public.dashboard_summary(p_project_id uuid)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_scope text;
  v_today date;
  v_month date;
  v_today_json jsonb;
  v_month_json jsonb;
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if not (private.is_member(p_project_id) or private.is_admin()) then
    perform private.fail('forbidden', '您没有权限查看本项目的数据', 'You may not see this project');
  end if;
  v_scope := private.report_scope(p_project_id);
  v_today := private.project_today(p_project_id);
  v_month := date_trunc('month', v_today)::date;
  if v_scope is not null then
    v_today_json := private.report_json(p_project_id, v_today, v_today, v_scope);
    v_month_json := private.report_json(p_project_id, v_month, v_today, v_scope);
  end if;
  return jsonb_build_object(
    'project_id', p_project_id, 'scope', v_scope, 'today', v_today, 'month_start', v_month, 'generated_at', now(),
    'today_figures', case when v_scope = 'own' then v_today_json #> '{rows,0}' else v_today_json -> 'office' end,
    'month_figures', case when v_scope = 'own' then v_month_json #> '{rows,0}' else v_month_json -> 'office' end,
    'funnel', case when v_scope in ('all', 'own') then
      private.funnel_json(p_project_id, v_month, v_today, case when v_scope = 'own' then (select auth.uid()) end) end,
    'stock', private.stock_json(p_project_id));
end
$$;

revoke execute on function private.period_bounds(uuid, date, date), private.report_figures(uuid, date, date),
  private.report_json(uuid, date, date, text), private.funnel_json(uuid, date, date, uuid), private.stock_json(uuid)
  from public, anon, authenticated;
revoke execute on function public.sales_report(uuid, date, date), public.daily_report(uuid, date),
  public.dashboard_summary(uuid) from public, anon;
grant execute on function public.sales_report(uuid, date, date), public.daily_report(uuid, date),
  public.dashboard_summary(uuid) to authenticated;
