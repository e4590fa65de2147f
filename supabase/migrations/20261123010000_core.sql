-- Core of the sales office: people, roles per project, project settings, inventory and customer
-- tables, the audit log and the notification outbox, plus the private helpers every policy and
-- function uses. Feature migrations after this one add the rules (functions and policies).

create extension if not exists pg_trgm with schema extensions;
create extension if not exists btree_gist with schema extensions;

create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to anon, authenticated, service_role;

create type public.staff_role as enum (
  'consultant',          -- 置业顾问
  'sales_manager',       -- 销售经理
  'marketing_director',  -- 营销部长
  'vp',                  -- 主管副总
  'gm',                  -- 总经理
  'finance',             -- 财务
  'channel_manager',     -- 渠道经理
  'broker',              -- 经纪人 (external)
  'admin'                -- 系统管理员
);

-- Project settings are data: each project tunes its own rules.
alter table public.projects
  add column ownership_days int not null default 30 check (ownership_days between 1 and 365),
  add column hold_minutes int not null default 30 check (hold_minutes between 1 and 1440),
  add column report_lead_minutes int not null default 60 check (report_lead_minutes between 0 and 10080),
  add column report_protection_days int not null default 30 check (report_protection_days between 1 and 365),
  add column approval_lapse_hours int not null default 48 check (approval_lapse_hours between 1 and 720),
  add column contract_deadline_days int not null default 7 check (contract_deadline_days between 1 and 90),
  add column digest_hour int not null default 9 check (digest_hour between 0 and 23),
  add column timezone text not null default 'Asia/Shanghai';

comment on column public.projects.ownership_days is '客户权属保护天数：无有效跟进超过此天数客户进入公客池';
comment on column public.projects.hold_minutes is '房源预留时长（分钟）';
comment on column public.projects.report_lead_minutes is '报备须提前到访的分钟数';
comment on column public.projects.report_protection_days is '带看后渠道保护天数';
comment on column public.projects.approval_lapse_hours is '审批有效时长（小时）';

-- One row per auth user: staff of the developer, and external brokers alike.
create table public.staff (
  id uuid primary key references auth.users (id) on delete cascade,
  name text not null check (length(trim(name)) > 0),
  email text not null,
  phone text check (phone is null or phone ~ '^1[3-9][0-9]{9}$'),
  active boolean not null default true,
  hired_on date,
  regularised_on date,            -- 转正日期: before it, no subscriptions or contracts
  telegram_user_id bigint unique,
  locale text not null default 'zh-CN' check (locale in ('zh-CN', 'en')),
  created_at timestamptz not null default now()
);
comment on table public.staff is '员工/经纪人：每个登录用户一行';

create table public.staff_projects (
  staff_id uuid not null references public.staff (id) on delete cascade,
  project_id uuid not null references public.projects (id) on delete cascade,
  role public.staff_role not null,
  primary key (staff_id, project_id, role)
);
create index staff_projects_project_idx on public.staff_projects (project_id, role);

-- ---------------------------------------------------------------------------------------------
-- Private helpers (security definer, empty search_path): who is calling and what may they do.
-- ---------------------------------------------------------------------------------------------

create function private.has_role(p_project uuid, p_roles public.staff_role[])
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1
      from public.staff_projects sp
      join public.staff s on s.id = sp.staff_id
     where sp.staff_id = (select auth.uid())
       and sp.project_id = p_project
       and sp.role = any (p_roles)
       and s.active
  )
$$;

create function private.is_member(p_project uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1
      from public.staff_projects sp
      join public.staff s on s.id = sp.staff_id
     where sp.staff_id = (select auth.uid()) and sp.project_id = p_project and s.active
       and sp.role <> 'broker'
  )
$$;

-- Projects where the caller holds one of the roles (all roles when null).
create function private.my_projects(p_roles public.staff_role[] default null)
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select distinct sp.project_id
    from public.staff_projects sp
    join public.staff s on s.id = sp.staff_id
   where sp.staff_id = (select auth.uid()) and s.active
     and (p_roles is null or sp.role = any (p_roles))
$$;

create function private.is_admin()
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.staff_projects sp join public.staff s on s.id = sp.staff_id
     where sp.staff_id = (select auth.uid()) and sp.role = 'admin' and s.active
  )
$$;

