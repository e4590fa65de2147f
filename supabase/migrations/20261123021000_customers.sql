-- Customers and ownership (客户 / 客户权属): who may see a customer, registration by phone with
-- the ownership check (新客 / 已是您的客户 / 撞单 / 公客池认领), pool claims, collision rulings,
-- reassignment, edits, 流失. Status subscribed/signed is set by the deal functions (part B)
-- through private.set_customer_status.

-- ---------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------

-- Consultants and managers: the roles that work customers.
create function private.sales_roles()
returns public.staff_role[]
language sql immutable set search_path = ''
as $$ select array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm']::public.staff_role[] $$;

/*
  A mainland mobile in its 11-digit form, or null when the input is not one. Accepts spaces,
  dashes, dots, brackets and a +86 / 0086 / 86 country prefix: '+86 138-0013-8000' → '13800138000'.
*/
create function private.normalize_mobile(p_input text)
returns text
language sql immutable set search_path = ''
as $$
  select case when d ~ '^1[3-9][0-9]{9}$' then d end
    from (
      select regexp_replace(regexp_replace(coalesce(p_input, ''), '[[:space:]\-\.\(\)（）]', '', 'g'),
                            '^(\+86|0086|86)([0-9]{11})$', '\2') as d
    ) n
$$;

-- Notify every active staff member of a project holding one of the roles.
create function private.notify_roles(p_project uuid, p_roles public.staff_role[], p_kind text, p_payload jsonb)
returns void
language sql security definer set search_path = ''
as $$
  insert into public.notifications (recipient_id, project_id, kind, payload)
  select distinct sp.staff_id, p_project, p_kind, p_payload
    from public.staff_projects sp join public.staff s on s.id = sp.staff_id
   where sp.project_id = p_project and sp.role = any (p_roles) and s.active
$$;

create function private.staff_name(p_staff uuid)
returns text
language sql stable security definer set search_path = ''
as $$ select s.name from public.staff s where s.id = p_staff $$;

-- ---------------------------------------------------------------------------------------------
-- Ownership expiry, kept on the row so policies and searches filter on a plain column:
--   owner_id null                        → in the pool (ownership_expires_at null)
--   status subscribed/signed             → never lapses ('infinity')
--   otherwise greatest(owned_since, last_follow_up_at) + project.ownership_days
-- The lapse itself is read against now() in every query ("in the pool" = owner_id is null or
-- ownership_expires_at <= now()), so no job is needed; the trigger only keeps the sum current.
-- ---------------------------------------------------------------------------------------------
alter table public.customers add column ownership_expires_at timestamptz;
comment on column public.customers.ownership_expires_at is
  '权属到期时间：max(owned_since, last_follow_up_at) + 项目 ownership_days；到期后进入公客池';

create function private.customers_set_ownership_expiry()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.ownership_expires_at := case
    when new.owner_id is null then null
    when new.status in ('subscribed', 'signed') then 'infinity'::timestamptz
    else greatest(new.owned_since, new.last_follow_up_at)
         + make_interval(days => (select p.ownership_days from public.projects p where p.id = new.project_id))
  end;
  return new;
end
$$;
create trigger customers_ownership_expiry
  before insert or update of owner_id, owned_since, last_follow_up_at, status, project_id on public.customers
  for each row execute function private.customers_set_ownership_expiry();

-- A project changing its ownership_days re-times every customer of the project.
create function private.projects_retime_ownership()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.customers set owned_since = owned_since where project_id = new.id;
  return null;
end
$$;
create trigger projects_retime_ownership
  after update of ownership_days on public.projects
  for each row when (old.ownership_days is distinct from new.ownership_days)
  execute function private.projects_retime_ownership();

create index customers_pool_idx on public.customers (project_id, ownership_expires_at);
create index customers_phone_prefix_idx on public.customers (project_id, phone text_pattern_ops);

-- Phone tail (尾号) as a plain column: under RLS only leakproof conditions may run before the
-- policy, and right(phone, 4) is not leakproof, so an index on the expression is never used for
-- a consultant's search; equality on a stored column is. It replaces the expression index.
alter table public.customers add column phone_tail text generated always as (right(phone, 4)) stored;
drop index if exists public.customers_phone_tail_idx;
create index customers_phone_tail_idx on public.customers (project_id, phone_tail);

