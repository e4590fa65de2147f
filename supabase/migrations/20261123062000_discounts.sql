-- Special discounts (特殊优惠): a price below the policies needs the chain of the authority
-- matrix. An approved request is good for that unit and that customer only, at that price, until
-- it lapses (approvals.lapses_at = created + project.approval_lapse_hours) or is used once by a
-- subscription.

create table public.discount_requests (
  id uuid primary key,
  approval_id uuid not null unique references public.approvals (id),
  project_id uuid not null references public.projects (id) on delete cascade,
  unit_id uuid not null references public.units (id),
  customer_id uuid not null references public.customers (id),
  requester_id uuid not null references public.staff (id),
  list_price numeric(14, 2) not null,
  policy_ids uuid[] not null default '{}',
  price_after_policies numeric(14, 2) not null,
  requested_price numeric(14, 2) not null check (requested_price > 0),
  special_discount_amount numeric(14, 2) not null check (special_discount_amount > 0),
  depth_pct numeric(7, 2) not null,
  reason text not null check (length(trim(reason)) > 0),
  buildup jsonb not null,
  -- pending → approved → used, or rejected / cancelled; "lapsed" is computed (see the view).
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'cancelled', 'used')),
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  used_at timestamptz,
  check (requested_price = price_after_policies - special_discount_amount)
);
comment on table public.discount_requests is '特殊优惠申请';
create index discount_requests_unit_customer_idx on public.discount_requests (unit_id, customer_id, status);
create index discount_requests_project_idx on public.discount_requests (project_id, created_at desc);

-- Effective status: pending or approved past the lapse time is lapsed.
create view public.discount_request_overview with (security_invoker = true) as
select d.id, d.approval_id, d.project_id, d.unit_id, private.unit_label(d.unit_id) as unit_label,
       d.customer_id, c.name as customer_name, d.requester_id, rq.name as requester_name,
       d.list_price, d.policy_ids, d.price_after_policies, d.requested_price, d.special_discount_amount, d.depth_pct,
       d.reason, d.buildup, d.status,
       case when d.status in ('pending', 'approved') and a.lapses_at <= now() then 'lapsed' else d.status end as effective_status,
       a.lapses_at, d.created_at, d.decided_at, d.used_at,
       cur.id as current_step_id, cur.role as current_step_role
  from public.discount_requests d
  join public.approvals a on a.id = d.approval_id
  left join public.customers c on c.id = d.customer_id
  left join public.staff rq on rq.id = d.requester_id
  left join public.approval_steps cur on cur.approval_id = a.id and cur.status = 'pending';

