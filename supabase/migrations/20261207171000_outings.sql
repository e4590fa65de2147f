-- =============================================================================================
-- 外出带看报备 (sales-office-workflow-and-standards: a consultant reports before taking a customer
-- out to view — 样板房, 工地, another project): where, when leaving, when expected back, and when
-- actually back. Reported by the customer's consultant (or a manager) before leaving; the
-- project's managers read every outing, a consultant their own, brokers none. Audited.
-- =============================================================================================

create table public.outings (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  customer_id uuid not null references public.customers (id) on delete cascade,
  staff_id uuid not null references public.staff (id),                    -- 报备人（带看的顾问）
  destination text not null check (length(trim(destination)) between 1 and 100),   -- 样板房/工地/其他楼盘…
  planned_out_at timestamptz not null,                                   -- 计划外出时间
  expected_back_at timestamptz not null check (expected_back_at > planned_out_at),  -- 预计返回
  returned_at timestamptz,                                               -- 实际返回（return_from_outing）
  created_at timestamptz not null default now()
);
create index outings_project_idx on public.outings (project_id, planned_out_at desc);
create unique index outings_one_open_per_customer on public.outings (customer_id) where returned_at is null;
comment on table public.outings is '外出带看报备：客户、目的地、计划外出/预计返回/实际返回时间、报备人';

alter table public.outings enable row level security;
grant select on public.outings to authenticated;
create policy "managers read the project's outings" on public.outings for select to authenticated
  using (project_id in (select private.my_projects(private.manager_roles())));
create policy "consultants read their own outings" on public.outings for select to authenticated
  using (staff_id = (select auth.uid()) and project_id in (select private.my_projects(private.sales_roles())));

/*
  报备外出带看: the customer's consultant (or a manager of the project) reports before leaving —
  the planned time may be at most 10 minutes past; expected back defaults to two hours later.
  One open outing per customer.
*/
create function public.report_outing(
  p_customer_id uuid, p_destination text,
  p_planned_out_at timestamptz default null, p_expected_back_at timestamptz default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_customer public.customers;
  v_out timestamptz := coalesce(p_planned_out_at, now());
  v_back timestamptz;
  v_row public.outings;
begin
  select * into v_customer from public.customers where id = p_customer_id;
  if not found then
    perform private.fail('customer_not_found', '客户不存在', 'Customer not found');
  end if;
  perform private.require_role(v_customer.project_id, private.sales_roles());
  select * into v_customer from public.customers where id = p_customer_id for update;
  if v_customer.owner_id is distinct from (select auth.uid()) and not private.has_role(v_customer.project_id, private.manager_roles()) then
    perform private.fail('not_your_customer', '只能为自己的客户报备外出带看', 'You can only report outings with your own customers');
  end if;
  if length(trim(coalesce(p_destination, ''))) = 0 or length(trim(p_destination)) > 100 then
    perform private.fail('invalid_destination', '请填写带看目的地（不超过100字）', 'Enter where you are going (up to 100 characters)');
  end if;
  if v_out < now() - interval '10 minutes' then
    perform private.fail('outing_in_past', '外出带看须在出发前报备，计划时间不能早于现在', 'Report an outing before leaving: the time cannot be in the past');
  end if;
  if v_out > now() + interval '7 days' then
    perform private.fail('outing_too_far', '只能报备7天内的外出带看', 'Outings are reported at most 7 days ahead');
  end if;
  v_back := coalesce(p_expected_back_at, v_out + interval '2 hours');
  if v_back <= v_out or v_back > v_out + interval '24 hours' then
    perform private.fail('invalid_return_time', '预计返回时间须晚于外出时间且在24小时内', 'The expected return must be after leaving and within 24 hours');
  end if;
  if exists (select 1 from public.outings where customer_id = p_customer_id and returned_at is null) then
    perform private.fail('already_out', '该客户已有未返回的外出带看', 'This customer is already out on a viewing');
  end if;
  insert into public.outings (project_id, customer_id, staff_id, destination, planned_out_at, expected_back_at)
  values (v_customer.project_id, p_customer_id, (select auth.uid()), trim(p_destination), v_out, v_back)
  returning * into v_row;
  perform private.audit('outing.report', 'outings', v_row.id, v_row.project_id, null, to_jsonb(v_row));
  return jsonb_build_object('outing_id', v_row.id, 'customer_name', v_customer.name, 'destination', v_row.destination,
                            'planned_out_at', v_row.planned_out_at, 'expected_back_at', v_row.expected_back_at);
end
$$;
comment on function public.report_outing(uuid, text, timestamptz, timestamptz) is '外出带看报备（客户的顾问或经理，出发前）';

-- 已返回: by whoever reported it, or a manager of the project; once.
create function public.return_from_outing(p_outing_id uuid)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_before public.outings;
  v_row public.outings;
begin
  select * into v_before from public.outings where id = p_outing_id;
  if not found then
    perform private.fail('outing_not_found', '外出带看记录不存在', 'Outing not found');
  end if;
  perform private.require_role(v_before.project_id, private.sales_roles());
  select * into v_before from public.outings where id = p_outing_id for update;
  if v_before.staff_id <> (select auth.uid()) and not private.has_role(v_before.project_id, private.manager_roles()) then
    perform private.fail('forbidden', '您没有权限执行此操作', 'You are not allowed to do this');
  end if;
  if v_before.returned_at is not null then
    perform private.fail('already_returned', '该次外出带看已登记返回', 'This outing is already marked as returned');
  end if;
  update public.outings set returned_at = now() where id = p_outing_id returning * into v_row;
  perform private.audit('outing.return', 'outings', p_outing_id, v_row.project_id, to_jsonb(v_before), to_jsonb(v_row));
  return jsonb_build_object('outing_id', p_outing_id, 'returned_at', v_row.returned_at);
end
$$;
comment on function public.return_from_outing(uuid) is '登记外出带看已返回';

revoke all on public.outings from anon;
revoke insert, update, delete, truncate on public.outings from authenticated;
revoke execute on function public.report_outing(uuid, text, timestamptz, timestamptz), public.return_from_outing(uuid) from public, anon;
grant execute on function public.report_outing(uuid, text, timestamptz, timestamptz), public.return_from_outing(uuid) to authenticated;
