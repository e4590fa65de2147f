-- =============================================================================================
-- 来访/来电登记 in one transaction.
-- A visitor at the door (or a caller who should become a customer) used to take two calls from the
-- screen — register_customer, then record_visit/record_call — and a refusal of the second left a
-- customer without the visit or call that brought them in. record_visit and record_call now take
-- the visitor's phone and name themselves and run the ownership check (register_customer) inside
-- the same transaction: a refusal anywhere leaves nothing behind.
-- =============================================================================================

drop function public.record_visit(uuid, int, text, text, text, text, timestamptz);

-- ---------------------------------------------------------------------------------------------
-- record_visit: 来访登记. Either for a known customer (p_customer_id), or for a visitor given by
-- phone and name (p_project_id, p_phone, p_name, p_source, p_gender): then the ownership check
-- decides first (新客户 / 已是您的客户 / 撞单 / 公客认领, answered in the result as register_customer
-- answers it) and the visit is recorded on that customer. Any consultant of the project may record
-- the visit they received (a returning customer may be received for an absent owner); only the
-- protected owner's visit keeps ownership alive; an intent grade updates the customer's grade when
-- the caller may work the customer.
-- ---------------------------------------------------------------------------------------------
create function public.record_visit(
  p_customer_id uuid default null, p_party_size int default 1, p_shown text default null,
  p_questions text default null, p_intent text default null, p_notes text default null,
  p_visited_at timestamptz default null,
  p_project_id uuid default null, p_phone text default null, p_name text default null,
  p_source text default null, p_gender text default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v_customer_id uuid := p_customer_id;
  v_registered jsonb := '{}'::jsonb;
  v_customer public.customers;
  v_at timestamptz := coalesce(p_visited_at, now());
  v_id uuid;
  v_first boolean;
begin
  if v_customer_id is null then
    if p_project_id is null then
      perform private.fail('customer_not_found', '请选择客户，或填写来访人的手机号和姓名',
        'Give a customer, or the visitor''s project, phone and name');
    end if;
    -- The ownership check; its refusals (bad phone, role, fields) are this call's refusals.
    v_registered := public.register_customer(p_project_id, p_name, p_phone, coalesce(p_source, 'walk_in'),
                                             p_gender, p_intent);
    v_customer_id := (v_registered->>'customer_id')::uuid;
  end if;

  select * into v_customer from public.customers where id = v_customer_id;
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

  select * into v_customer from public.customers where id = v_customer_id for update;
  v_first := not exists (select 1 from public.visits where customer_id = v_customer_id);
  insert into public.visits (project_id, customer_id, consultant_id, visited_at, is_first, party_size, shown, questions, intent, notes)
  values (v_customer.project_id, v_customer_id, v_me, v_at, v_first, p_party_size, nullif(trim(p_shown), ''),
          nullif(trim(p_questions), ''), p_intent, nullif(trim(p_notes), ''))
  returning id into v_id;
  perform private.customer_contacted(v_customer_id, v_me, v_at);
  if p_intent is not null and p_intent is distinct from v_customer.grade and private.can_work_customer(v_customer_id) then
    update public.customers set grade = p_intent where id = v_customer_id;
    perform private.audit('customer.update', 'customers', v_customer_id, v_customer.project_id,
      jsonb_build_object('grade', v_customer.grade), jsonb_build_object('grade', p_intent, 'via', 'visit'));
  end if;
  perform private.audit('visit.record', 'visits', v_id, v_customer.project_id, null,
    jsonb_build_object('customer_id', v_customer_id, 'is_first', v_first, 'visited_at', v_at));
  return v_registered || jsonb_build_object('visit_id', v_id, 'is_first', v_first, 'customer_id', v_customer_id);
end
$$;
comment on function public.record_visit is
  '来访登记：已知客户，或按手机号和姓名先做权属确认（同一事务）再登记来访';

drop function public.record_call(uuid, text, text, text[], boolean, text, timestamptz);

-- ---------------------------------------------------------------------------------------------
-- record_call: 来电登记. The phone is optional (callers may not give it); when given it must be
-- a mobile. A known customer is linked silently (the caller is not told whose customer it is).
-- With p_register the caller is also registered as a customer (source 来电) through the ownership
-- check, in the same transaction, and the call is linked to that customer; the result then carries
-- register_customer's answer under "registered".
-- ---------------------------------------------------------------------------------------------
create function public.record_call(
  p_project_id uuid, p_caller_name text, p_phone text, p_topics text[], p_invited boolean default false,
  p_note text default null, p_called_at timestamptz default null,
  p_register boolean default false, p_gender text default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v_phone text;
  v_id uuid;
  v_at timestamptz := coalesce(p_called_at, now());
  v_registered jsonb;
begin
  perform private.require_role(p_project_id, private.sales_roles());
  if coalesce(p_register, false) then
    v_registered := public.register_customer(p_project_id, p_caller_name, p_phone, 'call', p_gender);
  end if;
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
          coalesce((v_registered->>'customer_id')::uuid,
                   (select c.id from public.customers c where c.project_id = p_project_id and c.phone = v_phone)),
          nullif(trim(p_note), ''), v_at)
  returning id into v_id;
  perform private.audit('call.record', 'calls', v_id, p_project_id, null,
    jsonb_build_object('phone', v_phone, 'topics', p_topics, 'invited', coalesce(p_invited, false),
                       'registered', v_registered->>'outcome'));
  return jsonb_build_object('call_id', v_id, 'registered', v_registered);
end
$$;
comment on function public.record_call is
  '来电登记：可同时把来电人登记为客户（来源来电，同一事务内做权属确认）';

-- Signed-in users only, like every reception RPC.
revoke execute on function public.record_visit(uuid, int, text, text, text, text, timestamptz, uuid, text, text, text, text),
                           public.record_call(uuid, text, text, text[], boolean, text, timestamptz, boolean, text)
  from public, anon;
grant execute on function public.record_visit(uuid, int, text, text, text, text, timestamptz, uuid, text, text, text, text),
                          public.record_call(uuid, text, text, text[], boolean, text, timestamptz, boolean, text)
  to authenticated, service_role;
