-- Read models for the admin's approvals, deals and finance screens: names and labels next to
-- the ids, so each list is one query. Views run as the caller (security_invoker): they show
-- exactly the rows RLS lets the caller read, nothing more.

-- 换房/退房 requests with the customer, units, requester and where the approval stands.
create view public.unit_change_overview with (security_invoker = true) as
select u.id, u.approval_id, u.project_id, u.kind, u.subscription_id, u.customer_id, c.name as customer_name,
       u.old_unit_id, private.unit_label(u.old_unit_id) as unit_label,
       u.new_unit_id, private.unit_label(u.new_unit_id) as new_unit_label, u.new_price_preview,
       u.reason, u.requester_id, rq.name as requester_name, u.status,
       cur.role as current_step_role, u.new_subscription_id,
       u.amount_received, u.refund_due, u.carry_over_due, u.carried_over, u.settled_at,
       u.created_at, u.decided_at
  from public.unit_changes u
  left join public.customers c on c.id = u.customer_id
  left join public.staff rq on rq.id = u.requester_id
  left join public.approval_steps cur on cur.approval_id = u.approval_id and cur.status = 'pending';
comment on view public.unit_change_overview is '换房/退房申请列表：客户、房源、申请人与当前审批步骤';

-- The payment journal (收款流水) with whom, which unit and contract, who recorded it, and the
-- reversal pairs linked both ways (reverses → the original; reversed_by → its reversing entry).
create view public.payment_overview with (security_invoker = true) as
select p.id, p.project_id, p.customer_id, c.name as customer_name, c.phone as customer_phone,
       p.subscription_id, coalesce(s.unit_id, ct.unit_id) as unit_id,
       private.unit_label(coalesce(s.unit_id, ct.unit_id)) as unit_label,
       p.contract_id, ct.contract_no, p.plan_item_id, i.seq as plan_item_seq,
       p.kind, p.amount, p.method, p.receipt_no, p.paid_on, p.reason,
       p.reverses, o.receipt_no as reverses_receipt_no, r.id as reversed_by, r.reason as reversal_reason,
       p.unit_change_id, p.recorded_by, st.name as recorded_by_name, p.created_at
  from public.payments p
  left join public.customers c on c.id = p.customer_id
  left join public.subscriptions s on s.id = p.subscription_id
  left join public.contracts ct on ct.id = p.contract_id
  left join public.payment_plan_items i on i.id = p.plan_item_id
  left join public.payments o on o.id = p.reverses
  left join public.payments r on r.reverses = p.id
  left join public.staff st on st.id = p.recorded_by;
comment on view public.payment_overview is '收款流水：客户、房号、合同、录入人，冲销双向关联';

-- 审批授权 (代批) with names and where each stands now.
create view public.delegation_overview with (security_invoker = true) as
select d.id, d.delegator_id, dr.name as delegator_name, d.delegate_id, de.name as delegate_name,
       d.project_id, p.name as project_name, d.valid_from, d.valid_to, d.note, d.created_at, d.revoked_at,
       case when d.revoked_at is not null then 'revoked'
            when now() < d.valid_from then 'scheduled'
            when now() >= d.valid_to then 'expired'
            else 'active' end as state
  from public.approval_delegations d
  left join public.staff dr on dr.id = d.delegator_id
  left join public.staff de on de.id = d.delegate_id
  left join public.projects p on p.id = d.project_id;
comment on view public.delegation_overview is '审批授权（代批）：授权人、被授权人、期间与状态';

revoke all on public.unit_change_overview, public.payment_overview, public.delegation_overview from anon;
revoke insert, update, delete, truncate on public.unit_change_overview, public.payment_overview, public.delegation_overview
  from authenticated;
