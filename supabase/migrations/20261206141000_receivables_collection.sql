-- Receivables and 催款 (应收款与催款记录).
--
-- The receivables list left out money due before any contract: the 认购 定金. It now holds every
-- amount due — each plan item of a live (approved/signed) contract as before, plus the 定金 of
-- every active subscription that has no live contract yet — and, per row, the last 催款 contact.
-- A 催款 is recorded with record_collection_contact (finance and managers+ of the project): who
-- called, when, how (phone, WeChat, SMS, visit, letter), what was said and, if given, the date the
-- customer promised to pay. Contacts are never edited; each is audited.

-- ---------------------------------------------------------------------------------------------
-- collection_contacts: one row per 催款 contact about one amount due.
-- ---------------------------------------------------------------------------------------------
create table public.collection_contacts (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  customer_id uuid not null references public.customers (id),
  -- the amount due it is about: a contract's plan item, or (before the contract) the 认购's 定金
  plan_item_id uuid references public.payment_plan_items (id) on delete cascade,
  subscription_id uuid references public.subscriptions (id) on delete cascade,
  contacted_at timestamptz not null,                                        -- when the customer was contacted
  contacted_by uuid not null references public.staff (id),                  -- who contacted them
  channel text not null check (channel in ('phone', 'wechat', 'sms', 'visit', 'letter')),  -- 电话 微信 短信 上门/面谈 书面函件
  note text not null check (length(trim(note)) > 0 and length(note) <= 2000),            -- what was said
  promised_on date,                                                         -- the date the customer promised to pay, if any
  created_at timestamptz not null default now(),
  check (num_nonnulls(plan_item_id, subscription_id) = 1)
);
comment on table public.collection_contacts is '催款记录：谁在何时以何种方式联系了客户、沟通内容、承诺付款日期；只增不改';
create index collection_contacts_plan_item_idx on public.collection_contacts (plan_item_id, contacted_at desc);
create index collection_contacts_subscription_idx on public.collection_contacts (subscription_id, contacted_at desc);
create index collection_contacts_project_idx on public.collection_contacts (project_id, contacted_at desc);

alter table public.collection_contacts enable row level security;
create policy "finance and managers read collection contacts" on public.collection_contacts for select to authenticated
  using ((select private.is_admin())
         or private.has_role(project_id, private.manager_roles() || array['finance']::public.staff_role[]));
revoke insert, update, delete, truncate on public.collection_contacts from anon, authenticated;
revoke all on public.collection_contacts from anon;

