-- Subscriptions (认购 / 预订认购书): a customer takes a unit at a price built from the list
-- price, the chosen policies and, optionally, an approved special discount for that very unit
-- and customer. Only regularised (转正) staff may sign one. The unit goes to subscribed through
-- part A's private.unit_to_subscribed (which locks it), and a partial unique index makes a second
-- active subscription of one unit impossible whatever happens above it.

create table public.subscriptions (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  unit_id uuid not null references public.units (id),
  customer_id uuid not null references public.customers (id),
  consultant_id uuid not null references public.staff (id),       -- who signed it (regularised)
  payment_method text not null check (payment_method in ('full', 'mortgage', 'instalment')),
  list_price numeric(14, 2) not null check (list_price > 0),
  policy_ids uuid[] not null default '{}',
  price_after_policies numeric(14, 2) not null check (price_after_policies > 0),
  discount_request_id uuid unique references public.discount_requests (id),
  price numeric(14, 2) not null check (price > 0),                 -- 成交价: what the contract must say
  buildup jsonb not null,
  deposit_due numeric(14, 2) not null check (deposit_due >= 0),    -- 定金
  sincerity_applied numeric(14, 2) not null default 0 check (sincerity_applied >= 0),   -- 诚意金转定金
  contract_deadline date not null,                                 -- 签约期限
  status text not null default 'active' check (status in ('active', 'converted', 'cancelled', 'changed')),
  previous_subscription_id uuid references public.subscriptions (id),   -- 换房: the one it replaced
  note text,
  created_by uuid references public.staff (id),
  created_at timestamptz not null default now(),
  closed_at timestamptz,                                           -- converted, cancelled or changed
  check (deposit_due <= price and sincerity_applied <= price)
);
comment on table public.subscriptions is '认购：房源、客户、成交价构成、付款方式、定金、签约期限';
-- No unit is ever sold twice: at most one active subscription per unit.
create unique index subscriptions_one_active_per_unit on public.subscriptions (unit_id) where status = 'active';
create index subscriptions_project_idx on public.subscriptions (project_id, created_at desc);
create index subscriptions_customer_idx on public.subscriptions (customer_id);
create index subscriptions_consultant_idx on public.subscriptions (consultant_id, created_at desc);

-- The caller, signing a subscription or contract, must be regularised (转正) by today.
create function private.require_regularised(p_project_id uuid)
returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not exists (select 1 from public.staff s
                  where s.id = (select auth.uid()) and s.regularised_on is not null
                    and s.regularised_on <= private.project_today(p_project_id)) then
    perform private.fail('consultant_not_regularised', '试用期顾问（未转正）不能签认购书或合同，请由经理代签',
      'Consultants in probation cannot sign subscriptions or contracts');
  end if;
end
$$;

-- Sincerity money (诚意金) the customer paid (less refunds) that no subscription has taken yet.
-- (plpgsql: payments is created by a later migration.)
create function private.sincerity_available(p_customer_id uuid)
returns numeric
language plpgsql stable security definer set search_path = ''
as $$
begin
  return coalesce((select sum(p.amount) from public.payments p
                    where p.customer_id = p_customer_id and p.subscription_id is null
                      and p.kind in ('sincerity', 'refund')), 0)
       - coalesce((select sum(s.sincerity_applied) from public.subscriptions s where s.customer_id = p_customer_id), 0);
end
$$;

