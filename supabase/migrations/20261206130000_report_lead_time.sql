-- 报备 lead time from the submission (seed primary-secondary-channel-linkage: 案场一般要求提前1小时报备).
--
-- submit_report keeps checking the visit time the broker declares; confirm_visit now also checks
-- what really happened: a visit confirmed sooner than projects.report_lead_minutes after the
-- report was *submitted* is ruled invalid with reason visit_too_soon (报备过晚 — the broker filed
-- at the door). The report gives no protection and no commission; the reason text, with the
-- submission and arrival times, is stored on the report and sent to the broker and to the
-- project's channel managers. No customer is created from a late report: the front desk
-- registers the walk-in as usual (owned by the receiving consultant, not the broker).

alter table public.channel_reports drop constraint channel_reports_invalid_reason_check;
alter table public.channel_reports add constraint channel_reports_invalid_reason_check
  check (invalid_reason in ('already_customer', 'already_reported', 'too_late', 'cooperation_expired', 'visit_too_soon'));

create or replace function private.report_reason_text(p_reason text, p_lead_minutes int default null)
returns text
language sql immutable set search_path = ''
as $$
  select case p_reason
    when 'already_customer' then '该客户已是本项目在权属保护期内的客户'
    when 'already_reported' then '该客户已被其他经纪人报备，仍在保护期内'
    when 'too_late' then format('报备须在预计到访前至少 %s 分钟提交', coalesce(p_lead_minutes, 60))
    when 'cooperation_expired' then '贵公司与本项目的合作协议不在有效期内'
    when 'visit_too_soon' then format('报备过晚：客户到访距报备提交不足 %s 分钟，不予保护', coalesce(p_lead_minutes, 60))
  end
$$;

-- The late-report reason with its times, in the project's time zone: what broker and channel
-- manager read. 报备过晚：报备提交于 12月6日 14:02，客户 14:03 到访，距提交仅 1 分钟（须至少 60 分钟），不予保护
create function private.report_late_text(p_submitted timestamptz, p_arrived timestamptz, p_lead_minutes int, p_timezone text)
returns text
language sql stable set search_path = ''
as $$
  select format('报备过晚：报备提交于 %s，客户 %s 到访，距提交仅 %s 分钟（须至少 %s 分钟），不予保护',
                to_char(p_submitted at time zone p_timezone, 'FMMM"月"FMDD"日" HH24:MI'),
                to_char(p_arrived at time zone p_timezone, 'HH24:MI'),
                floor(extract(epoch from (p_arrived - p_submitted)) / 60)::int,
                p_lead_minutes)
$$;
revoke execute on function private.report_late_text(timestamptz, timestamptz, int, text) from public, anon, authenticated;

-- A confirmed 渠道带看 is a 来访: the customer really came, so the visit is recorded (首访/复访,
-- with the receiving consultant) like any walk-in, and the 日报, the dashboard and the monthly
-- report count every group that came. visits.report_id marks it as a channel visit.
alter table public.visits add column report_id uuid references public.channel_reports (id) on delete set null;
comment on column public.visits.report_id is '渠道带看：由哪条报备确认而来（空 = 自然来访）';
create unique index visits_report_idx on public.visits (report_id) where report_id is not null;

