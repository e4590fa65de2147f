/*
  公积金贷款 and 组合贷款 deals (issue 15, every deal type).

  Two payment methods besides 一次性付款 (full), 按揭 (mortgage) and 分期 (instalment):
    provident_fund 公积金贷款 — the loan comes from the housing provident fund centre (公积金中心);
    combined       组合贷款   — part commercial loan (商业贷款, from the bank), part provident loan.
  Everywhere a method is chosen or judged: subscriptions, contracts, discount requests, policy
  conditions (an admin can limit a policy to them), the zh-CN words, the build-up and the plan check.

  Plan items and payments get the kind provident_loan (公积金放款): the 公积金中心's
  disbursement, next to mortgage (按揭放款, the bank's). A 组合贷 plan has one of each.

  The list of methods lives here once: private.payment_methods(); the tables' checks repeat it
  because a check constraint cannot call a function that might change under it.
*/

create function private.payment_methods()
returns text[]
language sql immutable set search_path = ''
as $$
  select array['full', 'mortgage', 'instalment', 'provident_fund', 'combined']
$$;

alter table public.subscriptions drop constraint subscriptions_payment_method_check,
  add constraint subscriptions_payment_method_check
    check (payment_method in ('full', 'mortgage', 'instalment', 'provident_fund', 'combined'));
alter table public.contracts drop constraint contracts_payment_method_check,
  add constraint contracts_payment_method_check
    check (payment_method in ('full', 'mortgage', 'instalment', 'provident_fund', 'combined'));
alter table public.discount_requests drop constraint discount_requests_payment_method_check,
  add constraint discount_requests_payment_method_check
    check (payment_method is null or payment_method in ('full', 'mortgage', 'instalment', 'provident_fund', 'combined'));
alter table public.policies drop constraint policies_payment_methods_check,
  add constraint policies_payment_methods_check
    check (payment_methods is null
           or (cardinality(payment_methods) > 0
               and payment_methods <@ array['full', 'mortgage', 'instalment', 'provident_fund', 'combined']));
comment on column public.subscriptions.payment_method is
  '付款方式: full 一次性付款, mortgage 按揭, instalment 分期, provident_fund 公积金贷款, combined 组合贷款（商贷+公积金贷）';

-- 定金 首付 房款 按揭放款 公积金放款
alter table public.payment_plan_items drop constraint payment_plan_items_kind_check,
  add constraint payment_plan_items_kind_check
    check (kind in ('deposit', 'down_payment', 'installment', 'mortgage', 'provident_loan'));
alter table public.payments drop constraint payments_kind_check,
  add constraint payments_kind_check
    check (kind in ('sincerity', 'deposit', 'down_payment', 'installment', 'mortgage', 'provident_loan', 'refund', 'carry_over'));
-- The channel of a 公积金放款: the 公积金中心 pays it, not a bank (loan 银行放款).
alter table public.payments drop constraint payments_method_check,
  add constraint payments_method_check
    check (method in ('cash', 'pos', 'transfer', 'wechat', 'alipay', 'cheque', 'loan', 'provident_centre', 'internal'));

create or replace function private.payment_method_zh(p_method text)
returns text
language sql immutable set search_path = ''
as $$
  select case p_method when 'full' then '一次性付款' when 'mortgage' then '按揭' when 'instalment' then '分期'
                       when 'provident_fund' then '公积金贷款' when 'combined' then '组合贷款' else p_method end
$$;


