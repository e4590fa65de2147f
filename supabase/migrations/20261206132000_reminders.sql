-- Reminders that are really sent (seed greentown-sales-office-manual: 检查当天是否要与客户签订协议
-- 或合同…检查当天应收款情况，做好催款工作; seed 001: 追访提醒、客户权属).
--
-- public.run_reminders() is the one entry point: the bot process calls it every minute (its
-- outbox loop); on hosted Supabase a pg_cron job calls it (see README). Each reminder is keyed
-- in reminder_log, so it is enqueued once however often run_reminders runs, and however many
-- bot instances call it. It enqueues, as rows of the notifications outbox:
--   follow_up_due     to the owner, on the day the latest follow-up asked for the next contact
--   customer_pooled   to the owner, pool_warning_days before the customer would drop into the
--                     public pool (payload stage 'warning'), and when they have dropped ('pooled')
--   payment_due       to the project's finance staff and the deal's consultant, on the due day of
--                     a payment-plan item still unpaid
--   payment_overdue   the same people, when an unpaid item is 1, 7 and 30 days overdue (催款 ladder
--                     of seed sales-department-flowcharts: 回款日期+一周 / +一月)
--   finance_digest    each finance person's morning summary of receivables, at the project's
--                     digest_hour
--   daily_digest      everyone else's morning 今日待办 (enqueue_digests, unchanged)
-- Timed rules still read now() in their queries; the reminders only announce them.

-- ---------------------------------------------------------------------------------------------
-- The record of reminders enqueued
-- ---------------------------------------------------------------------------------------------
create table public.reminder_log (
  key text primary key,                 -- e.g. follow_up_due:<follow-up id>, payment_due:<item>:<staff>
  kind text not null,
  recipient_id uuid not null references public.staff (id) on delete cascade,
  project_id uuid references public.projects (id) on delete cascade,
  notification_id bigint references public.notifications (id) on delete set null,
  created_at timestamptz not null default now()
);
comment on table public.reminder_log is '已发出的提醒：每条提醒按键只入队一次';
create index reminder_log_recipient_idx on public.reminder_log (recipient_id, created_at desc);

alter table public.reminder_log enable row level security;
create policy "admins read the reminder log" on public.reminder_log for select to authenticated
  using ((select private.is_admin()));
revoke insert, update, delete, truncate on public.reminder_log from anon, authenticated;
revoke all on public.reminder_log from anon;

-- Enqueue one notification under a key, unless that key was enqueued before. True when enqueued.
create function private.remind_once(p_key text, p_recipient uuid, p_project uuid, p_kind text, p_payload jsonb)
returns boolean
language plpgsql security definer set search_path = ''
as $$
declare
  v_id bigint;
begin
  insert into public.reminder_log (key, kind, recipient_id, project_id)
  values (p_key, p_kind, p_recipient, p_project)
  on conflict (key) do nothing;
  if not found then
    return false;
  end if;
  insert into public.notifications (recipient_id, project_id, kind, payload)
  values (p_recipient, p_project, p_kind, p_payload)
  returning id into v_id;
  update public.reminder_log set notification_id = v_id where key = p_key;
  return true;
end
$$;

-- Today in a project's time zone at an instant.
create function private.project_day_at(p_project uuid, p_at timestamptz)
returns date
language sql stable security definer set search_path = ''
as $$ select (p_at at time zone p.timezone)::date from public.projects p where p.id = p_project $$;

-- ---------------------------------------------------------------------------------------------
-- follow_up_due: the owner, on the due day of the customer's latest follow-up.
-- ---------------------------------------------------------------------------------------------
create function private.remind_follow_ups(p_now timestamptz)
returns int
language sql security definer set search_path = ''
as $$
  select count(*)::int from (
    select private.remind_once('follow_up_due:' || f.id, c.owner_id, c.project_id, 'follow_up_due',
             jsonb_build_object('customer_id', c.id, 'customer_name', c.name, 'phone', c.phone,
                                'next_date', f.next_date, 'last_content', f.content)) as sent
      from public.customers c
      join public.projects p on p.id = c.project_id
      join public.staff s on s.id = c.owner_id and s.active
      join lateral (
        select * from public.follow_ups x where x.customer_id = c.id order by x.created_at desc limit 1
      ) f on true
     where c.owner_id is not null and c.ownership_expires_at > p_now
       and c.status not in ('lost', 'signed')
       and f.next_date = (p_now at time zone p.timezone)::date
  ) x where x.sent
