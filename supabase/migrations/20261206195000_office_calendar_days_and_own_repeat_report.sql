-- Two small fixes the office noticed.
--
-- 1. customer_list.idle_days counted 24-hour periods, so a follow-up at 18:00 yesterday read
--    "今天已跟进" until 18:00 today. It now counts the office's calendar days (project time zone):
--    0 only for a follow-up made today, 1 for yesterday, whatever the hour.
--
-- 2. submit_report: a broker reporting a customer they already reported (still valid, pending or
--    protected after the visit) was ruled invalid as 'already_reported' — "已被其他经纪人报备", as if
--    another agency had the customer. The broker is now told it is their own earlier report
--    (already_reported_by_you) and nothing is recorded. Only that check is new; the rest of the
--    body is the one of 20261123040000_channel.sql.

-- Whole calendar days in the project's office (its time zone) from p_at to today: 0 = today.
create function private.office_days_since(p_project uuid, p_at timestamptz)
returns int
language sql stable security definer set search_path = ''
as $$
  select ((now() at time zone p.timezone)::date - (p_at at time zone p.timezone)::date)::int
    from public.projects p where p.id = p_project
$$;
revoke execute on function private.office_days_since(uuid, timestamptz) from public, anon;
grant execute on function private.office_days_since(uuid, timestamptz) to authenticated, service_role;

create or replace view public.customer_list with (security_invoker = true) as
select c.id, c.project_id, c.name, c.phone, c.phone_tail, c.gender, c.source, c.grade, c.rooms, c.area_min, c.area_max,
       c.budget_max, c.purpose, c.note, c.status, c.lost_reason,
       c.owner_id, private.staff_name(c.owner_id) as owner_name, c.owned_since, c.last_follow_up_at, c.ownership_expires_at,
       private.in_pool(c.owner_id, c.ownership_expires_at) as in_pool,
       private.office_days_since(c.project_id, coalesce(c.last_follow_up_at, c.created_at)) as idle_days,
       c.created_by, c.created_at,
       c.id_type, c.id_no_masked
  from public.customers c;
comment on view public.customer_list is '客户列表：权属顾问、是否在公客池、未跟进天数（按调用者的权限）';


create or replace function public.submit_report(
  p_project_id uuid, p_customer_name text, p_customer_phone text, p_expected_visit timestamptz, p_note text default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v_broker public.brokers;
  v_project public.projects;
  v_phone record;
  v_coop uuid;
  v_status public.report_status;
  v_reason text;
  r public.channel_reports;
  v_own public.channel_reports;
begin
  perform private.require_role(p_project_id, array['broker']::public.staff_role[]);
  select * into v_broker from public.brokers where user_id = v_me and active;
  if not found then
    perform private.fail('not_a_broker', '您的账号未登记为经纪人', 'Your account is not registered as a broker');
  end if;
  select * into v_project from public.projects where id = p_project_id;
  if p_customer_name is null or length(trim(p_customer_name)) = 0 then
    perform private.fail('name_required', '请填写客户姓名', 'Customer name is required');
  end if;
  select * into v_phone from private.parse_report_phone(p_customer_phone);
  if v_phone.prefix is null then
    perform private.fail('invalid_phone', '客户手机号格式不正确：请填写11位手机号，或隐藏中间四位如 138****5678',
      'Give the full mobile number or a mask like 138****5678');
  end if;
  if p_expected_visit is null then
    perform private.fail('invalid_value', '请填写预计到访时间', 'Expected visit time is required');
  end if;
  if p_expected_visit > now() + interval '30 days' then
    perform private.fail('visit_too_far', '预计到访时间不能晚于30天后', 'The expected visit must be within 30 days');
  end if;

  perform private.lock_phone(p_project_id, v_phone.prefix, v_phone.suffix);
  -- The same broker reporting the same customer again: tell them it is their own report, still
  -- protected, instead of ruling it a conflict with another agency.
  select * into v_own from public.channel_reports o
   where o.project_id = p_project_id and o.broker_id = v_broker.id
     and o.phone_prefix = v_phone.prefix and o.phone_suffix = v_phone.suffix
     and (o.customer_phone is null or v_phone.full_phone is null or o.customer_phone = v_phone.full_phone)
     and ((o.status in ('valid', 'pending') and now() < o.lapses_at) or (o.status = 'visited' and now() < o.protected_until))
   order by o.created_at desc
   limit 1;
  if found then
    perform private.fail('already_reported_by_you',
      format('您已于 %s 报备过该客户（%s），报备仍在保护期内，无需重复报备',
             to_char(v_own.created_at at time zone v_project.timezone, 'FMMM"月"FMDD"日" HH24:MI'), v_own.customer_name),
      'You already reported this customer and that report is still protected; no new report is needed');
  end if;
  v_coop := private.active_cooperation(v_broker.agency_id, p_project_id, now());

  if v_coop is null then
    v_status := 'invalid'; v_reason := 'cooperation_expired';
  elsif p_expected_visit < now() + make_interval(mins => v_project.report_lead_minutes) then
    v_status := 'invalid'; v_reason := 'too_late';
  elsif v_phone.full_phone is not null then
    v_reason := private.report_conflict(p_project_id, v_phone.full_phone, null, now());
    v_status := case when v_reason is null then 'valid' else 'invalid' end;
  elsif private.report_mask_matches(p_project_id, v_phone.prefix, v_phone.suffix, null) then
    v_status := 'pending';
  else
    v_status := 'valid';
  end if;

  insert into public.channel_reports (
    project_id, broker_id, agency_id, store_id, cooperation_id, customer_name, phone_input, customer_phone,
    phone_prefix, phone_suffix, expected_visit_at, note, status, invalid_reason, invalid_reason_text, lapses_at)
  values (
    p_project_id, v_broker.id, v_broker.agency_id, v_broker.store_id, v_coop, trim(p_customer_name),
    coalesce(v_phone.full_phone, v_phone.prefix || '****' || v_phone.suffix), v_phone.full_phone,
    v_phone.prefix, v_phone.suffix, p_expected_visit, nullif(trim(p_note), ''), v_status, v_reason,
    private.report_reason_text(v_reason, v_project.report_lead_minutes),
    p_expected_visit + make_interval(days => v_project.report_visit_grace_days))
  returning * into r;

  perform private.audit('report.submit', 'channel_reports', r.id, p_project_id, null, to_jsonb(r));
  perform private.notify(v_me, p_project_id, 'report_ruled', private.report_json(r) || jsonb_build_object('customer_name', r.customer_name));
  if v_status in ('valid', 'pending') then
    perform private.notify_roles(p_project_id, array['channel_manager']::public.staff_role[], 'report_received',
      jsonb_build_object('report_id', r.id, 'status', v_status, 'customer_name', r.customer_name, 'phone', r.phone_input,
                         'broker_name', v_broker.name, 'expected_visit_at', r.expected_visit_at));
  end if;
  return private.report_json(r);
end
$$;