-- confirm_visit, as before plus the lead-time ruling above, and the visit it records.
create or replace function public.confirm_visit(p_report_id uuid, p_full_phone text, p_consultant_id uuid default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  r public.channel_reports;
  v_after public.channel_reports;
  v_project public.projects;
  v_phone text := private.normalize_mobile(p_full_phone);
  v_consultant uuid;
  v_reason text;
  v_coop public.cooperations;
  v_customer public.customers;
  v_days int;
  v_text text;
  v_visit uuid;
begin
  select * into r from public.channel_reports where id = p_report_id;
  if not found then
    perform private.fail('report_not_found', '报备不存在', 'Report not found');
  end if;
  if v_me is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if not (private.has_role(r.project_id, array['channel_manager', 'sales_manager']::public.staff_role[])
          or private.on_duty(r.project_id)) then
    if private.has_role(r.project_id, array['consultant']::public.staff_role[]) then
      perform private.fail('not_on_duty', '只有今日在岗（已签到）的置业顾问可以确认带看', 'Only a consultant checked in today may confirm a visit');
    end if;
    perform private.fail('forbidden', '您没有权限执行此操作', 'You are not allowed to do this');
  end if;
  if v_phone is null then
    perform private.fail('invalid_phone', '请填写客户完整的11位手机号', 'Give the customer''s full mobile number');
  end if;
  select * into v_project from public.projects where id = r.project_id;

  perform private.lock_phone(r.project_id, r.phone_prefix, r.phone_suffix);
  select * into r from public.channel_reports where id = p_report_id for update;
  case private.report_status_now(r.status, r.lapses_at)
    when 'visited' then perform private.fail('report_already_visited', '该报备已确认带看', 'The visit was already confirmed');
    when 'invalid' then perform private.fail('report_invalid', '该报备无效，不能确认带看', 'The report is invalid');
    when 'expired' then perform private.fail('report_expired', '该报备已过期失效', 'The report has lapsed');
    else null;
  end case;
  if left(v_phone, 3) <> r.phone_prefix or right(v_phone, 4) <> r.phone_suffix
     or (r.customer_phone is not null and r.customer_phone <> v_phone) then
    perform private.fail('phone_mismatch', '手机号与报备不符', 'The phone does not match the report');
  end if;

  -- Who receives the customer if nobody owns them yet.
  v_consultant := coalesce(p_consultant_id,
                           case when private.has_role(r.project_id, array['consultant']::public.staff_role[]) then v_me end,
                           r.consultant_id);
  if v_consultant is not null and not exists (
       select 1 from public.staff_projects sp join public.staff s on s.id = sp.staff_id
        where sp.staff_id = v_consultant and sp.project_id = r.project_id and sp.role = 'consultant' and s.active) then
    perform private.fail('invalid_assignee', '接待顾问必须是本项目在职置业顾问', 'The receiving consultant must be an active consultant of the project');
  end if;

  -- 报备 lead time, measured from the submission: a customer who arrives sooner than the
  -- project's lead time after the report was filed was reported at the door (现场报备) — ruled
  -- late, not protected, whatever visit time the broker declared.
  if now() < r.created_at + make_interval(mins => v_project.report_lead_minutes) then
    v_reason := 'visit_too_soon';
    v_text := private.report_late_text(r.created_at, now(), v_project.report_lead_minutes, v_project.timezone);
    update public.channel_reports
       set status = 'invalid', invalid_reason = v_reason, invalid_reason_text = v_text,
           customer_phone = v_phone, ruled_at = now(), ruled_by = v_me
     where id = r.id
    returning * into v_after;
    perform private.audit('report.rule', 'channel_reports', r.id, r.project_id,
      jsonb_build_object('status', r.status),
      jsonb_build_object('status', 'invalid', 'invalid_reason', v_reason, 'invalid_reason_text', v_text,
                         'submitted_at', r.created_at, 'arrived_at', now()));
    perform private.notify(b.user_id, r.project_id, 'report_ruled', private.report_json(v_after) || jsonb_build_object('customer_name', r.customer_name))
      from public.brokers b where b.id = r.broker_id and b.user_id is not null;
    perform private.notify_roles(r.project_id, array['channel_manager']::public.staff_role[], 'report_ruled',
      private.report_json(v_after) || jsonb_build_object('customer_name', r.customer_name, 'broker_name',
        (select b.name from public.brokers b where b.id = r.broker_id)));
    return private.report_json(v_after);
  end if;

  -- 判客 again, with the full number.
  select c.* into v_coop from public.cooperations c
   where c.id = private.active_cooperation(r.agency_id, r.project_id, now());
  if v_coop.id is null then
    v_reason := 'cooperation_expired';
  else
    v_reason := private.report_conflict(r.project_id, v_phone, r.id, r.created_at);
  end if;
  if v_reason is not null then
    update public.channel_reports
       set status = 'invalid', invalid_reason = v_reason, invalid_reason_text = private.report_reason_text(v_reason),
           customer_phone = v_phone, ruled_at = now(), ruled_by = v_me
     where id = r.id
    returning * into v_after;
    perform private.audit('report.rule', 'channel_reports', r.id, r.project_id,
      jsonb_build_object('status', r.status), jsonb_build_object('status', 'invalid', 'invalid_reason', v_reason));
    perform private.notify(b.user_id, r.project_id, 'report_ruled', private.report_json(v_after) || jsonb_build_object('customer_name', r.customer_name))
      from public.brokers b where b.id = r.broker_id and b.user_id is not null;
    return private.report_json(v_after);
  end if;

  -- Create or link the customer.
  select * into v_customer from public.customers where project_id = r.project_id and phone = v_phone for update;
  if found and not private.in_pool(v_customer.owner_id, v_customer.ownership_expires_at) then
    v_consultant := v_customer.owner_id;            -- registered after the report: the owner keeps them
  else
    if v_consultant is null then
      perform private.fail('consultant_required', '请指定接待顾问', 'Name the consultant who receives the customer');
    end if;
    if found then
      update public.customers
         set owner_id = v_consultant, owned_since = now(),
             status = case when status = 'lost' then 'following'::public.customer_status else status end,
             lost_reason = case when status = 'lost' then null else lost_reason end
       where id = v_customer.id;
      perform private.audit('customer.claim', 'customers', v_customer.id, r.project_id,
        jsonb_build_object('owner_id', v_customer.owner_id, 'status', v_customer.status),
        jsonb_build_object('owner_id', v_consultant, 'via', 'report', 'report_id', r.id));
    else
      insert into public.customers (project_id, name, phone, source, owner_id, owned_since, created_by)
      values (r.project_id, r.customer_name, v_phone, 'agency', v_consultant, now(), v_me)
      returning * into v_customer;
      perform private.audit('customer.register', 'customers', v_customer.id, r.project_id, null,
        to_jsonb(v_customer) || jsonb_build_object('via', 'report', 'report_id', r.id));
    end if;
  end if;

  v_days := coalesce(v_coop.protection_days, v_project.report_protection_days);
  update public.channel_reports
     set status = 'visited', customer_phone = v_phone, customer_id = v_customer.id, consultant_id = v_consultant,
         visited_at = now(), confirmed_by = v_me, ruled_at = now(), ruled_by = v_me,
         protection_days = v_days, protected_until = now() + make_interval(days => v_days)
   where id = r.id
  returning * into v_after;
  perform private.audit('report.visit', 'channel_reports', r.id, r.project_id,
    jsonb_build_object('status', r.status), private.report_json(v_after));
  -- the visit itself: 渠道带看 counts as a 来访 of the receiving consultant
  insert into public.visits (project_id, customer_id, consultant_id, visited_at, is_first, notes, report_id)
  values (r.project_id, v_customer.id, v_consultant, now(),
          not exists (select 1 from public.visits v where v.customer_id = v_customer.id),
          '渠道带看：' || coalesce((select a.name from public.agencies a where a.id = r.agency_id), '经纪人'), r.id)
  returning id into v_visit;
  perform private.customer_contacted(v_customer.id, v_consultant, now());
  perform private.audit('visit.record', 'visits', v_visit, r.project_id, null,
    jsonb_build_object('customer_id', v_customer.id, 'consultant_id', v_consultant, 'report_id', r.id));
  perform private.notify(b.user_id, r.project_id, 'report_ruled', private.report_json(v_after) || jsonb_build_object('customer_name', r.customer_name))
    from public.brokers b where b.id = r.broker_id and b.user_id is not null;
  if v_consultant <> v_me then
    perform private.notify(v_consultant, r.project_id, 'report_visit',
      jsonb_build_object('report_id', r.id, 'customer_id', v_customer.id, 'customer_name', v_customer.name));
  end if;
  return private.report_json(v_after);
end
$$;

