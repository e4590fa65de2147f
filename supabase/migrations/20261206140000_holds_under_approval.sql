-- Holds that respect pending work (预留与审批).
--
-- A hold lasts the project's hold_minutes (30 by default); a special-discount approval may take
-- up to approval_lapse_hours (48). Before this, the hold lapsed while its discount waited and a
-- colleague could hold the unit the approver was about to price. Now:
--
--   * while a discount request for the same unit and customer is pending, the hold is kept: its
--     hold_expires_at runs to the approval's lapses_at, and units.hold_approval_id names the
--     approval it waits for (whether the hold came first or the request did);
--   * when the request is decided (approved, rejected or withdrawn) the normal timer restarts:
--     hold_minutes from the decision, so the requester can sign the 认购 at the approved price,
--     and after a rejection the unit frees as any hold would;
--   * if the approval lapses undecided, the hold ends with it (lapses_at is the expiry).
--
-- Everything stays timestamp-driven: unit_status_now, the board and the reports read
-- hold_expires_at as before, so no job is needed and no reader has to learn a new rule. The
-- discount tables and functions are not changed; two triggers on discount_requests carry the
-- request's life over to the unit, locking the unit row as every unit transition does.

alter table public.units
  add column hold_approval_id uuid references public.approvals (id) on delete set null;
comment on column public.units.hold_approval_id is
  '预留所等待的审批（特殊优惠审批中时预留保持到审批结束或失效）；仅在状态为预留时有意义';

-- A hold's approval link never outlives the hold: any change away from 'held', or to another
-- customer without naming a new one, drops it (release, subscribe and withhold pass here).
create function private.units_clear_hold_approval()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.status <> 'held'
     or (new.held_for is distinct from old.held_for and new.hold_approval_id is not distinct from old.hold_approval_id) then
    new.hold_approval_id := null;
  end if;
  return new;
end
$$;
create trigger units_clear_hold_approval before update on public.units
  for each row when (new.hold_approval_id is not null) execute function private.units_clear_hold_approval();

create or replace function private.unit_json(p public.units)
returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object('id', p.id, 'status', private.unit_status_now(p.status, p.hold_expires_at),
    'stored_status', p.status, 'held_by', p.held_by, 'held_for', p.held_for, 'hold_expires_at', p.hold_expires_at,
    'hold_approval_id', case when private.unit_status_now(p.status, p.hold_expires_at) = 'held' then p.hold_approval_id end,
    'list_price', p.list_price, 'unit_price', p.unit_price, 'withheld_reason', p.withheld_reason)
$$;

-- The pending, unlapsed discount approval for this unit and customer, if any.
create function private.pending_discount_approval(p_unit_id uuid, p_customer_id uuid)
returns public.approvals
language sql stable security definer set search_path = ''
as $$
  select a.* from public.discount_requests d join public.approvals a on a.id = d.approval_id
   where d.unit_id = p_unit_id and d.customer_id = p_customer_id and d.status = 'pending'
     and a.status = 'pending' and a.lapses_at > now()
   order by a.lapses_at desc
   limit 1
$$;

-- Refusal for a unit that cannot be taken; a hold kept for an approval says which and until when.
create or replace function private.fail_unit_not_available(p public.units)
returns void
language plpgsql set search_path = ''
as $$
declare
  v_now public.unit_status := private.unit_status_now(p.status, p.hold_expires_at);
  v_holder text;
  v_until text;
begin
  if v_now = 'held' and p.hold_approval_id is not null then
    select s.name into v_holder from public.staff s where s.id = p.held_by;
    select to_char(p.hold_expires_at at time zone pr.timezone, 'MM-DD HH24:MI') into v_until
      from public.projects pr where pr.id = p.project_id;
    perform private.fail('unit_not_available',
      format('该房源已被%s锁定：其特殊优惠申请正在审批中，审批结束前为其保留（最迟至 %s）', coalesce(v_holder, '同事'), v_until),
      format('The unit is held by %s while their special-discount request awaits approval (at most until %s)',
             coalesce(v_holder, 'a colleague'), v_until));
  end if;
  perform private.fail('unit_not_available',
    case v_now
      when 'held' then '该房源已被锁定（预留），请选择其他房源'
      when 'subscribed' then '该房源已被认购'
      when 'signed' then '该房源已签约'
      when 'withheld' then '该房源已销控，暂不可售'
      else '该房源当前不可操作' end,
    'The unit is not available (' || v_now || ')');
end
$$;

