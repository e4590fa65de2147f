-- Channel rules (报备 / 判客 / 带看确认). Tables are in 20261123020000_channel_tables.sql.
--
-- 判客 (validity), evaluated at submission and again, with the full number, at the visit:
--   cooperation_expired  the agency has no cooperation with the project in force today
--   too_late             the report arrives less than project.report_lead_minutes before the visit
--   already_customer     the phone is a customer of the project whose ownership is protected and
--                        whose current ownership started before the report (a customer registered
--                        after a valid report does not beat it: the report links to that customer)
--   already_reported     another report for the phone is in protection: valid and not lapsed, or
--                        visited and within protected_until
-- A masked phone (138****5678) is ruled 'pending' when its first 3 + last 4 digits match a
-- protected customer or a report in protection, otherwise 'valid'; pending is settled at the
-- visit. Only a report with a known full phone blocks others (a masked report blocks once its
-- visit is confirmed): a broker who gives the full number is not beaten by a masked one.
-- A valid/pending report not visited within project.report_visit_grace_days of its expected
-- visit lapses ('expired', computed from lapses_at). After the visit, protection runs for the
-- cooperation's protection_days (or the project's report_protection_days).

-- The broker's phone input: full number, or a mask with the middle four digits hidden.
create function private.parse_report_phone(p_input text, out full_phone text, out prefix text, out suffix text)
language plpgsql immutable set search_path = ''
as $$
declare
  v text := regexp_replace(regexp_replace(coalesce(p_input, ''), '[[:space:]\-\.\(\)（）]', '', 'g'), '^(\+86|0086|86)(.{11})$', '\2');
  m text[];
begin
  full_phone := private.normalize_mobile(v);
  if full_phone is not null then
    prefix := left(full_phone, 3);
    suffix := right(full_phone, 4);
    return;
  end if;
  m := regexp_match(v, '^(1[3-9][0-9])[*xX×＊]{4}([0-9]{4})$');
  if m is not null then
    prefix := m[1];
    suffix := m[2];
  end if;
end
$$;

create function private.report_reason_text(p_reason text, p_lead_minutes int default null)
returns text
language sql immutable set search_path = ''
as $$
  select case p_reason
    when 'already_customer' then '该客户已是本项目在权属保护期内的客户'
    when 'already_reported' then '该客户已被其他经纪人报备，仍在保护期内'
    when 'too_late' then format('报备须在预计到访前至少 %s 分钟提交', coalesce(p_lead_minutes, 60))
    when 'cooperation_expired' then '贵公司与本项目的合作协议不在有效期内'
  end
$$;

-- Why a full phone cannot be reported now (null: nothing stands in the way).
create function private.report_conflict(p_project uuid, p_phone text, p_report uuid, p_as_of timestamptz)
returns text
language sql stable security definer set search_path = ''
as $$
  select case
    when exists (
      select 1 from public.customers c
       where c.project_id = p_project and c.phone = p_phone
         and not private.in_pool(c.owner_id, c.ownership_expires_at)
         and c.owned_since <= p_as_of)
      then 'already_customer'
    when exists (
      select 1 from public.channel_reports r
       where r.project_id = p_project and r.customer_phone = p_phone and r.id is distinct from p_report
         and ((r.status = 'valid' and now() < r.lapses_at) or (r.status = 'visited' and now() < r.protected_until)))
      then 'already_reported'
  end
$$;

-- Does a mask (prefix + suffix) match a protected customer or another report in protection?
create function private.report_mask_matches(p_project uuid, p_prefix text, p_suffix text, p_report uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
      select 1 from public.customers c
       where c.project_id = p_project and c.phone_tail = p_suffix and left(c.phone, 3) = p_prefix
         and not private.in_pool(c.owner_id, c.ownership_expires_at))
    or exists (
      select 1 from public.channel_reports r
       where r.project_id = p_project and r.phone_prefix = p_prefix and r.phone_suffix = p_suffix
         and r.id is distinct from p_report
         and ((r.status in ('valid', 'pending') and now() < r.lapses_at) or (r.status = 'visited' and now() < r.protected_until)))
$$;

-- Reports and registrations of one phone in one project are ruled one at a time.
create function private.lock_phone(p_project uuid, p_prefix text, p_suffix text)
returns void
language sql set search_path = ''
as $$ select pg_advisory_xact_lock(hashtextextended('phone:' || p_project || ':' || p_prefix || p_suffix, 0)) $$;

create function private.report_json(r public.channel_reports)
returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object('report_id', r.id, 'status', private.report_status_now(r.status, r.lapses_at),
    'invalid_reason', r.invalid_reason, 'invalid_reason_text', r.invalid_reason_text, 'lapses_at', r.lapses_at,
    'customer_id', r.customer_id, 'consultant_id', r.consultant_id, 'visited_at', r.visited_at,
    'protected_until', r.protected_until)
$$;

-- ---------------------------------------------------------------------------------------------
-- submit_report: a broker reports a customer; 判客 happens at once.
-- ---------------------------------------------------------------------------------------------
create function public.submit_report(
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

-- ---------------------------------------------------------------------------------------------
-- confirm_visit: 带看确认. The site matches the full phone against the report, re-runs 判客,
-- creates or links the customer and starts the broker's protection from now.
-- The customer's owner: an existing protected owner keeps the customer; otherwise
-- p_consultant_id, else the caller when a consultant, else the report's assigned consultant.
-- ---------------------------------------------------------------------------------------------
-- (private.on_duty — checked in at today's reception — is defined with the queue in 20261123050000_reception.sql.)
create function public.confirm_visit(p_report_id uuid, p_full_phone text, p_consultant_id uuid default null)
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
  perform private.notify(b.user_id, r.project_id, 'report_ruled', private.report_json(v_after) || jsonb_build_object('customer_name', r.customer_name))
    from public.brokers b where b.id = r.broker_id and b.user_id is not null;
  if v_consultant <> v_me then
    perform private.notify(v_consultant, r.project_id, 'report_visit',
      jsonb_build_object('report_id', r.id, 'customer_id', v_customer.id, 'customer_name', v_customer.name));
  end if;
  return private.report_json(v_after);
end
$$;

-- For part B: the visited report whose protection covers now — the broker a deal is attributed to.
create function private.report_for_deal(p_customer_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select r.id from public.channel_reports r
   where r.customer_id = p_customer_id and r.status = 'visited' and now() < r.protected_until
   order by r.visited_at
   limit 1
$$;

-- The report list with effective statuses. Runs as the caller: a broker sees only their own.
create view public.report_board with (security_invoker = true) as
select r.id, r.project_id, r.broker_id, b.name as broker_name, r.agency_id, a.name as agency_name, r.store_id,
       r.customer_name, r.phone_input, r.customer_phone, r.expected_visit_at, r.note,
       private.report_status_now(r.status, r.lapses_at) as status,
       r.invalid_reason, r.invalid_reason_text, r.lapses_at, r.customer_id, r.consultant_id, r.visited_at,
       r.protection_days, r.protected_until,
       (r.status = 'visited' and now() < r.protected_until) as protection_active,
       r.created_at, r.ruled_at
  from public.channel_reports r
  left join public.brokers b on b.id = r.broker_id
  left join public.agencies a on a.id = r.agency_id;
comment on view public.report_board is '报备列表：含实时状态（过期/保护期）';
revoke all on public.report_board from anon;
