-- =============================================================================================
-- Sign-offs and deadlines (greentown-sales-office-manual: 月度分析报告 每月5日前上报; the manager
-- reads the consultants' 工作笔记):
--   * work_diary_reviews — a manager marks a consultant's diary 已阅, with an optional comment;
--   * monthly_report_submissions — who submitted a month's analysis report and when, against its
--     deadline (the 5th of the next month, project time); a late submission is flagged.
-- Both written only by RPCs that check the caller's role in the project, and audited.
-- =============================================================================================

create table public.work_diary_reviews (
  diary_id uuid not null references public.work_diaries (id) on delete cascade,
  reviewed_by uuid not null references public.staff (id),
  project_id uuid not null references public.projects (id) on delete cascade,
  comment text check (comment is null or length(comment) <= 1000),   -- 批注
  reviewed_at timestamptz not null default now(),
  primary key (diary_id, reviewed_by)
);
comment on table public.work_diary_reviews is '工作笔记批阅：经理的已阅标记与批注';

alter table public.work_diary_reviews enable row level security;
grant select on public.work_diary_reviews to authenticated;
create policy "managers read the project's diary reviews" on public.work_diary_reviews for select to authenticated
  using (project_id in (select private.my_projects(private.manager_roles())));
create policy "authors read the reviews of their diaries" on public.work_diary_reviews for select to authenticated
  using (exists (select 1 from public.work_diaries d where d.id = diary_id and d.staff_id = (select auth.uid())));

-- review_work_diary: 已阅 (+ 批注) by a manager of the diary's project, not on their own diary;
-- a second call by the same manager changes the comment.
create function public.review_work_diary(p_diary_id uuid, p_comment text default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_diary public.work_diaries;
  v_before public.work_diary_reviews;
  v_row public.work_diary_reviews;
begin
  select * into v_diary from public.work_diaries where id = p_diary_id;
  if not found then
    perform private.fail('diary_not_found', '工作笔记不存在', 'Diary entry not found');
  end if;
  perform private.require_role(v_diary.project_id, private.manager_roles());
  select * into v_diary from public.work_diaries where id = p_diary_id for update;
  if v_diary.staff_id = (select auth.uid()) then
    perform private.fail('own_diary', '不能批阅自己的工作笔记', 'You cannot review your own diary');
  end if;
  if length(coalesce(p_comment, '')) > 1000 then
    perform private.fail('comment_too_long', '批注不能超过1000字', 'The comment is limited to 1000 characters');
  end if;
  select * into v_before from public.work_diary_reviews where diary_id = p_diary_id and reviewed_by = (select auth.uid()) for update;
  insert into public.work_diary_reviews as r (diary_id, reviewed_by, project_id, comment)
  values (p_diary_id, (select auth.uid()), v_diary.project_id, nullif(trim(p_comment), ''))
  on conflict (diary_id, reviewed_by) do update set comment = excluded.comment, reviewed_at = now()
  returning * into v_row;
  perform private.audit('diary.review', 'work_diaries', p_diary_id, v_diary.project_id,
    case when v_before.diary_id is null then null else to_jsonb(v_before) end, to_jsonb(v_row));
  return jsonb_build_object('diary_id', p_diary_id, 'reviewed_at', v_row.reviewed_at, 'comment', v_row.comment);
end
$$;
comment on function public.review_work_diary(uuid, text) is '经理批阅工作笔记（已阅 + 批注）';

-- ---------------------------------------------------------------------------------------------
-- Monthly report submission: one per project and month, after the month has ended.
-- ---------------------------------------------------------------------------------------------
create table public.monthly_report_submissions (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  month date not null check (extract(day from month) = 1),
  submitted_by uuid not null references public.staff (id),
  submitted_at timestamptz not null default now(),
  due_on date not null,                 -- 上报期限：次月5日
  late boolean not null,                -- 晚于期限（项目时区的日期）
  note text check (note is null or length(note) <= 1000),
  unique (project_id, month)
);
comment on table public.monthly_report_submissions is '月度分析报告上报记录：上报人、时间、期限与是否逾期';

alter table public.monthly_report_submissions enable row level security;
grant select on public.monthly_report_submissions to authenticated;
create policy "managers and finance read submissions" on public.monthly_report_submissions for select to authenticated
  using (project_id in (select private.my_projects(private.manager_roles() || array['finance']::public.staff_role[])));

create function public.submit_monthly_report(p_project_id uuid, p_month date, p_note text default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_month date := date_trunc('month', p_month)::date;
  v_today date;
  v_due date;
  v_row public.monthly_report_submissions;
begin
  perform private.require_role(p_project_id, private.manager_roles());
  if p_month is null then
    perform private.fail('invalid_month', '请选择月份', 'Choose a month');
  end if;
  v_today := private.project_today(p_project_id);
  if v_month >= date_trunc('month', v_today)::date then
    perform private.fail('month_not_over', '月份结束后才能上报该月的分析报告', 'A month''s report is submitted after the month ends');
  end if;
  if length(coalesce(p_note, '')) > 1000 then
    perform private.fail('note_too_long', '备注不能超过1000字', 'The note is limited to 1000 characters');
  end if;
  -- serialise two submissions of the same month (the project row is the lock)
  perform 1 from public.projects where id = p_project_id for update;
  if exists (select 1 from public.monthly_report_submissions s where s.project_id = p_project_id and s.month = v_month) then
    perform private.fail('already_submitted', '该月的分析报告已上报', 'This month''s report has already been submitted');
  end if;
  v_due := (v_month + interval '1 month')::date + 4;
  insert into public.monthly_report_submissions (project_id, month, submitted_by, due_on, late, note)
  values (p_project_id, v_month, (select auth.uid()), v_due, v_today > v_due, nullif(trim(p_note), ''))
  returning * into v_row;
  perform private.audit('monthly_report.submit', 'monthly_report_submissions', v_row.id, p_project_id, null, to_jsonb(v_row));
  return jsonb_build_object('submission_id', v_row.id, 'month', v_month, 'due_on', v_due, 'late', v_row.late, 'submitted_at', v_row.submitted_at);
end
$$;
comment on function public.submit_monthly_report(uuid, date, text) is '上报月度分析报告（经理；次月5日前，逾期标记）';

revoke execute on function public.review_work_diary(uuid, text), public.submit_monthly_report(uuid, date, text) from public, anon;
grant execute on function public.review_work_diary(uuid, text), public.submit_monthly_report(uuid, date, text) to authenticated;
