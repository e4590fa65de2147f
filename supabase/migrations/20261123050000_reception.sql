-- Reception (接待): the rotation queue (轮排), visit and call records (来访/来电登记), follow-ups
-- (追访) and complaints (投诉). All writes go through the functions below.
--
-- Rotation: consultants on duty check in to the day's queue; a first-time walk-in goes to the
-- present, not-busy consultant with the earliest place, who then moves to the end. A busy
-- consultant is skipped and keeps their place. A returning customer whose owner is checked in
-- goes to the owner and consumes no turn. Consultants in their first month may not receive
-- visitors alone (seed 001), so they cannot check in to the rotation.

-- Today in the project's time zone.
create function private.project_today(p_project uuid)
returns date
language sql stable security definer set search_path = ''
as $$ select (now() at time zone p.timezone)::date from public.projects p where p.id = p_project $$;

create function private.is_active_consultant(p_project uuid, p_staff uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.staff_projects sp join public.staff s on s.id = sp.staff_id
                  where sp.staff_id = p_staff and sp.project_id = p_project and sp.role = 'consultant' and s.active)
$$;

-- ---------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------
create table public.reception_queue (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  day date not null,
  staff_id uuid not null references public.staff (id) on delete cascade,
  queue_pos int not null,                 -- smaller = earlier turn; the served consultant moves to the end
  checked_in_at timestamptz not null default now(),
  checked_out_at timestamptz,
  busy boolean not null default false,    -- skipped while busy, keeps the place
  turns int not null default 0,           -- walk-ins received by rotation today
  last_assigned_at timestamptz,
  unique (project_id, day, staff_id)
);
create index reception_queue_day_idx on public.reception_queue (project_id, day, queue_pos);
comment on table public.reception_queue is '接待轮排：每日签到、忙碌跳过、轮到谁接待';

create table public.visits (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  customer_id uuid not null references public.customers (id) on delete cascade,
  consultant_id uuid not null references public.staff (id),
  visited_at timestamptz not null default now(),
  is_first boolean not null,              -- 首访 / 复访
  party_size int not null default 1 check (party_size between 1 and 50),
  shown text,                             -- what was shown: 沙盘、样板间、户型…
  questions text,
  intent text check (intent in ('A', 'B', 'C', 'D')),
  notes text,
  created_at timestamptz not null default now()
);
create index visits_customer_idx on public.visits (customer_id, visited_at desc);
create index visits_project_idx on public.visits (project_id, visited_at desc);
create index visits_consultant_idx on public.visits (consultant_id, visited_at desc);
comment on table public.visits is '来访登记';

create table public.calls (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  caller_name text,
  phone text check (phone is null or phone ~ '^1[3-9][0-9]{9}$'),
  topics text[] not null default '{}' check (topics <@ array['price', 'location', 'area', 'layout', 'progress', 'loans', 'other']),
  invited boolean not null default false,  -- 邀约到访
  consultant_id uuid not null references public.staff (id),
  customer_id uuid references public.customers (id) on delete set null,
  note text,
  called_at timestamptz not null default now(),
  created_at timestamptz not null default now()
);
create index calls_project_idx on public.calls (project_id, called_at desc);
create index calls_consultant_idx on public.calls (consultant_id, called_at desc);
comment on table public.calls is '来电登记';

create table public.follow_ups (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  customer_id uuid not null references public.customers (id) on delete cascade,
  staff_id uuid not null references public.staff (id),
  method text not null check (method in ('phone', 'wechat', 'visit', 'message')),
  content text not null check (length(trim(content)) > 0),
  objections text,                        -- 抗性
  result text,
  next_date date,
  created_at timestamptz not null default now()
);
create index follow_ups_customer_idx on public.follow_ups (customer_id, created_at desc);
create index follow_ups_project_idx on public.follow_ups (project_id, created_at desc);
comment on table public.follow_ups is '客户追访记录';

