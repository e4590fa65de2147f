-- Channel commissions (佣金): when a contract is signed and a visited report still protects the
-- customer (part A's private.report_for_deal), the deal is the broker's: a commission is computed
-- from the agency's cooperation (percent of the contract price, or a fixed amount per unit),
-- approved by the channel manager, and marked paid by finance. Brokers see only their own.

create table public.commissions (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  contract_id uuid not null unique references public.contracts (id),
  report_id uuid not null references public.channel_reports (id),
  agency_id uuid not null references public.agencies (id),
  broker_id uuid not null references public.brokers (id),
  cooperation_id uuid not null references public.cooperations (id),
  -- What the statement shows, copied at signing (brokers do not read contracts or customers).
  contract_no text not null,
  unit_label text not null,
  customer_name text not null,
  signed_on date not null,
  basis_amount numeric(14, 2) not null,               -- the contract price
  commission_type text not null check (commission_type in ('percent', 'fixed')),
  commission_value numeric(14, 4) not null,
  amount numeric(14, 2) not null check (amount >= 0),
  -- computed → approved → paid; cancelled when the deal is cancelled before payment.
  status text not null default 'computed' check (status in ('computed', 'approved', 'paid', 'cancelled')),
  computed_at timestamptz not null default now(),
  approved_by uuid references public.staff (id),
  approved_at timestamptz,
  paid_by uuid references public.staff (id),
  paid_at timestamptz,
  paid_on date,
  payment_reference text,
  note text
);
comment on table public.commissions is '渠道佣金：签约时计算，渠道经理审核，财务付款';
create index commissions_agency_idx on public.commissions (agency_id, computed_at desc);
create index commissions_broker_idx on public.commissions (broker_id);
create index commissions_project_idx on public.commissions (project_id, status);

-- Called by sign_contract: the commission for the contract's deal, if a report protects it.
create function private.compute_commission(p_contract_id uuid)
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
  select * into v_report from public.channel_reports where id = private.report_for_deal(v_contract.customer_id);
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

create function private.commission_card(p_commission_id uuid)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'commission_id', cm.id, 'status', cm.status, 'amount', private.money_text(cm.amount),
    'agency', a.name, 'broker', b.name, 'contract_no', cm.contract_no, 'unit_label', cm.unit_label,
    'customer_name', cm.customer_name, 'signed_on', cm.signed_on, 'price', private.money_text(cm.basis_amount),
    'rule', case when cm.commission_type = 'percent' then rtrim(rtrim(cm.commission_value::text, '0'), '.') || '%'
                 else private.money_text(cm.commission_value) || '元/套' end)
    from public.commissions cm
    join public.agencies a on a.id = cm.agency_id
    join public.brokers b on b.id = cm.broker_id
   where cm.id = p_commission_id
$$;

create function private.notify_broker(p_commission_id uuid, p_kind text)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_user uuid;
  v_project uuid;
begin
  select b.user_id, cm.project_id into v_user, v_project
    from public.commissions cm join public.brokers b on b.id = cm.broker_id where cm.id = p_commission_id;
  if v_user is not null then
    perform private.notify(v_user, v_project, p_kind, private.commission_card(p_commission_id));
  end if;
end
$$;