-- ---------------------------------------------------------------------------------------------
-- hold_unit: 预留/锁定 a unit for one of the caller's customers, for the project's hold_minutes —
-- or, while a discount request for this unit and customer is pending, until that approval ends.
-- ---------------------------------------------------------------------------------------------
create or replace function public.hold_unit(p_unit_id uuid, p_customer_id uuid)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v public.units;
  v_after public.units;
  v_project uuid;
  v_customer public.customers;
  v_pending public.approvals;
  v_expires timestamptz;
begin
  select project_id into v_project from public.units where id = p_unit_id;
  if not found then
    perform private.fail('unit_not_found', '房源不存在', 'Unit not found');
  end if;
  perform private.require_role(v_project, private.sales_roles());

  select * into v_customer from public.customers where id = p_customer_id;
  if not found or v_customer.project_id <> v_project then
    perform private.fail('customer_not_found', '客户不存在或不属于本项目', 'Customer not found in this project');
  end if;
  if not private.can_work_customer(p_customer_id) then
    perform private.fail('customer_not_yours', '只能为自己名下的客户预留房源', 'You may hold units only for your own customers');
  end if;
  if v_customer.status = 'lost' then
    perform private.fail('customer_lost', '客户已流失，不能预留房源', 'The customer is marked lost');
  end if;

  v := private.lock_unit(p_unit_id);
  if private.unit_status_now(v.status, v.hold_expires_at) <> 'available' then
    perform private.fail_unit_not_available(v);
  end if;

  v_expires := now() + make_interval(mins => (select p.hold_minutes from public.projects p where p.id = v_project));
  v_pending := private.pending_discount_approval(p_unit_id, p_customer_id);
  if v_pending.id is not null then
    v_expires := greatest(v_expires, v_pending.lapses_at);
  end if;

  update public.units
     set status = 'held', held_by = v_me, held_for = p_customer_id, hold_expires_at = v_expires,
         hold_approval_id = v_pending.id, updated_at = now()
   where id = p_unit_id
  returning * into v_after;
  perform private.audit('unit.hold', 'units', p_unit_id, v_project, private.unit_json(v), private.unit_json(v_after));
  return private.unit_json(v_after);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- The discount request's life, carried over to the unit's hold.
-- ---------------------------------------------------------------------------------------------

-- A new pending request keeps a live hold for the same customer until its approval ends.
create function private.discount_request_keeps_hold()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v public.units;
  v_after public.units;
  v_lapses_at timestamptz;
begin
  if new.status <> 'pending' then
    return new;
  end if;
  select a.lapses_at into v_lapses_at from public.approvals a where a.id = new.approval_id;
  v := private.lock_unit(new.unit_id);
  if private.unit_status_now(v.status, v.hold_expires_at) = 'held' and v.held_for = new.customer_id and v_lapses_at is not null then
    update public.units
       set hold_expires_at = greatest(v.hold_expires_at, v_lapses_at), hold_approval_id = new.approval_id, updated_at = now()
     where id = v.id
    returning * into v_after;
    perform private.audit('unit.hold_kept', 'units', v.id, v.project_id, private.unit_json(v),
      private.unit_json(v_after) || jsonb_build_object('discount_request_id', new.id));
  end if;
  return new;
end
$$;

-- A decided (or withdrawn) request restarts the hold's normal timer from the decision.
create function private.discount_request_restarts_hold()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v public.units;
  v_after public.units;
begin
  v := private.lock_unit(new.unit_id);
  if v.hold_approval_id = new.approval_id and private.unit_status_now(v.status, v.hold_expires_at) = 'held' then
    update public.units
       set hold_expires_at = now() + make_interval(mins => (select p.hold_minutes from public.projects p where p.id = v.project_id)),
           hold_approval_id = null, updated_at = now()
     where id = v.id
    returning * into v_after;
    perform private.audit('unit.hold_restarted', 'units', v.id, v.project_id, private.unit_json(v),
      private.unit_json(v_after) || jsonb_build_object('discount_request_id', new.id, 'outcome', new.status));
  end if;
  return new;
end
$$;

create trigger discount_requests_keep_hold after insert on public.discount_requests
  for each row execute function private.discount_request_keeps_hold();
create trigger discount_requests_restart_hold after update of status on public.discount_requests
  for each row when (old.status = 'pending' and new.status <> 'pending')
  execute function private.discount_request_restarts_hold();

revoke execute on function private.pending_discount_approval(uuid, uuid) from public, anon, authenticated;
revoke execute on function private.discount_request_keeps_hold() from public, anon, authenticated;
revoke execute on function private.discount_request_restarts_hold() from public, anon, authenticated;
