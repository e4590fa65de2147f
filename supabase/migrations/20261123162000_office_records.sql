-- Office records (案场日常记录): 排班 duty roster, 值班记录 duty log, 晨会 morning meeting notes and
-- 工作笔记 work diary. Plain records written directly under RLS and audited by trigger:
--   the project's staff (every role but broker) read the roster, the meeting notes and the duty log;
--   managers+ write the roster and the meeting notes;
--   each person writes their own duty log entries and diary (staff_id is the caller);
--   a diary is read by its author and by the project's managers+.

-- The roles of the developer's staff who work on a project (not brokers, not admins).
create function private.project_staff_roles()
returns public.staff_role[]
language sql immutable set search_path = ''
as $$ select array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm', 'finance', 'channel_manager']::public.staff_role[] $$;

-- Is this person active staff (not a broker) of the project?
create function private.is_project_staff(p_project uuid, p_staff uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.staff_projects sp join public.staff s on s.id = sp.staff_id
                  where sp.staff_id = p_staff and sp.project_id = p_project and s.active
                    and sp.role = any (private.project_staff_roles()))
$$;

-- Keeps updated_at current on the record tables.
create function private.records_touch()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

-- The person a record names (on duty, host, owner) must be staff of the record's project.
create function private.check_record_person()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_person uuid := (to_jsonb(new) ->> tg_argv[0])::uuid;
begin
  if v_person is not null and not private.is_project_staff(new.project_id, v_person) then
    perform private.fail('invalid_staff', '所选人员不是本项目在职员工', 'The person chosen is not active staff of this project');
  end if;
  return new;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------
