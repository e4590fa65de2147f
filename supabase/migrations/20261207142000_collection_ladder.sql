-- =============================================================================================
-- 催款 escalation (seed sales-department-flowcharts, 销售内勤的工作流程 6. 回款): "履约汇款≦回款日期+一周
-- 由内勤提醒销售专员; 逾期回款≧回款日期+一周由销售专员填写未回款报告单; ≥回款日期+一月由销售人员
-- 逾期回款函和货款往来对账单".
--
-- Every amount due gets its stage in the receivables view: normal (正常), week (逾期一周: the
-- 未回款报告单 goes to the sales manager) and month (逾期一月: the 逾期回款函 goes to the customer).
-- The reminders clock tells the project's sales managers once when an amount reaches a week
-- overdue (collection_report), and the deal's consultant and finance once when it reaches a month
-- (collection_letter). collection_paper gives what the two printouts show. Contacts themselves are
-- recorded as before (record_collection_contact).
-- =============================================================================================

-- The receivables view as in 20261206141000_receivables_collection (the newest), plus the stage.
create or replace view public.receivables with (security_invoker = true) as
select x.plan_item_id, x.project_id, x.contract_id, x.contract_no, x.contract_status, x.unit_id, x.unit_label,
       x.customer_id, x.customer_name, x.customer_phone, x.consultant_id, x.consultant_name,
       x.seq, x.kind, x.due_date, x.amount_due, x.paid, x.amount_due - x.paid as outstanding,
       case when x.amount_due > x.paid and x.due_date < x.today then x.today - x.due_date else 0 end as overdue_days,
       x.id, x.source, x.subscription_id,
       lc.contacted_at as last_contact_at, lc.channel as last_contact_channel, lc.by_name as last_contact_by_name,
       lc.note as last_contact_note, lc.promised_on as last_contact_promised_on,
       coalesce(lc.contact_count, 0) as contact_count,
       -- 催款 stage (seed 销售部日常工作流程: 回款 ≥ 回款日期+一周 未回款报告单, ≥ +一月 逾期回款函)
       case when x.amount_due <= x.paid or x.due_date >= x.today then 'normal'
            when x.today - x.due_date >= 30 then 'month'
            when x.today - x.due_date >= 7 then 'week'
            else 'normal' end as collection_stage
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
comment on view public.receivables is '应收款：合同付款计划各期及未收齐的认购定金，含最近一次催款记录与催款阶段（正常/逾期一周/逾期一月）';

-- ---------------------------------------------------------------------------------------------
-- What the 未回款报告单 (p_paper 'report', from a week overdue) and the 逾期回款函 (p_paper 'letter',
-- from a month overdue) print: the amount due and its deal, the developer, every 催款 contact.
-- Finance and managers of the project, and the deal's consultant (who fills the report and sends
-- the letter in the seed). Before the stage is reached the paper is refused.
-- ---------------------------------------------------------------------------------------------
create function public.collection_paper(p_receivable_id uuid, p_paper text)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_r public.receivables;
  v_uid uuid := (select auth.uid());
begin
  if v_uid is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if p_paper is null or p_paper not in ('report', 'letter') then
    perform private.fail('invalid_paper', '只能打印未回款报告单或逾期回款函', 'The paper is report or letter');
  end if;
  select * into v_r from public.receivables where id = p_receivable_id;
  if not found or not coalesce(
       private.has_role(v_r.project_id, private.manager_roles() || array['finance']::public.staff_role[])
       or (v_r.consultant_id = v_uid and private.is_member(v_r.project_id)), false) then
    perform private.fail('receivable_not_found', '应收款不存在', 'Amount due not found');
  end if;
  if p_paper = 'report' and v_r.collection_stage = 'normal' then
    perform private.fail('not_overdue_week', '逾期满一周才填写未回款报告单', 'The report is for amounts a week overdue');
  end if;
  if p_paper = 'letter' and v_r.collection_stage <> 'month' then
    perform private.fail('not_overdue_month', '逾期满一个月才发逾期回款函', 'The letter is for amounts a month overdue');
  end if;
  return to_jsonb(v_r) || (
    select jsonb_build_object(
      'paper', p_paper,
      'paper_no', case p_paper when 'report' then 'WH-' else 'YH-' end || upper(left(v_r.id::text, 8)),
      'today', private.project_today(v_r.project_id),
      'project_name', p.name, 'project_address', coalesce(p.address, p.city),
      'developer_name', p.developer_name, 'developer_address', p.developer_address,
      'contract_price', (select c.price from public.contracts c where c.id = v_r.contract_id),
      'contacts', coalesce((
        select jsonb_agg(jsonb_build_object('contacted_at', k.contacted_at, 'channel', k.channel, 'note', k.note,
                                            'promised_on', k.promised_on, 'by_name', private.staff_name(k.contacted_by))
                         order by k.contacted_at, k.created_at)
          from public.collection_contacts k
         where (v_r.source = 'plan' and k.plan_item_id = v_r.plan_item_id)
            or (v_r.source = 'deposit' and k.subscription_id = v_r.subscription_id and k.plan_item_id is null)), '[]'::jsonb))
      from public.projects p where p.id = v_r.project_id);
