-- 周例会纪要 (weekly meeting minutes): one per project and week (Monday to Sunday), generated with
-- the week's numbers (a snapshot of the office and every consultant, with the week before for
-- comparison; refreshed on demand), and the meeting's items: 议题 (agenda), 决议 (decision),
-- 负责人 (owner), 完成时限 (due), done. Managers+ generate and write; the project's staff read.

create table public.weekly_minutes (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  week_start date not null check (extract(isodow from week_start) = 1),   -- a Monday
  title text not null check (length(trim(title)) > 0 and length(title) <= 100),
  held_on date,                                                             -- 会议日期
  host_id uuid references public.staff (id) on delete set null,            -- 主持人
  attendees text check (attendees is null or length(attendees) <= 500),    -- 参会人员
  summary text check (summary is null or length(summary) <= 4000),         -- 本周总结
  next_focus text check (next_focus is null or length(next_focus) <= 4000),  -- 下周重点
  figures jsonb not null,                                                   -- the week's numbers (snapshot)
  figures_at timestamptz not null default now(),
  created_by uuid default auth.uid() references public.staff (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (project_id, week_start)
);
comment on table public.weekly_minutes is '周例会纪要：当周数据快照、会议信息、总结与下周重点';

create table public.weekly_minute_items (
  id uuid primary key default gen_random_uuid(),
  minutes_id uuid not null references public.weekly_minutes (id) on delete cascade,
  project_id uuid not null references public.projects (id) on delete cascade,   -- from the minutes (trigger)
  seq int not null default 0,
  topic text not null check (length(trim(topic)) > 0 and length(topic) <= 500),   -- 议题
  decision text check (decision is null or length(decision) <= 2000),             -- 决议
  owner_id uuid references public.staff (id) on delete set null,                   -- 负责人
  due_date date,                                                                   -- 完成时限
  done boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index weekly_minute_items_minutes_idx on public.weekly_minute_items (minutes_id, seq);
comment on table public.weekly_minute_items is '周例会议题：议题、决议、负责人、完成时限';

-- An item belongs to its minutes' project, whatever the writer sent.
create function private.weekly_items_fill()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.project_id := (select m.project_id from public.weekly_minutes m where m.id = new.minutes_id);
  return new;
end
$$;
create trigger weekly_minute_items_fill before insert or update of minutes_id on public.weekly_minute_items
  for each row execute function private.weekly_items_fill();
create trigger weekly_minute_items_owner before insert or update on public.weekly_minute_items
  for each row execute function private.check_record_person('owner_id');
create trigger weekly_minutes_host before insert or update on public.weekly_minutes
  for each row execute function private.check_record_person('host_id');
create trigger weekly_minutes_touch before update on public.weekly_minutes for each row execute function private.records_touch();
create trigger weekly_minute_items_touch before update on public.weekly_minute_items for each row execute function private.records_touch();
create trigger weekly_minutes_audit after insert or update or delete on public.weekly_minutes
  for each row execute function private.audit_row_change();
create trigger weekly_minute_items_audit after insert or update or delete on public.weekly_minute_items
  for each row execute function private.audit_row_change();

-- The numbers of the week starting p_week_start, and of the week before, as the minutes keep them.
create function private.week_figures(p_project uuid, p_week_start date)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object('from', p_week_start, 'to', p_week_start + 6)
         || private.report_json(p_project, p_week_start, p_week_start + 6, 'all')
         || jsonb_build_object('previous_office', private.report_json(p_project, p_week_start - 7, p_week_start - 1, 'all') -> 'office')
$$;

/*
  Generate the minutes of a week (any day of it; not a future week): created with the week's
  numbers and the standing agenda (业绩回顾, 客户与跟进, 下周目标), or — when they exist — their
  numbers refreshed (the items stay as written). Managers+ only.
*/
create function public.generate_weekly_minutes(p_project_id uuid, p_week date)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_start date := date_trunc('week', p_week)::date;
  v_row public.weekly_minutes;
  v_figures jsonb;
  v_office jsonb;
begin
  perform private.require_role(p_project_id, private.manager_roles());
  if p_week is null or v_start > private.project_today(p_project_id) then
    perform private.fail('invalid_week', '只能生成本周及以前的例会纪要', 'The week cannot be in the future');
  end if;
  v_figures := private.week_figures(p_project_id, v_start);
  v_office := v_figures -> 'office';

  select * into v_row from public.weekly_minutes where project_id = p_project_id and week_start = v_start for update;
  if found then
    update public.weekly_minutes set figures = v_figures, figures_at = now() where id = v_row.id;
    return jsonb_build_object('minutes_id', v_row.id, 'created', false);
  end if;

  insert into public.weekly_minutes (project_id, week_start, title, held_on, host_id, figures)
  values (p_project_id, v_start,
          format('%s周例会纪要（%s—%s）', to_char(v_start, 'IYYY年第IW'), to_char(v_start, 'MM.DD'), to_char(v_start + 6, 'MM.DD')),
          least(v_start + 6, private.project_today(p_project_id)), (select auth.uid()), v_figures)
  on conflict (project_id, week_start) do nothing
  returning * into v_row;
  if v_row.id is null then  -- generated by someone else a moment ago
    select * into v_row from public.weekly_minutes where project_id = p_project_id and week_start = v_start;
    return jsonb_build_object('minutes_id', v_row.id, 'created', false);
  end if;

  insert into public.weekly_minute_items (minutes_id, project_id, seq, topic)
  values
    (v_row.id, p_project_id, 1, format('本周业绩回顾：来访%s组（首访%s），来电%s个，认购%s套%s元，签约%s套%s元，收款%s元',
       v_office ->> 'visits', v_office ->> 'first_visits', v_office ->> 'calls', v_office ->> 'subscriptions',
       v_office ->> 'subscription_amount', v_office ->> 'contracts', v_office ->> 'contract_amount', v_office ->> 'collections')),
    (v_row.id, p_project_id, 2, '重点客户跟进与逾期追访'),
    (v_row.id, p_project_id, 3, '应收款催收与签约进度'),
    (v_row.id, p_project_id, 4, '下周工作目标与分工');
  return jsonb_build_object('minutes_id', v_row.id, 'created', true);
end
$$;

alter table public.weekly_minutes enable row level security;
alter table public.weekly_minute_items enable row level security;

create policy "staff read weekly minutes" on public.weekly_minutes for select to authenticated
  using (project_id in (select private.my_projects(private.project_staff_roles())));
create policy "managers edit weekly minutes" on public.weekly_minutes for update to authenticated
  using (project_id in (select private.my_projects(private.manager_roles())))
  with check (project_id in (select private.my_projects(private.manager_roles())));

create policy "staff read weekly minute items" on public.weekly_minute_items for select to authenticated
  using (project_id in (select private.my_projects(private.project_staff_roles())));
create policy "managers add weekly minute items" on public.weekly_minute_items for insert to authenticated
  with check (project_id in (select private.my_projects(private.manager_roles())));
create policy "managers edit weekly minute items" on public.weekly_minute_items for update to authenticated
  using (project_id in (select private.my_projects(private.manager_roles())))
  with check (project_id in (select private.my_projects(private.manager_roles())));
create policy "managers delete weekly minute items" on public.weekly_minute_items for delete to authenticated
  using (project_id in (select private.my_projects(private.manager_roles())));

-- Minutes are created by generate_weekly_minutes; writers edit the meeting's text, not the numbers.
revoke all on public.weekly_minutes, public.weekly_minute_items from anon;
revoke insert, update, delete, truncate on public.weekly_minutes from authenticated;
grant update (title, held_on, host_id, attendees, summary, next_focus) on public.weekly_minutes to authenticated;
revoke insert, update, truncate on public.weekly_minute_items from authenticated;
grant insert (minutes_id, seq, topic, decision, owner_id, due_date, done),
      update (seq, topic, decision, owner_id, due_date, done) on public.weekly_minute_items to authenticated;

revoke execute on function private.week_figures(uuid, date), private.weekly_items_fill() from public, anon, authenticated;
revoke execute on function public.generate_weekly_minutes(uuid, date) from public, anon;
grant execute on function public.generate_weekly_minutes(uuid, date) to authenticated;