-- ---------------------------------------------------------------------------------------------
-- receivables: every amount due. The first columns are as before (plan items of live contracts);
-- 定金 rows have no plan item or contract (seq 0, kind deposit, due on the 认购's day).
--   id               the row's key: the plan item, or the subscription for a 定金 row
--   source           'plan' or 'deposit'
--   last_contact_*   the latest 催款 contact about this amount (visible to finance and managers)
-- ---------------------------------------------------------------------------------------------
create or replace view public.receivables with (security_invoker = true) as
select x.plan_item_id, x.project_id, x.contract_id, x.contract_no, x.contract_status, x.unit_id, x.unit_label,
       x.customer_id, x.customer_name, x.customer_phone, x.consultant_id, x.consultant_name,
       x.seq, x.kind, x.due_date, x.amount_due, x.paid, x.amount_due - x.paid as outstanding,
       case when x.amount_due > x.paid and x.due_date < x.today then x.today - x.due_date else 0 end as overdue_days,
       x.id, x.source, x.subscription_id,
       lc.contacted_at as last_contact_at, lc.channel as last_contact_channel, lc.by_name as last_contact_by_name,
       lc.note as last_contact_note, lc.promised_on as last_contact_promised_on,
       coalesce(lc.contact_count, 0) as contact_count
  from (
    select i.id as plan_item_id, i.project_id, i.contract_id, ct.contract_no, ct.status as contract_status,
           ct.unit_id, private.unit_label(ct.unit_id) as unit_label,
           ct.customer_id, c.name as customer_name, c.phone as customer_phone,
           ct.consultant_id, st.name as consultant_name,
           i.seq, i.kind, i.due_date, i.amount as amount_due,
           least(i.amount, greatest(r.received - (sum(i.amount) over (partition by i.contract_id order by i.seq) - i.amount), 0)) as paid,
           private.project_today(i.project_id) as today,
           i.id, 'plan'::text as source, ct.subscription_id
      from public.payment_plan_items i
      join public.contracts ct on ct.id = i.contract_id and ct.status in ('approved', 'signed')
      cross join lateral (select private.subscription_received(ct.subscription_id) as received) r
      left join public.customers c on c.id = ct.customer_id
      left join public.staff st on st.id = ct.consultant_id
    union all
    select null::uuid, s.project_id, null::uuid, null::text, null::text,
           s.unit_id, private.unit_label(s.unit_id),
           s.customer_id, c.name, c.phone,
           s.consultant_id, st.name,
           0, 'deposit'::text, (s.created_at at time zone p.timezone)::date, s.deposit_due,
           least(s.deposit_due, greatest(private.subscription_received(s.id), 0)),
           private.project_today(s.project_id),
           s.id, 'deposit'::text, s.id
      from public.subscriptions s
      join public.projects p on p.id = s.project_id
      left join public.customers c on c.id = s.customer_id
      left join public.staff st on st.id = s.consultant_id
     where s.status = 'active' and s.deposit_due > 0
       and not exists (select 1 from public.contracts ct where ct.subscription_id = s.id and ct.status in ('approved', 'signed'))
  ) x
  left join lateral (
    select k.contacted_at, k.channel, ks.name as by_name, k.note, k.promised_on,
           count(*) over () as contact_count
      from public.collection_contacts k
      left join public.staff ks on ks.id = k.contacted_by
     where (x.source = 'plan' and k.plan_item_id = x.plan_item_id)
        or (x.source = 'deposit' and k.subscription_id = x.subscription_id and k.plan_item_id is null)
     order by k.contacted_at desc, k.created_at desc
     limit 1
  ) lc on true;
comment on view public.receivables is '应收款：合同付款计划各期及未收齐的认购定金，含最近一次催款记录';

-- ---------------------------------------------------------------------------------------------
-- record_collection_contact: 催款 — record that the customer was contacted about an amount due.
-- Finance and managers+ of the project. Exactly one of p_plan_item_id / p_subscription_id names
-- the amount; project and customer follow from it. Audited.
-- ---------------------------------------------------------------------------------------------
create function public.record_collection_contact(
  p_channel text, p_note text, p_plan_item_id uuid default null, p_subscription_id uuid default null,
  p_contacted_at timestamptz default null, p_promised_on date default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_project uuid;
  v_customer uuid;
  v_note text := nullif(trim(coalesce(p_note, '')), '');
  v_at timestamptz := coalesce(p_contacted_at, now());
  v_row public.collection_contacts;
begin
  if num_nonnulls(p_plan_item_id, p_subscription_id) <> 1 then
    perform private.fail('receivable_required', '请指明催收的是哪一笔应收款', 'Name exactly one amount due (plan item or subscription deposit)');
  end if;
  if p_plan_item_id is not null then
    select i.project_id, ct.customer_id into v_project, v_customer
      from public.payment_plan_items i join public.contracts ct on ct.id = i.contract_id
     where i.id = p_plan_item_id;
  else
    select s.project_id, s.customer_id into v_project, v_customer from public.subscriptions s where s.id = p_subscription_id;
  end if;
  if v_project is null then
    perform private.fail('receivable_not_found', '应收款不存在', 'Amount due not found');
  end if;
  perform private.require_role(v_project, private.manager_roles() || array['finance']::public.staff_role[]);
  if p_channel is null or p_channel not in ('phone', 'wechat', 'sms', 'visit', 'letter') then
    perform private.fail('invalid_channel', '催款方式只能是电话、微信、短信、上门面谈或书面函件', 'Channel is phone, wechat, sms, visit or letter');
  end if;
  if v_note is null then
    perform private.fail('note_required', '请填写沟通内容', 'Say what was discussed');
  end if;
  if v_at > now() + interval '5 minutes' then
    perform private.fail('contacted_in_future', '联系时间不能晚于现在', 'The contact time cannot be in the future');
  end if;
  if p_promised_on is not null and p_promised_on < private.project_today(v_project) then
    perform private.fail('promise_in_past', '承诺付款日期不能早于今天', 'The promised date cannot be in the past');
  end if;

  insert into public.collection_contacts (project_id, customer_id, plan_item_id, subscription_id, contacted_at, contacted_by,
    channel, note, promised_on)
  values (v_project, v_customer, p_plan_item_id, p_subscription_id, v_at, v_uid, p_channel, v_note, p_promised_on)
  returning * into v_row;
  perform private.audit('collection.contact', 'collection_contacts', v_row.id, v_project, null, to_jsonb(v_row));
  return to_jsonb(v_row) || jsonb_build_object('contacted_by_name', private.staff_name(v_uid));
end
$$;
comment on function public.record_collection_contact is '催款：记录一次联系（谁、何时、方式、内容、承诺日期），财务与经理以上';

revoke execute on function public.record_collection_contact(text, text, uuid, uuid, timestamptz, date) from public, anon;
grant execute on function public.record_collection_contact(text, text, uuid, uuid, timestamptz, date) to authenticated;