-- Managers and above: sales_manager, marketing_director, vp, gm.
create function private.manager_roles()
returns public.staff_role[]
language sql immutable set search_path = ''
as $$ select array['sales_manager', 'marketing_director', 'vp', 'gm']::public.staff_role[] $$;

/*
  Refuse with a stable machine code (in DETAIL), a zh-CN message a user can act on (MESSAGE)
  and the English text (HINT). PostgREST answers 400 with { code, message, details, hint }.
*/
create function private.fail(p_code text, p_message text, p_message_en text default null)
returns void
language plpgsql set search_path = ''
as $$
begin
  raise exception using errcode = 'P0001', message = p_message, detail = p_code, hint = coalesce(p_message_en, p_code);
end
$$;

create function private.require_role(p_project uuid, p_roles public.staff_role[])
returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if not private.has_role(p_project, p_roles) then
    perform private.fail('forbidden', '您没有权限执行此操作', 'You are not allowed to do this');
  end if;
end
$$;

-- Where the change came from: clients send the header `x-surface: admin|bot`; direct SQL is system.
create function private.surface()
returns text
language sql stable set search_path = ''
as $$
  select case
    when (nullif(current_setting('request.headers', true), '')::jsonb ->> 'x-surface') in ('admin', 'bot')
      then nullif(current_setting('request.headers', true), '')::jsonb ->> 'x-surface'
    when (select auth.uid()) is not null then 'api'
    else 'system'
  end
$$;

-- ---------------------------------------------------------------------------------------------
-- Audit log: written only by functions; nobody updates or deletes it.
-- ---------------------------------------------------------------------------------------------

create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor uuid,                          -- auth user; null for system jobs
  surface text not null check (surface in ('admin', 'bot', 'api', 'system')),
  action text not null,                -- e.g. unit.hold, customer.register, approval.decide
  table_name text not null,
  record_id uuid,
  project_id uuid references public.projects (id) on delete set null,
  before jsonb,
  after jsonb
);
create index audit_log_record_idx on public.audit_log (table_name, record_id, at desc);
create index audit_log_project_idx on public.audit_log (project_id, at desc);
create index audit_log_actor_idx on public.audit_log (actor, at desc);

create function private.audit(
  p_action text, p_table text, p_record uuid, p_project uuid, p_before jsonb, p_after jsonb
)
returns void
language sql security definer set search_path = ''
as $$
  insert into public.audit_log (actor, surface, action, table_name, record_id, project_id, before, after)
  values ((select auth.uid()), private.surface(), p_action, p_table, p_record, p_project, p_before, p_after)
$$;

-- ---------------------------------------------------------------------------------------------
-- Outbox for the bot: rows written in the same transaction as the change they announce.
-- ---------------------------------------------------------------------------------------------

