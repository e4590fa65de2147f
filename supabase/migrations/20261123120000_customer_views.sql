-- Customer screens of the admin: the list with what it filters on (owner's name, in the pool,
-- days without a follow-up) and the customer's timeline (everything that happened to them, as
-- far as the reader may see). Both views run as the caller (security_invoker), so the tables'
-- row-level security decides what each role reads: a consultant sees their own and the pool,
-- managers the project, the audit trail only managers.

-- ---------------------------------------------------------------------------------------------
-- customer_list: one row per customer the caller may read.
--   in_pool:   no owner, or the ownership lapsed (公客池)
--   idle_days: whole days since the last valid follow-up (since registration when none)
-- ---------------------------------------------------------------------------------------------
create view public.customer_list with (security_invoker = true) as
select c.id, c.project_id, c.name, c.phone, c.phone_tail, c.gender, c.source, c.grade, c.rooms, c.area_min, c.area_max,
       c.budget_max, c.purpose, c.note, c.status, c.lost_reason,
       c.owner_id, private.staff_name(c.owner_id) as owner_name, c.owned_since, c.last_follow_up_at, c.ownership_expires_at,
       private.in_pool(c.owner_id, c.ownership_expires_at) as in_pool,
       floor(extract(epoch from now() - coalesce(c.last_follow_up_at, c.created_at)) / 86400)::int as idle_days,
       c.created_by, c.created_at
  from public.customers c;
comment on view public.customer_list is '客户列表：权属顾问、是否在公客池、未跟进天数（按调用者的权限）';

