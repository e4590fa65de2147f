-- =============================================================================================
-- 周例会纪要 会签 and 提交 (greentown-sales-office-manual: the minutes are countersigned by the
-- attendees and submitted within two days of the meeting):
--   * weekly_minutes_signatures — one row per attendee who signed (once);
--   * weekly_minutes_submissions — who submitted the minutes and when, against its deadline
--     (meeting day + 2, project time); a late submission is flagged 逾期.
-- The attendees are the project's sales staff whose names appear in the minutes' 参会人员 text,
-- or, when that names none of them, every active consultant and manager of the project.
-- =============================================================================================

create table public.weekly_minutes_signatures (
  minutes_id uuid not null references public.weekly_minutes (id) on delete cascade,
  staff_id uuid not null references public.staff (id),
  project_id uuid not null references public.projects (id) on delete cascade,
  signed_at timestamptz not null default now(),
  primary key (minutes_id, staff_id)
);
comment on table public.weekly_minutes_signatures is '周例会纪要会签：参会人员签字记录';

create table public.weekly_minutes_submissions (
  minutes_id uuid primary key references public.weekly_minutes (id) on delete cascade,
  project_id uuid not null references public.projects (id) on delete cascade,
  submitted_by uuid not null references public.staff (id),
  submitted_at timestamptz not null default now(),
  due_on date not null,                 -- 提交期限：会议日期后两天
  late boolean not null                 -- 晚于期限（项目时区的日期）
);
comment on table public.weekly_minutes_submissions is '周例会纪要提交记录：提交人、时间、期限与是否逾期';

alter table public.weekly_minutes_signatures enable row level security;
alter table public.weekly_minutes_submissions enable row level security;
grant select on public.weekly_minutes_signatures, public.weekly_minutes_submissions to authenticated;
create policy "staff read minutes signatures" on public.weekly_minutes_signatures for select to authenticated
  using (project_id in (select private.my_projects(private.project_staff_roles())));
create policy "staff read minutes submissions" on public.weekly_minutes_submissions for select to authenticated
  using (project_id in (select private.my_projects(private.project_staff_roles())));

-- Who is expected to sign these minutes (see the header).
create function private.minutes_attendees(p_minutes_id uuid)
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  with m as (select * from public.weekly_minutes where id = p_minutes_id),
  sales as (
    select distinct s.id, s.name
      from m join public.staff_projects sp on sp.project_id = m.project_id
      join public.staff s on s.id = sp.staff_id
     where s.active and sp.role = any (private.sales_roles())
  ),
  listed as (
    select sales.id from sales, m where position(trim(sales.name) in coalesce(m.attendees, '')) > 0
  )
  select id from listed
  union all
  select id from sales where not exists (select 1 from listed)
$$;

-- Attendees with their signatures, for the minutes' page (readable by the project's staff).
create function public.weekly_minutes_signoffs(p_minutes_id uuid)
returns table (staff_id uuid, name text, signed_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_project uuid;
begin
  select project_id into v_project from public.weekly_minutes where id = p_minutes_id;
  if v_project is null then
    perform private.fail('minutes_not_found', '例会纪要不存在', 'Minutes not found');
  end if;
  perform private.require_role(v_project, private.project_staff_roles());
  return query
    select s.id, s.name, g.signed_at
      from public.staff s
      left join public.weekly_minutes_signatures g on g.minutes_id = p_minutes_id and g.staff_id = s.id
     where s.id in (select private.minutes_attendees(p_minutes_id))
        or g.staff_id is not null
     order by g.signed_at nulls last, s.name;
end
$$;
comment on function public.weekly_minutes_signoffs(uuid) is '周例会纪要的参会人员及会签情况';

-- 会签: an attendee signs once.
create function public.sign_weekly_minutes(p_minutes_id uuid)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_minutes public.weekly_minutes;
  v_row public.weekly_minutes_signatures;
begin
  select * into v_minutes from public.weekly_minutes where id = p_minutes_id;
  if not found then
    perform private.fail('minutes_not_found', '例会纪要不存在', 'Minutes not found');
  end if;
  perform private.require_role(v_minutes.project_id, private.sales_roles());
  select * into v_minutes from public.weekly_minutes where id = p_minutes_id for update;
  if (select auth.uid()) not in (select private.minutes_attendees(p_minutes_id)) then
    perform private.fail('not_attendee', '您不在本次例会的参会人员中，无需会签', 'You are not listed as an attendee of this meeting');
  end if;
  if exists (select 1 from public.weekly_minutes_signatures where minutes_id = p_minutes_id and staff_id = (select auth.uid())) then
    perform private.fail('already_signed', '您已会签过这份例会纪要', 'You have already signed these minutes');
  end if;
  insert into public.weekly_minutes_signatures (minutes_id, staff_id, project_id)
  values (p_minutes_id, (select auth.uid()), v_minutes.project_id)
  returning * into v_row;
  perform private.audit('weekly_minutes.sign', 'weekly_minutes', p_minutes_id, v_minutes.project_id, null, to_jsonb(v_row));
  return jsonb_build_object('minutes_id', p_minutes_id, 'signed_at', v_row.signed_at);
end
$$;
comment on function public.sign_weekly_minutes(uuid) is '参会人员会签周例会纪要（每人一次）';

-- 提交: a manager submits the minutes once; late after the meeting day + 2.
create function public.submit_weekly_minutes(p_minutes_id uuid)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_minutes public.weekly_minutes;
  v_today date;
  v_due date;
  v_row public.weekly_minutes_submissions;
begin
  select * into v_minutes from public.weekly_minutes where id = p_minutes_id;
  if not found then
    perform private.fail('minutes_not_found', '例会纪要不存在', 'Minutes not found');
  end if;
  perform private.require_role(v_minutes.project_id, private.manager_roles());
  select * into v_minutes from public.weekly_minutes where id = p_minutes_id for update;
  if exists (select 1 from public.weekly_minutes_submissions where minutes_id = p_minutes_id) then
    perform private.fail('already_submitted', '这份例会纪要已提交', 'These minutes have already been submitted');
  end if;
  v_today := private.project_today(v_minutes.project_id);
  v_due := coalesce(v_minutes.held_on, v_minutes.week_start + 6) + 2;
  insert into public.weekly_minutes_submissions (minutes_id, project_id, submitted_by, due_on, late)
  values (p_minutes_id, v_minutes.project_id, (select auth.uid()), v_due, v_today > v_due)
  returning * into v_row;
  perform private.audit('weekly_minutes.submit', 'weekly_minutes', p_minutes_id, v_minutes.project_id, null, to_jsonb(v_row));
  return jsonb_build_object('minutes_id', p_minutes_id, 'due_on', v_due, 'late', v_row.late, 'submitted_at', v_row.submitted_at);
end
$$;
comment on function public.submit_weekly_minutes(uuid) is '经理提交周例会纪要（会议后两天内，逾期标记）';

revoke execute on function private.minutes_attendees(uuid) from public, anon, authenticated;
revoke execute on function public.weekly_minutes_signoffs(uuid), public.sign_weekly_minutes(uuid), public.submit_weekly_minutes(uuid) from public, anon;
grant execute on function public.weekly_minutes_signoffs(uuid), public.sign_weekly_minutes(uuid), public.submit_weekly_minutes(uuid) to authenticated;
