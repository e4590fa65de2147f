-- Contracts (商品房买卖合同): drafted from an active subscription with exactly its price and
-- payment method (认购书主要条款与合同一致), a payment plan (付款计划) adding up to the price to the
-- fen, approved by the sales manager then the marketing director, then signed (unit → signed,
-- subscription → converted, customer → signed, channel commission computed) and registered
-- (网签备案).

create table public.contracts (
  id uuid primary key,
  approval_id uuid unique references public.approvals (id),
  project_id uuid not null references public.projects (id) on delete cascade,
  subscription_id uuid not null references public.subscriptions (id),
  unit_id uuid not null references public.units (id),
  customer_id uuid not null references public.customers (id),
  consultant_id uuid not null references public.staff (id),
  contract_no text not null check (length(trim(contract_no)) > 0),
  price numeric(14, 2) not null check (price > 0),
  payment_method text not null check (payment_method in ('full', 'mortgage', 'instalment')),
  -- pending (approval) → approved → signed; or rejected; cancelled by an approved 退房.
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'signed', 'cancelled')),
  signed_on date,
  registration_no text,
  registered_on date,
  created_by uuid references public.staff (id),
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  signed_at timestamptz,
  cancelled_at timestamptz,
  unique (project_id, contract_no),
  check ((status = 'signed') <= (signed_on is not null)),
  check ((registration_no is null) = (registered_on is null))
);
comment on table public.contracts is '合同：由认购转签，价格与付款方式与认购一致';
-- One live contract per subscription (a rejected or cancelled one may be redrafted).
create unique index contracts_one_live_per_subscription on public.contracts (subscription_id)
  where status in ('pending', 'approved', 'signed');
create index contracts_project_idx on public.contracts (project_id, created_at desc);

create table public.payment_plan_items (
  id uuid primary key default gen_random_uuid(),
  contract_id uuid not null references public.contracts (id) on delete cascade,
  project_id uuid not null references public.projects (id) on delete cascade,
  seq int not null check (seq >= 1),
  due_date date not null,
  amount numeric(14, 2) not null check (amount > 0),
  kind text not null check (kind in ('deposit', 'down_payment', 'installment', 'mortgage')),   -- 定金 首付 房款 按揭放款
  unique (contract_id, seq)
);
comment on table public.payment_plan_items is '付款计划：分期、到期日、金额';
create index payment_plan_items_due_idx on public.payment_plan_items (project_id, due_date);

/*
  Draft a contract from an active subscription. The consultant who signed it (or a manager),
  regularised. Plan: [{seq, due_date, amount, kind}], amounts adding up to the price exactly
  (plan_total_mismatch). Starts the approval (sales_manager → marketing_director).
*/
create function public.create_contract(p_subscription_id uuid, p_contract_no text, p_plan jsonb)
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
  if v_sub.payment_method <> 'mortgage' and exists (select 1 from jsonb_array_elements(p_plan) x where x ->> 'kind' = 'mortgage') then
    perform private.fail('plan_method_mismatch', '非按揭付款的合同不能有按揭放款期', 'Only a mortgage deal has a mortgage item');
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

create function private.on_contract_outcome(p_subject_id uuid, p_outcome text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.contracts;
begin
  update public.contracts set status = p_outcome, decided_at = now()
   where id = p_subject_id and status = 'pending'
  returning * into v_row;
  return jsonb_build_object('contract_id', p_subject_id, 'status', v_row.status);
end
$$;

/*
  Sign an approved contract: unit → signed, subscription → converted, customer → signed, and
  the channel commission computed when a visited report still protects the customer.
*/
create function public.sign_contract(p_contract_id uuid, p_signed_on date default null)
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
  v_signed_on := coalesce(p_signed_on, private.project_today(v_row.project_id));
  if v_signed_on > private.project_today(v_row.project_id)
     or v_signed_on < (select (v_sub.created_at at time zone p.timezone)::date from public.projects p where p.id = v_row.project_id) then
    perform private.fail('invalid_date', '签约日期不正确', 'The signing date is invalid');
  end if;

  v_before := to_jsonb(v_row);
  perform private.unit_to_signed(v_row.unit_id);
  update public.subscriptions set status = 'converted', closed_at = now() where id = v_sub.id;
  perform private.set_customer_status(v_row.customer_id, 'signed');
  update public.contracts set status = 'signed', signed_on = v_signed_on, signed_at = now()
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

-- 网签备案: record the registration of a signed contract.
create function public.register_contract(p_contract_id uuid, p_registration_no text, p_registered_on date default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.contracts;
  v_before jsonb;
  v_no text := nullif(trim(coalesce(p_registration_no, '')), '');
  v_on date;
begin
  select * into v_row from public.contracts where id = p_contract_id for update;
  if not found then
    perform private.fail('contract_not_found', '合同不存在', 'Contract not found');
  end if;
  if not (private.has_role(v_row.project_id, private.manager_roles() || array['finance']::public.staff_role[])
          or (v_row.consultant_id = (select auth.uid()) and private.has_role(v_row.project_id, array['consultant']::public.staff_role[]))) then
    perform private.fail('forbidden', '您没有权限办理网签备案', 'You may not register this contract');
  end if;
  if v_row.status <> 'signed' then
    perform private.fail('contract_not_signed', '合同签约后才能网签备案', 'Only a signed contract can be registered');
  end if;
  if v_row.registration_no is not null then
    perform private.fail('contract_already_registered', '该合同已网签备案', 'The contract is already registered');
  end if;
  if v_no is null then
    perform private.fail('registration_no_required', '请填写备案编号', 'The registration number is required');
  end if;
  v_on := coalesce(p_registered_on, private.project_today(v_row.project_id));
  if v_on < v_row.signed_on or v_on > private.project_today(v_row.project_id) then
    perform private.fail('invalid_date', '备案日期不能早于签约日期或晚于今天', 'The registration date is invalid');
  end if;
  v_before := to_jsonb(v_row);
  update public.contracts set registration_no = v_no, registered_on = v_on where id = p_contract_id returning * into v_row;
  perform private.audit('contract.register', 'contracts', v_row.id, v_row.project_id, v_before, to_jsonb(v_row));
  return to_jsonb(v_row);
end
$$;

alter table public.contracts enable row level security;
alter table public.payment_plan_items enable row level security;
create policy "read contracts of my deals" on public.contracts for select to authenticated
  using (private.can_view_deal(project_id, consultant_id, customer_id));
create policy "read plans of contracts I see" on public.payment_plan_items for select to authenticated
  using (exists (select 1 from public.contracts c where c.id = contract_id));
revoke insert, update, delete, truncate on public.contracts, public.payment_plan_items from anon, authenticated;
revoke all on public.contracts, public.payment_plan_items from anon;

revoke execute on function public.create_contract(uuid, text, jsonb), public.sign_contract(uuid, date),
                           public.register_contract(uuid, text, date) from anon, public;
grant execute on function public.create_contract(uuid, text, jsonb), public.sign_contract(uuid, date),
                          public.register_contract(uuid, text, date) to authenticated;

-- Internal steps of the functions above: not for callers (PostgREST does not expose private anyway).
revoke execute on function private.on_contract_outcome(uuid, text) from public, anon, authenticated;
