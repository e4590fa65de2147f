-- 换房 (unit change) and 退房 (cancellation) of a subscription. Both need approval by the sales
-- manager, then the marketing director; the consequences run inside the final decision:
--   cancellation → subscription cancelled (and its contract, if any), unit back to available,
--                  the money received recorded as refund_due for finance;
--   change       → old subscription 'changed', a new active subscription on the new unit (same
--                  customer, consultant, payment method and policies; price rebuilt from the new
--                  unit's list price), old unit available, new unit subscribed (refused if it is
--                  no longer free), the money received recorded as carry_over_due for finance
--                  to move with carry_over_payment().
-- Money received is never dropped: it stays on the old subscription until finance refunds it or
-- carries it over.

create table public.unit_changes (
  id uuid primary key,
  approval_id uuid not null unique references public.approvals (id),
  project_id uuid not null references public.projects (id) on delete cascade,
  kind text not null check (kind in ('change', 'cancellation')),
  subscription_id uuid not null references public.subscriptions (id),
  customer_id uuid not null references public.customers (id),
  old_unit_id uuid not null references public.units (id),
  new_unit_id uuid references public.units (id),
  new_price_preview numeric(14, 2),                 -- the price the new unit would get, at request time
  reason text not null check (length(trim(reason)) > 0),
  requester_id uuid not null references public.staff (id),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'cancelled')),
  new_subscription_id uuid references public.subscriptions (id),
  amount_received numeric(14, 2),                   -- on the old subscription when approved
  refund_due numeric(14, 2),                        -- cancellation: to refund
  carry_over_due numeric(14, 2),                    -- change: to move to the new subscription
  carried_over numeric(14, 2),                      -- what finance moved (carry_over_payment)
  settled_at timestamptz,
  settled_by uuid references public.staff (id),
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  check ((kind = 'change') = (new_unit_id is not null))
);
comment on table public.unit_changes is '换房/退房申请';
create index unit_changes_subscription_idx on public.unit_changes (subscription_id);
create index unit_changes_project_idx on public.unit_changes (project_id, created_at desc);
-- One open request per subscription at a time.
create unique index unit_changes_one_pending on public.unit_changes (subscription_id) where status = 'pending';

-- The chain for 换房, 退房 and contracts.
create function private.deal_chain()
returns public.staff_role[]
language sql immutable set search_path = ''
as $$ select array['sales_manager', 'marketing_director']::public.staff_role[] $$;

-- The caller may act on this subscription: who signed it, who owns the customer, or a manager.
create function private.require_deal_actor(p_subscription public.subscriptions)
returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_role(p_subscription.project_id, array['consultant']::public.staff_role[] || private.manager_roles());
  if p_subscription.consultant_id is distinct from (select auth.uid()) and not private.can_work_customer(p_subscription.customer_id) then
    perform private.fail('customer_not_yours', '只能处理自己客户的认购', 'You can only act on your own customers'' subscriptions');
  end if;
end
$$;

