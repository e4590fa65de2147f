-- Channel (渠道 / 一二手联动) tables: agencies and their stores, cooperations (合作协议, with the
-- commission rule) per agency × project, brokers, and reports (报备). Shipped before the rest of
-- part A so that commissions can reference them; the rules (submit_report, confirm_visit, 判客)
-- come in 20261123040000_channel.sql.

-- A project setting: how long a valid report waits for its visit before it lapses (报备失效).
alter table public.projects
  add column report_visit_grace_days int not null default 7 check (report_visit_grace_days between 1 and 90);
comment on column public.projects.report_visit_grace_days is '有效报备未到访的保留天数：预计到访时间后超过此天数未带看则报备失效';

-- ---------------------------------------------------------------------------------------------
-- A generic audit trigger for tables edited directly through policies (plain master data such
-- as agencies and cooperations): every insert/update/delete leaves a row in audit_log.
-- ---------------------------------------------------------------------------------------------
create function private.audit_row_change()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_before jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  v_after jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  v_row jsonb := coalesce(v_after, v_before);
begin
  if tg_op = 'UPDATE' and v_before = v_after then
    return new;
  end if;
  perform private.audit(
    tg_table_name || '.' || lower(tg_op), tg_table_name, (v_row ->> 'id')::uuid,
    (v_row ->> 'project_id')::uuid, v_before, v_after);
  return coalesce(new, old);
end
$$;

-- Is the caller developer staff (any role but broker) in some project?
create function private.is_staff()
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.staff_projects sp join public.staff s on s.id = sp.staff_id
     where sp.staff_id = (select auth.uid()) and s.active and sp.role <> 'broker'
  )
$$;

-- ---------------------------------------------------------------------------------------------
-- Agencies (中介公司) and their stores (门店)
-- ---------------------------------------------------------------------------------------------
create table public.agencies (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (length(trim(name)) > 0),
  contact_name text,
  contact_phone text,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
comment on table public.agencies is '中介公司（渠道）';

create table public.agency_stores (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references public.agencies (id) on delete cascade,
  name text not null check (length(trim(name)) > 0),
  address text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (agency_id, name)
);
comment on table public.agency_stores is '中介门店';

-- ---------------------------------------------------------------------------------------------
-- Cooperations (合作协议): one agency × one project over a date range, with the commission rule.
--   commission_type 'percent': commission_value is a percentage of the contract price (1.5 = 1.5%)
--   commission_type 'fixed':   commission_value is yuan per unit sold
-- protection_days null = the project's report_protection_days.
-- Dates are calendar days in the project's time zone; valid_to null = open-ended, inclusive.
-- ---------------------------------------------------------------------------------------------
create table public.cooperations (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references public.agencies (id) on delete restrict,
  project_id uuid not null references public.projects (id) on delete cascade,
  commission_type text not null check (commission_type in ('percent', 'fixed')),
  commission_value numeric(14, 4) not null check (
    commission_value > 0 and (commission_type <> 'percent' or commission_value <= 100)),
  protection_days int check (protection_days between 1 and 365),
  valid_from date not null,
  valid_to date,
  note text,
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from),
  -- an agency has at most one cooperation with a project on any given day
  constraint cooperations_no_overlap exclude using gist (
    agency_id with =, project_id with =, daterange(valid_from, valid_to, '[]') with &&)
);
create index cooperations_project_idx on public.cooperations (project_id, agency_id);
comment on table public.cooperations is '渠道合作协议：佣金规则、保护期、有效期';

