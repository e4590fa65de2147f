-- Money and channel rules of a deal as the office means them (seed 000, 002, 004):
--   1. 优惠政策 carry conditions — the payment methods a policy applies to and, for 老带新 and
--      similar, the customer sources it needs. Build-up, discount requests, subscriptions and
--      contracts refuse a policy whose conditions the deal does not meet, and the contract's
--      payment plan must fit the subscription's payment method.
--   2. 定金 first — a 认购 needs a positive 定金; no contract is drafted (= sent for approval) or
--      signed before the 定金 is received in full. The manager may extend a contract deadline with
--      a reason; private.remind_contract_deadlines() reminds before and after the deadline, once.
--   3. Channel attribution is judged at the sale: the subscription stores the protecting report,
--      and commission and channel reports use that ruling.
--   4. 退房 keeps the owner: after a cancellation the customer stays with their consultant with a
--      fresh protection period and a note on the timeline.
--   5. Money is locked before it is counted: the customer row is locked before 诚意金 is counted.
--   6. A manager signing for a customer owned by a consultant (e.g. one in probation) records the
--      consultant as the deal's consultant and the manager as signer.

-- ---------------------------------------------------------------------------------------------
-- Policy conditions
-- ---------------------------------------------------------------------------------------------

alter table public.policies
  add column payment_methods text[] check (
    payment_methods is null
    or (cardinality(payment_methods) > 0 and payment_methods <@ array['full', 'mortgage', 'instalment'])),
  add column customer_sources public.customer_source[] check (customer_sources is null or cardinality(customer_sources) > 0);
comment on column public.policies.payment_methods is
  '适用付款方式：null = 不限；如 一次性付款98折 = {full}，按揭99折 = {mortgage}';
comment on column public.policies.customer_sources is
  '适用客户来源：null = 不限；如 老带新 = {referral}';

-- zh-CN words for the conditions (messages and the admin/bot option lists).
create function private.payment_method_zh(p_method text)
returns text
language sql immutable set search_path = ''
as $$
  select case p_method when 'full' then '一次性付款' when 'mortgage' then '按揭' when 'instalment' then '分期' else p_method end
$$;

create function private.customer_source_zh(p_source public.customer_source)
returns text
language sql immutable set search_path = ''
as $$
  select case p_source when 'call' then '来电' when 'walk_in' then '来访' when 'agency' then '渠道' when 'referral' then '老带新'
                       when 'expo' then '展会' when 'promotion' then '活动' when 'online' then '网络' else '其他' end
$$;

/*
  Why a policy does not fit a deal, or null when it does. A null method or source means "not
  known yet" and is not judged (the preview); the deal functions always pass both.
  Returns {code, message, hint}.
*/
create function private.policy_unmet(p_policy public.policies, p_method text, p_source public.customer_source)
returns jsonb
language sql immutable set search_path = ''
as $$
  select case
    when p_policy.payment_methods is not null and p_method is not null and not (p_method = any (p_policy.payment_methods)) then
      jsonb_build_object('code', 'policy_condition_unmet',
        'message', format('「%s」仅适用于%s，本单付款方式为%s', p_policy.name,
          (select string_agg(private.payment_method_zh(m), '、') from unnest(p_policy.payment_methods) m),
          private.payment_method_zh(p_method)),
        'hint', format('Policy "%s" applies to payment methods %s only, this deal is %s',
          p_policy.name, array_to_string(p_policy.payment_methods, ', '), p_method))
    when p_policy.customer_sources is not null and p_source is not null and not (p_source = any (p_policy.customer_sources)) then
      jsonb_build_object('code', 'policy_condition_unmet',
        'message', format('「%s」仅适用于来源为%s的客户，该客户来源为%s', p_policy.name,
          (select string_agg(private.customer_source_zh(s), '、') from unnest(p_policy.customer_sources) s),
          private.customer_source_zh(p_source)),
        'hint', format('Policy "%s" needs a customer from %s, this customer came from %s',
          p_policy.name, array_to_string(p_policy.customer_sources::text[], ', '), p_source))
  end
$$;

-- ---------------------------------------------------------------------------------------------
-- The build-up, now with the deal's payment method and customer
-- ---------------------------------------------------------------------------------------------

drop function private.compute_buildup(uuid, numeric, uuid[], numeric);

/*
  List price → each chosen policy in the project's order (rounded to the fen after each step) →
  price after policies → the requested price, the special discount beyond policies, its depth
  (percent of the price after policies, 2 decimals half-up) and the approval chain for it.
  Each policy's conditions are checked against p_payment_method and the customer's source:
  policy_condition_unmet. A missing method or customer is not judged (a preview, or a discount
  request made without the method); a subscription always passes both, so it is judged there.
  No caller check here: the public wrapper and the deal functions check who may see it.
*/
create function private.compute_buildup(
  p_project_id uuid, p_list_price numeric, p_policy_ids uuid[], p_requested_price numeric,
  p_payment_method text default null, p_customer_id uuid default null
)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_ids uuid[] := coalesce(p_policy_ids, '{}');
  v_price numeric(14, 2) := p_list_price;
  v_steps jsonb := '[]'::jsonb;
  v_policies jsonb := '[]'::jsonb;
  v_special numeric(14, 2) := 0;
  v_depth numeric(7, 2) := 0;
  v_chain public.staff_role[] := '{}';
  v_source public.customer_source;
  v_unmet jsonb;
  p public.policies;
begin
  if array_position(v_ids, null) is not null
     or cardinality(v_ids) <> (select count(distinct x) from unnest(v_ids) x) then
    perform private.fail('policy_not_applicable', '优惠政策重复或为空', 'A policy is empty or chosen twice');
  end if;
  if (select count(*) from public.policies where id = any (v_ids) and project_id = p_project_id and active) <> cardinality(v_ids) then
    perform private.fail('policy_not_applicable', '所选优惠政策不存在、已停用或不属于本项目',
      'A chosen policy does not exist, is inactive or belongs to another project');
  end if;
  if (select count(*) from public.policies where id = any (v_ids) and not stackable) > 1 then
    perform private.fail('policies_not_stackable', '所选优惠政策不可叠加使用', 'These policies cannot be combined');
  end if;
  if p_payment_method is not null and p_payment_method not in ('full', 'mortgage', 'instalment') then
    perform private.fail('invalid_payment_method', '付款方式只能是一次性、按揭或分期', 'Payment method is full, mortgage or instalment');
  end if;
  select c.source into v_source from public.customers c where c.id = p_customer_id;

  for p in select * from public.policies where id = any (v_ids) order by sort, name, id loop
    v_unmet := private.policy_unmet(p, p_payment_method, v_source);
    if v_unmet is not null then
      perform private.fail(v_unmet ->> 'code', v_unmet ->> 'message', v_unmet ->> 'hint');
    end if;
    if p.kind = 'factor' then
      v_price := round(v_price * p.value, 2);
    else
      v_price := v_price - p.value;
    end if;
    if v_price <= 0 then
      perform private.fail('invalid_price', '优惠后价格必须大于零', 'The price after policies must be positive');
    end if;
    v_steps := v_steps || jsonb_strip_nulls(jsonb_build_object(
      'policy_id', p.id, 'policy', p.name, 'kind', p.kind,
      'factor', case when p.kind = 'factor' then rtrim(rtrim(p.value::text, '0'), '.') end,
      'amount', case when p.kind = 'amount' then private.money_text(p.value) end,
      'price_after', private.money_text(v_price)
    ));
    v_policies := v_policies || jsonb_build_object('id', p.id, 'name', p.name);
  end loop;

  if p_requested_price is not null then
    if p_requested_price <= 0 or p_requested_price <> round(p_requested_price, 2) then
      perform private.fail('invalid_price', '申请价格必须大于零且最多精确到分', 'The requested price must be positive, in fen');
    end if;
    if p_requested_price > v_price then
      perform private.fail('invalid_price', '申请价格高于优惠后价格，无需特殊优惠',
        'The requested price is above the price after policies');
    end if;
    v_special := v_price - p_requested_price;
    v_depth := round(v_special / v_price * 100, 2);
    if v_special > 0 then
      -- A discount of less than 0.005% still needs someone's approval.
      v_chain := private.approval_chain(p_project_id, greatest(v_depth, 0.01));
    end if;
  end if;

  return jsonb_strip_nulls(jsonb_build_object('payment_method', p_payment_method)) || jsonb_build_object(
    'list_price', private.money_text(p_list_price),
    'steps', v_steps,
    'policies', v_policies,
    'price_after_policies', private.money_text(v_price),
    'requested_price', private.money_text(p_requested_price),
    'special_discount_amount', private.money_text(v_special),
    'depth_pct', v_depth::text,
    'final_price', private.money_text(coalesce(p_requested_price, v_price)),
    'total_discount_amount', private.money_text(p_list_price - coalesce(p_requested_price, v_price)),
    'needs_approval', v_special > 0,
    'beyond_authority', v_special > 0 and v_chain is null,
    'chain', to_jsonb(v_chain)
  );
