-- What the caller may do with a unit, answered by the same rules hold_unit, release_unit,
-- withhold_unit and unwithhold_unit enforce: one function says why a unit's state refuses an
-- action, the four RPCs raise on its answer and unit_actions() reports it, so the board never
-- offers what the database would refuse.

-- Why the unit's state refuses the action for the caller (an error code), null when it allows it.
create function private.unit_state_refusal(p_action text, v public.units)
returns text
language sql stable security definer set search_path = ''
as $$
  select case p_action
    when 'hold' then
      case when private.unit_status_now(v.status, v.hold_expires_at) <> 'available' then 'unit_not_available' end
    when 'release' then
      case when v.status <> 'held' then 'unit_not_held'
           when v.held_by is distinct from (select auth.uid())
                and not private.has_role(v.project_id, private.manager_roles()) then 'not_holder' end
    when 'withhold' then
      case when v.status in ('subscribed', 'signed') then 'unit_has_deal'
           when v.status = 'withheld' then 'unit_already_withheld' end
    when 'unwithhold' then
      case when v.status <> 'withheld' then 'unit_not_withheld' end
  end
$$;
revoke execute on function private.unit_state_refusal(text, public.units) from public, anon, authenticated;

-- The roles each unit action needs (the RPCs require them before looking at the unit).
create function private.unit_action_roles(p_action text)
returns public.staff_role[]
language sql immutable set search_path = ''
as $$
  select case when p_action in ('hold', 'release') then private.sales_roles() else private.manager_roles() end
$$;
revoke execute on function private.unit_action_roles(text) from public, anon, authenticated;

-- hold_unit: as in 20261206140000_holds_under_approval, the unit's state judged by unit_state_refusal.
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
  perform private.require_role(v_project, private.unit_action_roles('hold'));

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
  if private.unit_state_refusal('hold', v) is not null then
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

-- release_unit: as in 20261123025000_inventory, the unit's state judged by unit_state_refusal.
create or replace function public.release_unit(p_unit_id uuid)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v public.units;
  v_after public.units;
  v_project uuid;
begin
  select project_id into v_project from public.units where id = p_unit_id;
  if not found then
    perform private.fail('unit_not_found', '房源不存在', 'Unit not found');
  end if;
  perform private.require_role(v_project, private.unit_action_roles('release'));
  v := private.lock_unit(p_unit_id);
  case private.unit_state_refusal('release', v)
    when 'unit_not_held' then
      perform private.fail('unit_not_held', '该房源未被预留', 'The unit is not held');
    when 'not_holder' then
      perform private.fail('not_holder', '只有预留人或经理可以释放该房源', 'Only the holder or a manager may release this hold');
    else null;
  end case;
  update public.units
     set status = 'available', held_by = null, held_for = null, hold_expires_at = null, updated_at = now()
   where id = p_unit_id
  returning * into v_after;
  perform private.audit('unit.release', 'units', p_unit_id, v_project, private.unit_json(v), private.unit_json(v_after));
  if v.held_by is distinct from v_me and v.hold_expires_at > now() then
    perform private.notify(v.held_by, v_project, 'unit_released',
      jsonb_build_object('unit_id', p_unit_id, 'number', v.number, 'by', v_me, 'by_name', private.staff_name(v_me)));
  end if;
  return private.unit_json(v_after);
end
$$;

-- withhold_unit: as in 20261123025000_inventory, the unit's state judged by unit_state_refusal.
create or replace function public.withhold_unit(p_unit_id uuid, p_reason text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v public.units;
  v_after public.units;
  v_project uuid;
begin
  select project_id into v_project from public.units where id = p_unit_id;
  if not found then
    perform private.fail('unit_not_found', '房源不存在', 'Unit not found');
  end if;
  perform private.require_role(v_project, private.unit_action_roles('withhold'));
  if p_reason is null or length(trim(p_reason)) = 0 then
    perform private.fail('reason_required', '请填写销控原因', 'A reason is required');
  end if;
  v := private.lock_unit(p_unit_id);
  case private.unit_state_refusal('withhold', v)
    when 'unit_has_deal' then
      perform private.fail('unit_has_deal', '该房源已认购或签约，不能销控', 'The unit has a subscription or contract');
    when 'unit_already_withheld' then
      perform private.fail('unit_already_withheld', '该房源已是销控状态', 'The unit is already withheld');
    else null;
  end case;
  update public.units
     set status = 'withheld', held_by = null, held_for = null, hold_expires_at = null,
         withheld_reason = trim(p_reason), withheld_at = now(), updated_at = now()
   where id = p_unit_id
  returning * into v_after;
  perform private.audit('unit.withhold', 'units', p_unit_id, v_project, private.unit_json(v), private.unit_json(v_after));
  -- A live hold is cut short: its holder must hear of it.
  if private.unit_status_now(v.status, v.hold_expires_at) = 'held' and v.held_by <> v_me then
    perform private.notify(v.held_by, v_project, 'unit_withheld',
      jsonb_build_object('unit_id', p_unit_id, 'number', v.number, 'reason', trim(p_reason)));
  end if;
  return private.unit_json(v_after);
end
$$;

-- unwithhold_unit: as in 20261123025000_inventory, the unit's state judged by unit_state_refusal.
create or replace function public.unwithhold_unit(p_unit_id uuid)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v public.units;
  v_after public.units;
  v_project uuid;
begin
  select project_id into v_project from public.units where id = p_unit_id;
  if not found then
    perform private.fail('unit_not_found', '房源不存在', 'Unit not found');
  end if;
  perform private.require_role(v_project, private.unit_action_roles('unwithhold'));
  v := private.lock_unit(p_unit_id);
  if private.unit_state_refusal('unwithhold', v) is not null then
    perform private.fail('unit_not_withheld', '该房源不是销控状态', 'The unit is not withheld');
  end if;
  update public.units
     set status = 'available', withheld_reason = null, withheld_at = null, updated_at = now()
   where id = p_unit_id
  returning * into v_after;
  perform private.audit('unit.unwithhold', 'units', p_unit_id, v_project, private.unit_json(v), private.unit_json(v_after));
  return private.unit_json(v_after);
end
$$;

/*
  What the caller may do with a unit now: {hold, release, withhold, unwithhold} each true when the
  RPC of that name would accept it (hold: given one of the caller's own customers), and read_audit
  when the caller reads the project's audit log. Only readers of the unit (RLS on units) may ask.
*/
create function public.unit_actions(p_unit_id uuid)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v public.units;
  v_actions jsonb := '{}';
  v_action text;
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  select * into v from public.units u where u.id = p_unit_id;
  if not found or not private.is_member(v.project_id) then
    perform private.fail('unit_not_found', '房源不存在', 'Unit not found');
  end if;
  foreach v_action in array array['hold', 'release', 'withhold', 'unwithhold'] loop
    v_actions := v_actions || jsonb_build_object(v_action,
      private.has_role(v.project_id, private.unit_action_roles(v_action)) and private.unit_state_refusal(v_action, v) is null);
  end loop;
  return v_actions || jsonb_build_object('read_audit',
    private.has_role(v.project_id, private.manager_roles()) or private.is_admin(v.project_id));
end
$$;
comment on function public.unit_actions(uuid) is '调用者此刻可对房源执行的操作（预留、释放、销控、解除销控）及能否查看其操作记录';
revoke execute on function public.unit_actions(uuid) from public, anon;
grant execute on function public.unit_actions(uuid) to authenticated;