create table public.duty_roster (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  day date not null,
  staff_id uuid not null references public.staff (id) on delete cascade,
  shift text not null check (shift in ('early', 'late', 'full')),    -- 早班 · 晚班 · 全天
  post text check (post is null or length(post) <= 50),               -- 岗位: 前台接待, 值班经理…
  note text check (note is null or length(note) <= 500),
  created_by uuid default auth.uid() references public.staff (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (project_id, day, staff_id)
);
create index duty_roster_day_idx on public.duty_roster (project_id, day);
comment on table public.duty_roster is '排班表：每人每天一个班次（早班、晚班、全天）和岗位';

create table public.duty_logs (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  day date not null,
  staff_id uuid not null default auth.uid() references public.staff (id) on delete cascade,
  shift text check (shift in ('early', 'late', 'full')),
  content text not null check (length(trim(content)) > 0 and length(content) <= 4000),   -- 值班情况
  issues text check (issues is null or length(issues) <= 4000),                          -- 异常情况及处理
  handover text check (handover is null or length(handover) <= 4000),                    -- 交接事项
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index duty_logs_day_idx on public.duty_logs (project_id, day desc);
comment on table public.duty_logs is '值班记录：值班情况、异常处理、交接事项';

create table public.morning_meetings (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  held_on date not null,
  host_id uuid references public.staff (id) on delete set null,                          -- 主持人
  attendance text check (attendance is null or length(attendance) <= 500),               -- 出勤情况
  content text not null check (length(trim(content)) > 0 and length(content) <= 4000),   -- 晨会内容
  targets text check (targets is null or length(targets) <= 4000),                       -- 今日目标与分工
  created_by uuid default auth.uid() references public.staff (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (project_id, held_on)
);
comment on table public.morning_meetings is '晨会记录：出勤、内容、今日目标与分工';

create table public.work_diaries (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  day date not null,
  staff_id uuid not null default auth.uid() references public.staff (id) on delete cascade,
  content text not null check (length(trim(content)) > 0 and length(content) <= 4000),   -- 今日工作
  plan text check (plan is null or length(plan) <= 4000),                                -- 明日计划
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (project_id, staff_id, day)
);
create index work_diaries_day_idx on public.work_diaries (project_id, day desc);
comment on table public.work_diaries is '工作笔记：每人每天一篇';

create trigger duty_roster_person before insert or update on public.duty_roster
  for each row execute function private.check_record_person('staff_id');
create trigger morning_meetings_person before insert or update on public.morning_meetings
  for each row execute function private.check_record_person('host_id');

create trigger duty_roster_touch before update on public.duty_roster for each row execute function private.records_touch();
create trigger duty_logs_touch before update on public.duty_logs for each row execute function private.records_touch();
create trigger morning_meetings_touch before update on public.morning_meetings for each row execute function private.records_touch();
create trigger work_diaries_touch before update on public.work_diaries for each row execute function private.records_touch();

create trigger duty_roster_audit after insert or update or delete on public.duty_roster
  for each row execute function private.audit_row_change();
create trigger duty_logs_audit after insert or update or delete on public.duty_logs
  for each row execute function private.audit_row_change();
create trigger morning_meetings_audit after insert or update or delete on public.morning_meetings
  for each row execute function private.audit_row_change();
create trigger work_diaries_audit after insert or update or delete on public.work_diaries
  for each row execute function private.audit_row_change();

-- ---------------------------------------------------------------------------------------------
-- RLS
-- ---------------------------------------------------------------------------------------------
alter table public.duty_roster enable row level security;
alter table public.duty_logs enable row level security;
alter table public.morning_meetings enable row level security;
alter table public.work_diaries enable row level security;

create policy "staff read the roster" on public.duty_roster for select to authenticated
  using (project_id in (select private.my_projects(private.project_staff_roles())));
create policy "managers add to the roster" on public.duty_roster for insert to authenticated
  with check (project_id in (select private.my_projects(private.manager_roles())));
create policy "managers change the roster" on public.duty_roster for update to authenticated
  using (project_id in (select private.my_projects(private.manager_roles())))
  with check (project_id in (select private.my_projects(private.manager_roles())));
create policy "managers remove from the roster" on public.duty_roster for delete to authenticated
  using (project_id in (select private.my_projects(private.manager_roles())));

create policy "staff read meeting notes" on public.morning_meetings for select to authenticated
  using (project_id in (select private.my_projects(private.project_staff_roles())));
create policy "managers write meeting notes" on public.morning_meetings for insert to authenticated
  with check (project_id in (select private.my_projects(private.manager_roles())));
create policy "managers edit meeting notes" on public.morning_meetings for update to authenticated
  using (project_id in (select private.my_projects(private.manager_roles())))
  with check (project_id in (select private.my_projects(private.manager_roles())));
create policy "managers delete meeting notes" on public.morning_meetings for delete to authenticated
  using (project_id in (select private.my_projects(private.manager_roles())));

create policy "staff read duty logs" on public.duty_logs for select to authenticated
  using (project_id in (select private.my_projects(private.project_staff_roles())));
create policy "staff write their own duty log" on public.duty_logs for insert to authenticated
  with check (staff_id = (select auth.uid()) and project_id in (select private.my_projects(private.project_staff_roles())));
create policy "staff edit their own duty log" on public.duty_logs for update to authenticated
  using (staff_id = (select auth.uid()))
  with check (staff_id = (select auth.uid()) and project_id in (select private.my_projects(private.project_staff_roles())));
create policy "staff delete their own duty log" on public.duty_logs for delete to authenticated
  using (staff_id = (select auth.uid()));

create policy "authors and managers read diaries" on public.work_diaries for select to authenticated
  using (staff_id = (select auth.uid()) or project_id in (select private.my_projects(private.manager_roles())));
create policy "staff write their own diary" on public.work_diaries for insert to authenticated
  with check (staff_id = (select auth.uid()) and project_id in (select private.my_projects(private.project_staff_roles())));
create policy "staff edit their own diary" on public.work_diaries for update to authenticated
  using (staff_id = (select auth.uid()))
  with check (staff_id = (select auth.uid()) and project_id in (select private.my_projects(private.project_staff_roles())));
create policy "staff delete their own diary" on public.work_diaries for delete to authenticated
  using (staff_id = (select auth.uid()));

revoke all on public.duty_roster, public.duty_logs, public.morning_meetings, public.work_diaries from anon;
revoke truncate on public.duty_roster, public.duty_logs, public.morning_meetings, public.work_diaries from authenticated;
-- Writers choose the content only: not who wrote it, when, or (after the fact) the project.
revoke insert, update on public.duty_roster, public.duty_logs, public.morning_meetings, public.work_diaries from authenticated;
grant insert (project_id, day, staff_id, shift, post, note), update (day, staff_id, shift, post, note)
  on public.duty_roster to authenticated;
grant insert (project_id, day, shift, content, issues, handover), update (day, shift, content, issues, handover)
  on public.duty_logs to authenticated;
grant insert (project_id, held_on, host_id, attendance, content, targets), update (held_on, host_id, attendance, content, targets)
  on public.morning_meetings to authenticated;
grant insert (project_id, day, content, plan), update (day, content, plan) on public.work_diaries to authenticated;