-- In the public pool (公客池) now?
create function private.in_pool(p_owner uuid, p_expires timestamptz)
returns boolean
language sql stable set search_path = ''
as $$ select p_owner is null or p_expires <= now() $$;

-- May the caller act for this customer: its protected owner, or a manager+ of its project?
create function private.can_work_customer(p_customer_id uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.customers c
     where c.id = p_customer_id
       and ((c.owner_id = (select auth.uid()) and not private.in_pool(c.owner_id, c.ownership_expires_at)
             and private.has_role(c.project_id, array['consultant']::public.staff_role[]))
            or private.has_role(c.project_id, private.manager_roles()))
  )
$$;

-- ---------------------------------------------------------------------------------------------
-- Collisions (撞单): a second registration of a known, protected phone.
-- ---------------------------------------------------------------------------------------------
create table public.customer_collisions (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  customer_id uuid not null references public.customers (id) on delete cascade,
  owner_id uuid references public.staff (id),          -- owner when it happened
  claimant_id uuid not null references public.staff (id),
  claimant_name text,                                  -- the name the claimant was told by the visitor
  source public.customer_source,
  note text,
  status text not null default 'open' check (status in ('open', 'kept', 'transferred')),
  decided_by uuid references public.staff (id),
  decided_at timestamptz,
  decision_reason text,
  created_at timestamptz not null default now(),
  check ((status = 'open') = (decided_at is null))
);
create index customer_collisions_project_idx on public.customer_collisions (project_id, status, created_at desc);
create index customer_collisions_customer_idx on public.customer_collisions (customer_id);
comment on table public.customer_collisions is '撞单记录：已有权属客户被再次登记，由销售经理裁定';

-- ---------------------------------------------------------------------------------------------
-- RLS
--   consultant:          own customers + the project's pool; never colleagues' protected ones
--   sales_manager+ (D/C/B/A) and finance: every customer of their projects (finance: names for receipts)
--   channel_manager:     customers that came through a report of their projects
--   broker, admin, anon: none (admins run the system, not sales)
--   writes:              only through the functions below
-- ---------------------------------------------------------------------------------------------
create policy "managers and finance read customers" on public.customers for select to authenticated
  using (project_id in (select private.my_projects(array['sales_manager', 'marketing_director', 'vp', 'gm', 'finance']::public.staff_role[])));
create policy "consultants read own and pool customers" on public.customers for select to authenticated
  using (project_id in (select private.my_projects(array['consultant']::public.staff_role[]))
         and (owner_id = (select auth.uid()) or owner_id is null or ownership_expires_at <= now()));
create policy "channel managers read reported customers" on public.customers for select to authenticated
  using (id in (select r.customer_id from public.channel_reports r
                 where r.project_id in (select private.my_projects(array['channel_manager']::public.staff_role[]))));
revoke insert, update, delete, truncate on public.customers from anon, authenticated;

alter table public.customer_collisions enable row level security;
create policy "managers read collisions" on public.customer_collisions for select to authenticated
  using (project_id in (select private.my_projects(private.manager_roles())));
create policy "parties read their collisions" on public.customer_collisions for select to authenticated
  using (claimant_id = (select auth.uid()) or owner_id = (select auth.uid()));
revoke insert, update, delete, truncate on public.customer_collisions from anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Internal: status transitions for part B, and "a follow-up happened" for reception.
-- ---------------------------------------------------------------------------------------------

-- Deal functions move a customer to subscribed/signed (and back to following on cancellation).
create function private.set_customer_status(p_customer_id uuid, p_status public.customer_status)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_before public.customers;
  v_after public.customers;
begin
  if p_status = 'lost' then
    perform private.fail('reason_required', '标记流失请使用 mark_customer_lost 并填写原因', 'Use mark_customer_lost with a reason');
  end if;
  select * into v_before from public.customers where id = p_customer_id for update;
  if not found then
    perform private.fail('customer_not_found', '客户不存在', 'Customer not found');
  end if;
  if v_before.status = p_status then
    return;
  end if;
  update public.customers set status = p_status, lost_reason = null where id = p_customer_id returning * into v_after;
  perform private.audit('customer.status', 'customers', p_customer_id, v_before.project_id,
    jsonb_build_object('status', v_before.status), jsonb_build_object('status', v_after.status));