end
$$;

drop function public.price_buildup(uuid, uuid[], numeric);

/*
  What the admin and the bot show before anything is submitted: the build-up for a unit, the
  chosen policies and an optional requested price, with the approval chain it would need. With
  the payment method and the customer, the policies' conditions are checked as the deal will be
  (policy_condition_unmet); without them they are not judged yet.
  Readable by the project's staff (brokers excluded).
*/
create function public.price_buildup(
  p_unit_id uuid, p_policy_ids uuid[] default '{}', p_requested_price numeric default null,
  p_payment_method text default null, p_customer_id uuid default null
)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_unit public.units;
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  select * into v_unit from public.units where id = p_unit_id;
  if not found then
    perform private.fail('unit_not_found', '房源不存在', 'Unit not found');
  end if;
  if not (private.is_member(v_unit.project_id) or private.is_admin()) then
    perform private.fail('forbidden', '您没有权限查看该项目的价格', 'You may not see prices of this project');
  end if;
  if p_customer_id is not null and not exists (select 1 from public.customers where id = p_customer_id and project_id = v_unit.project_id) then
    perform private.fail('customer_not_found', '客户不存在或不属于本项目', 'Customer not found in this project');
  end if;
  return jsonb_build_object('unit_id', v_unit.id, 'unit_label', private.unit_label(v_unit.id), 'project_id', v_unit.project_id)
         || private.compute_buildup(v_unit.project_id, v_unit.list_price, p_policy_ids, p_requested_price,
                                    p_payment_method, p_customer_id);
end
$$;

/*
  The project's active policies for a deal being prepared: each with its conditions and whether
  it fits the payment method and customer given (applicable false + the zh-CN reason when not).
  Forms and the bot show the unfit ones disabled with that reason.
*/
create function public.policy_options(p_project_id uuid, p_payment_method text default null, p_customer_id uuid default null)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_source public.customer_source;
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if not (private.is_member(p_project_id) or private.is_admin()) then
    perform private.fail('forbidden', '您没有权限查看该项目的优惠政策', 'You may not see policies of this project');
  end if;
  if p_payment_method is not null and p_payment_method not in ('full', 'mortgage', 'instalment') then
    perform private.fail('invalid_payment_method', '付款方式只能是一次性、按揭或分期', 'Payment method is full, mortgage or instalment');
  end if;
  select c.source into v_source from public.customers c where c.id = p_customer_id and c.project_id = p_project_id;
  return coalesce((
    select jsonb_agg(jsonb_build_object(
             'id', p.id, 'name', p.name, 'kind', p.kind, 'value', p.value::text, 'stackable', p.stackable,
             'payment_methods', to_jsonb(p.payment_methods), 'customer_sources', to_jsonb(p.customer_sources),
             'applicable', private.policy_unmet(p, p_payment_method, v_source) is null,
             'reason', private.policy_unmet(p, p_payment_method, v_source) ->> 'message')
           order by p.sort, p.name, p.id)
      from public.policies p
     where p.project_id = p_project_id and p.active), '[]'::jsonb);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Discount requests: the payment method they were asked for
-- ---------------------------------------------------------------------------------------------

alter table public.discount_requests add column payment_method text
  check (payment_method is null or payment_method in ('full', 'mortgage', 'instalment'));
comment on column public.discount_requests.payment_method is '申请时的付款方式：认购时必须一致（早于此规则的申请为空）';

drop function public.request_discount(uuid, uuid, uuid[], numeric, text);