create table public.complaints (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  customer_id uuid references public.customers (id) on delete set null,
  complainant_name text not null check (length(trim(complainant_name)) > 0),
  phone text,
  channel text not null check (channel in ('visit', 'phone')),
  content text not null check (length(trim(content)) > 0),
  handler_id uuid references public.staff (id),
  status text not null default 'open' check (status in ('open', 'handling', 'resolved')),
  resolution text,
  follow_up text,                         -- 回访 after resolution
  created_by uuid references public.staff (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  resolved_at timestamptz,
  check (status <> 'resolved' or (resolution is not null and resolved_at is not null))
);
create index complaints_project_idx on public.complaints (project_id, status, created_at desc);
comment on table public.complaints is '客户投诉';

-- ---------------------------------------------------------------------------------------------
-- RLS
--   reception_queue: every non-broker member of the project reads (the order is public)
--   visits, follow_ups: managers+ read all of their projects; consultants and channel managers
--                       read those of customers they can see, and their own
--   calls:       managers+ all; consultants their own
--   complaints:  managers+ all; others those they filed or handle
--   finance, brokers, anon: none of these (finance needs customer names only)
-- ---------------------------------------------------------------------------------------------
alter table public.reception_queue enable row level security;
alter table public.visits enable row level security;
alter table public.calls enable row level security;
alter table public.follow_ups enable row level security;
alter table public.complaints enable row level security;

create policy "members read the queue" on public.reception_queue for select to authenticated
  using (project_id in (select private.my_projects(array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm', 'finance', 'channel_manager']::public.staff_role[])));

create policy "managers read visits" on public.visits for select to authenticated
  using (project_id in (select private.my_projects(private.manager_roles())));
create policy "read visits of visible customers" on public.visits for select to authenticated
  using (consultant_id = (select auth.uid())
         or (project_id in (select private.my_projects(array['consultant', 'channel_manager']::public.staff_role[]))
             and customer_id in (select c.id from public.customers c)));

create policy "managers read calls" on public.calls for select to authenticated
  using (project_id in (select private.my_projects(private.manager_roles())));
create policy "consultants read own calls" on public.calls for select to authenticated
  using (consultant_id = (select auth.uid()));

create policy "managers read follow-ups" on public.follow_ups for select to authenticated
  using (project_id in (select private.my_projects(private.manager_roles())));
create policy "read follow-ups of visible customers" on public.follow_ups for select to authenticated
  using (staff_id = (select auth.uid())
         or (project_id in (select private.my_projects(array['consultant', 'channel_manager']::public.staff_role[]))
             and customer_id in (select c.id from public.customers c)));

create policy "managers read complaints" on public.complaints for select to authenticated
  using (project_id in (select private.my_projects(private.manager_roles())));
create policy "filer and handler read complaints" on public.complaints for select to authenticated
  using (created_by = (select auth.uid()) or handler_id = (select auth.uid()));

revoke insert, update, delete, truncate on public.reception_queue, public.visits, public.calls, public.follow_ups, public.complaints
  from anon, authenticated;
revoke all on public.reception_queue, public.visits, public.calls, public.follow_ups, public.complaints from anon;

-- Is the caller a consultant checked in at today's reception of the project (on duty)?
create function private.on_duty(p_project uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select private.has_role(p_project, array['consultant']::public.staff_role[]) and exists (
    select 1 from public.reception_queue q join public.projects p on p.id = q.project_id
     where q.project_id = p_project and q.staff_id = (select auth.uid())
       and q.day = (now() at time zone p.timezone)::date and q.checked_out_at is null)
$$;

-- ---------------------------------------------------------------------------------------------
-- Rotation
-- ---------------------------------------------------------------------------------------------

-- The acting consultant: the caller, or (managers+ only) someone else.
create function private.reception_target(p_project uuid, p_staff uuid)
returns uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
begin
  if v_me is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if p_staff is null or p_staff = v_me then
    perform private.require_role(p_project, array['consultant']::public.staff_role[]);
    return v_me;
  end if;
  perform private.require_role(p_project, private.manager_roles());
  if not private.is_active_consultant(p_project, p_staff) then
    perform private.fail('invalid_assignee', '只能为本项目在职置业顾问操作', 'Only active consultants of the project are in the rotation');
  end if;
  return p_staff;
end
$$;

create function private.lock_queue(p_project uuid, p_day date)
returns void
language sql set search_path = ''
as $$ select pg_advisory_xact_lock(hashtextextended('reception:' || p_project || ':' || p_day, 0)) $$;

create function private.queue_json(p_project uuid, p_staff uuid, p_day date)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object('staff_id', q.staff_id, 'staff_name', s.name, 'day', q.day, 'checked_in', q.checked_out_at is null,
    'busy', q.busy, 'turns', q.turns,
    'position', (select count(*) from public.reception_queue o
                  where o.project_id = q.project_id and o.day = q.day and o.checked_out_at is null and o.queue_pos <= q.queue_pos))
    from public.reception_queue q join public.staff s on s.id = q.staff_id
   where q.project_id = p_project and q.staff_id = p_staff and q.day = p_day
$$;

create function public.reception_check_in(p_project_id uuid, p_staff_id uuid default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_staff uuid := private.reception_target(p_project_id, p_staff_id);
  v_day date := private.project_today(p_project_id);
  v_row public.reception_queue;
  v_hired date;
begin
  select hired_on into v_hired from public.staff where id = v_staff;
  if v_hired is not null and v_hired + interval '1 month' > v_day then
    perform private.fail('probation_no_solo_reception', '入职第一个月的顾问不能单独接待，不能加入轮排',
      'Consultants in their first month may not receive visitors alone');
  end if;
  perform private.lock_queue(p_project_id, v_day);
  select * into v_row from public.reception_queue where project_id = p_project_id and day = v_day and staff_id = v_staff;
  if found and v_row.checked_out_at is null then
    perform private.fail('already_checked_in', '已在今日轮排中', 'Already checked in today');
  end if;
  insert into public.reception_queue (project_id, day, staff_id, queue_pos)
  values (p_project_id, v_day, v_staff,
          coalesce((select max(queue_pos) from public.reception_queue where project_id = p_project_id and day = v_day), 0) + 1)
  on conflict (project_id, day, staff_id) do update
    set checked_out_at = null, busy = false, checked_in_at = now(), queue_pos = excluded.queue_pos;
  perform private.audit('reception.check_in', 'reception_queue', null, p_project_id, null,
    jsonb_build_object('staff_id', v_staff, 'day', v_day));
  return private.queue_json(p_project_id, v_staff, v_day);
end
$$;

create function public.reception_check_out(p_project_id uuid, p_staff_id uuid default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_staff uuid := private.reception_target(p_project_id, p_staff_id);
  v_day date := private.project_today(p_project_id);
begin
  perform private.lock_queue(p_project_id, v_day);
  update public.reception_queue set checked_out_at = now(), busy = false
   where project_id = p_project_id and day = v_day and staff_id = v_staff and checked_out_at is null;
  if not found then
    perform private.fail('not_checked_in', '今日尚未签到', 'Not checked in today');
  end if;
  perform private.audit('reception.check_out', 'reception_queue', null, p_project_id, null,
    jsonb_build_object('staff_id', v_staff, 'day', v_day));
  return private.queue_json(p_project_id, v_staff, v_day);
end
$$;

-- Busy (接待中/外出): skipped by the rotation, keeps the place. Not busy: back in turn.
create function public.reception_set_busy(p_project_id uuid, p_busy boolean, p_staff_id uuid default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_staff uuid := private.reception_target(p_project_id, p_staff_id);
  v_day date := private.project_today(p_project_id);
begin
  perform private.lock_queue(p_project_id, v_day);
  update public.reception_queue set busy = coalesce(p_busy, false)
   where project_id = p_project_id and day = v_day and staff_id = v_staff and checked_out_at is null;
  if not found then
    perform private.fail('not_checked_in', '今日尚未签到', 'Not checked in today');
  end if;
  return private.queue_json(p_project_id, v_staff, v_day);
end
$$;

/*
  next_walk_in: who receives the visitor at the door.
    returning customer (protected owner checked in, not checked out) → the owner, no turn used
    otherwise → the next consultant in turn (the owner being absent is reported as owner_absent)
*/
create function public.next_walk_in(p_project_id uuid, p_customer_id uuid default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v_day date := private.project_today(p_project_id);
  v_customer public.customers;
  v_owner uuid;
  v_next public.reception_queue;
  v_reason text := 'rotation';
begin
  perform private.require_role(p_project_id, private.sales_roles());
  perform private.lock_queue(p_project_id, v_day);
  if p_customer_id is not null then
    select * into v_customer from public.customers where id = p_customer_id and project_id = p_project_id;
    if not found then
      perform private.fail('customer_not_found', '客户不存在', 'Customer not found');
    end if;
    if not private.in_pool(v_customer.owner_id, v_customer.ownership_expires_at) then
      v_owner := v_customer.owner_id;
      if exists (select 1 from public.reception_queue q where q.project_id = p_project_id and q.day = v_day
                    and q.staff_id = v_owner and q.checked_out_at is null) then
        perform private.audit('reception.assign', 'reception_queue', null, p_project_id, null,
          jsonb_build_object('staff_id', v_owner, 'reason', 'owner', 'customer_id', p_customer_id));
        if v_owner <> v_me then
          perform private.notify(v_owner, p_project_id, 'walk_in_assigned',
            jsonb_build_object('reason', 'owner', 'customer_id', p_customer_id, 'customer_name', v_customer.name));
        end if;
        return jsonb_build_object('staff_id', v_owner, 'staff_name', private.staff_name(v_owner), 'reason', 'owner',
                                  'turn_used', false, 'customer_id', p_customer_id);
      end if;
      v_reason := 'owner_absent';
    end if;
  end if;

  select * into v_next from public.reception_queue
   where project_id = p_project_id and day = v_day and checked_out_at is null and not busy
   order by queue_pos
   limit 1
     for update;
  if not found then
    perform private.fail('no_consultant_available', '当前没有可接待的顾问（无人签到或都在忙）', 'No consultant is free to receive a visitor');
  end if;
  update public.reception_queue
     set queue_pos = (select max(queue_pos) from public.reception_queue where project_id = p_project_id and day = v_day) + 1,
         turns = turns + 1, last_assigned_at = now()
   where id = v_next.id;
  perform private.audit('reception.assign', 'reception_queue', v_next.id, p_project_id, null,
    jsonb_build_object('staff_id', v_next.staff_id, 'reason', v_reason, 'customer_id', p_customer_id));
  if v_next.staff_id <> v_me then
    perform private.notify(v_next.staff_id, p_project_id, 'walk_in_assigned',
      jsonb_build_object('reason', v_reason, 'customer_id', p_customer_id));
  end if;
  return jsonb_build_object('staff_id', v_next.staff_id, 'staff_name', private.staff_name(v_next.staff_id),
                            'reason', v_reason, 'turn_used', true, 'customer_id', p_customer_id,
                            'owner_id', v_owner, 'owner_name', private.staff_name(v_owner));
end
$$;

-- Today's queue, in turn order, for everyone to see.
create view public.reception_board with (security_invoker = true) as
select q.project_id, q.day, q.staff_id, s.name as staff_name, q.busy, q.turns, q.checked_in_at, q.last_assigned_at,
       row_number() over (partition by q.project_id, q.day order by q.queue_pos) as position
  from public.reception_queue q
  join public.staff s on s.id = q.staff_id
  join public.projects p on p.id = q.project_id
 where q.checked_out_at is null and q.day = (now() at time zone p.timezone)::date;
comment on view public.reception_board is '今日接待轮排（按顺序）';
revoke all on public.reception_board from anon;

-- ---------------------------------------------------------------------------------------------
-- record_visit: 来访登记. Any consultant of the project may record the visit they received
-- (a returning customer may be received for an absent owner); only the protected owner's visit
-- keeps ownership alive; an intent grade updates the customer's grade when the caller may work
-- the customer.
-- ---------------------------------------------------------------------------------------------
create function public.record_visit(
  p_customer_id uuid, p_party_size int default 1, p_shown text default null, p_questions text default null,
  p_intent text default null, p_notes text default null, p_visited_at timestamptz default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v_customer public.customers;
  v_at timestamptz := coalesce(p_visited_at, now());
  v_id uuid;
  v_first boolean;
begin
  select * into v_customer from public.customers where id = p_customer_id;
  if not found then
    perform private.fail('customer_not_found', '客户不存在', 'Customer not found');
  end if;
  perform private.require_role(v_customer.project_id, private.sales_roles());
  if p_party_size is null or p_party_size < 1 or p_party_size > 50 then
    perform private.fail('invalid_value', '来访人数不正确', 'Party size must be 1–50');
  end if;
  if p_intent is not null and p_intent not in ('A', 'B', 'C', 'D') then
    perform private.fail('invalid_value', '意向等级只能是 A、B、C、D', 'Intent must be A, B, C or D');
  end if;
  if v_at > now() + interval '5 minutes' or v_at < now() - interval '7 days' then
    perform private.fail('invalid_value', '来访时间须在最近7天内', 'The visit time must be within the last 7 days');
  end if;

  select * into v_customer from public.customers where id = p_customer_id for update;
  v_first := not exists (select 1 from public.visits where customer_id = p_customer_id);
  insert into public.visits (project_id, customer_id, consultant_id, visited_at, is_first, party_size, shown, questions, intent, notes)
  values (v_customer.project_id, p_customer_id, v_me, v_at, v_first, p_party_size, nullif(trim(p_shown), ''),
          nullif(trim(p_questions), ''), p_intent, nullif(trim(p_notes), ''))
  returning id into v_id;
  perform private.customer_contacted(p_customer_id, v_me, v_at);
  if p_intent is not null and p_intent is distinct from v_customer.grade and private.can_work_customer(p_customer_id) then
    update public.customers set grade = p_intent where id = p_customer_id;
    perform private.audit('customer.update', 'customers', p_customer_id, v_customer.project_id,
      jsonb_build_object('grade', v_customer.grade), jsonb_build_object('grade', p_intent, 'via', 'visit'));
  end if;
  perform private.audit('visit.record', 'visits', v_id, v_customer.project_id, null,
    jsonb_build_object('customer_id', p_customer_id, 'is_first', v_first, 'visited_at', v_at));
  return jsonb_build_object('visit_id', v_id, 'is_first', v_first);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- record_call: 来电登记. The phone is optional (callers may not give it); when given it must be
-- a mobile. A known customer is linked silently (the caller is not told whose customer it is).
-- ---------------------------------------------------------------------------------------------
create function public.record_call(
  p_project_id uuid, p_caller_name text, p_phone text, p_topics text[], p_invited boolean default false,
  p_note text default null, p_called_at timestamptz default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v_phone text;
  v_id uuid;
  v_at timestamptz := coalesce(p_called_at, now());
begin
  perform private.require_role(p_project_id, private.sales_roles());
  if p_phone is not null and length(trim(p_phone)) > 0 then
    v_phone := private.normalize_mobile(p_phone);
    if v_phone is null then
      perform private.fail('invalid_phone', '手机号格式不正确', 'Not a valid mainland mobile number');
    end if;
  end if;
  if p_topics is not null and not (p_topics <@ array['price', 'location', 'area', 'layout', 'progress', 'loans', 'other']) then
    perform private.fail('invalid_topic', '咨询内容只能是价格、位置、面积、户型、工程进度、贷款或其他', 'Unknown call topic');
  end if;
  if v_at > now() + interval '5 minutes' or v_at < now() - interval '7 days' then
    perform private.fail('invalid_value', '来电时间须在最近7天内', 'The call time must be within the last 7 days');
  end if;
  insert into public.calls (project_id, caller_name, phone, topics, invited, consultant_id, customer_id, note, called_at)
  values (p_project_id, nullif(trim(p_caller_name), ''), v_phone, coalesce(p_topics, '{}'), coalesce(p_invited, false), v_me,
          (select c.id from public.customers c where c.project_id = p_project_id and c.phone = v_phone),
          nullif(trim(p_note), ''), v_at)
  returning id into v_id;
  perform private.audit('call.record', 'calls', v_id, p_project_id, null,
    jsonb_build_object('phone', v_phone, 'topics', p_topics, 'invited', coalesce(p_invited, false)));
  return jsonb_build_object('call_id', v_id);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- log_follow_up: 追访. The protected owner (or a manager+) records it; the owner's follow-up
-- refreshes last_follow_up_at, which keeps ownership alive.
-- ---------------------------------------------------------------------------------------------
create function public.log_follow_up(
  p_customer_id uuid, p_method text, p_content text, p_objections text default null,
  p_result text default null, p_next_date date default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v_customer public.customers;
  v_id uuid;
begin
  select * into v_customer from public.customers where id = p_customer_id;
  if not found then
    perform private.fail('customer_not_found', '客户不存在', 'Customer not found');
  end if;
  perform private.require_role(v_customer.project_id, private.sales_roles());
  if not private.can_work_customer(p_customer_id) then
    if v_customer.owner_id = v_me then
      perform private.fail('ownership_lapsed', '该客户已超过保护期进入公客池，请先认领', 'Your ownership lapsed; claim the customer from the pool first');
    end if;
    perform private.fail('customer_not_yours', '只有客户的权属顾问或经理可以登记追访', 'Only the owner or a manager may log a follow-up');
  end if;
  if p_method is null or p_method not in ('phone', 'wechat', 'visit', 'message') then
    perform private.fail('invalid_method', '追访方式只能是电话、微信、面访或短信', 'Method must be phone, wechat, visit or message');
  end if;
  if p_content is null or length(trim(p_content)) = 0 then
    perform private.fail('content_required', '请填写追访内容', 'Content is required');
  end if;
  if p_next_date is not null and p_next_date < private.project_today(v_customer.project_id) then
    perform private.fail('invalid_value', '下次追访日期不能早于今天', 'The next follow-up date cannot be in the past');
  end if;
  insert into public.follow_ups (project_id, customer_id, staff_id, method, content, objections, result, next_date)
  values (v_customer.project_id, p_customer_id, v_me, p_method, trim(p_content), nullif(trim(p_objections), ''),
          nullif(trim(p_result), ''), p_next_date)
  returning id into v_id;
  perform private.customer_contacted(p_customer_id, v_me, now());
  perform private.audit('follow_up.log', 'follow_ups', v_id, v_customer.project_id, null,
    jsonb_build_object('customer_id', p_customer_id, 'method', p_method, 'next_date', p_next_date));
  return jsonb_build_object('follow_up_id', v_id,
    'ownership_expires_at', (select c.ownership_expires_at from public.customers c where c.id = p_customer_id));
end
$$;

-- The caller's customers whose latest follow-up asked for a next contact today or earlier.
create view public.follow_ups_due with (security_invoker = true) as
select c.id as customer_id, c.project_id, c.name, c.phone, c.grade, c.status, c.ownership_expires_at,
       f.id as follow_up_id, f.next_date, f.content as last_content, f.created_at as last_follow_up_at,
       ((now() at time zone p.timezone)::date - f.next_date) as days_overdue,
       f.next_date < (now() at time zone p.timezone)::date as overdue
  from public.customers c
  join public.projects p on p.id = c.project_id
  join lateral (
    select * from public.follow_ups x where x.customer_id = c.id order by x.created_at desc limit 1
  ) f on true
 where c.owner_id = (select auth.uid())
   and not private.in_pool(c.owner_id, c.ownership_expires_at)
   and c.status not in ('lost', 'signed')
   and f.next_date is not null
   and f.next_date <= (now() at time zone p.timezone)::date;
comment on view public.follow_ups_due is '我的今日待追访与逾期追访';
revoke all on public.follow_ups_due from anon;

-- ---------------------------------------------------------------------------------------------
-- Complaints (投诉)
-- ---------------------------------------------------------------------------------------------
create function public.file_complaint(
  p_project_id uuid, p_complainant_name text, p_channel text, p_content text,
  p_phone text default null, p_customer_id uuid default null, p_handler_id uuid default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v_id uuid;
begin
  perform private.require_role(p_project_id, array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm', 'finance', 'channel_manager']::public.staff_role[]);
  if p_complainant_name is null or length(trim(p_complainant_name)) = 0 then
    perform private.fail('name_required', '请填写投诉人', 'The complainant''s name is required');
  end if;
  if p_channel is null or p_channel not in ('visit', 'phone') then
    perform private.fail('invalid_value', '投诉方式只能是来访或来电', 'Channel must be visit or phone');
  end if;
  if p_content is null or length(trim(p_content)) = 0 then
    perform private.fail('content_required', '请填写投诉内容', 'Content is required');
  end if;
  if p_customer_id is not null and not exists (select 1 from public.customers where id = p_customer_id and project_id = p_project_id) then
    perform private.fail('customer_not_found', '客户不存在', 'Customer not found');
  end if;
  if p_handler_id is not null and not exists (
       select 1 from public.staff_projects sp join public.staff s on s.id = sp.staff_id
        where sp.staff_id = p_handler_id and sp.project_id = p_project_id and sp.role <> 'broker' and s.active) then
    perform private.fail('invalid_assignee', '处理人必须是本项目在职员工', 'The handler must be active staff of the project');
  end if;
  insert into public.complaints (project_id, customer_id, complainant_name, phone, channel, content, handler_id, created_by)
  values (p_project_id, p_customer_id, trim(p_complainant_name), nullif(trim(p_phone), ''), p_channel, trim(p_content), p_handler_id, v_me)
  returning id into v_id;
  perform private.audit('complaint.file', 'complaints', v_id, p_project_id, null,
    jsonb_build_object('channel', p_channel, 'handler_id', p_handler_id, 'customer_id', p_customer_id));
  perform private.notify_roles(p_project_id, array['sales_manager']::public.staff_role[], 'complaint_filed',
    jsonb_build_object('complaint_id', v_id, 'complainant_name', trim(p_complainant_name), 'channel', p_channel));
  if p_handler_id is not null and p_handler_id <> v_me then
    perform private.notify(p_handler_id, p_project_id, 'complaint_assigned',
      jsonb_build_object('complaint_id', v_id, 'complainant_name', trim(p_complainant_name)));
  end if;
  return jsonb_build_object('complaint_id', v_id, 'status', 'open');
end
$$;

/*
  update_complaint: the handler or a manager+ moves it open → handling → resolved (open →
  resolved directly too), may hand it to another handler (managers+), and records the
  resolution (required to resolve) and the follow-up call. A resolved complaint is closed.
*/
create function public.update_complaint(
  p_complaint_id uuid, p_status text, p_resolution text default null, p_handler_id uuid default null,
  p_follow_up text default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v public.complaints;
  v_after public.complaints;
  v_manager boolean;
begin
  select * into v from public.complaints where id = p_complaint_id;
  if not found then
    perform private.fail('complaint_not_found', '投诉不存在', 'Complaint not found');
  end if;
  if v_me is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  v_manager := private.has_role(v.project_id, private.manager_roles());
  if not v_manager and v.handler_id is distinct from v_me then
    perform private.fail('forbidden', '只有处理人或经理可以处理该投诉', 'Only the handler or a manager may update this complaint');
  end if;
  if p_handler_id is not null and p_handler_id is distinct from v.handler_id then
    if not v_manager then
      perform private.fail('forbidden', '只有经理可以指派处理人', 'Only a manager may assign the handler');
    end if;
    if not exists (select 1 from public.staff_projects sp join public.staff s on s.id = sp.staff_id
                    where sp.staff_id = p_handler_id and sp.project_id = v.project_id and sp.role <> 'broker' and s.active) then
      perform private.fail('invalid_assignee', '处理人必须是本项目在职员工', 'The handler must be active staff of the project');
    end if;
  end if;
  if p_status is null or p_status not in ('open', 'handling', 'resolved') then
    perform private.fail('invalid_value', '状态只能是待处理、处理中或已解决', 'Status must be open, handling or resolved');
  end if;

  select * into v from public.complaints where id = p_complaint_id for update;
  if v.status = 'resolved' then
    perform private.fail('complaint_closed', '投诉已解决，不能再修改', 'The complaint is resolved and closed');
  end if;
  if p_status = 'open' and v.status <> 'open' then
    perform private.fail('invalid_transition', '处理中的投诉不能退回待处理', 'A complaint being handled cannot go back to open');
  end if;
  if p_status = 'resolved' and coalesce(trim(p_resolution), '') = '' then
    perform private.fail('resolution_required', '请填写处理结果', 'A resolution is required');
  end if;

  update public.complaints
     set status = p_status,
         handler_id = coalesce(p_handler_id, handler_id, case when p_status <> 'open' then v_me end),
         resolution = coalesce(nullif(trim(p_resolution), ''), resolution),
         follow_up = coalesce(nullif(trim(p_follow_up), ''), follow_up),
         resolved_at = case when p_status = 'resolved' then now() end,
         updated_at = now()
   where id = p_complaint_id
  returning * into v_after;
  perform private.audit('complaint.update', 'complaints', p_complaint_id, v.project_id,
    jsonb_build_object('status', v.status, 'handler_id', v.handler_id, 'resolution', v.resolution),
    jsonb_build_object('status', v_after.status, 'handler_id', v_after.handler_id, 'resolution', v_after.resolution));
  if v_after.handler_id is distinct from v.handler_id and v_after.handler_id <> v_me then
    perform private.notify(v_after.handler_id, v.project_id, 'complaint_assigned',
      jsonb_build_object('complaint_id', v.id, 'complainant_name', v.complainant_name));
  end if;
  if p_status = 'resolved' and v.created_by is not null and v.created_by <> v_me then
    perform private.notify(v.created_by, v.project_id, 'complaint_resolved',
      jsonb_build_object('complaint_id', v.id, 'complainant_name', v.complainant_name, 'resolution', v_after.resolution));
  end if;
  return jsonb_build_object('complaint_id', v.id, 'status', v_after.status, 'handler_id', v_after.handler_id);
end
$$;