$$;

-- ---------------------------------------------------------------------------------------------
-- customer_pooled: a warning pool_warning_days ahead, and the news when it happened (within the
-- last two days, so a worker that was down still tells; older lapses are not re-announced).
-- The key carries the expiry, so a follow-up that renews ownership allows a later warning.
-- ---------------------------------------------------------------------------------------------
create function private.remind_pooling(p_now timestamptz)
returns int
language sql security definer set search_path = ''
as $$
  select count(*)::int from (
    select private.remind_once(
             'customer_pooled:' || x.stage || ':' || c.id || ':' || extract(epoch from c.ownership_expires_at)::bigint,
             c.owner_id, c.project_id, 'customer_pooled',
             jsonb_build_object('stage', x.stage, 'customer_id', c.id, 'customer_name', c.name, 'phone', c.phone,
                                'expires_at', c.ownership_expires_at,
                                'days_left', greatest(ceil(extract(epoch from (c.ownership_expires_at - p_now)) / 86400), 0)::int)) as sent
      from public.customers c
      join public.projects p on p.id = c.project_id
      join public.staff s on s.id = c.owner_id and s.active
      cross join lateral (
        select case when c.ownership_expires_at <= p_now then 'pooled' else 'warning' end as stage
      ) x
     where c.owner_id is not null and c.status not in ('lost', 'subscribed', 'signed')
       and c.ownership_expires_at > p_now - interval '2 days'
       and c.ownership_expires_at <= p_now + make_interval(days => p.pool_warning_days)
       and (p.pool_warning_days > 0 or c.ownership_expires_at <= p_now)
  ) y where y.sent
$$;

-- ---------------------------------------------------------------------------------------------
-- payment_due / payment_overdue: unpaid plan items of approved or signed contracts, to finance
-- and to the deal's consultant.
-- ---------------------------------------------------------------------------------------------
create function private.remind_payments(p_now timestamptz)
returns int
language sql security definer set search_path = ''
as $$
  with items as (
    select r.*, private.project_day_at(r.project_id, p_now) - r.due_date as late
      from public.receivables r
     where r.outstanding > 0
       and r.due_date <= private.project_day_at(r.project_id, p_now)
  ), steps as (
    -- due day: 0; overdue: the highest step of the ladder reached (1, 7, 30 days)
    select i.*, case when i.late = 0 then 0
                     else (select max(l) from unnest(array[1, 7, 30]) l where l <= i.late) end as step
      from items i
  ), recipients as (
    select st.*, sp.staff_id as recipient
      from steps st
      join public.staff_projects sp on sp.project_id = st.project_id and sp.role = 'finance'
      join public.staff s on s.id = sp.staff_id and s.active
    union
    select st.*, st.consultant_id
      from steps st
      join public.staff s on s.id = st.consultant_id and s.active
  )
  select count(*)::int from (
    select private.remind_once(
             case when step = 0 then 'payment_due:' || plan_item_id || ':' || recipient
                  else 'payment_overdue:' || step || ':' || plan_item_id || ':' || recipient end,
             recipient, project_id, case when step = 0 then 'payment_due' else 'payment_overdue' end,
             jsonb_build_object('plan_item_id', plan_item_id, 'contract_id', contract_id, 'contract_no', contract_no,
                                'unit_label', unit_label, 'customer_id', customer_id, 'customer_name', customer_name,
                                'kind', kind, 'due_date', due_date, 'amount_due', amount_due::text, 'outstanding', outstanding::text,
                                'overdue_days', late, 'step', step)) as sent
      from recipients
     where step is not null
  ) z where z.sent
$$;