end
$$;

/*
  A follow-up or visit by p_staff at p_at: the protected owner's contact keeps ownership alive
  (last_follow_up_at); the first contact moves a new customer to following.
*/
create function private.customer_contacted(p_customer_id uuid, p_staff uuid, p_at timestamptz)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v public.customers;
begin
  select * into v from public.customers where id = p_customer_id for update;
  if v.owner_id = p_staff and not private.in_pool(v.owner_id, v.ownership_expires_at) then
    update public.customers set last_follow_up_at = greatest(last_follow_up_at, p_at) where id = p_customer_id;
  end if;
  if v.status = 'new' then
    update public.customers set status = 'following' where id = p_customer_id;
    perform private.audit('customer.status', 'customers', p_customer_id, v.project_id,
      jsonb_build_object('status', 'new'), jsonb_build_object('status', 'following'));
  end if;
end
$$;

revoke execute on function private.set_customer_status(uuid, public.customer_status) from public, anon, authenticated;
revoke execute on function private.customer_contacted(uuid, uuid, timestamptz) from public, anon, authenticated;

-- Validation of the editable fields, shared by register_customer and update_customer.
create function private.check_customer_fields(
  p_name text, p_gender text, p_grade text, p_rooms int, p_area_min numeric, p_area_max numeric,
  p_budget_max numeric, p_purpose text
)
returns void
language plpgsql immutable set search_path = ''
as $$
begin
  if p_name is null or length(trim(p_name)) = 0 then
    perform private.fail('name_required', '请填写客户姓名', 'Customer name is required');
  end if;
  if length(p_name) > 50 then
    perform private.fail('invalid_value', '客户姓名过长', 'Customer name is too long');
  end if;
  if p_gender is not null and p_gender not in ('male', 'female') then
    perform private.fail('invalid_value', '性别只能是男或女', 'Gender must be male or female');
  end if;
  if p_grade is not null and p_grade not in ('A', 'B', 'C', 'D') then
    perform private.fail('invalid_value', '意向等级只能是 A、B、C、D', 'Grade must be A, B, C or D');
  end if;
  if p_rooms is not null and (p_rooms < 0 or p_rooms > 20) then
    perform private.fail('invalid_value', '居室数不正确', 'Rooms out of range');
  end if;
  if (p_area_min is not null and p_area_min <= 0) or (p_area_max is not null and p_area_max <= 0)
     or (p_area_min is not null and p_area_max is not null and p_area_min > p_area_max) then
    perform private.fail('invalid_value', '意向面积不正确', 'Area range is invalid');
  end if;
  if p_budget_max is not null and p_budget_max <= 0 then
    perform private.fail('invalid_value', '预算不正确', 'Budget must be positive');
  end if;
  if p_purpose is not null and p_purpose not in ('self', 'invest') then
    perform private.fail('invalid_value', '购房目的只能是自住或投资', 'Purpose must be self or invest');
  end if;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- register_customer: the ownership check (客户权属确认).
