-- Payments (收款): recorded by finance only, never edited or deleted. amount is the signed cash
-- flow to the developer: money in is positive, a refund (退款) negative; a correction is a
-- reversing entry (the negated amount, `reverses` pointing at the original) with a reason; a
-- carry-over (换房结转) is a pair of entries moving money from one subscription to another.
-- Receipt numbers are unique per project.

create table public.payments (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  customer_id uuid not null references public.customers (id),
  subscription_id uuid references public.subscriptions (id),
  contract_id uuid references public.contracts (id),
  plan_item_id uuid references public.payment_plan_items (id),
  -- sincerity 诚意金 · deposit 定金 · down_payment 首付 · installment 房款 · mortgage 按揭放款 ·
  -- refund 退款 · carry_over 换房结转
  kind text not null check (kind in ('sincerity', 'deposit', 'down_payment', 'installment', 'mortgage', 'refund', 'carry_over')),
  amount numeric(14, 2) not null check (amount <> 0),
  method text not null check (method in ('cash', 'pos', 'transfer', 'wechat', 'alipay', 'cheque', 'loan', 'internal')),
  receipt_no text,
  paid_on date not null,
  reverses uuid unique references public.payments (id),   -- a payment is reversed at most once
  reason text,                                            -- why (reversals)
  unit_change_id uuid references public.unit_changes (id),
  recorded_by uuid references public.staff (id),
  created_at timestamptz not null default now(),
  check (reverses is null or length(trim(coalesce(reason, ''))) > 0),
  check (receipt_no is not null or reverses is not null or kind = 'carry_over')
);
comment on table public.payments is '收款/退款流水：仅财务录入，更正用冲销，不修改不删除';
create unique index payments_receipt_no_idx on public.payments (project_id, receipt_no) where receipt_no is not null;
create index payments_subscription_idx on public.payments (subscription_id);
create index payments_contract_idx on public.payments (contract_id);
create index payments_plan_item_idx on public.payments (plan_item_id);
create index payments_customer_idx on public.payments (customer_id);
create index payments_project_idx on public.payments (project_id, paid_on desc);

-- Money on a subscription: payments linked to it, plus the sincerity money it took over.
create function private.subscription_received(p_subscription_id uuid)
returns numeric
language sql stable security definer set search_path = ''
as $$
  select coalesce((select sum(p.amount) from public.payments p where p.subscription_id = p_subscription_id), 0)
       + coalesce((select s.sincerity_applied from public.subscriptions s where s.id = p_subscription_id), 0)
$$;