-- ---------------------------------------------------------------------------------------------
-- Brokers (经纪人): an agency's person; user_id links the login (a staff row with role broker).
-- ---------------------------------------------------------------------------------------------
create table public.brokers (
  id uuid primary key default gen_random_uuid(),
  user_id uuid unique references public.staff (id) on delete set null,
  agency_id uuid not null references public.agencies (id) on delete restrict,
  store_id uuid references public.agency_stores (id) on delete set null,
  name text not null check (length(trim(name)) > 0),
  phone text check (phone is null or phone ~ '^1[3-9][0-9]{9}$'),
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create index brokers_agency_idx on public.brokers (agency_id);
comment on table public.brokers is '经纪人';

-- The caller's broker row (null for developer staff).
create function private.my_broker_id()
returns uuid
language sql stable security definer set search_path = ''
as $$
  select b.id from public.brokers b where b.user_id = (select auth.uid()) and b.active
$$;

-- The cooperation of an agency with a project in force at a moment (null when none).
create function private.active_cooperation(p_agency uuid, p_project uuid, p_at timestamptz default now())
returns uuid
language sql stable security definer set search_path = ''
as $$
  select c.id
    from public.cooperations c
    join public.projects p on p.id = c.project_id
    join public.agencies a on a.id = c.agency_id
   where c.agency_id = p_agency and c.project_id = p_project and a.active
     and c.valid_from <= (p_at at time zone p.timezone)::date
     and (c.valid_to is null or c.valid_to >= (p_at at time zone p.timezone)::date)
$$;

-- ---------------------------------------------------------------------------------------------
-- Reports (报备). Stored status is what the last ruling said; two statuses are computed from
-- timestamps rather than stored by a job:
--   valid/pending with now() >= lapses_at          → effectively 'expired' (no visit in time)
--   visited with now() >= protected_until          → protection over (status stays 'visited')
-- ---------------------------------------------------------------------------------------------
create type public.report_status as enum ('valid', 'invalid', 'pending', 'visited', 'expired');

create table public.channel_reports (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  broker_id uuid not null references public.brokers (id) on delete restrict,
  agency_id uuid not null references public.agencies (id) on delete restrict,
  store_id uuid references public.agency_stores (id) on delete set null,
  cooperation_id uuid references public.cooperations (id) on delete restrict,
  customer_name text not null check (length(trim(customer_name)) > 0),
  phone_input text not null,                 -- as the broker gave it (full or 138****5678), normalised
  customer_phone text check (customer_phone is null or customer_phone ~ '^1[3-9][0-9]{9}$'),  -- full, once known
  phone_prefix text not null check (phone_prefix ~ '^1[3-9][0-9]$'),
  phone_suffix text not null check (phone_suffix ~ '^[0-9]{4}$'),
  expected_visit_at timestamptz not null,
  note text,
  status public.report_status not null,
  invalid_reason text check (invalid_reason in ('already_customer', 'already_reported', 'too_late', 'cooperation_expired')),
  invalid_reason_text text,
  ruled_at timestamptz not null default now(),
  ruled_by uuid references public.staff (id),          -- null: ruled automatically at submission
  lapses_at timestamptz not null,                      -- a valid/pending report not visited by then is expired
  customer_id uuid references public.customers (id) on delete set null,
  consultant_id uuid references public.staff (id),     -- who received the visit (customer owner)
  visited_at timestamptz,
  confirmed_by uuid references public.staff (id),
  protection_days int,
  protected_until timestamptz,                         -- visited: the deal is attributed to the broker until then
  created_at timestamptz not null default now(),
  check ((status = 'invalid') = (invalid_reason is not null)),
  check (status <> 'visited' or (visited_at is not null and protected_until is not null and customer_id is not null))
);
create index channel_reports_phone_idx on public.channel_reports (project_id, customer_phone);
create index channel_reports_mask_idx on public.channel_reports (project_id, phone_prefix, phone_suffix);
create index channel_reports_broker_idx on public.channel_reports (broker_id, created_at desc);
create index channel_reports_customer_idx on public.channel_reports (customer_id);
create index channel_reports_project_idx on public.channel_reports (project_id, created_at desc);
comment on table public.channel_reports is '渠道报备：判客结果、带看确认与保护期';

-- Effective status (expired computed from lapses_at) — used by views and functions.
create function private.report_status_now(p_status public.report_status, p_lapses_at timestamptz)
returns public.report_status
language sql stable set search_path = ''
as $$
  select case when p_status in ('valid', 'pending') and now() >= p_lapses_at then 'expired'::public.report_status
              else p_status end
$$;

-- ---------------------------------------------------------------------------------------------
-- RLS. Master data (agencies, stores, cooperations, brokers) is edited directly by channel
-- managers and admins (audited by trigger); reports change only through functions.
-- ---------------------------------------------------------------------------------------------
alter table public.agencies enable row level security;
alter table public.agency_stores enable row level security;
alter table public.cooperations enable row level security;
alter table public.brokers enable row level security;
alter table public.channel_reports enable row level security;

-- Agencies and stores: developer staff read all; a broker reads their own agency.
create policy "staff read agencies" on public.agencies for select to authenticated
  using ((select private.is_staff())
         or id = (select b.agency_id from public.brokers b where b.id = (select private.my_broker_id())));
create policy "channel managers create agencies" on public.agencies for insert to authenticated
  with check ((select private.is_admin()) or exists (select private.my_projects(array['channel_manager']::public.staff_role[])));
create policy "channel managers edit agencies" on public.agencies for update to authenticated
  using ((select private.is_admin()) or exists (select private.my_projects(array['channel_manager']::public.staff_role[])))
  with check ((select private.is_admin()) or exists (select private.my_projects(array['channel_manager']::public.staff_role[])));

create policy "staff read stores" on public.agency_stores for select to authenticated
  using ((select private.is_staff())
         or agency_id = (select b.agency_id from public.brokers b where b.id = (select private.my_broker_id())));
create policy "channel managers create stores" on public.agency_stores for insert to authenticated
  with check ((select private.is_admin()) or exists (select private.my_projects(array['channel_manager']::public.staff_role[])));
create policy "channel managers edit stores" on public.agency_stores for update to authenticated
  using ((select private.is_admin()) or exists (select private.my_projects(array['channel_manager']::public.staff_role[])))
  with check ((select private.is_admin()) or exists (select private.my_projects(array['channel_manager']::public.staff_role[])));

-- Cooperations: members of the project read; a broker reads their agency's (their commission
-- terms); channel managers and marketing directors of the project (channel policy) and admins edit.
create policy "members read cooperations" on public.cooperations for select to authenticated
  using (project_id in (select private.my_projects(array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm', 'finance', 'channel_manager', 'admin']::public.staff_role[]))
         or (select private.is_admin())
         or agency_id = (select b.agency_id from public.brokers b where b.id = (select private.my_broker_id())));
create policy "channel managers create cooperations" on public.cooperations for insert to authenticated
  with check ((select private.is_admin())
              or project_id in (select private.my_projects(array['channel_manager', 'marketing_director']::public.staff_role[])));
create policy "channel managers edit cooperations" on public.cooperations for update to authenticated
  using ((select private.is_admin())
         or project_id in (select private.my_projects(array['channel_manager', 'marketing_director']::public.staff_role[])))
  with check ((select private.is_admin())
              or project_id in (select private.my_projects(array['channel_manager', 'marketing_director']::public.staff_role[])));

-- Brokers: developer staff read all; a broker reads themselves; channel managers and admins edit.
create policy "staff read brokers" on public.brokers for select to authenticated
  using ((select private.is_staff()) or user_id = (select auth.uid()));
create policy "channel managers create brokers" on public.brokers for insert to authenticated
  with check ((select private.is_admin()) or exists (select private.my_projects(array['channel_manager']::public.staff_role[])));
create policy "channel managers edit brokers" on public.brokers for update to authenticated
  using ((select private.is_admin()) or exists (select private.my_projects(array['channel_manager']::public.staff_role[])))
  with check ((select private.is_admin()) or exists (select private.my_projects(array['channel_manager']::public.staff_role[])));

-- Reports: a broker reads only their own; channel managers and managers+ read all of their
-- projects; a consultant reads the reports whose visit they received. No direct writes.
create policy "read reports" on public.channel_reports for select to authenticated
  using (broker_id = (select private.my_broker_id())
         or project_id in (select private.my_projects(array['channel_manager', 'sales_manager', 'marketing_director', 'vp', 'gm']::public.staff_role[]))
         or (consultant_id = (select auth.uid())
             and project_id in (select private.my_projects(array['consultant']::public.staff_role[]))));
revoke insert, update, delete, truncate on public.channel_reports from anon, authenticated;

create trigger agencies_audit after insert or update or delete on public.agencies
  for each row execute function private.audit_row_change();
create trigger agency_stores_audit after insert or update or delete on public.agency_stores
  for each row execute function private.audit_row_change();
create trigger cooperations_audit after insert or update or delete on public.cooperations
  for each row execute function private.audit_row_change();
create trigger brokers_audit after insert or update or delete on public.brokers
  for each row execute function private.audit_row_change();

revoke all on public.agencies, public.agency_stores, public.cooperations, public.brokers, public.channel_reports from anon;
