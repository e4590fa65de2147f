-- Payment reminders cover every receivable, unpaid 认购 定金 included (the receivables view lists
-- them since 20261206141000). Those rows have no plan item, so a reminder is keyed by the
-- receivable's own id (the plan item's, or the subscription's for a deposit), and its payload
-- says which subscription it is about.
create or replace function private.remind_payments(p_now timestamptz)
returns int
language sql security definer set search_path = ''
as $$
  with items as (
    select r.*, private.project_day_at(r.project_id, p_now) - r.due_date as late
      from public.receivables r
     where r.outstanding > 0
       and r.due_date <= private.project_day_at(r.project_id, p_now)
  ), steps as (
    -- due day: 0; overdue: the highest step of the ladder reached (1, 7, 30 days)
    select i.*, case when i.late = 0 then 0
                     else (select max(l) from unnest(array[1, 7, 30]) l where l <= i.late) end as step
      from items i
  ), recipients as (
    select st.*, sp.staff_id as recipient
      from steps st
      join public.staff_projects sp on sp.project_id = st.project_id and sp.role = 'finance'
      join public.staff s on s.id = sp.staff_id and s.active
    union
    select st.*, st.consultant_id
      from steps st
      join public.staff s on s.id = st.consultant_id and s.active
  )
  select count(*)::int from (
    select private.remind_once(
             case when step = 0 then 'payment_due:' || id || ':' || recipient
                  else 'payment_overdue:' || step || ':' || id || ':' || recipient end,
             recipient, project_id, case when step = 0 then 'payment_due' else 'payment_overdue' end,
             jsonb_build_object('plan_item_id', plan_item_id, 'subscription_id', subscription_id, 'contract_id', contract_id, 'contract_no', contract_no,
                                'unit_label', unit_label, 'customer_id', customer_id, 'customer_name', customer_name,
                                'kind', kind, 'due_date', due_date, 'amount_due', amount_due::text, 'outstanding', outstanding::text,
                                'overdue_days', late, 'step', step)) as sent
      from recipients
     where step is not null
  ) z where z.sent
$$;