-- ---------------------------------------------------------------------------------------------
-- customer_timeline: one row per event of a customer, newest first when ordered by "at".
--   id       kind:record, unique across kinds
--   kind     registered 登记 · visit 来访 · call 来电 · follow_up 追访 · report 报备/带看 · discount 特殊优惠 ·
--            subscription 认购 · unit_change 换房/退房 · contract 合同 · payment 收款 ·
--            collision 撞单 · complaint 投诉 · audit 操作记录
--   data     the event's own fields; money as exact strings ('2856000.00')
-- ---------------------------------------------------------------------------------------------
create view public.customer_timeline with (security_invoker = true) as
-- Registration: readable by whoever reads the customer (the audit trail is managers' only).
select 'registered:' || c.id as id, c.id as customer_id, c.project_id, c.created_at as at, 'registered'::text as kind,
       c.created_by as actor_id, private.staff_name(c.created_by) as actor_name,
       jsonb_build_object('source', c.source) as data
  from public.customers c
union all
select 'visit:' || v.id, v.customer_id, v.project_id, v.visited_at, 'visit',
       v.consultant_id, private.staff_name(v.consultant_id),
       jsonb_build_object('is_first', v.is_first, 'party_size', v.party_size, 'shown', v.shown,
                          'questions', v.questions, 'intent', v.intent, 'notes', v.notes)
  from public.visits v
union all
select 'call:' || c.id, c.customer_id, c.project_id, c.called_at, 'call',
       c.consultant_id, private.staff_name(c.consultant_id),
       jsonb_build_object('caller_name', c.caller_name, 'topics', to_jsonb(c.topics), 'invited', c.invited, 'note', c.note)
  from public.calls c
 where c.customer_id is not null
union all
select 'follow_up:' || f.id, f.customer_id, f.project_id, f.created_at, 'follow_up',
       f.staff_id, private.staff_name(f.staff_id),
       jsonb_build_object('method', f.method, 'content', f.content, 'objections', f.objections,
                          'result', f.result, 'next_date', f.next_date)
  from public.follow_ups f
union all
select 'report:' || r.id, r.customer_id, r.project_id, r.created_at, 'report',
       b.user_id, b.name,
       jsonb_build_object('status', private.report_status_now(r.status, r.lapses_at), 'broker_name', b.name,
                          'agency_name', a.name, 'expected_visit_at', r.expected_visit_at, 'visited_at', r.visited_at,
                          'protected_until', r.protected_until, 'invalid_reason_text', r.invalid_reason_text)
  from public.channel_reports r
  left join public.brokers b on b.id = r.broker_id
  left join public.agencies a on a.id = r.agency_id
 where r.customer_id is not null
union all
select 'discount:' || d.id, d.customer_id, d.project_id, d.created_at, 'discount',
       d.requester_id, private.staff_name(d.requester_id),
       jsonb_build_object('unit_label', private.unit_label(d.unit_id), 'list_price', private.money_text(d.list_price),
                          'requested_price', private.money_text(d.requested_price), 'depth_pct', d.depth_pct,
                          'status', d.status, 'reason', d.reason)
  from public.discount_requests d
union all
select 'subscription:' || s.id, s.customer_id, s.project_id, s.created_at, 'subscription',
       s.consultant_id, private.staff_name(s.consultant_id),
       jsonb_build_object('unit_label', private.unit_label(s.unit_id), 'price', private.money_text(s.price),
                          'payment_method', s.payment_method, 'deposit_due', private.money_text(s.deposit_due),
                          'contract_deadline', s.contract_deadline, 'status', s.status)
  from public.subscriptions s
union all
select 'unit_change:' || u.id, u.customer_id, u.project_id, u.created_at, 'unit_change',
       u.requester_id, private.staff_name(u.requester_id),
       jsonb_build_object('change_kind', u.kind, 'unit_label', private.unit_label(u.old_unit_id),
                          'new_unit_label', private.unit_label(u.new_unit_id), 'status', u.status, 'reason', u.reason)
  from public.unit_changes u
union all
select 'contract:' || ct.id, ct.customer_id, ct.project_id, ct.created_at, 'contract',
       ct.consultant_id, private.staff_name(ct.consultant_id),
       jsonb_build_object('contract_no', ct.contract_no, 'unit_label', private.unit_label(ct.unit_id),
                          'price', private.money_text(ct.price), 'status', ct.status, 'signed_on', ct.signed_on,
                          'registration_no', ct.registration_no)
  from public.contracts ct
union all
select 'payment:' || p.id, p.customer_id, p.project_id, p.created_at, 'payment',
       p.recorded_by, private.staff_name(p.recorded_by),
       jsonb_build_object('payment_kind', p.kind, 'amount', private.money_text(p.amount), 'method', p.method,
                          'receipt_no', p.receipt_no, 'paid_on', p.paid_on, 'reversal', p.reverses is not null,
                          'reason', p.reason)
  from public.payments p
union all
select 'collision:' || k.id, k.customer_id, k.project_id, k.created_at, 'collision',
       k.claimant_id, private.staff_name(k.claimant_id),
       jsonb_build_object('owner_name', private.staff_name(k.owner_id), 'claimant_name', private.staff_name(k.claimant_id),
                          'status', k.status, 'decided_by_name', private.staff_name(k.decided_by),
                          'decided_at', k.decided_at, 'decision_reason', k.decision_reason, 'note', k.note)
  from public.customer_collisions k
union all
select 'complaint:' || m.id, m.customer_id, m.project_id, m.created_at, 'complaint',
       m.created_by, private.staff_name(m.created_by),
       jsonb_build_object('channel', m.channel, 'content', m.content, 'status', m.status,
                          'handler_name', private.staff_name(m.handler_id), 'resolution', m.resolution)
  from public.complaints m
 where m.customer_id is not null
union all
select 'audit:' || al.id, al.record_id, al.project_id, al.at, 'audit',
       al.actor, private.staff_name(al.actor),
       jsonb_build_object('action', al.action, 'surface', al.surface, 'before', al.before, 'after', al.after)
  from public.audit_log al
 where al.table_name = 'customers' and al.action <> 'customer.register';
comment on view public.customer_timeline is '客户时间线：来访、来电、追访、报备、优惠、认购、合同、收款、撞单、投诉、操作记录（按调用者的权限）';

revoke all on public.customer_list, public.customer_timeline from anon;

-- ---------------------------------------------------------------------------------------------
-- next_walk_in_by_phone: the front desk's "下一位接待" with the visitor's phone, when given.
-- A phone already registered in the project is a returning customer and goes to the owner (as
-- next_walk_in decides); an unknown or empty phone goes by rotation. The phone is looked up here
-- because the desk may not read a colleague's customer; only who receives the visitor is told.
-- ---------------------------------------------------------------------------------------------
create function public.next_walk_in_by_phone(p_project_id uuid, p_phone text default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_phone text;
  v_customer uuid;
begin
  perform private.require_role(p_project_id, private.sales_roles());
  if p_phone is not null and length(trim(p_phone)) > 0 then
    v_phone := private.normalize_mobile(p_phone);
    if v_phone is null then
      perform private.fail('invalid_phone', '手机号格式不正确，请输入11位大陆手机号', 'Not a valid mainland mobile number');
    end if;
    select c.id into v_customer from public.customers c where c.project_id = p_project_id and c.phone = v_phone;
  end if;
  return (public.next_walk_in(p_project_id, v_customer) - 'customer_id')
         || jsonb_build_object('returning', v_customer is not null);
end
$$;
revoke execute on function public.next_walk_in_by_phone(uuid, text) from public, anon;
grant execute on function public.next_walk_in_by_phone(uuid, text) to authenticated, service_role;