-- The unique (project_id, phone) index decides races: of parallel registrations of one phone
-- exactly one insert wins ('new'); the others find the row and become already_yours/collision.
-- ---------------------------------------------------------------------------------------------
create function public.register_customer(
  p_project_id uuid, p_name text, p_phone text, p_source text,
  p_gender text default null, p_grade text default null, p_rooms int default null,
  p_area_min numeric default null, p_area_max numeric default null, p_budget_max numeric default null,
  p_purpose text default null, p_note text default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v_phone text := private.normalize_mobile(p_phone);
  v_id uuid;
  v_c public.customers;
  v_collision uuid;
begin
  perform private.require_role(p_project_id, private.sales_roles());
  if v_phone is null then
    perform private.fail('invalid_phone', '手机号格式不正确，请输入11位大陆手机号', 'Not a valid mainland mobile number');
  end if;
  if p_source is null or not (p_source = any (enum_range(null::public.customer_source)::text[])) then
    perform private.fail('invalid_source', '客户来源不正确', 'Unknown customer source');
  end if;
  perform private.check_customer_fields(p_name, p_gender, p_grade, p_rooms, p_area_min, p_area_max, p_budget_max, p_purpose);

  insert into public.customers (project_id, name, phone, gender, source, grade, rooms, area_min, area_max,
                                budget_max, purpose, note, owner_id, owned_since, created_by)
  values (p_project_id, trim(p_name), v_phone, p_gender, p_source::public.customer_source, p_grade, p_rooms,
          p_area_min, p_area_max, p_budget_max, p_purpose, nullif(trim(p_note), ''), v_me, now(), v_me)
  on conflict (project_id, phone) do nothing
  returning id into v_id;

  if v_id is not null then
    select * into v_c from public.customers where id = v_id;
    perform private.audit('customer.register', 'customers', v_id, p_project_id, null, to_jsonb(v_c));
    return jsonb_build_object('outcome', 'new', 'customer_id', v_id);
  end if;

  select * into v_c from public.customers where project_id = p_project_id and phone = v_phone for update;

  if v_c.owner_id = v_me and not private.in_pool(v_c.owner_id, v_c.ownership_expires_at) then
    return jsonb_build_object('outcome', 'already_yours', 'customer_id', v_c.id);
  end if;

  if private.in_pool(v_c.owner_id, v_c.ownership_expires_at) then
    update public.customers
       set owner_id = v_me, owned_since = now(),
           status = case when status = 'lost' then 'following'::public.customer_status else status end,
           lost_reason = case when status = 'lost' then null else lost_reason end
     where id = v_c.id;
    perform private.audit('customer.claim', 'customers', v_c.id, p_project_id,
      jsonb_build_object('owner_id', v_c.owner_id, 'owned_since', v_c.owned_since, 'status', v_c.status),
      jsonb_build_object('owner_id', v_me, 'via', 'register'));
    if v_c.owner_id is not null and v_c.owner_id <> v_me then
      perform private.notify(v_c.owner_id, p_project_id, 'customer_claimed',
        jsonb_build_object('customer_id', v_c.id, 'customer_name', v_c.name, 'by', v_me, 'by_name', private.staff_name(v_me)));
    end if;
    return jsonb_build_object('outcome', 'claimed_from_pool', 'customer_id', v_c.id);
  end if;

  -- 撞单: the owner keeps the customer; the manager hears of it and may rule.
  insert into public.customer_collisions (project_id, customer_id, owner_id, claimant_id, claimant_name, source, note)
  values (p_project_id, v_c.id, v_c.owner_id, v_me, trim(p_name), p_source::public.customer_source, nullif(trim(p_note), ''))
  returning id into v_collision;
  perform private.audit('customer.collision', 'customer_collisions', v_collision, p_project_id, null,
    jsonb_build_object('customer_id', v_c.id, 'owner_id', v_c.owner_id, 'claimant_id', v_me));
  perform private.notify_roles(p_project_id, array['sales_manager']::public.staff_role[], 'collision',
    jsonb_build_object('collision_id', v_collision, 'customer_id', v_c.id, 'customer_name', v_c.name,
                       'owner_id', v_c.owner_id, 'owner_name', private.staff_name(v_c.owner_id),
                       'claimant_id', v_me, 'claimant_name', private.staff_name(v_me)));
  perform private.notify(v_c.owner_id, p_project_id, 'collision',
    jsonb_build_object('collision_id', v_collision, 'customer_id', v_c.id, 'customer_name', v_c.name,
                       'claimant_id', v_me, 'claimant_name', private.staff_name(v_me)));
  -- Colleagues' names are visible to every member anyway; the customer's record is not.
  return jsonb_build_object('outcome', 'collision', 'customer_id', v_c.id, 'collision_id', v_collision,
                            'owner_name', private.staff_name(v_c.owner_id));
end
$$;

-- ---------------------------------------------------------------------------------------------
-- claim_customer: take a customer from the public pool.
-- ---------------------------------------------------------------------------------------------
create function public.claim_customer(p_customer_id uuid)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v public.customers;
begin
  select * into v from public.customers where id = p_customer_id;
  if not found then
    perform private.fail('customer_not_found', '客户不存在', 'Customer not found');
  end if;
  perform private.require_role(v.project_id, array['consultant']::public.staff_role[]);
  select * into v from public.customers where id = p_customer_id for update;
  if not private.in_pool(v.owner_id, v.ownership_expires_at) then
    perform private.fail('customer_not_in_pool', '该客户仍在权属保护期内，不能认领', 'The customer is still protected and cannot be claimed');
  end if;
  update public.customers
     set owner_id = v_me, owned_since = now(),
         status = case when status = 'lost' then 'following'::public.customer_status else status end,
         lost_reason = case when status = 'lost' then null else lost_reason end
   where id = p_customer_id;
  perform private.audit('customer.claim', 'customers', p_customer_id, v.project_id,
    jsonb_build_object('owner_id', v.owner_id, 'owned_since', v.owned_since, 'status', v.status),
    jsonb_build_object('owner_id', v_me, 'via', 'pool'));
  if v.owner_id is not null and v.owner_id <> v_me then
    perform private.notify(v.owner_id, v.project_id, 'customer_claimed',
      jsonb_build_object('customer_id', v.id, 'customer_name', v.name, 'by', v_me, 'by_name', private.staff_name(v_me)));
  end if;
  return jsonb_build_object('customer_id', p_customer_id, 'owner_id', v_me);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- rule_collision: the manager's ruling on a 撞单 — keep the owner, or transfer to the claimant.
-- ---------------------------------------------------------------------------------------------
create function public.rule_collision(p_collision_id uuid, p_decision text, p_reason text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v public.customer_collisions;
  v_c public.customers;
  v_status text;
begin
  select * into v from public.customer_collisions where id = p_collision_id;
  if not found then
    perform private.fail('collision_not_found', '撞单记录不存在', 'Collision not found');
  end if;
  perform private.require_role(v.project_id, private.manager_roles());
  if p_decision is null or p_decision not in ('keep_owner', 'transfer') then
    perform private.fail('invalid_decision', '裁定只能是“维持原归属”或“转给登记人”', 'Decision must be keep_owner or transfer');
  end if;
  if p_reason is null or length(trim(p_reason)) = 0 then
    perform private.fail('reason_required', '请填写裁定理由', 'A reason is required');
  end if;
  select * into v from public.customer_collisions where id = p_collision_id for update;
  if v.status <> 'open' then
    perform private.fail('collision_already_ruled', '该撞单已裁定', 'This collision has already been ruled');
  end if;
  select * into v_c from public.customers where id = v.customer_id for update;

  if p_decision = 'transfer' then
    if not exists (select 1 from public.staff_projects sp join public.staff s on s.id = sp.staff_id
                    where sp.staff_id = v.claimant_id and sp.project_id = v.project_id and sp.role = 'consultant' and s.active) then
      perform private.fail('invalid_assignee', '登记人已不是本项目在职顾问，不能转给他', 'The claimant is no longer an active consultant of the project');
    end if;
    update public.customers set owner_id = v.claimant_id, owned_since = now() where id = v.customer_id;
    perform private.audit('customer.transfer', 'customers', v.customer_id, v.project_id,
      jsonb_build_object('owner_id', v_c.owner_id), jsonb_build_object('owner_id', v.claimant_id, 'collision_id', v.id, 'reason', p_reason));
  end if;
  v_status := case p_decision when 'transfer' then 'transferred' else 'kept' end;
  update public.customer_collisions
     set status = v_status, decided_by = v_me, decided_at = now(), decision_reason = trim(p_reason)
   where id = p_collision_id;
  perform private.audit('collision.rule', 'customer_collisions', p_collision_id, v.project_id,
    jsonb_build_object('status', 'open'), jsonb_build_object('status', v_status, 'reason', trim(p_reason)));
  perform private.notify(r, v.project_id, 'collision_ruled',
    jsonb_build_object('collision_id', v.id, 'customer_id', v.customer_id, 'customer_name', v_c.name,
                       'decision', p_decision, 'reason', trim(p_reason)))
    from unnest(array[v.claimant_id, v_c.owner_id]) r where r is not null and r <> v_me;
  return jsonb_build_object('collision_id', v.id, 'status', v_status,
                            'owner_id', case when p_decision = 'transfer' then v.claimant_id else v_c.owner_id end);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- reassign_customers: move a consultant's customers to another (e.g. when someone leaves).
-- All customers of p_from_staff in the project, or only p_customer_ids (each must be theirs).
-- ---------------------------------------------------------------------------------------------
create function public.reassign_customers(
  p_from_staff uuid, p_to_staff uuid, p_project_id uuid, p_reason text, p_customer_ids uuid[] default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v public.customers;
  v_ids uuid[] := '{}';
begin
  perform private.require_role(p_project_id, private.manager_roles());
  if p_reason is null or length(trim(p_reason)) = 0 then
    perform private.fail('reason_required', '请填写转移原因', 'A reason is required');
  end if;
  if p_to_staff is null or p_to_staff = p_from_staff or not exists (
       select 1 from public.staff_projects sp join public.staff s on s.id = sp.staff_id
        where sp.staff_id = p_to_staff and sp.project_id = p_project_id and sp.role = 'consultant' and s.active) then
    perform private.fail('invalid_assignee', '接收人必须是本项目另一位在职置业顾问', 'The receiver must be another active consultant of the project');
  end if;
  if p_customer_ids is not null and exists (
       select 1 from unnest(p_customer_ids) i
        where not exists (select 1 from public.customers c where c.id = i and c.project_id = p_project_id and c.owner_id = p_from_staff)) then
    perform private.fail('customer_not_owned_by_source', '所选客户中有不属于原顾问的客户', 'Some of the customers are not owned by the source consultant');
  end if;

  for v in
    select * from public.customers c
     where c.project_id = p_project_id and c.owner_id = p_from_staff
       and (p_customer_ids is null or c.id = any (p_customer_ids))
     order by c.id
       for update
  loop
    update public.customers set owner_id = p_to_staff, owned_since = now() where id = v.id;
    perform private.audit('customer.reassign', 'customers', v.id, p_project_id,
      jsonb_build_object('owner_id', v.owner_id, 'owned_since', v.owned_since),
      jsonb_build_object('owner_id', p_to_staff, 'reason', trim(p_reason)));
    v_ids := v_ids || v.id;
  end loop;

  if cardinality(v_ids) > 0 then
    perform private.notify(p_to_staff, p_project_id, 'customers_assigned',
      jsonb_build_object('count', cardinality(v_ids), 'from_staff', p_from_staff, 'from_name', private.staff_name(p_from_staff),
                         'by', v_me, 'reason', trim(p_reason)));
  end if;
  return jsonb_build_object('count', cardinality(v_ids), 'customer_ids', to_jsonb(v_ids));
end
$$;

-- ---------------------------------------------------------------------------------------------
-- update_customer: grade, needs, name, gender, note. Never phone, owner or status.
-- ---------------------------------------------------------------------------------------------
create function public.update_customer(p_customer_id uuid, p_patch jsonb)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_before public.customers;
  v_after public.customers;
  v_key text;
  v_num numeric;
  c_editable constant text[] := array['name', 'gender', 'grade', 'rooms', 'area_min', 'area_max', 'budget_max', 'purpose', 'note'];
begin
  select * into v_before from public.customers where id = p_customer_id;
  if not found or not private.can_work_customer(p_customer_id) then
    -- Not telling a consultant that a colleague's customer exists.
    if found and private.has_role(v_before.project_id, private.sales_roles()) then
      perform private.fail('customer_not_yours', '只有客户的权属顾问或经理可以修改', 'Only the owner or a manager may change this customer');
    end if;
    perform private.fail('customer_not_found', '客户不存在', 'Customer not found');
  end if;
  if p_patch is null or jsonb_typeof(p_patch) <> 'object' or p_patch = '{}'::jsonb then
    perform private.fail('invalid_value', '没有要修改的内容', 'Nothing to change');
  end if;
  for v_key in select jsonb_object_keys(p_patch) loop
    if not (v_key = any (c_editable)) then
      perform private.fail('field_not_editable', format('字段 %s 不能在此修改', v_key), format('Field %s cannot be changed here', v_key));
    end if;
    if v_key in ('rooms', 'area_min', 'area_max', 'budget_max') and jsonb_typeof(p_patch -> v_key) not in ('number', 'null') then
      perform private.fail('invalid_value', format('字段 %s 必须是数字', v_key), format('Field %s must be a number', v_key));
    end if;
    if v_key not in ('rooms', 'area_min', 'area_max', 'budget_max') and jsonb_typeof(p_patch -> v_key) not in ('string', 'null') then
      perform private.fail('invalid_value', format('字段 %s 必须是文本', v_key), format('Field %s must be text', v_key));
    end if;
  end loop;
  if p_patch ? 'rooms' and (p_patch ->> 'rooms') is not null then
    v_num := (p_patch ->> 'rooms')::numeric;
    if v_num <> trunc(v_num) then
      perform private.fail('invalid_value', '居室数必须是整数', 'Rooms must be a whole number');
    end if;
  end if;

  select * into v_before from public.customers where id = p_customer_id for update;
  v_after := v_before;
  if p_patch ? 'name' then v_after.name := trim(p_patch ->> 'name'); end if;
  if p_patch ? 'gender' then v_after.gender := p_patch ->> 'gender'; end if;
  if p_patch ? 'grade' then v_after.grade := p_patch ->> 'grade'; end if;
  if p_patch ? 'rooms' then v_after.rooms := (p_patch ->> 'rooms')::smallint; end if;
  if p_patch ? 'area_min' then v_after.area_min := (p_patch ->> 'area_min')::numeric; end if;
  if p_patch ? 'area_max' then v_after.area_max := (p_patch ->> 'area_max')::numeric; end if;
  if p_patch ? 'budget_max' then v_after.budget_max := (p_patch ->> 'budget_max')::numeric; end if;
  if p_patch ? 'purpose' then v_after.purpose := p_patch ->> 'purpose'; end if;
  if p_patch ? 'note' then v_after.note := nullif(trim(p_patch ->> 'note'), ''); end if;
  perform private.check_customer_fields(v_after.name, v_after.gender, v_after.grade, v_after.rooms,
    v_after.area_min, v_after.area_max, v_after.budget_max, v_after.purpose);

  update public.customers
     set name = v_after.name, gender = v_after.gender, grade = v_after.grade, rooms = v_after.rooms,
         area_min = v_after.area_min, area_max = v_after.area_max, budget_max = v_after.budget_max,
         purpose = v_after.purpose, note = v_after.note
   where id = p_customer_id
  returning * into v_after;
  perform private.audit('customer.update', 'customers', p_customer_id, v_before.project_id,
    (select jsonb_object_agg(k, to_jsonb(v_before) -> k) from jsonb_object_keys(p_patch) k),
    (select jsonb_object_agg(k, to_jsonb(v_after) -> k) from jsonb_object_keys(p_patch) k));
  return to_jsonb(v_after);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- mark_customer_lost: 流失, with a reason. A customer with a deal cannot be lost.
-- ---------------------------------------------------------------------------------------------
create function public.mark_customer_lost(p_customer_id uuid, p_reason text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v public.customers;
begin
  select * into v from public.customers where id = p_customer_id;
  if not found or not private.can_work_customer(p_customer_id) then
    if found and private.has_role(v.project_id, private.sales_roles()) then
      perform private.fail('customer_not_yours', '只有客户的权属顾问或经理可以操作', 'Only the owner or a manager may do this');
    end if;
    perform private.fail('customer_not_found', '客户不存在', 'Customer not found');
  end if;
  if p_reason is null or length(trim(p_reason)) = 0 then
    perform private.fail('reason_required', '请填写流失原因', 'A reason is required');
  end if;
  select * into v from public.customers where id = p_customer_id for update;
  if v.status in ('subscribed', 'signed') then
    perform private.fail('customer_has_deal', '客户已认购或签约，不能标记为流失', 'The customer has a subscription or contract');
  end if;
  if v.status = 'lost' then
    perform private.fail('customer_already_lost', '客户已是流失状态', 'The customer is already marked lost');
  end if;
  update public.customers set status = 'lost', lost_reason = trim(p_reason) where id = p_customer_id;
  perform private.audit('customer.lost', 'customers', p_customer_id, v.project_id,
    jsonb_build_object('status', v.status), jsonb_build_object('status', 'lost', 'lost_reason', trim(p_reason)));
  return jsonb_build_object('customer_id', p_customer_id, 'status', 'lost');
end
$$;

-- ---------------------------------------------------------------------------------------------
-- search_customers: one box for the admin and the bot. Runs as the caller, so RLS decides
-- what is found: a consultant finds their own and pool customers only.
--   4 digits            → phone tail (尾号)            index (project_id, phone_tail)
--   a full mobile       → exact phone (+86, dashes…)   unique (project_id, phone)
--   other digits (3–10) → phone prefix                 (project_id, phone text_pattern_ops)
--   anything else       → name prefix                  (project_id, name text_pattern_ops)
-- Prefixes are searched as explicit ~>=~ / ~<~ ranges so the pattern indexes are used even by a
-- cached generic plan (a LIKE with a parameter pattern would not be).
-- ---------------------------------------------------------------------------------------------

-- The smallest string greater than every string starting with p_prefix (for ~<~ bounds).
create function private.prefix_upper_bound(p_prefix text)
returns text
language sql immutable set search_path = ''
as $$ select left(p_prefix, -1) || chr(ascii(right(p_prefix, 1)) + 1) $$;

create function public.search_customers(p_project_id uuid, p_query text, p_limit int default 20)
returns table (
  id uuid, name text, phone text, grade text, status public.customer_status, source public.customer_source,
  owner_id uuid, in_pool boolean, last_follow_up_at timestamptz, ownership_expires_at timestamptz, created_at timestamptz
)
language plpgsql stable security invoker set search_path = ''
as $$
declare
  q text := trim(coalesce(p_query, ''));
  digits text := regexp_replace(q, '[[:space:]\-]', '', 'g');
  mobile text := private.normalize_mobile(q);
  n int := least(greatest(coalesce(p_limit, 20), 1), 100);
begin
  if length(q) = 0 then
    perform private.fail('invalid_query', '请输入手机尾号、手机号或姓名', 'Enter a phone tail, a phone number or a name');
  end if;
  if digits ~ '^[0-9]{4}$' then
    return query
      select c.id, c.name, c.phone, c.grade, c.status, c.source, c.owner_id,
             private.in_pool(c.owner_id, c.ownership_expires_at), c.last_follow_up_at, c.ownership_expires_at, c.created_at
        from public.customers c
       where c.project_id = p_project_id and c.phone_tail = digits
       order by c.created_at desc limit n;
  elsif mobile is not null then
    return query
      select c.id, c.name, c.phone, c.grade, c.status, c.source, c.owner_id,
             private.in_pool(c.owner_id, c.ownership_expires_at), c.last_follow_up_at, c.ownership_expires_at, c.created_at
        from public.customers c
       where c.project_id = p_project_id and c.phone = mobile;
  elsif digits ~ '^[0-9]{3,10}$' then
    return query
      select c.id, c.name, c.phone, c.grade, c.status, c.source, c.owner_id,
             private.in_pool(c.owner_id, c.ownership_expires_at), c.last_follow_up_at, c.ownership_expires_at, c.created_at
        from public.customers c
       where c.project_id = p_project_id
         and c.phone operator(pg_catalog.~>=~) digits and c.phone operator(pg_catalog.~<~) private.prefix_upper_bound(digits)
       order by c.phone limit n;
  else
    return query
      select c.id, c.name, c.phone, c.grade, c.status, c.source, c.owner_id,
             private.in_pool(c.owner_id, c.ownership_expires_at), c.last_follow_up_at, c.ownership_expires_at, c.created_at
        from public.customers c
       where c.project_id = p_project_id
         and c.name operator(pg_catalog.~>=~) q and c.name operator(pg_catalog.~<~) private.prefix_upper_bound(q)
       order by c.name limit n;
  end if;
end
$$;