create function public.approve_commission(p_commission_id uuid, p_note text default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.commissions;
  v_before jsonb;
  f record;
begin
  select * into v_row from public.commissions where id = p_commission_id for update;
  if not found then
    perform private.fail('commission_not_found', '佣金记录不存在', 'Commission not found');
  end if;
  perform private.require_role(v_row.project_id, array['channel_manager']::public.staff_role[]);
  if v_row.status <> 'computed' then
    perform private.fail('commission_not_computed', '只有待审核的佣金可以审核', 'Only a computed commission can be approved');
  end if;
  v_before := to_jsonb(v_row);
  update public.commissions
     set status = 'approved', approved_by = (select auth.uid()), approved_at = now(),
         note = coalesce(nullif(trim(coalesce(p_note, '')), ''), note)
   where id = p_commission_id returning * into v_row;
  perform private.audit('commission.approve', 'commissions', v_row.id, v_row.project_id, v_before, to_jsonb(v_row));
  perform private.notify_broker(v_row.id, 'commission_approved');
  perform private.notify_finance(v_row.project_id, 'commission_payable', private.commission_card(v_row.id));
  return to_jsonb(v_row);
end
$$;

create function public.mark_commission_paid(p_commission_id uuid, p_paid_on date default null, p_reference text default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.commissions;
  v_before jsonb;
  v_on date;
begin
  select * into v_row from public.commissions where id = p_commission_id for update;
  if not found then
    perform private.fail('commission_not_found', '佣金记录不存在', 'Commission not found');
  end if;
  perform private.require_role(v_row.project_id, array['finance']::public.staff_role[]);
  if v_row.status = 'paid' then
    perform private.fail('commission_already_paid', '该佣金已付', 'This commission is already paid');
  end if;
  if v_row.status <> 'approved' then
    perform private.fail('commission_not_approved', '佣金须经渠道经理审核后才能付款', 'The commission must be approved first');
  end if;
  v_on := coalesce(p_paid_on, private.project_today(v_row.project_id));
  if v_on > private.project_today(v_row.project_id) then
    perform private.fail('invalid_date', '付款日期不能晚于今天', 'The payment date cannot be in the future');
  end if;
  v_before := to_jsonb(v_row);
  update public.commissions
     set status = 'paid', paid_by = (select auth.uid()), paid_at = now(), paid_on = v_on,
         payment_reference = nullif(trim(coalesce(p_reference, '')), '')
   where id = p_commission_id returning * into v_row;
  perform private.audit('commission.pay', 'commissions', v_row.id, v_row.project_id, v_before, to_jsonb(v_row));
  perform private.notify_broker(v_row.id, 'commission_paid');
  return to_jsonb(v_row);
end
$$;

create view public.commission_overview with (security_invoker = true) as
select cm.id, cm.project_id, cm.contract_id, cm.contract_no, cm.signed_on, cm.unit_label, cm.customer_name,
       cm.report_id, cm.agency_id, a.name as agency_name, cm.broker_id, b.name as broker_name,
       cm.basis_amount, cm.commission_type, cm.commission_value, cm.amount,
       cm.status, cm.computed_at, cm.approved_at, cm.paid_at, cm.paid_on, cm.payment_reference
  from public.commissions cm
  left join public.agencies a on a.id = cm.agency_id
  left join public.brokers b on b.id = cm.broker_id;

-- 佣金结算单: per agency and month of signing.
create view public.commission_statements with (security_invoker = true) as
select cm.project_id, cm.agency_id, a.name as agency_name,
       date_trunc('month', cm.signed_on)::date as month,
       count(*) as deals,
       sum(cm.basis_amount) as contract_total,
       sum(cm.amount) as commission_total,
       sum(cm.amount) filter (where cm.status = 'computed') as computed_amount,
       sum(cm.amount) filter (where cm.status = 'approved') as approved_amount,
       sum(cm.amount) filter (where cm.status = 'paid') as paid_amount,
       coalesce(sum(cm.amount) filter (where cm.status in ('computed', 'approved')), 0) as unpaid_amount
  from public.commissions cm
  left join public.agencies a on a.id = cm.agency_id
 where cm.status <> 'cancelled'
 group by cm.project_id, cm.agency_id, a.name, date_trunc('month', cm.signed_on);

alter table public.commissions enable row level security;
create policy "read commissions: channel, finance, managers; brokers their own" on public.commissions for select to authenticated
  using (broker_id = (select private.my_broker_id())
         or private.has_role(project_id, array['channel_manager', 'finance']::public.staff_role[] || private.manager_roles())
         or (select private.is_admin()));
revoke insert, update, delete, truncate on public.commissions from anon, authenticated;
revoke all on public.commissions, public.commission_overview, public.commission_statements from anon;

revoke execute on function public.approve_commission(uuid, text), public.mark_commission_paid(uuid, date, text) from anon, public;
grant execute on function public.approve_commission(uuid, text), public.mark_commission_paid(uuid, date, text) to authenticated;

-- Internal steps of the functions above: not for callers (PostgREST does not expose private anyway).
revoke execute on function private.compute_commission(uuid) from public, anon, authenticated;
revoke execute on function private.notify_broker(uuid, text) from public, anon, authenticated;
revoke execute on function private.commission_card(uuid) from public, anon, authenticated;