-- ---------------------------------------------------------------------------------------------
-- finance_digest: once per finance person per project day, at or after digest_hour.
-- ---------------------------------------------------------------------------------------------
create function private.receivables_summary(p_project uuid, p_day date)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'due_today_count', count(*) filter (where r.due_date = p_day),
    'due_today_amount', coalesce(sum(r.outstanding) filter (where r.due_date = p_day), 0)::text,
    'overdue_count', count(*) filter (where r.due_date < p_day),
    'overdue_amount', coalesce(sum(r.outstanding) filter (where r.due_date < p_day), 0)::text)
    from public.receivables r
   where r.project_id = p_project and r.outstanding > 0 and r.due_date <= p_day
$$;

create function private.enqueue_finance_digests(p_now timestamptz)
returns int
language sql security definer set search_path = ''
as $$
  select count(*)::int from (
    select private.remind_once('finance_digest:' || sp.staff_id || ':' || p.id || ':' || (p_now at time zone p.timezone)::date,
             sp.staff_id, p.id, 'finance_digest',
             jsonb_build_object('day', (p_now at time zone p.timezone)::date, 'project_name', p.name)
               || private.receivables_summary(p.id, (p_now at time zone p.timezone)::date)) as sent
      from public.staff_projects sp
      join public.staff s on s.id = sp.staff_id and s.active
      join public.projects p on p.id = sp.project_id
     where sp.role = 'finance'
       and extract(hour from (p_now at time zone p.timezone)) >= p.digest_hour
  ) x where x.sent
$$;

-- ---------------------------------------------------------------------------------------------
-- run_reminders: the scheduled entry point (service role). p_now is for tests and replays; the
-- database clock when omitted. Returns how many of each kind were enqueued.
-- ---------------------------------------------------------------------------------------------
create function public.run_reminders(p_now timestamptz default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_now timestamptz := coalesce(p_now, now());
  v_result jsonb;
begin
  perform private.require_service_role();
  v_result := jsonb_build_object(
    'follow_up_due', private.remind_follow_ups(v_now),
    'customer_pooled', private.remind_pooling(v_now),
    'payments', private.remind_payments(v_now),
    'finance_digest', private.enqueue_finance_digests(v_now),
    'daily_digest', public.enqueue_digests(v_now),
    'contract_deadline', private.remind_contract_deadlines());
  return v_result;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- The day's to-dos beyond follow-ups: 当天签约 and 应收款, for /today, the digest and the
-- admin workbench. A consultant sees their own deals; managers and finance the project's.
-- ---------------------------------------------------------------------------------------------

-- Does the caller see the whole project's deals (managers, finance, admins)?
create function private.sees_project_deals(p_project uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select private.has_role(p_project, private.manager_roles() || array['finance']::public.staff_role[])
      or private.is_admin()
$$;

-- 当天签约: active subscriptions whose contract deadline is today or past, and approved contracts
-- waiting for their signature.
create function private.signings_json(p_project uuid, p_day date, p_staff uuid)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select coalesce(jsonb_agg(x order by x.deadline nulls last, x.unit_label), '[]'::jsonb) from (
    select 'subscription' as what, s.id, s.project_id, private.unit_label(s.unit_id) as unit_label,
           c.name as customer_name, s.consultant_id, st.name as consultant_name, s.price::text as price,
           s.contract_deadline as deadline, p_day - s.contract_deadline as days_past
      from public.subscriptions s
      join public.customers c on c.id = s.customer_id
      left join public.staff st on st.id = s.consultant_id
     where s.project_id = p_project and s.status = 'active' and s.contract_deadline <= p_day
       and not exists (select 1 from public.contracts ct where ct.subscription_id = s.id and ct.status in ('pending', 'approved', 'signed'))
       and (p_staff is null or s.consultant_id = p_staff)
    union all
    select 'contract', ct.id, ct.project_id, private.unit_label(ct.unit_id), c.name, ct.consultant_id, st.name, ct.price::text,
           null::date, null::int
      from public.contracts ct
      join public.customers c on c.id = ct.customer_id
      left join public.staff st on st.id = ct.consultant_id
     where ct.project_id = p_project and ct.status = 'approved'
       and (p_staff is null or ct.consultant_id = p_staff)
  ) x
$$;

-- 应收款: unpaid plan items due today or overdue.
create function private.receivables_json(p_project uuid, p_day date, p_staff uuid)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
           'plan_item_id', r.plan_item_id, 'contract_id', r.contract_id, 'contract_no', r.contract_no,
           'unit_label', r.unit_label, 'customer_name', r.customer_name, 'consultant_id', r.consultant_id,
           'consultant_name', r.consultant_name, 'kind', r.kind, 'due_date', r.due_date,
           'outstanding', r.outstanding::text, 'overdue_days', p_day - r.due_date)
         order by r.due_date, r.unit_label), '[]'::jsonb)
    from public.receivables r
   where r.project_id = p_project and r.outstanding > 0 and r.due_date <= p_day
     and (p_staff is null or r.consultant_id = p_staff)