create function private.request_unit_change_common(
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
    v_new_price := (private.compute_buildup(v_sub.project_id, v_new.list_price, v_sub.policy_ids, null) ->> 'price_after_policies')::numeric;
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

create function public.request_unit_change(p_subscription_id uuid, p_new_unit_id uuid, p_reason text)
returns jsonb
language sql security definer set search_path = ''
as $$ select private.request_unit_change_common('change', p_subscription_id, p_new_unit_id, p_reason) $$;

create function public.request_cancellation(p_subscription_id uuid, p_reason text)
returns jsonb
language sql security definer set search_path = ''
as $$ select private.request_unit_change_common('cancellation', p_subscription_id, null, p_reason) $$;

create function public.cancel_unit_change(p_unit_change_id uuid, p_reason text default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.unit_changes;
begin
  select * into v_row from public.unit_changes where id = p_unit_change_id;
  if not found then
    perform private.fail('request_not_found', '换房/退房申请不存在', 'Request not found');
  end if;
  perform private.cancel_approval(v_row.approval_id, p_reason);
  select * into v_row from public.unit_changes where id = p_unit_change_id;
  return to_jsonb(v_row);
end
$$;

-- Tell the project's finance staff about money to refund or carry over.
create function private.notify_finance(p_project_id uuid, p_kind text, p_payload jsonb)
returns void
language sql security definer set search_path = ''
as $$ select private.notify_roles(p_project_id, array['finance']::public.staff_role[], p_kind, p_payload) $$;

-- After a deal closes, the customer's status follows what is left: a signed contract → signed,
-- an active subscription → subscribed, nothing → back to following (跟进中).
create function private.customer_after_deal_closed(p_customer_id uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.set_customer_status(p_customer_id, case
    when exists (select 1 from public.contracts c where c.customer_id = p_customer_id and c.status = 'signed') then 'signed'
    when exists (select 1 from public.subscriptions s where s.customer_id = p_customer_id and s.status = 'active') then 'subscribed'
    else 'following' end::public.customer_status);
end
$$;

-- The consequences of the final decision (called by decide_approval / cancel_approval).
create function private.apply_unit_change(p_id uuid, p_outcome text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_change public.unit_changes;
  v_sub public.subscriptions;
  v_new public.subscriptions;
  v_received numeric(14, 2);
  v_deposit numeric(14, 2);
  v_before jsonb;
  c record;
begin
  select * into v_change from public.unit_changes where id = p_id for update;
  if v_change.status <> 'pending' then
    return jsonb_build_object('unit_change_id', p_id, 'status', v_change.status);
  end if;
  if p_outcome <> 'approved' then
    update public.unit_changes set status = p_outcome, decided_at = now() where id = p_id returning * into v_change;
    return jsonb_build_object('unit_change_id', p_id, 'status', v_change.status);
  end if;

  select * into v_sub from public.subscriptions where id = v_change.subscription_id for update;
  v_before := to_jsonb(v_sub);
  v_received := private.subscription_received(v_sub.id);

  if v_change.kind = 'cancellation' then
    if v_sub.status not in ('active', 'converted') then
      perform private.fail('subscription_not_active', '该认购已结束', 'This subscription is already closed');
    end if;
    -- Its contract (any not already closed) ends with it; unpaid commission is cancelled.
    for c in select * from public.contracts where subscription_id = v_sub.id and status in ('pending', 'approved', 'signed') for update loop
      update public.contracts set status = 'cancelled', cancelled_at = now() where id = c.id;
      if c.status = 'pending' then
        update public.approvals set status = 'cancelled', decided_at = now() where subject_type = 'contract' and subject_id = c.id and status = 'pending';
        update public.approval_steps set status = 'skipped'
         where approval_id = (select id from public.approvals where subject_type = 'contract' and subject_id = c.id)
           and status in ('pending', 'waiting');
      end if;
      update public.commissions set status = 'cancelled' where contract_id = c.id and status in ('computed', 'approved');
      perform private.audit('contract.cancel', 'contracts', c.id, c.project_id, jsonb_build_object('status', c.status),
        jsonb_build_object('status', 'cancelled', 'unit_change_id', p_id));
    end loop;
    perform private.unit_to_available(v_sub.unit_id);
    update public.subscriptions set status = 'cancelled', closed_at = now() where id = v_sub.id returning * into v_sub;
    perform private.customer_after_deal_closed(v_sub.customer_id);
    update public.unit_changes
       set status = 'approved', decided_at = now(), amount_received = v_received, refund_due = v_received
     where id = p_id returning * into v_change;
    if v_received > 0 then
      perform private.notify_finance(v_sub.project_id, 'refund_due', jsonb_build_object(
        'unit_change_id', p_id, 'subscription_id', v_sub.id, 'unit_label', private.unit_label(v_sub.unit_id),
        'customer_id', v_sub.customer_id, 'customer_name', (select name from public.customers where id = v_sub.customer_id),
        'refund_due', private.money_text(v_received)));
    end if;
  else
    if v_sub.status <> 'active' then
      perform private.fail('subscription_not_active', '该认购已不是有效状态，不能换房', 'This subscription is no longer active');
    end if;
    -- Close the old one first (the partial unique index is per unit, but keep one active per deal).
    update public.subscriptions set status = 'changed', closed_at = now() where id = v_sub.id returning * into v_sub;
    select least(v_sub.deposit_due,
                 (private.compute_buildup(v_sub.project_id, u.list_price, v_sub.policy_ids, null) ->> 'price_after_policies')::numeric)
      into v_deposit from public.units u where u.id = v_change.new_unit_id;
    v_new := private.insert_subscription(v_change.new_unit_id, v_sub.customer_id, v_sub.consultant_id, v_sub.payment_method,
      v_sub.policy_ids, null, v_deposit, 0, null, v_sub.id);
    perform private.unit_to_available(v_sub.unit_id);
    update public.unit_changes
       set status = 'approved', decided_at = now(), amount_received = v_received, carry_over_due = v_received,
           new_subscription_id = v_new.id
     where id = p_id returning * into v_change;
    perform private.audit('subscription.create', 'subscriptions', v_new.id, v_new.project_id, null, to_jsonb(v_new));
    if v_received > 0 then
      perform private.notify_finance(v_sub.project_id, 'carry_over_due', jsonb_build_object(
        'unit_change_id', p_id, 'subscription_id', v_sub.id, 'new_subscription_id', v_new.id,
        'unit_label', private.unit_label(v_sub.unit_id), 'new_unit_label', private.unit_label(v_new.unit_id),
        'customer_id', v_sub.customer_id, 'customer_name', (select name from public.customers where id = v_sub.customer_id),
        'carry_over_due', private.money_text(v_received)));
    end if;
  end if;

  perform private.audit(case when v_change.kind = 'change' then 'subscription.change' else 'subscription.cancel' end,
    'subscriptions', v_sub.id, v_sub.project_id, v_before, to_jsonb(v_sub));
  return jsonb_build_object('unit_change_id', p_id, 'kind', v_change.kind, 'status', v_change.status,
    'subscription_id', v_sub.id, 'new_subscription_id', v_new.id,
    'refund_due', private.money_text(v_change.refund_due), 'carry_over_due', private.money_text(v_change.carry_over_due));
end
$$;

create function private.on_unit_change_outcome(p_subject_id uuid, p_outcome text)
returns jsonb
language sql security definer set search_path = ''
as $$ select private.apply_unit_change(p_subject_id, p_outcome) $$;

create function private.on_cancellation_outcome(p_subject_id uuid, p_outcome text)
returns jsonb
language sql security definer set search_path = ''
as $$ select private.apply_unit_change(p_subject_id, p_outcome) $$;

alter table public.unit_changes enable row level security;
create policy "read unit changes of my deals" on public.unit_changes for select to authenticated
  using (private.can_view_approval(approval_id)
         or private.has_role(project_id, array['finance']::public.staff_role[]));
revoke insert, update, delete, truncate on public.unit_changes from anon, authenticated;
revoke all on public.unit_changes from anon;

revoke execute on function public.request_unit_change(uuid, uuid, text), public.request_cancellation(uuid, text),
                           public.cancel_unit_change(uuid, text) from anon, public;
grant execute on function public.request_unit_change(uuid, uuid, text), public.request_cancellation(uuid, text),
                          public.cancel_unit_change(uuid, text) to authenticated;

-- Internal steps of the functions above: not for callers (PostgREST does not expose private anyway).
revoke execute on function private.request_unit_change_common(text, uuid, uuid, text) from public, anon, authenticated;
revoke execute on function private.apply_unit_change(uuid, text) from public, anon, authenticated;
revoke execute on function private.on_unit_change_outcome(uuid, text) from public, anon, authenticated;
revoke execute on function private.on_cancellation_outcome(uuid, text) from public, anon, authenticated;
revoke execute on function private.notify_finance(uuid, text, jsonb) from public, anon, authenticated;
revoke execute on function private.customer_after_deal_closed(uuid) from public, anon, authenticated;
revoke execute on function private.require_deal_actor(public.subscriptions) from public, anon, authenticated;
