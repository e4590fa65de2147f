-- =============================================================================================
-- 购房资质审核 (seed primary-secondary-channel-linkage, 客户成交: "审核客户购房资质，客户认购工程新房，
-- 驻场专员配合经纪人、案场销售收集客户签约、贷款资料"). Before a 认购 becomes a signed contract the
-- office checks that the customer may buy under the city's purchase restriction (限购) and collects
-- the papers the contract and the loan need.
--
-- purchase_qualifications keeps one check per subscription: the 限购 facts (local 户籍, months of
-- 社保/个税, homes already owned), the papers received, the result 待核 / 符合 / 不符合, who decided
-- and when. The sales side gathers the facts and papers (the consultant of the deal, like the
-- seed's 案场销售 collecting them); finance or a manager decides (审核). The rule: a contract may be
-- drafted and go through its approval while papers are gathered, but sign_contract refuses until
-- the check is complete and 符合.
-- =============================================================================================

create table public.purchase_qualifications (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  subscription_id uuid not null unique references public.subscriptions (id) on delete cascade,
  customer_id uuid not null references public.customers (id),
  local_hukou boolean,                                   -- 本地户籍
  social_security_months int check (social_security_months between 0 and 600),  -- 连续缴纳社保/个税月数
  homes_owned int check (homes_owned between 0 and 50),  -- 名下已有住房套数
  -- 已收资料: id_card 身份证, hukou_book 户口本, marriage 婚姻证明, income 收入证明,
  -- social_security 社保/个税证明
  documents text[] not null default '{}'
    check (documents <@ array['id_card', 'hukou_book', 'marriage', 'income', 'social_security']),
  result text not null default 'pending' check (result in ('pending', 'eligible', 'ineligible')),  -- 待核 符合 不符合
  note text check (length(note) <= 2000),
  checked_by uuid references public.staff (id),          -- who decided 符合/不符合
  checked_at timestamptz,
  updated_by uuid references public.staff (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((result = 'pending') = (checked_by is null))
);
create index purchase_qualifications_project_idx on public.purchase_qualifications (project_id, result);
comment on table public.purchase_qualifications is '购房资质审核：限购条件、已收资料、审核结论（待核/符合/不符合）、审核人与时间；每个认购一条';

alter table public.purchase_qualifications enable row level security;
grant select on public.purchase_qualifications to authenticated;
create policy "read the qualification of deals I may see" on public.purchase_qualifications for select to authenticated
  using (exists (select 1 from public.subscriptions s where s.id = subscription_id
                   and private.can_view_deal(s.project_id, s.consultant_id, s.customer_id)));
revoke insert, update, delete, truncate on public.purchase_qualifications from anon, authenticated;
revoke all on public.purchase_qualifications from anon;

-- Finance and managers decide the check.
create function private.qualification_roles()
returns public.staff_role[]
language sql immutable set search_path = ''
as $$ select private.manager_roles() || array['finance']::public.staff_role[] $$;

-- ---------------------------------------------------------------------------------------------
-- What still stands between this check and 符合, as codes the admin labels:
--   facts          限购 facts not all filled in
--   id_card, hukou_book, marriage      always needed for the contract
--   income         needed for any payment that is not 一次性付款 (the bank or 公积金中心 asks)
--   social_security needed when the buyer has no local 户籍 (限购 counts months of 社保/个税)
-- ---------------------------------------------------------------------------------------------
create function private.qualification_missing(p_q public.purchase_qualifications, p_payment_method text)
returns text[]
language sql immutable set search_path = ''
as $$
  select coalesce(array_agg(x.code order by x.n), '{}') from (
    select 0 as n, 'facts' as code
     where p_q.local_hukou is null or p_q.social_security_months is null or p_q.homes_owned is null
    union all
    select d.n, d.code from unnest(array['id_card', 'hukou_book', 'marriage', 'income', 'social_security'])
                            with ordinality as d(code, n)
     where not (d.code = any (coalesce(p_q.documents, '{}')))
       and (d.code not in ('income', 'social_security')
            or (d.code = 'income' and p_payment_method <> 'full')
            or (d.code = 'social_security' and p_q.local_hukou is not true))
  ) x
$$;

create function private.qualification_json(p_sub public.subscriptions)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'subscription_id', p_sub.id,
    'qualification', to_jsonb(q) || jsonb_build_object('checked_by_name', private.staff_name(q.checked_by)),
    'result', coalesce(q.result, 'pending'),
    'missing', private.qualification_missing(
                 coalesce(q, row(null, null, null, null, null, null, null, '{}', 'pending', null, null, null, null, null, null)::public.purchase_qualifications),
                 p_sub.payment_method),
    'signable', coalesce(q.result = 'eligible', false))
    from (select 1) one
    left join public.purchase_qualifications q on q.subscription_id = p_sub.id
$$;
revoke execute on function private.qualification_json(public.subscriptions) from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- record_qualification: the facts, the papers received and a note; with p_result the check is
-- decided (finance or a manager): 'eligible' needs nothing missing, 'ineligible' needs a note
-- saying why. The consultant of the deal may record facts and papers while it is 待核. Sending
-- the same again changes nothing (a double tap is harmless). Only an active 认购.
-- ---------------------------------------------------------------------------------------------
create function public.record_qualification(
  p_subscription_id uuid, p_local_hukou boolean default null, p_social_security_months int default null,
  p_homes_owned int default null, p_documents text[] default '{}', p_note text default null,
  p_result text default 'pending'
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_sub public.subscriptions;
  v_before public.purchase_qualifications;
  v_row public.purchase_qualifications;
  v_decider boolean;
  v_missing text[];
  v_note text := nullif(trim(coalesce(p_note, '')), '');
  v_docs text[];
begin
  select * into v_sub from public.subscriptions where id = p_subscription_id;
  if not found then
    perform private.fail('subscription_not_found', '认购记录不存在', 'Subscription not found');
  end if;
  v_decider := private.has_role(v_sub.project_id, private.qualification_roles());
  if not v_decider then
    perform private.require_deal_actor(v_sub);
  end if;
  select * into v_sub from public.subscriptions where id = p_subscription_id for update;
  if v_sub.status <> 'active' then
    perform private.fail('subscription_not_active', '只有有效的认购可以做资质审核', 'Only an active subscription can be checked');
  end if;
  if p_result is null or p_result not in ('pending', 'eligible', 'ineligible') then
    perform private.fail('invalid_result', '审核结论只能是 待核 / 符合 / 不符合', 'The result is pending, eligible or ineligible');
  end if;
  if p_result <> 'pending' and not v_decider then
    perform private.fail('forbidden', '资质审核结论须由财务或销售经理作出', 'Only finance or a manager decides the check');
  end if;
  if p_social_security_months is not null and (p_social_security_months < 0 or p_social_security_months > 600) then
    perform private.fail('invalid_months', '社保/个税月数须在 0 到 600 之间', 'Months of social security must be 0–600');
  end if;
  if p_homes_owned is not null and (p_homes_owned < 0 or p_homes_owned > 50) then
    perform private.fail('invalid_homes', '名下住房套数须在 0 到 50 之间', 'Homes owned must be 0–50');
  end if;
  if not (coalesce(p_documents, '{}') <@ array['id_card', 'hukou_book', 'marriage', 'income', 'social_security']) then
    perform private.fail('invalid_documents', '资料清单中有未知的资料', 'Unknown document in the list');
  end if;
  if length(coalesce(v_note, '')) > 2000 then
    perform private.fail('note_too_long', '备注不能超过2000字', 'The note is too long');
  end if;
  select coalesce(array_agg(distinct d order by d), '{}') into v_docs from unnest(coalesce(p_documents, '{}')) d;

  select * into v_before from public.purchase_qualifications where subscription_id = v_sub.id for update;
  if v_before.id is not null and v_before.result <> 'pending' and not v_decider then
    perform private.fail('qualification_decided', '资质审核已有结论，只有财务或销售经理可以更改',
      'The check is decided; only finance or a manager may change it');
  end if;

  if v_before.id is null then
    v_row := row(gen_random_uuid(), v_sub.project_id, v_sub.id, v_sub.customer_id,
             null, null, null, '{}', 'pending', null, null, null, null, now(), now())::public.purchase_qualifications;
  else
    v_row := v_before;
  end if;
  v_row.local_hukou := p_local_hukou;
  v_row.social_security_months := p_social_security_months;
  v_row.homes_owned := p_homes_owned;
  v_row.documents := v_docs;
  v_row.note := v_note;
  v_missing := private.qualification_missing(v_row, v_sub.payment_method);
  if p_result = 'eligible' and cardinality(v_missing) > 0 then
    perform private.fail('qualification_incomplete',
      '资料未齐，不能判定符合：缺 ' || private.qualification_missing_text(v_missing),
      'Not everything is in: ' || array_to_string(v_missing, ', '));
  end if;
  if p_result = 'ineligible' and v_note is null then
    perform private.fail('reason_required', '判定不符合须在备注中写明原因', 'An ineligible result needs the reason in the note');
  end if;

  if v_before.id is not null
     and v_before.local_hukou is not distinct from v_row.local_hukou
     and v_before.social_security_months is not distinct from v_row.social_security_months
     and v_before.homes_owned is not distinct from v_row.homes_owned
     and v_before.documents = v_row.documents and v_before.note is not distinct from v_row.note
     and v_before.result = p_result then
    return private.qualification_json(v_sub);
  end if;

  insert into public.purchase_qualifications as q (id, project_id, subscription_id, customer_id, local_hukou,
      social_security_months, homes_owned, documents, result, note, checked_by, checked_at, updated_by)
  values (v_row.id, v_sub.project_id, v_sub.id, v_sub.customer_id, v_row.local_hukou, v_row.social_security_months,
      v_row.homes_owned, v_row.documents, p_result, v_row.note,
      case when p_result <> 'pending' then v_uid end, case when p_result <> 'pending' then now() end, v_uid)
  on conflict (subscription_id) do update
     set local_hukou = excluded.local_hukou, social_security_months = excluded.social_security_months,
         homes_owned = excluded.homes_owned, documents = excluded.documents, result = excluded.result,
         note = excluded.note, checked_by = excluded.checked_by, checked_at = excluded.checked_at,
         updated_by = excluded.updated_by, updated_at = now()
  returning * into v_row;

  perform private.audit(case when p_result = 'pending' then 'qualification.record' else 'qualification.check' end,
    'purchase_qualifications', v_row.id, v_row.project_id,
    case when v_before.id is null then null else to_jsonb(v_before) - 'updated_at' end, to_jsonb(v_row) - 'updated_at');
  return private.qualification_json(v_sub);
end
$$;
comment on function public.record_qualification(uuid, boolean, int, int, text[], text, text) is
  '购房资质审核：登记限购条件与已收资料（置业顾问/财务/经理），判定符合或不符合（财务/经理）';
revoke execute on function public.record_qualification(uuid, boolean, int, int, text[], text, text) from public, anon;
grant execute on function public.record_qualification(uuid, boolean, int, int, text[], text, text) to authenticated;

-- The missing codes in words, for refusals.
create function private.qualification_missing_text(p_missing text[])
returns text
language sql immutable set search_path = ''
as $$
  select string_agg(case m when 'facts' then '限购条件' when 'id_card' then '身份证' when 'hukou_book' then '户口本'
                           when 'marriage' then '婚姻证明' when 'income' then '收入证明'
                           when 'social_security' then '社保/个税证明' else m end, '、' order by n)
    from unnest(p_missing) with ordinality as x(m, n)
$$;

-- ---------------------------------------------------------------------------------------------
-- The check of one subscription with what is missing (anyone who may see the deal).
-- ---------------------------------------------------------------------------------------------
create function public.qualification_of(p_subscription_id uuid)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_sub public.subscriptions;
begin
  select * into v_sub from public.subscriptions where id = p_subscription_id;
  if not found or not private.can_view_deal(v_sub.project_id, v_sub.consultant_id, v_sub.customer_id) then
    perform private.fail('subscription_not_found', '认购记录不存在', 'Subscription not found');
  end if;
  return private.qualification_json(v_sub);
end
$$;
comment on function public.qualification_of(uuid) is '一个认购的购房资质审核与尚缺的条件/资料';
revoke execute on function public.qualification_of(uuid) from public, anon;
grant execute on function public.qualification_of(uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- The list for finance and managers: active 认购 whose check is not 符合 yet, oldest first.
-- ---------------------------------------------------------------------------------------------
create function public.qualification_queue(p_project_id uuid)
returns table (
  subscription_id uuid, unit_label text, customer_id uuid, customer_name text, consultant_name text,
  payment_method text, subscribed_at timestamptz, contract_deadline date, result text, missing text[],
  updated_at timestamptz
)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_role(p_project_id, private.qualification_roles());
  return query
  select s.id, private.unit_label(s.unit_id), s.customer_id, c.name, private.staff_name(s.consultant_id),
         s.payment_method, s.created_at, s.contract_deadline, coalesce(q.result, 'pending'),
         private.qualification_missing(coalesce(q, row(null, null, null, null, null, null, null, '{}', 'pending',
           null, null, null, null, null, null)::public.purchase_qualifications), s.payment_method),
         q.updated_at
    from public.subscriptions s
    join public.customers c on c.id = s.customer_id
    left join public.purchase_qualifications q on q.subscription_id = s.id
   where s.project_id = p_project_id and s.status = 'active' and coalesce(q.result, 'pending') <> 'eligible'
   order by s.created_at;
end
$$;
comment on function public.qualification_queue(uuid) is '待资质审核的有效认购（财务、经理）';
revoke execute on function public.qualification_queue(uuid) from public, anon;
grant execute on function public.qualification_queue(uuid) to authenticated;

revoke execute on function private.qualification_missing(public.purchase_qualifications, text) from public, anon, authenticated;
revoke execute on function private.qualification_missing_text(text[]) from public, anon, authenticated;
revoke execute on function private.qualification_roles() from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- The rule at signing: the check must be complete and 符合.
-- ---------------------------------------------------------------------------------------------
create function private.require_qualified(p_sub public.subscriptions)
returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_q jsonb := private.qualification_json(p_sub);
  v_missing text[] := array(select jsonb_array_elements_text(v_q -> 'missing'));
begin
  if v_q ->> 'result' = 'ineligible' then
    perform private.fail('qualification_ineligible', '购房资质审核结论为不符合，不能签约',
      'The purchase qualification check found the buyer ineligible');
  end if;
  if v_q ->> 'result' <> 'eligible' then
    perform private.fail('qualification_required',
      '购房资质尚未审核通过，不能签约' || case when cardinality(v_missing) > 0
        then '（缺 ' || private.qualification_missing_text(v_missing) || '）' else '（待财务或销售经理审核）' end,
      'The purchase qualification check is not passed yet'
        || case when cardinality(v_missing) > 0 then ' (missing: ' || array_to_string(v_missing, ', ') || ')' else '' end);
  end if;
end
$$;
revoke execute on function private.require_qualified(public.subscriptions) from public, anon, authenticated;

/*
  Sign an approved contract (body as in 20261206120000_deal_money_rules, the newest): the 定金
  must still be received in full, and now the 购房资质审核 must be complete and 符合
  (private.require_qualified, checked last so the older refusals keep their order).
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
  perform private.require_qualified(v_sub);

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