/*
  Record money received (or a refund, p_amount positive, stored negative). Finance of the project
  only. Links are checked: the subscription and contract belong to the customer, the plan item to
  the contract (the contract and subscription are filled in from the most specific link).
*/
create function public.record_payment(
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
    v_balance := case when v_subscription_id is not null then private.subscription_received(v_subscription_id)
                      else private.sincerity_available(p_customer_id) end;
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

-- Correct a payment: a reversing entry with the negated amount and a reason. Never an edit.
create function public.reverse_payment(p_payment_id uuid, p_reason text)
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
  insert into public.payments (project_id, customer_id, subscription_id, contract_id, plan_item_id, kind, amount, method,
    receipt_no, paid_on, reverses, reason, recorded_by)
  values (v_orig.project_id, v_orig.customer_id, v_orig.subscription_id, v_orig.contract_id, v_orig.plan_item_id, v_orig.kind,
    -v_orig.amount, v_orig.method, null, private.project_today(v_orig.project_id), v_orig.id, v_reason, (select auth.uid()))
  returning * into v_row;
  perform private.audit('payment.reverse', 'payments', v_row.id, v_orig.project_id, to_jsonb(v_orig), to_jsonb(v_row));
  return to_jsonb(v_row);
end
$$;

/*
  换房结转: finance moves what the old subscription holds to the new one, as two entries
  (−X on the old, +X on the new, kind carry_over, linked to the unit change). X is the old
  subscription's balance now (payments recorded after the approval included).
*/
create function public.carry_over_payment(p_unit_change_id uuid)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_change public.unit_changes;
  v_old public.subscriptions;
  v_new public.subscriptions;
  v_amount numeric(14, 2);
  v_today date;
  v_out public.payments;
  v_in public.payments;
begin
  select * into v_change from public.unit_changes where id = p_unit_change_id for update;
  if not found then
    perform private.fail('request_not_found', '换房申请不存在', 'Unit change not found');
  end if;
  perform private.require_role(v_change.project_id, array['finance']::public.staff_role[]);
  if v_change.kind <> 'change' or v_change.status <> 'approved' then
    perform private.fail('not_carry_over', '只有已批准的换房可以结转款项', 'Only an approved unit change carries money over');
  end if;
  if v_change.settled_at is not null then
    perform private.fail('already_settled', '该换房款项已结转', 'Already carried over');
  end if;
  select * into v_old from public.subscriptions where id = v_change.subscription_id for update;
  select * into v_new from public.subscriptions where id = v_change.new_subscription_id for update;
  v_today := private.project_today(v_change.project_id);
  -- The sincerity money the old subscription took over moves with it (it is part of its balance).
  v_amount := private.subscription_received(v_old.id);
  if v_amount < 0 then
    perform private.fail('invalid_amount', '原认购余额为负，请先核对', 'The old subscription has a negative balance');
  end if;
  if v_amount > 0 then
    insert into public.payments (project_id, customer_id, subscription_id, kind, amount, method, paid_on, reason, unit_change_id, recorded_by)
    values (v_old.project_id, v_old.customer_id, v_old.id, 'carry_over', -v_amount, 'internal', v_today,
            '换房结转至 ' || private.unit_label(v_new.unit_id), p_unit_change_id, (select auth.uid()))
    returning * into v_out;
    insert into public.payments (project_id, customer_id, subscription_id, kind, amount, method, paid_on, reason, unit_change_id, recorded_by)
    values (v_new.project_id, v_new.customer_id, v_new.id, 'carry_over', v_amount, 'internal', v_today,
            '由 ' || private.unit_label(v_old.unit_id) || ' 换房结转', p_unit_change_id, (select auth.uid()))
    returning * into v_in;
  end if;
  update public.unit_changes set carried_over = v_amount, settled_at = now(), settled_by = (select auth.uid())
   where id = p_unit_change_id returning * into v_change;
  perform private.audit('payment.carry_over', 'unit_changes', v_change.id, v_change.project_id, null,
    jsonb_build_object('amount', v_amount, 'out', v_out.id, 'in', v_in.id));
  return jsonb_build_object('unit_change_id', v_change.id, 'amount', private.money_text(v_amount),
    'out_payment_id', v_out.id, 'in_payment_id', v_in.id);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Views: balances, receivables (应收/催款), refunds and carry-overs due
-- ---------------------------------------------------------------------------------------------

create view public.subscription_overview with (security_invoker = true) as
select s.id, s.project_id, s.unit_id, private.unit_label(s.unit_id) as unit_label,
       s.customer_id, c.name as customer_name, s.consultant_id, st.name as consultant_name,
       s.payment_method, s.list_price, s.price_after_policies, s.price, s.deposit_due, s.sincerity_applied,
       s.discount_request_id, s.contract_deadline, s.status, s.created_at, s.closed_at,
       private.subscription_received(s.id) as received,
       s.price - private.subscription_received(s.id) as outstanding,
       greatest(s.deposit_due - private.subscription_received(s.id), 0) as deposit_outstanding,
       (s.status = 'active' and s.contract_deadline < private.project_today(s.project_id)) as past_deadline,
       case when s.status = 'active' then greatest(private.project_today(s.project_id) - s.contract_deadline, 0) end as days_past_deadline,
       (select ct.id from public.contracts ct where ct.subscription_id = s.id and ct.status in ('pending', 'approved', 'signed')) as contract_id
  from public.subscriptions s
  left join public.customers c on c.id = s.customer_id
  left join public.staff st on st.id = s.consultant_id;

create view public.contract_overview with (security_invoker = true) as
select ct.id, ct.project_id, ct.contract_no, ct.subscription_id, ct.unit_id, private.unit_label(ct.unit_id) as unit_label,
       ct.customer_id, c.name as customer_name, ct.consultant_id, st.name as consultant_name,
       ct.price, ct.payment_method, ct.status, ct.signed_on, ct.registration_no, ct.registered_on, ct.created_at,
       private.subscription_received(ct.subscription_id) as received,
       ct.price - private.subscription_received(ct.subscription_id) as outstanding
  from public.contracts ct
  left join public.customers c on c.id = ct.customer_id
  left join public.staff st on st.id = ct.consultant_id;

-- One row per plan item of a live contract: what is due, paid, outstanding, how many days overdue.
-- Money received on the deal (deposit before the contract, sincerity taken over, carry-overs,
-- instalments) pays the items in their order, so a deposit paid at subscription time settles the
-- plan's deposit item whether or not the payment named it.
create view public.receivables with (security_invoker = true) as
select x.plan_item_id, x.project_id, x.contract_id, x.contract_no, x.contract_status, x.unit_id, x.unit_label,
       x.customer_id, x.customer_name, x.customer_phone, x.consultant_id, x.consultant_name,
       x.seq, x.kind, x.due_date, x.amount_due, x.paid, x.amount_due - x.paid as outstanding,
       case when x.amount_due > x.paid and x.due_date < x.today then x.today - x.due_date else 0 end as overdue_days
  from (
    select i.id as plan_item_id, i.project_id, i.contract_id, ct.contract_no, ct.status as contract_status,
           ct.unit_id, private.unit_label(ct.unit_id) as unit_label,
           ct.customer_id, c.name as customer_name, c.phone as customer_phone,
           ct.consultant_id, st.name as consultant_name,
           i.seq, i.kind, i.due_date, i.amount as amount_due,
           least(i.amount, greatest(r.received - (sum(i.amount) over (partition by i.contract_id order by i.seq) - i.amount), 0)) as paid,
           private.project_today(i.project_id) as today
      from public.payment_plan_items i
      join public.contracts ct on ct.id = i.contract_id and ct.status in ('approved', 'signed')
      cross join lateral (select private.subscription_received(ct.subscription_id) as received) r
      left join public.customers c on c.id = ct.customer_id
      left join public.staff st on st.id = ct.consultant_id
  ) x;

-- Refunds (退房) and carry-overs (换房) finance still has to handle.
create view public.money_due_on_changes with (security_invoker = true) as
select u.id as unit_change_id, u.project_id, u.kind, u.subscription_id, u.new_subscription_id,
       u.customer_id, c.name as customer_name, private.unit_label(u.old_unit_id) as unit_label,
       private.unit_label(u.new_unit_id) as new_unit_label, u.decided_at,
       u.refund_due, u.carry_over_due, u.carried_over,
       private.subscription_received(u.subscription_id) as balance_on_old,
       case when u.kind = 'cancellation' then private.subscription_received(u.subscription_id) = 0
            else u.settled_at is not null end as settled
  from public.unit_changes u
  left join public.customers c on c.id = u.customer_id
 where u.status = 'approved';

-- ---------------------------------------------------------------------------------------------
-- RLS: finance and managers of the project read payments; the consultant of the deal reads its
-- payments. Nobody inserts, updates or deletes except through the finance functions.
-- ---------------------------------------------------------------------------------------------

alter table public.payments enable row level security;
create policy "read payments of my deals" on public.payments for select to authenticated
  using (private.has_role(project_id, private.manager_roles() || array['finance']::public.staff_role[])
         or (select private.is_admin())
         or exists (select 1 from public.customers c where c.id = customer_id and c.owner_id = (select auth.uid()))
         or exists (select 1 from public.subscriptions s where s.id = subscription_id and s.consultant_id = (select auth.uid())));
revoke insert, update, delete, truncate on public.payments from anon, authenticated;
revoke all on public.payments, public.subscription_overview, public.contract_overview, public.receivables,
              public.money_due_on_changes from anon;

revoke execute on function public.record_payment(uuid, uuid, text, numeric, text, text, date, uuid, uuid, uuid),
                           public.reverse_payment(uuid, text), public.carry_over_payment(uuid) from anon, public;
grant execute on function public.record_payment(uuid, uuid, text, numeric, text, text, date, uuid, uuid, uuid),
                          public.reverse_payment(uuid, text), public.carry_over_payment(uuid) to authenticated;
