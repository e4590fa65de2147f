/*
  Usable papers (issue 15 item 4).

  1. Customers' ID documents (证件类型/证件号码). The full number lives in a private table nobody
     reads directly; customers carry only the type and a masked form (3301**********1234) for
     lists and search. The full number comes from customer_id_document() for the people who may
     work the customer (owner consultant, managers) and the project's finance (printouts).
     Brokers never read customers at all. A 身份证 must be 18 characters with a valid date of
     birth and check digit.
  2. The seller on every printout: developer legal name (开发商名称), 预售许可证号 and the
     developer's address on the project, edited by admins in the projects form.
  3. Contract numbers from a per-project counter and a pattern on the project
     ({code}-{yyyy}-{seq:4} by default). A number already taken is never generated nor suggested;
     a number typed by hand is still accepted when unused (the database checks uniqueness).
*/

-- ---------------------------------------------------------------------------------------------
-- 1. ID documents
-- ---------------------------------------------------------------------------------------------
alter table public.customers
  add column id_type text check (id_type in ('id_card', 'passport', 'hk_macau_permit', 'taiwan_permit', 'other')),
  add column id_no_masked text;
comment on column public.customers.id_type is '证件类型: 身份证 id_card, 护照 passport, 港澳通行证 hk_macau_permit, 台胞证 taiwan_permit, 其他 other';
comment on column public.customers.id_no_masked is '证件号码 masked for lists and search; the full number only via customer_id_document()';

create table private.customer_id_documents (
  customer_id uuid primary key references public.customers (id) on delete cascade,
  id_type text not null,
  id_no text not null,
  updated_at timestamptz not null default now(),
  updated_by uuid references public.staff (id)
);
revoke all on private.customer_id_documents from public, anon, authenticated;