create table public.notifications (
  id bigint generated always as identity primary key,
  recipient_id uuid not null references public.staff (id) on delete cascade,
  project_id uuid references public.projects (id) on delete cascade,
  kind text not null,                  -- approval_waiting, approval_decided, collision, report_ruled, follow_up_due, ...
  payload jsonb not null default '{}'::jsonb,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index notifications_due_idx on public.notifications (next_attempt_at) where status = 'pending';
create index notifications_recipient_idx on public.notifications (recipient_id, created_at desc);

create function private.notify(p_recipient uuid, p_project uuid, p_kind text, p_payload jsonb)
returns void
language sql security definer set search_path = ''
as $$
  insert into public.notifications (recipient_id, project_id, kind, payload)
  values (p_recipient, p_project, p_kind, p_payload)
$$;

-- ---------------------------------------------------------------------------------------------
-- Inventory and customers (their rules come in the feature migrations).
-- ---------------------------------------------------------------------------------------------

create type public.unit_status as enum ('available', 'held', 'subscribed', 'signed', 'withheld');

create table public.buildings (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  code text not null,                 -- '3', 'A'
  name text not null,                 -- '3栋'
  floors int not null check (floors between 1 and 200),
  sort int not null default 0,
  unique (project_id, code)
);

create table public.units (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  building_id uuid not null references public.buildings (id) on delete cascade,
  floor int not null,
  number text not null,               -- room number on the board, e.g. '1203'
  rooms smallint not null check (rooms between 0 and 20),
  halls smallint not null default 0 check (halls between 0 and 20),
  baths smallint not null default 0 check (baths between 0 and 20),
  building_area numeric(10, 2) not null check (building_area > 0),   -- 建筑面积 m²
  inner_area numeric(10, 2) check (inner_area > 0),                  -- 套内面积 m²
  orientation text,
  list_price numeric(14, 2) not null check (list_price > 0),         -- 表价总价
  unit_price numeric(14, 2) not null check (unit_price > 0),         -- 表价单价 per m² of building area
  status public.unit_status not null default 'available',
  held_by uuid references public.staff (id),
  held_for uuid,                      -- customer; FK added below once customers exists
  hold_expires_at timestamptz,
  updated_at timestamptz not null default now(),
  unique (building_id, number)
);
create index units_project_status_idx on public.units (project_id, status);
create index units_building_idx on public.units (building_id, floor, number);

create type public.customer_status as enum ('new', 'following', 'subscribed', 'signed', 'lost');
create type public.customer_source as enum ('call', 'walk_in', 'agency', 'referral', 'expo', 'promotion', 'online', 'other');

create table public.customers (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  name text not null check (length(trim(name)) > 0),
  phone text not null check (phone ~ '^1[3-9][0-9]{9}$'),
  gender text check (gender in ('male', 'female')),
  source public.customer_source not null default 'walk_in',
  grade text check (grade in ('A', 'B', 'C', 'D')),
  rooms smallint,
  area_min numeric(10, 2),
  area_max numeric(10, 2),
  budget_max numeric(14, 2),
  purpose text check (purpose in ('self', 'invest')),
  note text,
  owner_id uuid references public.staff (id),        -- 权属顾问; null while in the public pool by assignment
  owned_since timestamptz not null default now(),
  last_follow_up_at timestamptz,                       -- last valid follow-up: keeps ownership alive
  status public.customer_status not null default 'new',
  lost_reason text,
  created_by uuid references public.staff (id),
  created_at timestamptz not null default now(),
  unique (project_id, phone),
  check (status <> 'lost' or length(trim(coalesce(lost_reason, ''))) > 0)
);
create index customers_owner_idx on public.customers (project_id, owner_id);
create index customers_phone_tail_idx on public.customers (project_id, right(phone, 4));
create index customers_name_idx on public.customers (project_id, name text_pattern_ops);

alter table public.units add constraint units_held_for_fkey foreign key (held_for) references public.customers (id);

-- ---------------------------------------------------------------------------------------------
-- Row-level security for the core tables.
-- ---------------------------------------------------------------------------------------------

alter table public.staff enable row level security;
alter table public.staff_projects enable row level security;
alter table public.audit_log enable row level security;
alter table public.notifications enable row level security;
alter table public.buildings enable row level security;
alter table public.units enable row level security;
alter table public.customers enable row level security;

-- Projects: members (brokers included, for the project name) read; admins edit settings.
drop policy "signed-in users read projects" on public.projects;
create policy "members read their projects" on public.projects for select to authenticated
  using (id in (select private.my_projects()) or (select private.is_admin()));
create policy "admins edit projects" on public.projects for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins create projects" on public.projects for insert to authenticated
  with check ((select private.is_admin()));

-- Staff: yourself, colleagues in your projects (not brokers' view of staff), admins everyone.
create policy "read self and colleagues" on public.staff for select to authenticated
  using (
    id = (select auth.uid())
    or (select private.is_admin())
    or exists (
      select 1 from public.staff_projects sp
       where sp.staff_id = staff.id and sp.project_id in (select private.my_projects(
         array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm', 'finance', 'channel_manager']::public.staff_role[]))
    )
  );
create policy "read roles in my projects" on public.staff_projects for select to authenticated
  using (
    staff_id = (select auth.uid())
    or (select private.is_admin())
    or project_id in (select private.my_projects(
         array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm', 'finance', 'channel_manager']::public.staff_role[]))
  );

-- Audit: admins and managers of the project read; nobody writes directly.
create policy "managers read audit" on public.audit_log for select to authenticated
  using ((select private.is_admin()) or project_id in (select private.my_projects(private.manager_roles())));
revoke insert, update, delete, truncate on public.audit_log from anon, authenticated, service_role;

-- Notifications: each person reads their own; admins read all (failed deliveries are visible).
create policy "read own notifications" on public.notifications for select to authenticated
  using (recipient_id = (select auth.uid()) or (select private.is_admin()));
revoke insert, update, delete, truncate on public.notifications from anon, authenticated;

revoke all on all tables in schema public from anon;