/*
  The new subscription row for a unit and customer (shared by create_subscription and by an
  approved 换房). Prices: the list price after the policies, or the approved request's price.
  Takes the unit via private.unit_to_subscribed (locks it; unit_not_available otherwise).
*/
create function private.insert_subscription(
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
  v_row public.subscriptions;
begin
  if p_payment_method is null or p_payment_method not in ('full', 'mortgage', 'instalment') then
    perform private.fail('invalid_payment_method', '付款方式只能是一次性、按揭或分期', 'Payment method is full, mortgage or instalment');
  end if;

  -- Take the unit first: it locks the unit row, so the price below is read under the lock.
  perform private.unit_to_subscribed(p_unit_id, p_customer_id, p_consultant_id);
  select * into v_unit from public.units where id = p_unit_id;

  if p_discount_request_id is not null then
    v_request := private.use_discount_request(p_discount_request_id, p_unit_id, p_customer_id);
    -- The approval was given for these policies; no others may ride on it.
    if cardinality(v_policy_ids) > 0 and not (v_policy_ids @> v_request.policy_ids and v_policy_ids <@ v_request.policy_ids) then
      perform private.fail('approval_not_usable', '所选优惠政策与审批时不一致', 'The policies differ from the approved request');
    end if;
    v_policy_ids := v_request.policy_ids;
    v_buildup := private.compute_buildup(v_unit.project_id, v_unit.list_price, v_policy_ids, v_request.requested_price);
    v_buildup := v_buildup || jsonb_build_object('discount_request_id', v_request.id);
    v_price := v_request.requested_price;
  else
    v_buildup := private.compute_buildup(v_unit.project_id, v_unit.list_price, v_policy_ids, null);
    v_price := (v_buildup ->> 'price_after_policies')::numeric;
  end if;

  if p_deposit_due is null or p_deposit_due < 0 or p_deposit_due <> round(p_deposit_due, 2) or p_deposit_due > v_price then
    perform private.fail('invalid_amount', '定金金额不正确（须为0至成交价之间，精确到分）', 'The deposit must be between 0 and the price, in fen');
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

  begin
    insert into public.subscriptions (project_id, unit_id, customer_id, consultant_id, payment_method, list_price, policy_ids,
      price_after_policies, discount_request_id, price, buildup, deposit_due, sincerity_applied, contract_deadline,
      previous_subscription_id, created_by)
    values (v_unit.project_id, v_unit.id, p_customer_id, p_consultant_id, p_payment_method, v_unit.list_price, v_policy_ids,
      (v_buildup ->> 'price_after_policies')::numeric, v_request.id, v_price, v_buildup, p_deposit_due, coalesce(p_sincerity_applied, 0),
      coalesce(p_contract_deadline, private.project_today(v_unit.project_id)
               + (select contract_deadline_days from public.projects where id = v_unit.project_id)),
      p_previous_id, (select auth.uid()))
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
  or held by/for them. Price: policies only, or an approved discount request for this unit and
  customer (approval_not_usable otherwise). Contract deadline default today + project setting.
*/
create function public.create_subscription(
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

  v_row := private.insert_subscription(p_unit_id, p_customer_id, v_uid, p_payment_method, p_policy_ids,
    p_discount_request_id, p_deposit_due, p_sincerity_applied, p_contract_deadline);

  v_summary := jsonb_build_object(
    'subscription_id', v_row.id, 'unit_id', v_row.unit_id, 'unit_label', private.unit_label(v_row.unit_id),
    'customer_id', v_row.customer_id, 'customer_name', v_customer.name,
    'consultant', private.staff_name(v_uid),
    'price', private.money_text(v_row.price), 'deposit_due', private.money_text(v_row.deposit_due),
    'sincerity_applied', private.money_text(v_row.sincerity_applied), 'payment_method', v_row.payment_method,
    'contract_deadline', v_row.contract_deadline);
  -- Finance collects the deposit.
  perform private.notify_roles(v_project_id, array['finance']::public.staff_role[], 'subscription_created', v_summary);
  perform private.audit('subscription.create', 'subscriptions', v_row.id, v_project_id, null, to_jsonb(v_row));
  return to_jsonb(v_row) || jsonb_build_object('unit_label', v_summary ->> 'unit_label', 'customer_name', v_customer.name);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Reading: subscriptions are visible to the project's managers and finance, and to the
-- consultant who signed them or owns the customer. Nobody writes them directly.
-- ---------------------------------------------------------------------------------------------

create function private.can_view_deal(p_project_id uuid, p_consultant_id uuid, p_customer_id uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select private.has_role(p_project_id, private.manager_roles() || array['finance']::public.staff_role[])
      or private.is_admin()
      or (p_consultant_id = (select auth.uid()) and private.is_member(p_project_id))
      or exists (select 1 from public.customers c where c.id = p_customer_id and c.owner_id = (select auth.uid()))
$$;

alter table public.subscriptions enable row level security;
create policy "read subscriptions of my deals" on public.subscriptions for select to authenticated
  using (private.can_view_deal(project_id, consultant_id, customer_id));
revoke insert, update, delete, truncate on public.subscriptions from anon, authenticated;
revoke all on public.subscriptions from anon;

revoke execute on function public.create_subscription(uuid, uuid, text, uuid[], uuid, numeric, numeric, date) from anon, public;
grant execute on function public.create_subscription(uuid, uuid, text, uuid[], uuid, numeric, numeric, date) to authenticated;

-- Internal steps of the functions above: not for callers (PostgREST does not expose private anyway).
revoke execute on function private.insert_subscription(uuid, uuid, uuid, text, uuid[], uuid, numeric, numeric, date, uuid) from public, anon, authenticated;
revoke execute on function private.require_regularised(uuid) from public, anon, authenticated;