-- 18-character 身份证: 6-digit region, a real date of birth, sequence, ISO 7064 check character.
create function private.valid_cn_id_card(p text)
returns boolean
language plpgsql immutable set search_path = ''
as $$
declare
  c_weights constant int[] := array[7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  v_sum int := 0;
  v_birth date;
begin
  if p is null or p !~ '^[1-9][0-9]{16}[0-9X]$' then
    return false;
  end if;
  begin
    v_birth := to_date(substr(p, 7, 8), 'YYYYMMDD');
    if to_char(v_birth, 'YYYYMMDD') <> substr(p, 7, 8) or v_birth < date '1900-01-01' then
      return false;
    end if;
  exception when others then
    return false;
  end;
  for i in 1..17 loop
    v_sum := v_sum + substr(p, i, 1)::int * c_weights[i];
  end loop;
  return substr('10X98765432', v_sum % 11 + 1, 1) = substr(p, 18, 1);
end
$$;

-- Masked form: 3301**********1234 for long numbers, E1*****78 for short ones.
create function private.mask_id_no(p text)
returns text
language sql immutable set search_path = ''
as $$
  select case
    when p is null then null
    when length(p) >= 12 then left(p, 4) || repeat('*', length(p) - 8) || right(p, 4)
    when length(p) >= 5 then left(p, 2) || repeat('*', length(p) - 4) || right(p, 2)
    else repeat('*', length(p))
  end
$$;

-- Normalised number or a refusal: upper case, no spaces; per-type format.
create function private.check_id_document(p_type text, p_no text)
returns text
language plpgsql immutable set search_path = ''
as $$
declare
  v text := upper(regexp_replace(coalesce(p_no, ''), '\s', '', 'g'));
begin
  if p_type is null or p_type not in ('id_card', 'passport', 'hk_macau_permit', 'taiwan_permit', 'other') then
    perform private.fail('invalid_id_type', '证件类型不正确', 'Unknown ID document type');
  end if;
  if v = '' then
    perform private.fail('id_no_required', '请填写证件号码', 'The ID number is required');
  end if;
  if p_type = 'id_card' then
    if v !~ '^[0-9]{17}[0-9X]$' then
      perform private.fail('invalid_id_no', '身份证号码应为18位（最后一位可为X）', 'A resident ID number has 18 characters (the last may be X)');
    end if;
    if not private.valid_cn_id_card(v) then
      perform private.fail('invalid_id_no', '身份证号码校验不通过，请核对出生日期和校验位', 'The resident ID number fails its date or check-digit test');
    end if;
  elsif v !~ '^[A-Z0-9()（）-]{5,20}$' then
    perform private.fail('invalid_id_no', '证件号码格式不正确（5–20位字母或数字）', 'The ID number must be 5–20 letters or digits');
  end if;
  return v;
end
$$;

/*
  set_customer_id_document: record or replace a customer's ID document. Same people as
  update_customer (the owner consultant or a manager of the project).
*/
create function public.set_customer_id_document(p_customer_id uuid, p_id_type text, p_id_no text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v public.customers;
  v_no text;
  v_before jsonb;
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  select * into v from public.customers where id = p_customer_id;
  if not found or not private.can_work_customer(p_customer_id) then
    if found and private.has_role(v.project_id, private.sales_roles()) then
      perform private.fail('customer_not_yours', '只有客户的权属顾问或经理可以修改', 'Only the owner or a manager may change this customer');
    end if;
    perform private.fail('customer_not_found', '客户不存在', 'Customer not found');
  end if;
  v_no := private.check_id_document(p_id_type, p_id_no);
  select * into v from public.customers where id = p_customer_id for update;
  v_before := jsonb_build_object('id_type', v.id_type, 'id_no_masked', v.id_no_masked);
  insert into private.customer_id_documents (customer_id, id_type, id_no, updated_by)
  values (p_customer_id, p_id_type, v_no, (select auth.uid()))
  on conflict (customer_id) do update
    set id_type = excluded.id_type, id_no = excluded.id_no, updated_at = now(), updated_by = excluded.updated_by;
  update public.customers set id_type = p_id_type, id_no_masked = private.mask_id_no(v_no) where id = p_customer_id;
  -- The audit keeps the masked form only: the trail is read by more people than the customer.
  perform private.audit('customer.id_document', 'customers', p_customer_id, v.project_id, v_before,
    jsonb_build_object('id_type', p_id_type, 'id_no_masked', private.mask_id_no(v_no)));
  return jsonb_build_object('customer_id', p_customer_id, 'id_type', p_id_type, 'id_no_masked', private.mask_id_no(v_no));
end
$$;

/*
  customer_id_document: the full number, for the customer page and printouts. The owner
  consultant and managers (can_work_customer) and the project's finance; everyone else is told
  the customer does not exist.
*/
create function public.customer_id_document(p_customer_id uuid)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v public.customers;
  d private.customer_id_documents;
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  select * into v from public.customers where id = p_customer_id;
  if not found or not (private.can_work_customer(p_customer_id)
                       or private.has_role(v.project_id, array['finance']::public.staff_role[])) then
    perform private.fail('customer_not_found', '客户不存在', 'Customer not found');
  end if;
  select * into d from private.customer_id_documents where customer_id = p_customer_id;
  return jsonb_build_object('customer_id', p_customer_id, 'id_type', d.id_type, 'id_no', d.id_no,
                            'id_no_masked', v.id_no_masked);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- 2. The seller on printouts, and the contract-number pattern
-- ---------------------------------------------------------------------------------------------
alter table public.projects
  add column developer_name text check (developer_name is null or length(trim(developer_name)) > 0),
  add column presale_permit_no text,
  add column developer_address text,
  add column contract_no_pattern text not null default '{code}-{yyyy}-{seq:4}'
    check (contract_no_pattern ~ '\{seq(:[1-9])?\}' and length(contract_no_pattern) <= 60);
comment on column public.projects.developer_name is '开发商名称: the seller (出卖人) on every printout';
comment on column public.projects.presale_permit_no is '预售许可证号';
comment on column public.projects.contract_no_pattern is
  'Contract number pattern: {code} project code, {yyyy}/{yy} year, {mm} month (project time zone), {seq:N} counter padded to N';

-- ---------------------------------------------------------------------------------------------
-- 3. Contract numbers
-- ---------------------------------------------------------------------------------------------
-- One counter per project and rendered prefix (so a pattern with {yyyy} starts again each year).
create table private.contract_no_counters (
  project_id uuid not null references public.projects (id) on delete cascade,
  scope text not null,
  last_seq int not null default 0,
  primary key (project_id, scope)
);
revoke all on private.contract_no_counters from public, anon, authenticated;

create function private.render_contract_no(p_pattern text, p_code text, p_day date, p_seq int)
returns text
language plpgsql immutable set search_path = ''
as $$
declare
  v text := p_pattern;
  v_width int := coalesce((regexp_match(p_pattern, '\{seq:([1-9])\}'))[1]::int, 1);
begin
  v := replace(v, '{code}', coalesce(p_code, ''));
  v := replace(v, '{yyyy}', to_char(p_day, 'YYYY'));
  v := replace(v, '{yy}', to_char(p_day, 'YY'));
  v := replace(v, '{mm}', to_char(p_day, 'MM'));
  if p_seq is null then
    return regexp_replace(v, '\{seq(:[1-9])?\}', '{seq}', 'g');
  end if;
  return regexp_replace(v, '\{seq(:[1-9])?\}', lpad(p_seq::text, greatest(v_width, length(p_seq::text)), '0'), 'g');
end
$$;

/*
  The next free number of a project. p_take: advance the counter (inside create_contract; the
  counter row is locked, so parallel contracts get consecutive numbers); otherwise only look.
  Numbers already used (typed by hand earlier) are skipped.
*/
create function private.next_contract_no(p_project_id uuid, p_take boolean)
returns text
language plpgsql security definer set search_path = ''
as $$
declare
  p public.projects;
  v_day date;
  v_scope text;
  v_seq int;
  v_no text;
begin
  select * into p from public.projects where id = p_project_id;
  v_day := private.project_today(p_project_id);
  v_scope := private.render_contract_no(p.contract_no_pattern, p.code, v_day, null);
  if p_take then
    insert into private.contract_no_counters (project_id, scope) values (p_project_id, v_scope) on conflict do nothing;
    select last_seq into v_seq from private.contract_no_counters where project_id = p_project_id and scope = v_scope for update;
  else
    select coalesce(max(last_seq), 0) into v_seq from private.contract_no_counters where project_id = p_project_id and scope = v_scope;
  end if;
  loop
    v_seq := v_seq + 1;
    v_no := private.render_contract_no(p.contract_no_pattern, p.code, v_day, v_seq);
    exit when not exists (select 1 from public.contracts where project_id = p_project_id and contract_no = v_no);
  end loop;
  if p_take then
    update private.contract_no_counters set last_seq = v_seq where project_id = p_project_id and scope = v_scope;
  end if;
  return v_no;
end
$$;

-- The number the contract form shows: what create_contract would give now (not reserved).
create function public.suggest_contract_no(p_project_id uuid)
returns text
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_role(p_project_id, array['consultant']::public.staff_role[] || private.manager_roles());
  return private.next_contract_no(p_project_id, false);
end
$$;

/*
  create_contract: as in 20261206120000_deal_money_rules, except the number: an empty number takes
  the next one of the project's pattern; a number typed by hand must be unused (checked here and
  by the unique key, so two parallel hand-typed copies cannot both pass).
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

revoke execute on function private.valid_cn_id_card(text), private.mask_id_no(text), private.check_id_document(text, text),
  private.render_contract_no(text, text, date, int), private.next_contract_no(uuid, boolean) from public, anon, authenticated;
revoke execute on function public.set_customer_id_document(uuid, text, text), public.customer_id_document(uuid),
  public.suggest_contract_no(uuid) from public, anon;
grant execute on function public.set_customer_id_document(uuid, text, text), public.customer_id_document(uuid),
  public.suggest_contract_no(uuid) to authenticated;

-- customer_list gains the document type and the masked number (appended: the view's columns
-- keep their order). The full number is never in a list.
create or replace view public.customer_list with (security_invoker = true) as
select c.id, c.project_id, c.name, c.phone, c.phone_tail, c.gender, c.source, c.grade, c.rooms, c.area_min, c.area_max,
       c.budget_max, c.purpose, c.note, c.status, c.lost_reason,
       c.owner_id, private.staff_name(c.owner_id) as owner_name, c.owned_since, c.last_follow_up_at, c.ownership_expires_at,
       private.in_pool(c.owner_id, c.ownership_expires_at) as in_pool,
       floor(extract(epoch from now() - coalesce(c.last_follow_up_at, c.created_at)) / 86400)::int as idle_days,
       c.created_by, c.created_at,
       c.id_type, c.id_no_masked
  from public.customers c;
