-- =============================================================================================
-- 销售指标: the completion percentage is the database's (the admin and the bot each computed it;
-- both floor to a whole percent, so that is the rule), and set_sales_target audits a first
-- setting as new exactly once when two managers save the same row at the same moment.
-- =============================================================================================

-- ---------------------------------------------------------------------------------------------
-- set_sales_target: a manager sets (or changes) one target for a month; audited. The row is
-- inserted only if absent; otherwise it is locked and updated, so of two parallel first savings
-- the second waits, sees the first, and is audited as a change of it.
-- ---------------------------------------------------------------------------------------------
create or replace function public.set_sales_target(
  p_project_id uuid, p_month date, p_staff_id uuid, p_subscriptions int,
  p_subscription_amount numeric, p_contract_amount numeric default 0, p_collections numeric default 0
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_month date := date_trunc('month', p_month)::date;
  v_before public.sales_targets;
  v_row public.sales_targets;
begin
  perform private.require_role(p_project_id, private.manager_roles());
  if p_month is null then
    perform private.fail('invalid_month', '请选择月份', 'Choose a month');
  end if;
  if v_month < date_trunc('month', private.project_today(p_project_id))::date then
    perform private.fail('month_closed', '已过去的月份不能再修改指标', 'Targets of a past month cannot be changed');
  end if;
  if p_staff_id is not null and not exists (
    select 1 from public.staff_projects sp join public.staff s on s.id = sp.staff_id
     where sp.project_id = p_project_id and sp.staff_id = p_staff_id and s.active
       and sp.role in ('consultant', 'sales_manager')
  ) then
    perform private.fail('invalid_assignee', '指标只能分解给本项目在职的置业顾问或销售经理', 'Targets go to active sales staff of this project');
  end if;
  if p_subscriptions is null or p_subscriptions < 0 then
    perform private.fail('invalid_target', '认购套数不能为负数', 'The number of subscriptions cannot be negative');
  end if;
  if coalesce(p_subscription_amount, -1) < 0 or coalesce(p_contract_amount, -1) < 0 or coalesce(p_collections, -1) < 0
     or p_subscription_amount <> round(p_subscription_amount, 2) or p_contract_amount <> round(p_contract_amount, 2)
     or p_collections <> round(p_collections, 2) then
    perform private.fail('invalid_amount', '金额不能为负数，且精确到分', 'Amounts must not be negative and are in fen');
  end if;

  insert into public.sales_targets (project_id, month, staff_id, subscriptions, subscription_amount, contract_amount, collections, set_by)
  values (p_project_id, v_month, p_staff_id, p_subscriptions, p_subscription_amount, p_contract_amount, p_collections, (select auth.uid()))
  on conflict (project_id, month, staff_id) do nothing
  returning * into v_row;
  if v_row.id is null then
    select * into v_before from public.sales_targets
     where project_id = p_project_id and month = v_month and staff_id is not distinct from p_staff_id
     for update;
    update public.sales_targets
       set subscriptions = p_subscriptions, subscription_amount = p_subscription_amount,
           contract_amount = p_contract_amount, collections = p_collections,
           set_by = (select auth.uid()), updated_at = now()
     where id = v_before.id
    returning * into v_row;
  end if;
  perform private.audit('target.set', 'sales_targets', v_row.id, p_project_id,
    case when v_before.id is null then null else to_jsonb(v_before) - 'updated_at' - 'created_at' end,
    to_jsonb(v_row) - 'updated_at' - 'created_at');
  return to_jsonb(v_row);
end
$$;

-- Completion in whole percent, floored; null without a target above zero.
create function private.percent_of(p_actual numeric, p_target numeric)
returns int
language sql immutable set search_path = ''
as $$ select case when p_target > 0 then floor(coalesce(p_actual, 0) * 100 / p_target)::int end $$;

-- ---------------------------------------------------------------------------------------------
-- target_progress: as before, plus each measure's completion in whole percent, floored
-- (3 of 10 → 30; 99.9% is not yet 100); null where the measure has no target above zero.
-- ---------------------------------------------------------------------------------------------
drop function public.target_progress(uuid, date);
create function public.target_progress(p_project_id uuid, p_month date default null)
returns table (
  staff_id uuid, staff_name text, is_project boolean,
  target_subscriptions int, target_subscription_amount numeric, target_contract_amount numeric, target_collections numeric,
  subscriptions int, subscription_amount numeric, contract_amount numeric, collections numeric,
  subscriptions_percent int, subscription_amount_percent int, contract_amount_percent int, collections_percent int
)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  v_scope text := private.require_report_scope(p_project_id);
  v_month date := date_trunc('month', coalesce(p_month, private.project_today(p_project_id)))::date;
begin
  return query
  with figures as (
    select f.* from private.report_figures(p_project_id, v_month, (v_month + interval '1 month' - interval '1 day')::date) f
  ),
  sales_people as (
    select distinct sp.staff_id from public.staff_projects sp
     where sp.project_id = p_project_id and sp.role in ('consultant', 'sales_manager')
  ),
  people as (
    select t.staff_id from public.sales_targets t where t.project_id = p_project_id and t.month = v_month and t.staff_id is not null
    union
    select f.staff_id from figures f join sales_people s on s.staff_id = f.staff_id
     where f.subscriptions > 0 or f.contract_amount > 0 or f.collections > 0
  ),
  rows as (
    select null::uuid as staff_id, true as is_project,
           coalesce(sum(f.subscriptions), 0)::int as subscriptions, coalesce(sum(f.subscription_amount), 0) as subscription_amount,
           coalesce(sum(f.contract_amount), 0) as contract_amount, coalesce(sum(f.collections), 0) as collections
      from figures f
    union all
    select p.staff_id, false, coalesce(f.subscriptions, 0), coalesce(f.subscription_amount, 0),
           coalesce(f.contract_amount, 0), coalesce(f.collections, 0)
      from people p left join figures f on f.staff_id = p.staff_id
     where v_scope <> 'own' or p.staff_id = (select auth.uid())
  )
  select r.staff_id, case when r.is_project then null else private.staff_name(r.staff_id) end, r.is_project,
         t.subscriptions, t.subscription_amount, t.contract_amount, t.collections,
         r.subscriptions, r.subscription_amount, r.contract_amount, r.collections,
         private.percent_of(r.subscriptions, t.subscriptions), private.percent_of(r.subscription_amount, t.subscription_amount),
         private.percent_of(r.contract_amount, t.contract_amount), private.percent_of(r.collections, t.collections)
    from rows r
    left join public.sales_targets t
      on t.project_id = p_project_id and t.month = v_month and t.staff_id is not distinct from r.staff_id
   order by r.is_project desc, private.staff_name(r.staff_id);
end
$$;
comment on function public.target_progress(uuid, date) is '月度销售指标完成情况（与日报、月报同一口径；完成率取整百分比，向下取整）';
revoke execute on function public.target_progress(uuid, date) from public, anon;
grant execute on function public.target_progress(uuid, date) to authenticated;