-- compute_buildup: as in 20261206120000_deal_money_rules, the method checked against payment_methods().
create or replace function private.compute_buildup(
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
  if p_payment_method is not null and not (p_payment_method = any (private.payment_methods())) then
    perform private.fail('invalid_payment_method', '付款方式只能是一次性付款、按揭、分期、公积金贷款或组合贷款',
      'Payment method is full, mortgage, instalment, provident_fund or combined');
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

-- policy_options: as in 20261206120000_deal_money_rules, the method checked against payment_methods().
create or replace function public.policy_options(p_project_id uuid, p_payment_method text default null, p_customer_id uuid default null)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_source public.customer_source;
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if not (private.is_member(p_project_id) or private.is_admin(p_project_id)) then
    perform private.fail('forbidden', '您没有权限查看该项目的优惠政策', 'You may not see policies of this project');
  end if;
  if p_payment_method is not null and not (p_payment_method = any (private.payment_methods())) then
    perform private.fail('invalid_payment_method', '付款方式只能是一次性付款、按揭、分期、公积金贷款或组合贷款',
      'Payment method is full, mortgage, instalment, provident_fund or combined');
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

-- insert_subscription: as in 20261206120000_deal_money_rules, the method checked against payment_methods().
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
  if p_payment_method is null or not (p_payment_method = any (private.payment_methods())) then
    perform private.fail('invalid_payment_method', '付款方式只能是一次性付款、按揭、分期、公积金贷款或组合贷款',
      'Payment method is full, mortgage, instalment, provident_fund or combined');
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
  The payment plan must fit the subscription's payment method (认购书主要条款与合同一致). Kinds:
  deposit 定金 · down_payment 首付 · installment 房款 · mortgage 按揭放款 (bank) · provident_loan
  公积金放款 (公积金中心).
    full 一次性付款       — no loan item; besides 定金, the price is paid in one item (首付 or 房款);
                            and the whole plan falls within 90 days (last due date − first ≤ 90);
    mortgage 按揭         — at least one 按揭放款, no 公积金放款, at least one 定金/首付;
    provident_fund 公积金 — at least one 公积金放款, no 按揭放款, at least one 定金/首付;
    combined 组合贷       — at least one 按揭放款 (商贷) and one 公积金放款, at least one 定金/首付;
    instalment 分期       — no loan item; besides 定金, at least two items (首付 and 房款 in parts).
*/
create or replace function private.check_plan_method(p_method text, p_plan jsonb)
returns void
language plpgsql immutable set search_path = ''
as $$
declare
  v_kinds text[];
  v_parts int;
  v_span int;
  v_bank boolean;
  v_fund boolean;
begin
  select array_agg(x ->> 'kind'), count(*) filter (where x ->> 'kind' <> 'deposit'),
         max((x ->> 'due_date')::date) - min((x ->> 'due_date')::date)
    into v_kinds, v_parts, v_span from jsonb_array_elements(p_plan) x;
  v_bank := 'mortgage' = any (v_kinds);
  v_fund := 'provident_loan' = any (v_kinds);
  if p_method in ('full', 'instalment') and (v_bank or v_fund) then
    perform private.fail('plan_method_mismatch',
      format('%s的合同不能有贷款放款期（按揭放款或公积金放款）', private.payment_method_zh(p_method)),
      'Only a loan contract has a loan disbursement item');
  elsif p_method = 'full' and v_parts > 1 then
    perform private.fail('plan_method_mismatch', '一次性付款的合同除定金外只能有一期房款，不能分期', 'A full-payment plan pays the price in one item besides the deposit');
  elsif p_method = 'full' and v_span > 90 then
    perform private.fail('plan_method_mismatch', '一次性付款的合同须在90天内付清全部房款', 'A full-payment plan must be paid within 90 days');
  elsif p_method = 'mortgage' and not v_bank then
    perform private.fail('plan_method_mismatch', '按揭付款的合同须有按揭放款期', 'A mortgage contract needs a mortgage item');
  elsif p_method = 'mortgage' and v_fund then
    perform private.fail('plan_method_mismatch', '按揭（商业贷款）的合同不能有公积金放款期，公积金与商贷并用请选组合贷款',
      'A mortgage contract has no provident-fund item; choose combined for both');
  elsif p_method = 'provident_fund' and not v_fund then
    perform private.fail('plan_method_mismatch', '公积金贷款的合同须有公积金放款期', 'A provident-fund contract needs a provident-loan item');
  elsif p_method = 'provident_fund' and v_bank then
    perform private.fail('plan_method_mismatch', '公积金贷款的合同不能有按揭（商贷）放款期，公积金与商贷并用请选组合贷款',
      'A provident-fund contract has no commercial mortgage item; choose combined for both');
  elsif p_method = 'combined' and not (v_bank and v_fund) then
    perform private.fail('plan_method_mismatch', '组合贷款的合同须同时有按揭放款（商贷）和公积金放款两期',
      'A combined-loan contract needs both a mortgage and a provident-loan item');
  elsif p_method in ('mortgage', 'provident_fund', 'combined') and not ('deposit' = any (v_kinds) or 'down_payment' = any (v_kinds)) then
    perform private.fail('plan_method_mismatch',
      format('%s的合同须有定金或首付期', private.payment_method_zh(p_method)), 'A loan contract needs a deposit or down-payment item');
  elsif p_method = 'instalment' and v_parts < 2 then
    perform private.fail('plan_method_mismatch', '分期付款的合同除定金外至少要有两期（首付和房款）', 'An instalment plan has at least two items besides the deposit');
  end if;
end
$$;


/*
  create_contract: as in 20261206185000_usable_papers, a plan item may also be 公积金放款 (provident_loan).
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
  if v_no is not null and exists (select 1 from public.contracts where project_id = v_sub.project_id and contract_no = v_no) then
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
         or coalesce(v_item ->> 'kind', '') not in ('deposit', 'down_payment', 'installment', 'mortgage', 'provident_loan') then
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
  if v_no is null then
    v_no := private.next_contract_no(v_sub.project_id, true);
  end if;

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
  on conflict (project_id, contract_no) do nothing
  returning * into v_row;
  if v_row.id is null then
    perform private.fail('contract_no_taken', '合同编号已被使用', 'This contract number is already used');
  end if;
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

revoke execute on function private.payment_methods() from public, anon, authenticated;
