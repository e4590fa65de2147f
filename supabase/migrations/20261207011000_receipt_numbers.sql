/*
  Receipt numbers from the system (issue 15, usable papers).

  Like contract numbers (20261206185000_usable_papers): a per-project pattern
  (projects.receipt_no_pattern, {code} {yyyy} {yy} {mm} {seq:N}, default SJ{yyyy}{seq:6}) and a
  counter per project and rendered prefix. record_payment takes the next number when finance
  leaves it empty; a number typed from a pre-printed paper receipt is still accepted when unused
  in the project (the unique index decides, so two parallel copies cannot both pass). A generated
  number skips any number already typed by hand.
*/

alter table public.projects
  add column receipt_no_pattern text not null default 'SJ{yyyy}{seq:6}'
    check (receipt_no_pattern ~ '\{seq(:[1-9])?\}' and length(receipt_no_pattern) <= 60);
comment on column public.projects.receipt_no_pattern is
  'Receipt number pattern (收据编号规则): {code} project code, {yyyy}/{yy} year, {mm} month (project time zone), {seq:N} counter padded to N';

create table private.receipt_no_counters (
  project_id uuid not null references public.projects (id) on delete cascade,
  scope text not null,
  last_seq int not null default 0,
  primary key (project_id, scope)
);
revoke all on private.receipt_no_counters from public, anon, authenticated;

/*
  The next free receipt number of a project. p_take: advance the counter (inside record_payment;
  the counter row stays locked until commit); otherwise only look. Numbers already used are skipped.
*/
create function private.next_receipt_no(p_project_id uuid, p_take boolean)
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
  v_scope := private.render_contract_no(p.receipt_no_pattern, p.code, v_day, null);
  if p_take then
    insert into private.receipt_no_counters (project_id, scope) values (p_project_id, v_scope) on conflict do nothing;
    select last_seq into v_seq from private.receipt_no_counters where project_id = p_project_id and scope = v_scope for update;
  else
    select coalesce(max(last_seq), 0) into v_seq from private.receipt_no_counters where project_id = p_project_id and scope = v_scope;
  end if;
  loop
    v_seq := v_seq + 1;
    v_no := private.render_contract_no(p.receipt_no_pattern, p.code, v_day, v_seq);
    exit when not exists (select 1 from public.payments where project_id = p_project_id and receipt_no = v_no);
  end loop;
  if p_take then
    update private.receipt_no_counters set last_seq = v_seq where project_id = p_project_id and scope = v_scope;
  end if;
  return v_no;
end
$$;
revoke execute on function private.next_receipt_no(uuid, boolean) from public, anon, authenticated;

-- The number the payment form shows as "留空自动生成：…" (finance only; not reserved).
create function public.suggest_receipt_no(p_project_id uuid)
returns text
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_role(p_project_id, array['finance']::public.staff_role[]);
  return private.next_receipt_no(p_project_id, false);
end
$$;
revoke execute on function public.suggest_receipt_no(uuid) from public, anon;
grant execute on function public.suggest_receipt_no(uuid) to authenticated;

/*
  record_payment: as in 20261206120000_deal_money_rules, with the kind 公积金放款 (provident_loan) and
  its channel provident_centre (公积金中心放款) for 公积金 and 组合贷 contracts; and the receipt number:
  empty takes the next one of the project's pattern (no more receipt_required); typed must be unused.
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
  if p_kind is null or p_kind not in ('sincerity', 'deposit', 'down_payment', 'installment', 'mortgage', 'provident_loan', 'refund') then
    perform private.fail('invalid_payment_kind', '款项类型不正确', 'Unknown payment kind');
  end if;
  if p_method is null or p_method not in ('cash', 'pos', 'transfer', 'wechat', 'alipay', 'cheque', 'loan', 'provident_centre') then
    perform private.fail('invalid_payment_method', '付款方式不正确', 'Unknown payment method');
  end if;
  if p_amount is null or p_amount <= 0 or p_amount <> round(p_amount, 2) then
    perform private.fail('invalid_amount', '金额必须大于零且精确到分', 'The amount must be positive, in fen');
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

  -- No number typed: the next of the project's pattern (the counter row is locked until commit,
  -- so parallel payments get different numbers; a refusal above rolls the counter back).
  if v_receipt is null then
    v_receipt := private.next_receipt_no(p_project_id, true);
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