/*
  Ask for a price below the policies. Consultants (for customers they own) and managers. The
  chain comes from the matrix by depth; beyond every rule → discount_beyond_authority. The first
  step's deciders get an approval_waiting card.
*/
create function public.request_discount(
  p_unit_id uuid, p_customer_id uuid, p_policy_ids uuid[], p_requested_price numeric, p_reason text
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_unit public.units;
  v_customer public.customers;
  v_project public.projects;
  v_buildup jsonb;
  v_chain public.staff_role[];
  v_id uuid := gen_random_uuid();
  v_approval_id uuid;
  v_lapses_at timestamptz;
  v_reason text := nullif(trim(coalesce(p_reason, '')), '');
  v_row public.discount_requests;
begin
  select * into v_unit from public.units where id = p_unit_id;
  if not found then
    perform private.fail('unit_not_found', '房源不存在', 'Unit not found');
  end if;
  perform private.require_role(v_unit.project_id, array['consultant']::public.staff_role[] || private.manager_roles());
  select * into v_project from public.projects where id = v_unit.project_id;
  select * into v_customer from public.customers where id = p_customer_id and project_id = v_unit.project_id;
  if not found then
    perform private.fail('customer_not_found', '客户不存在或不属于本项目', 'Customer not found in this project');
  end if;
  if not private.can_work_customer(p_customer_id) then
    perform private.fail('customer_not_yours', '只能为自己名下的客户申请优惠', 'You can only ask for your own customers');
  end if;
  if v_reason is null then
    perform private.fail('reason_required', '请填写申请理由', 'A reason is required');
  end if;
  -- Only for a unit this customer can still buy: free, or held by the caller / for this customer.
  if not (private.unit_status_now(v_unit.status, v_unit.hold_expires_at) = 'available'
          or (private.unit_status_now(v_unit.status, v_unit.hold_expires_at) = 'held'
              and (v_unit.held_by = v_uid or v_unit.held_for = p_customer_id))) then
    perform private.fail_unit_not_available(v_unit);
  end if;
  if p_requested_price is null then
    perform private.fail('invalid_price', '请填写申请价格', 'The requested price is required');
  end if;

  v_buildup := private.compute_buildup(v_unit.project_id, v_unit.list_price, p_policy_ids, p_requested_price);
  if not (v_buildup ->> 'needs_approval')::boolean then
    perform private.fail('discount_not_needed', '申请价格不低于政策优惠后价格，无需审批', 'The price is within the policies; no approval needed');
  end if;
  if (v_buildup ->> 'beyond_authority')::boolean then
    perform private.fail('discount_beyond_authority',
      format('优惠幅度 %s%% 超出审批权限范围', v_buildup ->> 'depth_pct'),
      format('A depth of %s%% is beyond every rule of the authority matrix', v_buildup ->> 'depth_pct'));
  end if;
  if exists (select 1 from public.discount_requests d join public.approvals a on a.id = d.approval_id
              where d.unit_id = p_unit_id and d.customer_id = p_customer_id and d.status = 'pending'
                and (a.lapses_at is null or a.lapses_at > now())) then
    perform private.fail('discount_request_pending', '该客户在此房源已有审批中的优惠申请，请先撤回', 'A request for this unit and customer is already pending');
  end if;
  select array_agg(x::public.staff_role) into v_chain from jsonb_array_elements_text(v_buildup -> 'chain') x;
  v_lapses_at := now() + make_interval(hours => v_project.approval_lapse_hours);

  v_approval_id := private.start_approval(v_unit.project_id, 'discount', v_id, v_chain,
    jsonb_build_object(
      'kind', 'discount', 'unit_id', v_unit.id, 'unit_label', private.unit_label(v_unit.id),
      'customer_id', v_customer.id, 'customer_name', v_customer.name,
      'list_price', v_buildup -> 'list_price', 'policies', v_buildup -> 'policies',
      'price_after_policies', v_buildup -> 'price_after_policies', 'requested_price', v_buildup -> 'requested_price',
      'special_discount_amount', v_buildup -> 'special_discount_amount', 'depth_pct', v_buildup -> 'depth_pct',
      'reason', v_reason),
    v_lapses_at);

  insert into public.discount_requests (id, approval_id, project_id, unit_id, customer_id, requester_id, list_price,
    policy_ids, price_after_policies, requested_price, special_discount_amount, depth_pct, reason, buildup)
  values (v_id, v_approval_id, v_unit.project_id, v_unit.id, v_customer.id, v_uid, v_unit.list_price,
    coalesce(p_policy_ids, '{}'), (v_buildup ->> 'price_after_policies')::numeric, p_requested_price,
    (v_buildup ->> 'special_discount_amount')::numeric, (v_buildup ->> 'depth_pct')::numeric, v_reason, v_buildup)
  returning * into v_row;

  perform private.audit('discount.request', 'discount_requests', v_id, v_unit.project_id, null, to_jsonb(v_row));
  return jsonb_build_object(
    'id', v_id, 'approval_id', v_approval_id, 'status', 'pending', 'lapses_at', v_lapses_at,
    'chain', v_buildup -> 'chain', 'buildup', v_buildup,
    'current_step_id', (select id from public.approval_steps where approval_id = v_approval_id and seq = 1));
end
$$;

create function public.cancel_discount_request(p_request_id uuid, p_reason text default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.discount_requests;
begin
  select * into v_row from public.discount_requests where id = p_request_id;
  if not found then
    perform private.fail('request_not_found', '优惠申请不存在', 'Discount request not found');
  end if;
  perform private.cancel_approval(v_row.approval_id, p_reason);
  select * into v_row from public.discount_requests where id = p_request_id;
  return to_jsonb(v_row);
end
$$;

-- The approval's outcome, applied to the request.
create function private.on_discount_outcome(p_subject_id uuid, p_outcome text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.discount_requests;
begin
  update public.discount_requests set status = p_outcome, decided_at = now()
   where id = p_subject_id and status = 'pending'
  returning * into v_row;
  return jsonb_build_object('discount_request_id', v_row.id, 'status', v_row.status, 'requested_price', v_row.requested_price::text);
end
$$;

/*
  Take an approved request for a subscription: locks it; it must be for this unit and customer,
  approved, not lapsed, not used, and the unit's list price must not have changed since.
  Marks it used. Returns the request.
*/
create function private.use_discount_request(p_request_id uuid, p_unit_id uuid, p_customer_id uuid)
returns public.discount_requests
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.discount_requests;
  v_lapses_at timestamptz;
begin
  select d.* into v_row from public.discount_requests d where d.id = p_request_id for update;
  select a.lapses_at into v_lapses_at from public.approvals a where a.id = v_row.approval_id;
  if v_row.id is null
     or v_row.unit_id <> p_unit_id or v_row.customer_id <> p_customer_id
     or v_row.status <> 'approved'
     or v_lapses_at <= now()
     or v_row.list_price <> (select list_price from public.units where id = p_unit_id) then
    perform private.fail('approval_not_usable',
      '该优惠审批不可用（不是此房源/客户的、未通过、已过期或已使用）',
      'This approval cannot be used: another unit or customer, not approved, lapsed or already used');
  end if;
  update public.discount_requests set status = 'used', used_at = now() where id = p_request_id returning * into v_row;
  return v_row;
end
$$;

alter table public.discount_requests enable row level security;
create policy "read discount requests I may see" on public.discount_requests for select to authenticated
  using (private.can_view_approval(approval_id));
revoke insert, update, delete, truncate on public.discount_requests from anon, authenticated;
revoke all on public.discount_requests, public.discount_request_overview from anon;

revoke execute on function public.request_discount(uuid, uuid, uuid[], numeric, text),
                           public.cancel_discount_request(uuid, text) from anon, public;
grant execute on function public.request_discount(uuid, uuid, uuid[], numeric, text),
                          public.cancel_discount_request(uuid, text) to authenticated;

-- Internal steps of the functions above: not for callers (PostgREST does not expose private anyway).
revoke execute on function private.on_discount_outcome(uuid, text) from public, anon, authenticated;
revoke execute on function private.use_discount_request(uuid, uuid, uuid) from public, anon, authenticated;