/*
  Ask for a price below the policies. Consultants (for customers they own) and managers. The
  deal's payment method is part of the request (the chosen policies must fit it and the
  customer's source); the subscription must then use the same method. The chain comes from the
  matrix by depth; beyond every rule → discount_beyond_authority. The first step's deciders get
  an approval_waiting card.
*/
create function public.request_discount(
  p_unit_id uuid, p_customer_id uuid, p_policy_ids uuid[], p_requested_price numeric, p_reason text,
  p_payment_method text default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_unit public.units;
  v_customer public.customers;
  v_project public.projects;
  v_buildup jsonb;
  v_chain public.staff_role[];
  v_id uuid := gen_random_uuid();
  v_approval_id uuid;
  v_lapses_at timestamptz;
  v_reason text := nullif(trim(coalesce(p_reason, '')), '');
  v_row public.discount_requests;
begin
  select * into v_unit from public.units where id = p_unit_id;
  if not found then
    perform private.fail('unit_not_found', '房源不存在', 'Unit not found');
  end if;
  perform private.require_role(v_unit.project_id, array['consultant']::public.staff_role[] || private.manager_roles());
  select * into v_project from public.projects where id = v_unit.project_id;
  select * into v_customer from public.customers where id = p_customer_id and project_id = v_unit.project_id;
  if not found then
    perform private.fail('customer_not_found', '客户不存在或不属于本项目', 'Customer not found in this project');
  end if;
  if not private.can_work_customer(p_customer_id) then
    perform private.fail('customer_not_yours', '只能为自己名下的客户申请优惠', 'You can only ask for your own customers');
  end if;
  if v_reason is null then
    perform private.fail('reason_required', '请填写申请理由', 'A reason is required');
  end if;
  -- Only for a unit this customer can still buy: free, or held by the caller / for this customer.
  if not (private.unit_status_now(v_unit.status, v_unit.hold_expires_at) = 'available'
          or (private.unit_status_now(v_unit.status, v_unit.hold_expires_at) = 'held'
              and (v_unit.held_by = v_uid or v_unit.held_for = p_customer_id))) then
    perform private.fail_unit_not_available(v_unit);
  end if;
  if p_requested_price is null then
    perform private.fail('invalid_price', '请填写申请价格', 'The requested price is required');
  end if;

  v_buildup := private.compute_buildup(v_unit.project_id, v_unit.list_price, p_policy_ids, p_requested_price,
                                       p_payment_method, p_customer_id);
  if not (v_buildup ->> 'needs_approval')::boolean then
    perform private.fail('discount_not_needed', '申请价格不低于政策优惠后价格，无需审批', 'The price is within the policies; no approval needed');
  end if;
  if (v_buildup ->> 'beyond_authority')::boolean then
    perform private.fail('discount_beyond_authority',
      format('优惠幅度 %s%% 超出审批权限范围', v_buildup ->> 'depth_pct'),
      format('A depth of %s%% is beyond every rule of the authority matrix', v_buildup ->> 'depth_pct'));
  end if;
  if exists (select 1 from public.discount_requests d join public.approvals a on a.id = d.approval_id
              where d.unit_id = p_unit_id and d.customer_id = p_customer_id and d.status = 'pending'
                and (a.lapses_at is null or a.lapses_at > now())) then
    perform private.fail('discount_request_pending', '该客户在此房源已有审批中的优惠申请，请先撤回', 'A request for this unit and customer is already pending');
  end if;
  select array_agg(x::public.staff_role) into v_chain from jsonb_array_elements_text(v_buildup -> 'chain') x;
  v_lapses_at := now() + make_interval(hours => v_project.approval_lapse_hours);

  v_approval_id := private.start_approval(v_unit.project_id, 'discount', v_id, v_chain,
    jsonb_strip_nulls(jsonb_build_object('payment_method', p_payment_method)) || jsonb_build_object(
      'kind', 'discount', 'unit_id', v_unit.id, 'unit_label', private.unit_label(v_unit.id),
      'customer_id', v_customer.id, 'customer_name', v_customer.name,
      'list_price', v_buildup -> 'list_price', 'policies', v_buildup -> 'policies',
      'price_after_policies', v_buildup -> 'price_after_policies', 'requested_price', v_buildup -> 'requested_price',
      'special_discount_amount', v_buildup -> 'special_discount_amount', 'depth_pct', v_buildup -> 'depth_pct',
      'reason', v_reason),
    v_lapses_at);

  insert into public.discount_requests (id, approval_id, project_id, unit_id, customer_id, requester_id, list_price,
    policy_ids, price_after_policies, requested_price, special_discount_amount, depth_pct, reason, buildup, payment_method)
  values (v_id, v_approval_id, v_unit.project_id, v_unit.id, v_customer.id, v_uid, v_unit.list_price,
    coalesce(p_policy_ids, '{}'), (v_buildup ->> 'price_after_policies')::numeric, p_requested_price,
    (v_buildup ->> 'special_discount_amount')::numeric, (v_buildup ->> 'depth_pct')::numeric, v_reason, v_buildup, p_payment_method)
  returning * into v_row;

  perform private.audit('discount.request', 'discount_requests', v_id, v_unit.project_id, null, to_jsonb(v_row));
  return jsonb_build_object(
    'id', v_id, 'approval_id', v_approval_id, 'status', 'pending', 'lapses_at', v_lapses_at,
    'chain', v_buildup -> 'chain', 'buildup', v_buildup,
    'current_step_id', (select id from public.approval_steps where approval_id = v_approval_id and seq = 1));
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Subscriptions: attribution at the sale, the signer, the deadline's history
-- ---------------------------------------------------------------------------------------------

alter table public.subscriptions
  add column report_id uuid references public.channel_reports (id),
  add column channel_protected boolean generated always as (report_id is not null) stored,
  add column signer_id uuid references public.staff (id),
  add column deadline_extended_at timestamptz;
comment on column public.subscriptions.report_id is
  '认购时判定的渠道归属：认购那一刻保护该客户的已带看报备（换房沿用原认购的判定）；佣金与渠道报表都以此为准';
comment on column public.subscriptions.channel_protected is '认购时是否在渠道保护期内（= report_id 非空）';
comment on column public.subscriptions.consultant_id is
  '成交顾问：业绩记在此人名下（经理代试用期顾问签认购时为客户的顾问，签署人见 signer_id）';
comment on column public.subscriptions.signer_id is '签署人：实际签认购书的人（经理代签时为经理）';
comment on column public.subscriptions.deadline_extended_at is '签约期限最近一次延期的时间';
create index subscriptions_report_idx on public.subscriptions (report_id) where report_id is not null;

alter table public.contracts add column signer_id uuid references public.staff (id);
comment on column public.contracts.signer_id is '签约人：实际办理签约的人（经理代签时为经理；业绩归 consultant_id）';

drop function private.report_for_deal(uuid);

-- The visited report protecting the customer at a moment (default now): the deal is the broker's.
create function private.report_for_deal(p_customer_id uuid, p_at timestamptz default now())
returns uuid
language sql stable security definer set search_path = ''
as $$
  select r.id from public.channel_reports r
   where r.customer_id = p_customer_id and r.status = 'visited' and r.visited_at <= p_at and p_at < r.protected_until
   order by r.visited_at
   limit 1
$$;
revoke execute on function private.report_for_deal(uuid, timestamptz) from public, anon, authenticated;

-- Existing subscriptions: the ruling as it stood when each was made; a 换房 keeps its origin's.
update public.subscriptions s set report_id = private.report_for_deal(s.customer_id, s.created_at)
 where s.previous_subscription_id is null;
do $$
declare
  v_n int;
begin
  loop
    update public.subscriptions s set report_id = prev.report_id
      from public.subscriptions prev
     where prev.id = s.previous_subscription_id and s.report_id is distinct from prev.report_id;
    get diagnostics v_n = row_count;
    exit when v_n = 0;
  end loop;
end
$$;
update public.subscriptions set signer_id = coalesce(created_by, consultant_id) where signer_id is null;
update public.contracts c set signer_id = c.consultant_id where c.status = 'signed' and c.signer_id is null;

/*
  The new subscription row for a unit and customer (shared by create_subscription and by an
  approved 换房). Prices: the list price after the policies (which must fit the payment method
  and the customer's source), or the approved request's price (asked for the same method).
  Takes the unit via private.unit_to_subscribed (locks it; unit_not_available otherwise), then
  locks the customer before counting their 诚意金, so parallel subscriptions apply it once.
  定金 must be positive. The channel ruling is taken now (换房: the replaced subscription's).
*/
create or replace function private.insert_subscription(
  p_unit_id uuid, p_customer_id uuid, p_consultant_id uuid, p_payment_method text, p_policy_ids uuid[],
  p_discount_request_id uuid, p_deposit_due numeric, p_sincerity_applied numeric, p_contract_deadline date,
  p_previous_id uuid default null
)
returns public.subscriptions
language plpgsql security definer set search_path = ''
as $$
declare
  v_unit public.units;
  v_request public.discount_requests;
  v_buildup jsonb;
  v_policy_ids uuid[] := coalesce(p_policy_ids, '{}');
  v_price numeric(14, 2);
  v_report_id uuid;
  v_signer uuid := (select auth.uid());
  v_row public.subscriptions;
begin
  if p_payment_method is null or p_payment_method not in ('full', 'mortgage', 'instalment') then
    perform private.fail('invalid_payment_method', '付款方式只能是一次性、按揭或分期', 'Payment method is full, mortgage or instalment');
  end if;

  -- Take the unit first: it locks the unit row, so the price below is read under the lock.
  perform private.unit_to_subscribed(p_unit_id, p_customer_id, p_consultant_id);
  select * into v_unit from public.units where id = p_unit_id;
  -- Then the customer: whoever counts this customer's 诚意金 waits here (unit → customer order).
  perform 1 from public.customers where id = p_customer_id for update;

  if p_discount_request_id is not null then
    v_request := private.use_discount_request(p_discount_request_id, p_unit_id, p_customer_id);
    -- The approval was given for these policies; no others may ride on it.
    if cardinality(v_policy_ids) > 0 and not (v_policy_ids @> v_request.policy_ids and v_policy_ids <@ v_request.policy_ids) then
      perform private.fail('approval_not_usable', '所选优惠政策与审批时不一致', 'The policies differ from the approved request');
    end if;
    if v_request.payment_method is not null and v_request.payment_method <> p_payment_method then
      perform private.fail('approval_not_usable',
        format('该优惠审批按%s申请，认购付款方式须一致', private.payment_method_zh(v_request.payment_method)),
        'The approval was asked for another payment method');
    end if;
    v_policy_ids := v_request.policy_ids;
    v_buildup := private.compute_buildup(v_unit.project_id, v_unit.list_price, v_policy_ids, v_request.requested_price,
                                         p_payment_method, p_customer_id);
    v_buildup := v_buildup || jsonb_build_object('discount_request_id', v_request.id);
    v_price := v_request.requested_price;
  else
    v_buildup := private.compute_buildup(v_unit.project_id, v_unit.list_price, v_policy_ids, null, p_payment_method, p_customer_id);
    v_price := (v_buildup ->> 'price_after_policies')::numeric;
  end if;

  if p_deposit_due is null or p_deposit_due <= 0 or p_deposit_due <> round(p_deposit_due, 2) or p_deposit_due > v_price then
    perform private.fail('invalid_amount', '定金金额不正确（须大于零、不超过成交价，精确到分）',
      'The deposit must be positive, at most the price, in fen');
  end if;
  if coalesce(p_sincerity_applied, 0) < 0 or coalesce(p_sincerity_applied, 0) > v_price
     or coalesce(p_sincerity_applied, 0) <> round(coalesce(p_sincerity_applied, 0), 2) then
    perform private.fail('invalid_amount', '诚意金抵扣金额不正确', 'The sincerity amount applied is invalid');
  end if;
  if coalesce(p_sincerity_applied, 0) > 0 and p_sincerity_applied > private.sincerity_available(p_customer_id) then
    perform private.fail('sincerity_exceeds_paid', '抵扣的诚意金超过客户已交且未使用的诚意金', 'More sincerity money applied than the customer has paid');
  end if;
  if p_contract_deadline < private.project_today(v_unit.project_id) then
    perform private.fail('invalid_deadline', '签约期限不能早于今天', 'The contract deadline cannot be in the past');
  end if;

  if p_previous_id is not null then
    select report_id, signer_id into v_report_id, v_signer from public.subscriptions where id = p_previous_id;
  else
    v_report_id := private.report_for_deal(p_customer_id, now());
  end if;

  begin
    insert into public.subscriptions (project_id, unit_id, customer_id, consultant_id, payment_method, list_price, policy_ids,
      price_after_policies, discount_request_id, price, buildup, deposit_due, sincerity_applied, contract_deadline,
      previous_subscription_id, created_by, report_id, signer_id)
    values (v_unit.project_id, v_unit.id, p_customer_id, p_consultant_id, p_payment_method, v_unit.list_price, v_policy_ids,
      (v_buildup ->> 'price_after_policies')::numeric, v_request.id, v_price, v_buildup, p_deposit_due, coalesce(p_sincerity_applied, 0),
      coalesce(p_contract_deadline, private.project_today(v_unit.project_id)
               + (select contract_deadline_days from public.projects where id = v_unit.project_id)),
      p_previous_id, (select auth.uid()), v_report_id, coalesce(v_signer, p_consultant_id))
    returning * into v_row;
  exception when unique_violation then
    -- Belt and braces: the unit lock above already serialises takers of one unit.
    perform private.fail('unit_not_available', '该房源已被认购', 'The unit is already subscribed');
  end;

  perform private.set_customer_status(p_customer_id, 'subscribed');
  return v_row;
end
$$;

/*
  Sign a subscription (认购). Consultant (own customer) or manager, regularised. Unit available
  or held by/for them. Price: policies fitting the payment method and the customer, or an
  approved discount request for this unit and customer (approval_not_usable otherwise).
  A manager signing for a customer owned by a consultant of the project (e.g. one in probation,
  who may not sign) records that consultant as the deal's consultant and himself as signer.
  Contract deadline default today + project setting.
*/
create or replace function public.create_subscription(
  p_unit_id uuid, p_customer_id uuid, p_payment_method text, p_policy_ids uuid[] default '{}',
  p_discount_request_id uuid default null, p_deposit_due numeric default null,
  p_sincerity_applied numeric default 0, p_contract_deadline date default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_project_id uuid;
  v_customer public.customers;
  v_consultant uuid;
  v_row public.subscriptions;
  v_summary jsonb;
begin
  select project_id into v_project_id from public.units where id = p_unit_id;
  if not found then
    perform private.fail('unit_not_found', '房源不存在', 'Unit not found');
  end if;
  perform private.require_role(v_project_id, array['consultant']::public.staff_role[] || private.manager_roles());
  perform private.require_regularised(v_project_id);
  select * into v_customer from public.customers where id = p_customer_id and project_id = v_project_id;
  if not found then
    perform private.fail('customer_not_found', '客户不存在或不属于本项目', 'Customer not found in this project');
  end if;
  if not private.can_work_customer(p_customer_id) then
    perform private.fail('customer_not_yours', '只能为自己名下的客户签认购书', 'You can only subscribe for your own customers');
  end if;
  v_consultant := private.deal_consultant(v_project_id, v_customer);

  v_row := private.insert_subscription(p_unit_id, p_customer_id, v_consultant, p_payment_method, p_policy_ids,
    p_discount_request_id, p_deposit_due, p_sincerity_applied, p_contract_deadline);

  v_summary := jsonb_build_object(
    'subscription_id', v_row.id, 'unit_id', v_row.unit_id, 'unit_label', private.unit_label(v_row.unit_id),
    'customer_id', v_row.customer_id, 'customer_name', v_customer.name,
    'consultant', private.staff_name(v_consultant), 'signer', private.staff_name(v_uid),
    'price', private.money_text(v_row.price), 'deposit_due', private.money_text(v_row.deposit_due),
    'sincerity_applied', private.money_text(v_row.sincerity_applied), 'payment_method', v_row.payment_method,
    'contract_deadline', v_row.contract_deadline);
  -- Finance collects the deposit.
  perform private.notify_roles(v_project_id, array['finance']::public.staff_role[], 'subscription_created', v_summary);
  perform private.audit('subscription.create', 'subscriptions', v_row.id, v_project_id, null, to_jsonb(v_row));
  return to_jsonb(v_row) || jsonb_build_object('unit_label', v_summary ->> 'unit_label', 'customer_name', v_customer.name);
end
$$;

/*
  Whose deal it is when the caller signs for this customer: the caller, unless the caller is a
  manager and the customer is owned (and protected) by another active consultant of the project
  — then that consultant (the manager is only the signer), so 日报 and rankings credit them.
*/
create function private.deal_consultant(p_project_id uuid, p_customer public.customers)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select case
    when p_customer.owner_id is not null
     and p_customer.owner_id <> (select auth.uid())
     and not private.in_pool(p_customer.owner_id, p_customer.ownership_expires_at)
     and private.has_role(p_project_id, private.manager_roles())
     and exists (select 1 from public.staff_projects sp join public.staff s on s.id = sp.staff_id
                  where sp.staff_id = p_customer.owner_id and sp.project_id = p_project_id
                    and sp.role = 'consultant' and s.active)
    then p_customer.owner_id
    else (select auth.uid())
  end
$$;
revoke execute on function private.deal_consultant(uuid, public.customers) from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Contracts: the plan fits the payment method; 定金 first
-- ---------------------------------------------------------------------------------------------

/*
  Money received on a subscription towards its 定金: everything on it — 定金 entries, the 诚意金
  it took over, carry-overs from a 换房 — less reversals and refunds (= subscription_received).
*/
create function private.deposit_received(p_subscription_id uuid)
returns numeric
language sql stable security definer set search_path = ''
as $$ select private.subscription_received(p_subscription_id) $$;
revoke execute on function private.deposit_received(uuid) from public, anon, authenticated;

-- Refuse while the subscription's 定金 is not received in full.
create function private.require_deposit_received(p_sub public.subscriptions)
returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_received numeric := private.deposit_received(p_sub.id);
begin
  if v_received < p_sub.deposit_due then
    perform private.fail('deposit_not_received',
      format('认购定金尚未收齐（应收 %s 元，已收 %s 元），财务收齐定金后才能起草或签署合同',
             private.money_text(p_sub.deposit_due), private.money_text(greatest(v_received, 0))),
      format('The deposit is not received in full (%s due, %s received)', p_sub.deposit_due, v_received));
  end if;
end
$$;
revoke execute on function private.require_deposit_received(public.subscriptions) from public, anon, authenticated;

/*
  The payment plan must fit the subscription's payment method (认购书主要条款与合同一致). Kinds:
  deposit 定金 · down_payment 首付 · installment 房款 · mortgage 按揭放款.
    full 一次性付款   — no 按揭放款; besides 定金, the price is paid in one item (首付 or 房款);
                        and the whole plan falls within 90 days (last due date − first ≤ 90);
    mortgage 按揭     — at least one 按揭放款 item and at least one 定金/首付 item;
    instalment 分期   — no 按揭放款; besides 定金, at least two items (首付 and 房款 in parts).
*/
create function private.check_plan_method(p_method text, p_plan jsonb)
returns void
language plpgsql immutable set search_path = ''
as $$
declare
  v_kinds text[];
  v_parts int;
  v_span int;
begin
  select array_agg(x ->> 'kind'), count(*) filter (where x ->> 'kind' <> 'deposit'),
         max((x ->> 'due_date')::date) - min((x ->> 'due_date')::date)
    into v_kinds, v_parts, v_span from jsonb_array_elements(p_plan) x;
  if p_method in ('full', 'instalment') and 'mortgage' = any (v_kinds) then
    perform private.fail('plan_method_mismatch',
      format('%s的合同不能有按揭放款期', private.payment_method_zh(p_method)), 'Only a mortgage contract has a mortgage item');
  elsif p_method = 'full' and v_parts > 1 then
    perform private.fail('plan_method_mismatch', '一次性付款的合同除定金外只能有一期房款，不能分期', 'A full-payment plan pays the price in one item besides the deposit');
  elsif p_method = 'full' and v_span > 90 then
    perform private.fail('plan_method_mismatch', '一次性付款的合同须在90天内付清全部房款', 'A full-payment plan must be paid within 90 days');
  elsif p_method = 'mortgage' and not ('mortgage' = any (v_kinds)) then
    perform private.fail('plan_method_mismatch', '按揭付款的合同须有按揭放款期', 'A mortgage contract needs a mortgage item');
  elsif p_method = 'mortgage' and not ('deposit' = any (v_kinds) or 'down_payment' = any (v_kinds)) then
    perform private.fail('plan_method_mismatch', '按揭付款的合同须有定金或首付期', 'A mortgage contract needs a deposit or down-payment item');
  elsif p_method = 'instalment' and v_parts < 2 then
    perform private.fail('plan_method_mismatch', '分期付款的合同除定金外至少要有两期（首付和房款）', 'An instalment plan has at least two items besides the deposit');
  end if;
end
$$;
revoke execute on function private.check_plan_method(text, jsonb) from public, anon, authenticated;

/*
  Draft a contract from an active subscription — which sends it for approval — once the 定金 is
  received in full (deposit_not_received). The consultant who signed it (or a manager),
  regularised. Plan: [{seq, due_date, amount, kind}], amounts adding up to the price exactly
  (plan_total_mismatch) and fitting the payment method (plan_method_mismatch). The chosen
  policies must still fit the deal. Starts the approval (sales_manager → marketing_director).
*/
create or replace function public.create_contract(p_subscription_id uuid, p_contract_no text, p_plan jsonb)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_sub public.subscriptions;
  v_no text := nullif(trim(coalesce(p_contract_no, '')), '');
  v_id uuid := gen_random_uuid();
  v_approval_id uuid;
  v_total numeric;
  v_count int;
  v_row public.contracts;
  v_item jsonb;
  v_unmet jsonb;
begin
  select * into v_sub from public.subscriptions where id = p_subscription_id for update;
  if not found then
    perform private.fail('subscription_not_found', '认购记录不存在', 'Subscription not found');
  end if;
  perform private.require_deal_actor(v_sub);
  perform private.require_regularised(v_sub.project_id);
  if v_sub.status <> 'active' then
    perform private.fail('subscription_not_active', '只有有效的认购可以转签合同', 'Only an active subscription can become a contract');
  end if;
  if exists (select 1 from public.contracts where subscription_id = v_sub.id and status in ('pending', 'approved', 'signed')) then
    perform private.fail('contract_exists', '该认购已有合同', 'This subscription already has a contract');
  end if;
  if exists (select 1 from public.unit_changes where subscription_id = v_sub.id and status = 'pending') then
    perform private.fail('change_pending', '该认购有审批中的换房/退房申请', 'A change or cancellation is pending');
  end if;
  if v_no is null then
    perform private.fail('contract_no_required', '请填写合同编号', 'The contract number is required');
  end if;
  if exists (select 1 from public.contracts where project_id = v_sub.project_id and contract_no = v_no) then
    perform private.fail('contract_no_taken', '合同编号已被使用', 'This contract number is already used');
  end if;
  -- The policies of the subscription still have to fit its terms (a policy edited since, or a
  -- subscription made before conditions existed).
  select private.policy_unmet(p, v_sub.payment_method, c.source) into v_unmet
    from public.policies p, public.customers c
   where p.id = any (v_sub.policy_ids) and c.id = v_sub.customer_id and private.policy_unmet(p, v_sub.payment_method, c.source) is not null
   limit 1;
  if v_unmet is not null then
    perform private.fail(v_unmet ->> 'code', v_unmet ->> 'message', v_unmet ->> 'hint');
  end if;

  -- The plan: well-formed items, distinct positive seqs, positive amounts in fen, known kinds.
  if p_plan is null or jsonb_typeof(p_plan) <> 'array' or jsonb_array_length(p_plan) = 0 then
    perform private.fail('plan_invalid', '请填写付款计划', 'The payment plan is empty');
  end if;
  for v_item in select value from jsonb_array_elements(p_plan) loop
    begin
      if (v_item ->> 'seq')::int < 1 or (v_item ->> 'due_date')::date is null
         or (v_item ->> 'amount')::numeric <= 0 or (v_item ->> 'amount')::numeric <> round((v_item ->> 'amount')::numeric, 2)
         or coalesce(v_item ->> 'kind', '') not in ('deposit', 'down_payment', 'installment', 'mortgage') then
        raise exception 'bad item';
      end if;
    exception when others then
      perform private.fail('plan_invalid', '付款计划的某一期不正确（期数、到期日、金额、类型）',
        'A plan item is invalid (seq, due_date, amount in fen, kind)');
    end;
  end loop;
  select count(distinct (x ->> 'seq')::int), sum((x ->> 'amount')::numeric) into v_count, v_total from jsonb_array_elements(p_plan) x;
  if v_count <> jsonb_array_length(p_plan) then
    perform private.fail('plan_invalid', '付款计划的期数重复', 'Plan item numbers repeat');
  end if;
  if v_total <> v_sub.price then
    perform private.fail('plan_total_mismatch',
      format('付款计划合计 %s 元与成交价 %s 元不一致', v_total, v_sub.price),
      format('The plan adds up to %s, the price is %s', v_total, v_sub.price));
  end if;
  perform private.check_plan_method(v_sub.payment_method, p_plan);
  -- 签认购书 → 财务部收取定金 → 合同审批 → 签约.
  perform private.require_deposit_received(v_sub);

  v_approval_id := private.start_approval(v_sub.project_id, 'contract', v_id, private.deal_chain(),
    jsonb_build_object(
      'kind', 'contract', 'contract_no', v_no, 'subscription_id', v_sub.id,
      'unit_id', v_sub.unit_id, 'unit_label', private.unit_label(v_sub.unit_id),
      'customer_id', v_sub.customer_id, 'customer_name', (select name from public.customers where id = v_sub.customer_id),
      'price', private.money_text(v_sub.price), 'payment_method', v_sub.payment_method,
      'plan', (select jsonb_agg(jsonb_build_object('seq', (x ->> 'seq')::int, 'due_date', x ->> 'due_date',
                                                   'amount', private.money_text((x ->> 'amount')::numeric), 'kind', x ->> 'kind')
                                order by (x ->> 'seq')::int)
                 from jsonb_array_elements(p_plan) x)));

  insert into public.contracts (id, approval_id, project_id, subscription_id, unit_id, customer_id, consultant_id,
    contract_no, price, payment_method, created_by)
  values (v_id, v_approval_id, v_sub.project_id, v_sub.id, v_sub.unit_id, v_sub.customer_id, v_sub.consultant_id,
    v_no, v_sub.price, v_sub.payment_method, v_uid)
  returning * into v_row;
  insert into public.payment_plan_items (contract_id, project_id, seq, due_date, amount, kind)
  select v_id, v_sub.project_id, (x ->> 'seq')::int, (x ->> 'due_date')::date, (x ->> 'amount')::numeric, x ->> 'kind'
    from jsonb_array_elements(p_plan) x;

  perform private.audit('contract.create', 'contracts', v_id, v_sub.project_id, null,
    to_jsonb(v_row) || jsonb_build_object('plan', p_plan));
  return to_jsonb(v_row) || jsonb_build_object(
    'current_step_id', (select id from public.approval_steps where approval_id = v_approval_id and seq = 1),
    'plan', (select jsonb_agg(to_jsonb(i) order by i.seq) from public.payment_plan_items i where i.contract_id = v_id));
end
$$;

/*
  Sign an approved contract: the 定金 must still be received in full (a reversal since the
  approval refuses it); unit → signed, subscription → converted, customer → signed, the signer
  recorded, and the channel commission computed from the ruling stored at the subscription.
*/
create or replace function public.sign_contract(p_contract_id uuid, p_signed_on date default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.contracts;
  v_sub public.subscriptions;
  v_before jsonb;
  v_signed_on date;
  v_commission jsonb;
begin
  select * into v_row from public.contracts where id = p_contract_id for update;
  if not found then
    perform private.fail('contract_not_found', '合同不存在', 'Contract not found');
  end if;
  select * into v_sub from public.subscriptions where id = v_row.subscription_id for update;
  perform private.require_deal_actor(v_sub);
  perform private.require_regularised(v_row.project_id);
  if v_row.status = 'signed' then
    perform private.fail('contract_already_signed', '合同已签约', 'The contract is already signed');
  end if;
  if v_row.status <> 'approved' then
    perform private.fail('contract_not_approved', '合同尚未审批通过，不能签约', 'The contract is not approved');
  end if;
  if v_sub.status <> 'active' then
    perform private.fail('subscription_not_active', '对应的认购已不是有效状态', 'The subscription is no longer active');
  end if;
  perform private.require_deposit_received(v_sub);
  v_signed_on := coalesce(p_signed_on, private.project_today(v_row.project_id));
  if v_signed_on > private.project_today(v_row.project_id)
     or v_signed_on < (select (v_sub.created_at at time zone p.timezone)::date from public.projects p where p.id = v_row.project_id) then
    perform private.fail('invalid_date', '签约日期不正确', 'The signing date is invalid');
  end if;

  v_before := to_jsonb(v_row);
  perform private.unit_to_signed(v_row.unit_id);
  update public.subscriptions set status = 'converted', closed_at = now() where id = v_sub.id;
  perform private.set_customer_status(v_row.customer_id, 'signed');
  update public.contracts set status = 'signed', signed_on = v_signed_on, signed_at = now(), signer_id = (select auth.uid())
   where id = p_contract_id returning * into v_row;
  perform private.audit('contract.sign', 'contracts', v_row.id, v_row.project_id, v_before, to_jsonb(v_row));
  perform private.audit('subscription.convert', 'subscriptions', v_sub.id, v_sub.project_id,
    jsonb_build_object('status', v_sub.status), jsonb_build_object('status', 'converted', 'contract_id', v_row.id));

  v_commission := private.compute_commission(v_row.id);
  perform private.notify_finance(v_row.project_id, 'contract_signed', jsonb_build_object(
    'contract_id', v_row.id, 'contract_no', v_row.contract_no, 'unit_label', private.unit_label(v_row.unit_id),
    'customer_name', (select name from public.customers where id = v_row.customer_id), 'price', private.money_text(v_row.price)));
  return to_jsonb(v_row) || jsonb_build_object('commission', v_commission);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Commission from the ruling at the sale
-- ---------------------------------------------------------------------------------------------

-- Called by sign_contract: the commission for the contract's deal when its subscription was
-- made under a broker's protection (subscriptions.report_id) — even if that protection has run
-- out by the signing day.
create or replace function private.compute_commission(p_contract_id uuid)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_contract public.contracts;
  v_report public.channel_reports;
  v_coop public.cooperations;
  v_amount numeric(14, 2);
  v_row public.commissions;
begin
  select * into v_contract from public.contracts where id = p_contract_id;
  select r.* into v_report from public.channel_reports r
    join public.subscriptions s on s.report_id = r.id
   where s.id = v_contract.subscription_id;
  if v_report.id is null then
    return null;
  end if;
  -- The cooperation in force at signing; else the one the report was made under.
  select * into v_coop from public.cooperations
   where id = coalesce(private.active_cooperation(v_report.agency_id, v_contract.project_id, now()), v_report.cooperation_id);
  if v_coop.id is null then
    return jsonb_build_object('report_id', v_report.id, 'skipped', 'no_cooperation');
  end if;
  v_amount := case when v_coop.commission_type = 'percent' then round(v_contract.price * v_coop.commission_value / 100, 2)
                   else round(v_coop.commission_value, 2) end;
  insert into public.commissions (project_id, contract_id, report_id, agency_id, broker_id, cooperation_id,
    contract_no, unit_label, customer_name, signed_on, basis_amount, commission_type, commission_value, amount)
  values (v_contract.project_id, v_contract.id, v_report.id, v_report.agency_id, v_report.broker_id, v_coop.id,
    v_contract.contract_no, private.unit_label(v_contract.unit_id),
    (select name from public.customers where id = v_contract.customer_id), v_contract.signed_on,
    v_contract.price, v_coop.commission_type, v_coop.commission_value, v_amount)
  returning * into v_row;
  perform private.audit('commission.compute', 'commissions', v_row.id, v_row.project_id, null, to_jsonb(v_row));
  perform private.notify_roles(v_row.project_id, array['channel_manager']::public.staff_role[], 'commission_computed',
    private.commission_card(v_row.id));
  return to_jsonb(v_row);
end
$$;

-- Channel performance of the month: deals credited to the agency whose report the subscription
-- was made under (the same stored ruling the commission uses).
create or replace function private.monthly_channels(p_project uuid, p_from date, p_to date)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  with b as (select * from private.period_bounds(p_project, p_from, p_to)),
  deal_channel as (
    select d.id, d.price, r.agency_id
      from private.month_deals(p_project, p_from, p_to) d
      join public.subscriptions s on s.id = d.id
      join public.channel_reports r on r.id = s.report_id
  ),
  parts as (
    select r.agency_id, count(*) as reports, count(*) filter (where r.status <> 'invalid') as valid_reports,
           0::bigint as visits, 0::bigint as subscriptions, 0::numeric as subscription_amount,
           0::bigint as contracts, 0::numeric as contract_amount, 0::numeric as commission
      from public.channel_reports r, b
     where r.project_id = p_project and r.created_at >= b.t0 and r.created_at < b.t1
     group by r.agency_id
    union all
    select r.agency_id, 0, 0, count(*), 0, 0, 0, 0, 0
      from public.channel_reports r, b
     where r.project_id = p_project and r.visited_at >= b.t0 and r.visited_at < b.t1
     group by r.agency_id
    union all
    select agency_id, 0, 0, 0, count(*), sum(price), 0, 0, 0 from deal_channel group by agency_id
    union all
    select cm.agency_id, 0, 0, 0, 0, 0, count(*), sum(cm.basis_amount), sum(cm.amount)
      from public.commissions cm
     where cm.project_id = p_project and cm.signed_on between p_from and p_to and cm.status <> 'cancelled'
     group by cm.agency_id
  )
  select coalesce(jsonb_agg(jsonb_build_object(
           'agency_id', x.agency_id, 'agency_name', a.name, 'reports', x.reports, 'valid_reports', x.valid_reports,
           'valid_pct', private.pct(x.valid_reports, x.reports), 'visits', x.visits, 'subscriptions', x.subscriptions,
           'subscription_amount', round(x.subscription_amount, 2), 'contracts', x.contracts,
           'contract_amount', round(x.contract_amount, 2), 'commission', round(x.commission, 2))
           order by x.subscription_amount desc, x.visits desc, a.name), '[]'::jsonb)
    from (
      select agency_id, sum(reports) as reports, sum(valid_reports) as valid_reports, sum(visits) as visits,
             sum(subscriptions) as subscriptions, sum(subscription_amount) as subscription_amount, sum(contracts) as contracts,
             sum(contract_amount) as contract_amount, sum(commission) as commission
        from (
          select * from parts
          union all  -- every agency cooperating with the project has a row, zeros included
          select distinct co.agency_id, 0, 0, 0, 0, 0, 0, 0, 0 from public.cooperations co where co.project_id = p_project
        ) all_parts
       group by agency_id
    ) x
    join public.agencies a on a.id = x.agency_id
$$;

-- ---------------------------------------------------------------------------------------------
-- 换房 preview: the new unit's price with the deal's own terms
-- ---------------------------------------------------------------------------------------------

create or replace function private.request_unit_change_common(
  p_kind text, p_subscription_id uuid, p_new_unit_id uuid, p_reason text
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_sub public.subscriptions;
  v_new public.units;
  v_reason text := nullif(trim(coalesce(p_reason, '')), '');
  v_new_price numeric(14, 2);
  v_id uuid := gen_random_uuid();
  v_approval_id uuid;
  v_row public.unit_changes;
begin
  select * into v_sub from public.subscriptions where id = p_subscription_id for update;
  if not found then
    perform private.fail('subscription_not_found', '认购记录不存在', 'Subscription not found');
  end if;
  perform private.require_deal_actor(v_sub);
  if v_reason is null then
    perform private.fail('reason_required', '请填写原因', 'A reason is required');
  end if;
  if p_kind = 'change' then
    if v_sub.status <> 'active' then
      perform private.fail('subscription_not_active', '只有有效的认购可以换房（已签约的请走退房）', 'Only an active subscription can change unit');
    end if;
    if exists (select 1 from public.contracts c where c.subscription_id = v_sub.id and c.status in ('pending', 'approved')) then
      perform private.fail('contract_in_progress', '该认购的合同正在审批或待签，不能换房', 'A contract is in progress for this subscription');
    end if;
    select * into v_new from public.units where id = p_new_unit_id and project_id = v_sub.project_id;
    if not found then
      perform private.fail('unit_not_found', '新房源不存在或不属于本项目', 'The new unit is not in this project');
    end if;
    if v_new.id = v_sub.unit_id then
      perform private.fail('invalid_unit', '新房源与原房源相同', 'The new unit is the current one');
    end if;
    if not (private.unit_status_now(v_new.status, v_new.hold_expires_at) = 'available'
            or (private.unit_status_now(v_new.status, v_new.hold_expires_at) = 'held'
                and (v_new.held_by = v_uid or v_new.held_by = v_sub.consultant_id or v_new.held_for = v_sub.customer_id))) then
      perform private.fail_unit_not_available(v_new);
    end if;
    v_new_price := (private.compute_buildup(v_sub.project_id, v_new.list_price, v_sub.policy_ids, null,
                                            v_sub.payment_method, v_sub.customer_id) ->> 'price_after_policies')::numeric;
  elsif v_sub.status not in ('active', 'converted') then
    perform private.fail('subscription_not_active', '该认购已结束，不能退房', 'This subscription is closed');
  end if;
  if exists (select 1 from public.unit_changes u where u.subscription_id = v_sub.id and u.status = 'pending') then
    perform private.fail('change_pending', '该认购已有审批中的换房/退房申请', 'A change or cancellation is already pending');
  end if;

  v_approval_id := private.start_approval(v_sub.project_id, case when p_kind = 'change' then 'unit_change' else 'cancellation' end, v_id,
    private.deal_chain(),
    jsonb_build_object(
      'kind', case when p_kind = 'change' then 'unit_change' else 'cancellation' end,
      'subscription_id', v_sub.id, 'unit_id', v_sub.unit_id, 'unit_label', private.unit_label(v_sub.unit_id),
      'new_unit_id', v_new.id, 'new_unit_label', case when v_new.id is not null then private.unit_label(v_new.id) end,
      'customer_id', v_sub.customer_id, 'customer_name', (select name from public.customers where id = v_sub.customer_id),
      'price', private.money_text(v_sub.price), 'new_price', private.money_text(v_new_price),
      'amount_received', private.money_text(private.subscription_received(v_sub.id)),
      'reason', v_reason));

  insert into public.unit_changes (id, approval_id, project_id, kind, subscription_id, customer_id, old_unit_id, new_unit_id,
    new_price_preview, reason, requester_id)
  values (v_id, v_approval_id, v_sub.project_id, p_kind, v_sub.id, v_sub.customer_id, v_sub.unit_id, v_new.id,
    v_new_price, v_reason, v_uid)
  returning * into v_row;
  perform private.audit(case when p_kind = 'change' then 'unit_change.request' else 'cancellation.request' end,
    'unit_changes', v_id, v_sub.project_id, null, to_jsonb(v_row));
  return to_jsonb(v_row) || jsonb_build_object(
    'current_step_id', (select id from public.approval_steps where approval_id = v_approval_id and seq = 1));
end
$$;

-- ---------------------------------------------------------------------------------------------
-- 退房 keeps the owner
-- ---------------------------------------------------------------------------------------------

/*
  After a deal closes, the customer's status follows what is left: a signed contract → signed,
  an active subscription → subscribed, nothing → back to following (跟进中). Back to following
  after 退房, the customer stays with their consultant (the deal's consultant if nobody owned
  them) with a fresh protection period from now — however long the deal lasted — and the
  timeline shows why (audit customer.ownership_renewed).
*/
create or replace function private.customer_after_deal_closed(p_customer_id uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_before public.customers;
  v_after public.customers;
  v_status public.customer_status;
  v_consultant uuid;
begin
  select * into v_before from public.customers where id = p_customer_id for update;
  v_status := case
    when exists (select 1 from public.contracts c where c.customer_id = p_customer_id and c.status = 'signed') then 'signed'
    when exists (select 1 from public.subscriptions s where s.customer_id = p_customer_id and s.status = 'active') then 'subscribed'
    else 'following' end::public.customer_status;
  perform private.set_customer_status(p_customer_id, v_status);
  if v_status = 'following' and v_before.status in ('subscribed', 'signed') then
    select s.consultant_id into v_consultant from public.subscriptions s
     where s.customer_id = p_customer_id order by s.closed_at desc nulls last, s.created_at desc limit 1;
    update public.customers
       set owner_id = coalesce(owner_id, v_consultant), owned_since = now()
     where id = p_customer_id returning * into v_after;
    perform private.audit('customer.ownership_renewed', 'customers', p_customer_id, v_before.project_id,
      jsonb_build_object('owner_id', v_before.owner_id, 'status', v_before.status),
      jsonb_build_object('owner_id', v_after.owner_id, 'owner_name', private.staff_name(v_after.owner_id),
                         'status', v_after.status, 'ownership_expires_at', v_after.ownership_expires_at,
                         'reason', '退房后客户仍归原置业顾问，重新计算保护期'));
  end if;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- 诚意金 counted under the customer's lock
-- ---------------------------------------------------------------------------------------------

/*
  Record money received (or a refund, p_amount positive, stored negative). Finance of the project
  only. Links are checked: the subscription and contract belong to the customer, the plan item to
  the contract (the contract and subscription are filled in from the most specific link).
  A refund is checked against the balance under lock: the subscription's row, and the
  customer's row before their unlinked 诚意金 is counted (subscription → customer order).
*/
create or replace function public.record_payment(
  p_project_id uuid, p_customer_id uuid, p_kind text, p_amount numeric, p_method text, p_receipt_no text,
  p_paid_on date default null, p_subscription_id uuid default null, p_contract_id uuid default null,
  p_plan_item_id uuid default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_item public.payment_plan_items;
  v_contract public.contracts;
  v_sub public.subscriptions;
  v_contract_id uuid := p_contract_id;
  v_subscription_id uuid := p_subscription_id;
  v_receipt text := nullif(trim(coalesce(p_receipt_no, '')), '');
  v_paid_on date := coalesce(p_paid_on, private.project_today(p_project_id));
  v_balance numeric;
  v_row public.payments;
begin
  perform private.require_role(p_project_id, array['finance']::public.staff_role[]);
  if p_kind is null or p_kind not in ('sincerity', 'deposit', 'down_payment', 'installment', 'mortgage', 'refund') then
    perform private.fail('invalid_payment_kind', '款项类型不正确', 'Unknown payment kind');
  end if;
  if p_method is null or p_method not in ('cash', 'pos', 'transfer', 'wechat', 'alipay', 'cheque', 'loan') then
    perform private.fail('invalid_payment_method', '付款方式不正确', 'Unknown payment method');
  end if;
  if p_amount is null or p_amount <= 0 or p_amount <> round(p_amount, 2) then
    perform private.fail('invalid_amount', '金额必须大于零且精确到分', 'The amount must be positive, in fen');
  end if;
  if v_receipt is null then
    perform private.fail('receipt_required', '请填写收据编号', 'The receipt number is required');
  end if;
  if v_paid_on > private.project_today(p_project_id) then
    perform private.fail('invalid_date', '收款日期不能晚于今天', 'The payment date cannot be in the future');
  end if;
  if not exists (select 1 from public.customers where id = p_customer_id and project_id = p_project_id) then
    perform private.fail('customer_not_found', '客户不存在或不属于本项目', 'Customer not found in this project');
  end if;

  if p_plan_item_id is not null then
    select * into v_item from public.payment_plan_items where id = p_plan_item_id;
    if not found or (v_contract_id is not null and v_item.contract_id <> v_contract_id) then
      perform private.fail('payment_link_mismatch', '付款计划与合同不对应', 'The plan item does not belong to the contract');
    end if;
    v_contract_id := v_item.contract_id;
  end if;
  if v_contract_id is not null then
    select * into v_contract from public.contracts where id = v_contract_id;
    if not found or v_contract.customer_id <> p_customer_id or v_contract.project_id <> p_project_id
       or (v_subscription_id is not null and v_contract.subscription_id <> v_subscription_id) then
      perform private.fail('payment_link_mismatch', '合同与客户不对应', 'The contract does not belong to the customer');
    end if;
    v_subscription_id := v_contract.subscription_id;
  end if;
  if v_subscription_id is not null then
    select * into v_sub from public.subscriptions where id = v_subscription_id for update;
    if not found or v_sub.customer_id <> p_customer_id or v_sub.project_id <> p_project_id then
      perform private.fail('payment_link_mismatch', '认购与客户不对应', 'The subscription does not belong to the customer');
    end if;
  end if;
  -- 诚意金 is paid before a subscription and taken over by one (sincerity_applied).
  if p_kind = 'sincerity' and v_subscription_id is not null then
    perform private.fail('payment_link_mismatch', '诚意金在认购前收取，认购时抵扣，不挂在认购上', 'Sincerity money is recorded before the subscription');
  end if;
  if p_kind = 'refund' then
    if v_subscription_id is not null then
      v_balance := private.subscription_received(v_subscription_id);
    else
      perform 1 from public.customers where id = p_customer_id for update;
      v_balance := private.sincerity_available(p_customer_id);
    end if;
    if p_amount > v_balance then
      perform private.fail('refund_exceeds_balance', format('退款金额超过可退余额 %s 元', v_balance),
        format('The refund exceeds the balance of %s', v_balance));
    end if;
  elsif v_sub.id is not null and v_sub.status in ('cancelled', 'changed') then
    perform private.fail('subscription_not_active', '该认购已退房或换房，不能再收款', 'This subscription is closed');
  end if;

  begin
    insert into public.payments (project_id, customer_id, subscription_id, contract_id, plan_item_id, kind, amount, method,
      receipt_no, paid_on, recorded_by)
    values (p_project_id, p_customer_id, v_subscription_id, v_contract_id, p_plan_item_id, p_kind,
      case when p_kind = 'refund' then -p_amount else p_amount end, p_method, v_receipt, v_paid_on, (select auth.uid()))
    returning * into v_row;
  exception when unique_violation then
    perform private.fail('receipt_no_taken', format('收据编号 %s 已使用', v_receipt), 'This receipt number is already used');
  end;
  perform private.audit('payment.record', 'payments', v_row.id, p_project_id, null, to_jsonb(v_row));
  return to_jsonb(v_row);
end
$$;

/*
  Correct a payment: a reversing entry with the negated amount and a reason. Never an edit.
  Locks what the reversal changes: the subscription (so a contract drafted at the same moment
  sees the 定金 it loses), or the customer when unlinked 诚意金 is reversed — refused when that
  money was already taken over by a subscription (sincerity_already_applied).
*/
create or replace function public.reverse_payment(p_payment_id uuid, p_reason text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_orig public.payments;
  v_row public.payments;
  v_reason text := nullif(trim(coalesce(p_reason, '')), '');
begin
  select * into v_orig from public.payments where id = p_payment_id for update;
  if not found then
    perform private.fail('payment_not_found', '收款记录不存在', 'Payment not found');
  end if;
  perform private.require_role(v_orig.project_id, array['finance']::public.staff_role[]);
  if v_reason is null then
    perform private.fail('reason_required', '冲销必须填写原因', 'A reversal needs a reason');
  end if;
  if v_orig.reverses is not null then
    perform private.fail('cannot_reverse_reversal', '冲销记录不能再冲销，请重新录入正确的收款', 'A reversal cannot be reversed; record the payment again');
  end if;
  if v_orig.kind = 'carry_over' then
    perform private.fail('cannot_reverse_carry_over', '换房结转不能单独冲销', 'A carry-over entry cannot be reversed on its own');
  end if;
  if exists (select 1 from public.payments where reverses = p_payment_id) then
    perform private.fail('payment_already_reversed', '该笔收款已冲销', 'This payment is already reversed');
  end if;
  if v_orig.subscription_id is not null then
    perform 1 from public.subscriptions where id = v_orig.subscription_id for update;
  else
    perform 1 from public.customers where id = v_orig.customer_id for update;
    if v_orig.amount > 0 and private.sincerity_available(v_orig.customer_id) < v_orig.amount then
      perform private.fail('sincerity_already_applied', '该笔诚意金已转为认购定金，不能单独冲销',
        'This sincerity money was already applied to a subscription');
    end if;
  end if;
  insert into public.payments (project_id, customer_id, subscription_id, contract_id, plan_item_id, kind, amount, method,
    receipt_no, paid_on, reverses, reason, recorded_by)
  values (v_orig.project_id, v_orig.customer_id, v_orig.subscription_id, v_orig.contract_id, v_orig.plan_item_id, v_orig.kind,
    -v_orig.amount, v_orig.method, null, private.project_today(v_orig.project_id), v_orig.id, v_reason, (select auth.uid()))
  returning * into v_row;
  perform private.audit('payment.reverse', 'payments', v_row.id, v_orig.project_id, to_jsonb(v_orig), to_jsonb(v_row));
  return to_jsonb(v_row);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Contract deadlines: extension by the manager, reminders before and after
-- ---------------------------------------------------------------------------------------------

/*
  延期: a manager (销售经理 and up) moves an active subscription's contract deadline later, with a
  reason. Audited (subscription.extend_deadline, before/after + reason); the consultant is told.
  Reminders start again for the new deadline.
*/
create function public.extend_contract_deadline(p_subscription_id uuid, p_new_deadline date, p_reason text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_sub public.subscriptions;
  v_reason text := nullif(trim(coalesce(p_reason, '')), '');
begin
  select * into v_sub from public.subscriptions where id = p_subscription_id for update;
  if not found then
    perform private.fail('subscription_not_found', '认购记录不存在', 'Subscription not found');
  end if;
  if not private.has_role(v_sub.project_id, private.manager_roles()) then
    perform private.fail('forbidden', '只有销售经理及以上可以延长签约期限', 'Only a manager may extend a contract deadline');
  end if;
  if v_sub.status <> 'active' then
    perform private.fail('subscription_not_active', '只有有效的认购可以延期', 'Only an active subscription can be extended');
  end if;
  if v_reason is null then
    perform private.fail('reason_required', '请填写延期原因', 'A reason is required');
  end if;
  if p_new_deadline is null or p_new_deadline <= v_sub.contract_deadline
     or p_new_deadline < private.project_today(v_sub.project_id) then
    perform private.fail('invalid_deadline', '新的签约期限须晚于原期限且不早于今天', 'The new deadline must be after the current one and not in the past');
  end if;
  update public.subscriptions set contract_deadline = p_new_deadline, deadline_extended_at = now()
   where id = v_sub.id;
  perform private.audit('subscription.extend_deadline', 'subscriptions', v_sub.id, v_sub.project_id,
    jsonb_build_object('contract_deadline', v_sub.contract_deadline),
    jsonb_build_object('contract_deadline', p_new_deadline, 'reason', v_reason));
  perform private.notify(v_sub.consultant_id, v_sub.project_id, 'contract_deadline_extended', jsonb_build_object(
    'subscription_id', v_sub.id, 'unit_label', private.unit_label(v_sub.unit_id),
    'customer_name', (select name from public.customers where id = v_sub.customer_id),
    'old_deadline', v_sub.contract_deadline, 'contract_deadline', p_new_deadline, 'reason', v_reason,
    'by', private.staff_name((select auth.uid()))));
  select * into v_sub from public.subscriptions where id = v_sub.id;
  return to_jsonb(v_sub);
end
$$;

-- Which deadline reminders went out: one per subscription, deadline and stage.
create table private.deadline_reminders (
  subscription_id uuid not null references public.subscriptions (id) on delete cascade,
  deadline date not null,
  stage text not null check (stage in ('near', 'passed')),   -- within 1 day / past the deadline
  sent_at timestamptz not null default now(),
  primary key (subscription_id, deadline, stage)
);
comment on table private.deadline_reminders is '签约期限提醒发送记录：每个认购、期限、阶段各一次';

/*
  Remind the deal's consultant and the project's sales managers of active subscriptions whose
  contract deadline is within 1 day (contract_deadline_near) or past (contract_deadline_passed),
  each once per deadline (an extension starts again). Idempotent and safe to run in parallel;
  the scheduled job calls it. Returns how many reminders it enqueued (subscriptions × stage).
*/
create function private.remind_contract_deadlines()
returns int
language plpgsql security definer set search_path = ''
as $$
declare
  v_count int := 0;
  r record;
  v_payload jsonb;
begin
  for r in
    with due as (
      select s.*, private.project_today(s.project_id) as today
        from public.subscriptions s
       where s.status = 'active'
    )
    insert into private.deadline_reminders (subscription_id, deadline, stage)
    select d.id, d.contract_deadline, case when d.today > d.contract_deadline then 'passed' else 'near' end
      from due d
     where d.contract_deadline - d.today <= 1
    on conflict do nothing
    returning subscription_id, stage
  loop
    select jsonb_build_object(
             'subscription_id', s.id, 'unit_id', s.unit_id, 'unit_label', private.unit_label(s.unit_id),
             'customer_id', s.customer_id, 'customer_name', c.name,
             'consultant_id', s.consultant_id, 'consultant', private.staff_name(s.consultant_id),
             'contract_deadline', s.contract_deadline,
             'days_left', s.contract_deadline - private.project_today(s.project_id),
             'deposit_due', private.money_text(s.deposit_due),
             'deposit_outstanding', private.money_text(greatest(s.deposit_due - private.subscription_received(s.id), 0)),
             'stage', r.stage)
      into v_payload
      from public.subscriptions s join public.customers c on c.id = s.customer_id
     where s.id = r.subscription_id;
    perform private.notify(s.consultant_id, s.project_id,
                           case when r.stage = 'near' then 'contract_deadline_near' else 'contract_deadline_passed' end, v_payload)
       from public.subscriptions s where s.id = r.subscription_id;
    perform private.notify_roles(s.project_id, array['sales_manager']::public.staff_role[],
                                 case when r.stage = 'near' then 'contract_deadline_near' else 'contract_deadline_passed' end, v_payload)
       from public.subscriptions s where s.id = r.subscription_id;
    v_count := v_count + 1;
  end loop;
  return v_count;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Grants
-- ---------------------------------------------------------------------------------------------

revoke execute on function public.price_buildup(uuid, uuid[], numeric, text, uuid),
                           public.policy_options(uuid, text, uuid),
                           public.request_discount(uuid, uuid, uuid[], numeric, text, text),
                           public.extend_contract_deadline(uuid, date, text) from anon, public;
grant execute on function public.price_buildup(uuid, uuid[], numeric, text, uuid),
                          public.policy_options(uuid, text, uuid),
                          public.request_discount(uuid, uuid, uuid[], numeric, text, text),
                          public.extend_contract_deadline(uuid, date, text) to authenticated;

revoke execute on function private.compute_buildup(uuid, numeric, uuid[], numeric, text, uuid) from public, anon, authenticated;
revoke execute on function private.policy_unmet(public.policies, text, public.customer_source) from public, anon, authenticated;
revoke execute on function private.remind_contract_deadlines() from public, anon, authenticated;
revoke all on private.deadline_reminders from public, anon, authenticated;