$$;

/*
  my_day: the caller's day in each of their projects (or one), counted in the project's time zone
  at p_now (now when omitted): follow-ups due today or overdue, 当天签约, 应收款. The bot's /today
  and morning digest draw from it, so the office's day — not the server's UTC date — decides
  what is overdue.
*/
create function public.my_day(p_now timestamptz default null, p_project_id uuid default null)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v_now timestamptz := coalesce(p_now, now());
begin
  if v_me is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  return coalesce((
    select jsonb_agg(jsonb_build_object(
             'project_id', p.id, 'project_name', p.name, 'today', d.day,
             'follow_ups', (
               select coalesce(jsonb_agg(jsonb_build_object(
                        'customer_id', c.id, 'name', c.name, 'phone', c.phone, 'next_date', f.next_date,
                        'days_overdue', d.day - f.next_date, 'overdue', f.next_date < d.day, 'last_content', f.content)
                      order by f.next_date, c.name), '[]'::jsonb)
                 from public.customers c
                 join lateral (
                   select * from public.follow_ups x where x.customer_id = c.id order by x.created_at desc limit 1
                 ) f on true
                where c.project_id = p.id and c.owner_id = v_me
                  and not private.in_pool(c.owner_id, c.ownership_expires_at)
                  and c.status not in ('lost', 'signed')
                  and f.next_date is not null and f.next_date <= d.day),
             'signings', private.signings_json(p.id, d.day, case when private.sees_project_deals(p.id) then null else v_me end),
             'receivables', private.receivables_json(p.id, d.day, case when private.sees_project_deals(p.id) then null else v_me end))
           order by p.name)
      from public.projects p
      cross join lateral (select (v_now at time zone p.timezone)::date as day) d
     where p.id in (select private.my_projects(array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm', 'finance']::public.staff_role[]))
       and (p_project_id is null or p.id = p_project_id)), '[]'::jsonb);
end
$$;

-- The dashboard (工作台) with its to-dos.
create or replace function public.dashboard_summary(p_project_id uuid)
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
    'stock', private.stock_json(p_project_id),
    -- the workbench to-dos: 当天签约 and 应收款 (a consultant's own; the project's for managers and finance)
    'todo', jsonb_build_object(
      'signings', private.signings_json(p_project_id, v_today,
                    case when private.sees_project_deals(p_project_id) then null else (select auth.uid()) end),
      'receivables', private.receivables_json(p_project_id, v_today,
                    case when private.sees_project_deals(p_project_id) then null else (select auth.uid()) end)));
end
$$;


revoke execute on function private.remind_once(text, uuid, uuid, text, jsonb), private.project_day_at(uuid, timestamptz),
  private.remind_follow_ups(timestamptz), private.remind_pooling(timestamptz), private.remind_payments(timestamptz),
  private.receivables_summary(uuid, date), private.enqueue_finance_digests(timestamptz),
  private.sees_project_deals(uuid), private.signings_json(uuid, date, uuid), private.receivables_json(uuid, date, uuid)
  from public, anon, authenticated;
revoke execute on function public.run_reminders(timestamptz) from public, anon, authenticated;
grant execute on function public.run_reminders(timestamptz) to service_role;
revoke execute on function public.my_day(timestamptz, uuid) from public, anon;
grant execute on function public.my_day(timestamptz, uuid) to authenticated;