end
$$;
comment on function public.collection_paper(uuid, text) is
  '催款文书：未回款报告单（逾期满一周）与逾期回款函（逾期满一月）的内容（财务、经理、该单顾问）';
revoke execute on function public.collection_paper(uuid, text) from public, anon;
grant execute on function public.collection_paper(uuid, text) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- The ladder on the reminders clock: once per amount and person when it reaches a week overdue
-- (the sales managers: a 未回款报告单 is due) and a month overdue (the consultant and finance: send
-- the 逾期回款函). Amounts paid meanwhile drop out by themselves (outstanding > 0).
-- ---------------------------------------------------------------------------------------------
create function private.remind_collection_ladder(p_now timestamptz)
returns int
language sql security definer set search_path = ''
as $$
  with items as (
    select r.*, private.project_day_at(r.project_id, p_now) - r.due_date as late
      from public.receivables r
     where r.outstanding > 0
  ), rungs as (
    select i.*, 'collection_report' as rung, sp.staff_id as recipient
      from items i
      join public.staff_projects sp on sp.project_id = i.project_id and sp.role = 'sales_manager'
      join public.staff s on s.id = sp.staff_id and s.active
     where i.late >= 7
    union
    select i.*, 'collection_letter', sp.staff_id
      from items i
      join public.staff_projects sp on sp.project_id = i.project_id and sp.role = 'finance'
      join public.staff s on s.id = sp.staff_id and s.active
     where i.late >= 30
    union
    select i.*, 'collection_letter', i.consultant_id
      from items i
      join public.staff s on s.id = i.consultant_id and s.active
     where i.late >= 30
  )
  select count(*)::int from (
    select private.remind_once(rung || ':' || id || ':' || recipient, recipient, project_id, rung,
             jsonb_build_object('receivable_id', id, 'source', source, 'plan_item_id', plan_item_id,
                                'subscription_id', subscription_id, 'contract_id', contract_id, 'contract_no', contract_no,
                                'unit_label', unit_label, 'customer_id', customer_id, 'customer_name', customer_name,
                                'consultant_name', consultant_name, 'item_kind', kind,
                                'due_date', due_date, 'outstanding', outstanding::text, 'overdue_days', late)) as sent
      from rungs
  ) z where z.sent
$$;
revoke execute on function private.remind_collection_ladder(timestamptz) from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- run_reminders as in 20261207090000_one_reminder_clock (the newest), plus the 催款 ladder.
-- ---------------------------------------------------------------------------------------------
create or replace function public.run_reminders(p_now timestamptz default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_now timestamptz := coalesce(p_now, now());
  v_result jsonb;
begin
  perform private.require_service_role();
  v_result := jsonb_build_object(
    'follow_up_due', private.remind_follow_ups(v_now),
    'customer_pooled', private.remind_pooling(v_now),
    'payments', private.remind_payments(v_now),
    'finance_digest', private.enqueue_finance_digests(v_now),
    'daily_digest', public.enqueue_digests(v_now),
    'contract_deadline', private.remind_contract_deadlines(),
    'review_deadline', private.remind_review_deadlines(v_now),
    'hold_expiring', private.remind_holds(v_now),
    'evening_report', public.enqueue_evening_reports(v_now),
    'collection_ladder', private.remind_collection_ladder(v_now));
  return v_result;
end
$$;
