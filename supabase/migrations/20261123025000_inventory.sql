-- Inventory rules (房源 / 销控): who reads buildings and units, the unit state machine
-- (hold, release, withhold; the subscription/contract/cancellation steps for part B), the
-- sales-control board with effective statuses, and the price-list import.
--
-- Unit statuses: available · held (expires) · subscribed · signed · withheld.
-- A hold past hold_expires_at is available everywhere — in the board view, in hold_unit and in
-- unit_to_subscribed — without any job clearing it. No unit can be held or sold twice: every
-- transition locks the unit row (select … for update) and re-checks the status under the lock.
--
-- Brokers read no inventory (decided): the price list they may quote is sent by the channel
-- manager; exposing units would also expose holds and who holds them.

alter table public.units
  add column withheld_reason text,
  add column withheld_at timestamptz;

-- Effective status: an expired hold is available.
create function private.unit_status_now(p_status public.unit_status, p_hold_expires_at timestamptz)
returns public.unit_status
language sql stable set search_path = ''
as $$
  select case when p_status = 'held' and (p_hold_expires_at is null or p_hold_expires_at <= now())
              then 'available'::public.unit_status else p_status end
$$;

-- ---------------------------------------------------------------------------------------------
-- RLS
--   buildings: non-broker members of the project read; managers+ and admins create and edit
--              (no delete: it would cascade to units)
--   units:     non-broker members read; every change goes through the functions below
-- ---------------------------------------------------------------------------------------------
create policy "members read buildings" on public.buildings for select to authenticated
  using ((select private.is_admin())
         or project_id in (select private.my_projects(array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm', 'finance', 'channel_manager', 'admin']::public.staff_role[])));
create policy "managers create buildings" on public.buildings for insert to authenticated
  with check ((select private.is_admin()) or project_id in (select private.my_projects(private.manager_roles())));
create policy "managers edit buildings" on public.buildings for update to authenticated
  using ((select private.is_admin()) or project_id in (select private.my_projects(private.manager_roles())))
  with check ((select private.is_admin()) or project_id in (select private.my_projects(private.manager_roles())));
revoke delete, truncate on public.buildings from anon, authenticated;

create policy "members read units" on public.units for select to authenticated
  using ((select private.is_admin())
         or project_id in (select private.my_projects(array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm', 'finance', 'channel_manager', 'admin']::public.staff_role[])));
revoke insert, update, delete, truncate on public.units from anon, authenticated;

create trigger buildings_audit after insert or update or delete on public.buildings
  for each row execute function private.audit_row_change();

-- ---------------------------------------------------------------------------------------------
-- The board (销控表): one row per unit with its effective status. Runs as the caller (RLS).
-- ---------------------------------------------------------------------------------------------
create view public.unit_board with (security_invoker = true) as
select u.id, u.project_id, u.building_id, b.code as building_code, b.name as building_name, b.sort as building_sort,
       u.floor, u.number, u.rooms, u.halls, u.baths,
       u.rooms || '室' || u.halls || '厅' || u.baths || '卫' as layout,
       u.building_area, u.inner_area, u.orientation, u.unit_price, u.list_price,
       private.unit_status_now(u.status, u.hold_expires_at) as status,
       case when private.unit_status_now(u.status, u.hold_expires_at) = 'held' then u.held_by end as held_by,
       case when private.unit_status_now(u.status, u.hold_expires_at) = 'held' then s.name end as held_by_name,
       case when private.unit_status_now(u.status, u.hold_expires_at) = 'held' then u.held_for end as held_for,
       case when private.unit_status_now(u.status, u.hold_expires_at) = 'held' then u.hold_expires_at end as hold_expires_at,
       u.withheld_reason, u.updated_at
  from public.units u
  join public.buildings b on b.id = u.building_id
  left join public.staff s on s.id = u.held_by;
comment on view public.unit_board is '销控表：每套房源的实时状态（过期预留显示为可售）';
revoke all on public.unit_board from anon;

-- Lock a unit and return it, or refuse with unit_not_found.
create function private.lock_unit(p_unit_id uuid)
returns public.units
language plpgsql security definer set search_path = ''
as $$
declare
  v public.units;
begin
  select * into v from public.units where id = p_unit_id for update;
  if not found then
    perform private.fail('unit_not_found', '房源不存在', 'Unit not found');
  end if;
  return v;
end
$$;

create function private.unit_json(p public.units)
returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object('id', p.id, 'status', private.unit_status_now(p.status, p.hold_expires_at),
    'stored_status', p.status, 'held_by', p.held_by, 'held_for', p.held_for, 'hold_expires_at', p.hold_expires_at,
    'list_price', p.list_price, 'unit_price', p.unit_price, 'withheld_reason', p.withheld_reason)
$$;

create function private.fail_unit_not_available(p public.units)
returns void
language plpgsql set search_path = ''
as $$
begin
  perform private.fail('unit_not_available',
    case private.unit_status_now(p.status, p.hold_expires_at)
      when 'held' then '该房源已被锁定（预留），请选择其他房源'
      when 'subscribed' then '该房源已被认购'
      when 'signed' then '该房源已签约'
      when 'withheld' then '该房源已销控，暂不可售'
      else '该房源当前不可操作' end,
    'The unit is not available (' || private.unit_status_now(p.status, p.hold_expires_at) || ')');
end
$$;

-- ---------------------------------------------------------------------------------------------
-- hold_unit: 预留/锁定 a unit for one of the caller's customers, for the project's hold_minutes.
-- ---------------------------------------------------------------------------------------------
create function public.hold_unit(p_unit_id uuid, p_customer_id uuid)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v public.units;
  v_after public.units;
  v_project uuid;
  v_customer public.customers;
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

  update public.units
     set status = 'held', held_by = v_me, held_for = p_customer_id,
         hold_expires_at = now() + make_interval(mins => (select p.hold_minutes from public.projects p where p.id = v_project)),
         updated_at = now()
   where id = p_unit_id
  returning * into v_after;
  perform private.audit('unit.hold', 'units', p_unit_id, v_project, private.unit_json(v), private.unit_json(v_after));
  return private.unit_json(v_after);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- release_unit: the holder or a manager+ ends a hold early.
-- ---------------------------------------------------------------------------------------------
create function public.release_unit(p_unit_id uuid)
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
  perform private.require_role(v_project, private.sales_roles());
  v := private.lock_unit(p_unit_id);
  if v.status <> 'held' then
    perform private.fail('unit_not_held', '该房源未被预留', 'The unit is not held');
  end if;
  if v.held_by is distinct from v_me and not private.has_role(v_project, private.manager_roles()) then
    perform private.fail('not_holder', '只有预留人或经理可以释放该房源', 'Only the holder or a manager may release this hold');
  end if;
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

-- ---------------------------------------------------------------------------------------------
-- withhold_unit / unwithhold_unit: 销控 — take a unit off the market and back (manager+).
-- A unit with a subscription or contract cannot be withheld.
-- ---------------------------------------------------------------------------------------------
create function public.withhold_unit(p_unit_id uuid, p_reason text)
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
  perform private.require_role(v_project, private.manager_roles());
  if p_reason is null or length(trim(p_reason)) = 0 then
    perform private.fail('reason_required', '请填写销控原因', 'A reason is required');
  end if;
  v := private.lock_unit(p_unit_id);
  if v.status in ('subscribed', 'signed') then
    perform private.fail('unit_has_deal', '该房源已认购或签约，不能销控', 'The unit has a subscription or contract');
  end if;
  if v.status = 'withheld' then
    perform private.fail('unit_already_withheld', '该房源已是销控状态', 'The unit is already withheld');
  end if;
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

create function public.unwithhold_unit(p_unit_id uuid)
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
  perform private.require_role(v_project, private.manager_roles());
  v := private.lock_unit(p_unit_id);
  if v.status <> 'withheld' then
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

-- ---------------------------------------------------------------------------------------------
-- Internal transitions for the deal functions (part B). They lock, check, change and audit;
-- the caller has already checked roles and approvals. Not callable through the API.
-- ---------------------------------------------------------------------------------------------

-- available (or an expired hold), or held by this consultant / for this customer → subscribed.
create function private.unit_to_subscribed(p_unit_id uuid, p_customer_id uuid, p_staff_id uuid)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v public.units;
  v_after public.units;
  v_now public.unit_status;
begin
  v := private.lock_unit(p_unit_id);
  v_now := private.unit_status_now(v.status, v.hold_expires_at);
  if not (v_now = 'available'
          or (v_now = 'held' and (v.held_by = p_staff_id or v.held_for = p_customer_id))) then
    perform private.fail_unit_not_available(v);
  end if;
  update public.units
     set status = 'subscribed', held_by = null, held_for = null, hold_expires_at = null, updated_at = now()
   where id = p_unit_id
  returning * into v_after;
  perform private.audit('unit.subscribe', 'units', p_unit_id, v.project_id, private.unit_json(v),
    private.unit_json(v_after) || jsonb_build_object('customer_id', p_customer_id, 'staff_id', p_staff_id));
  return private.unit_json(v_after);
end
$$;

-- subscribed → signed (contract signed).
create function private.unit_to_signed(p_unit_id uuid)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v public.units;
  v_after public.units;
begin
  v := private.lock_unit(p_unit_id);
  if v.status <> 'subscribed' then
    perform private.fail('unit_not_subscribed', '该房源不是已认购状态，不能签约', 'The unit is not subscribed');
  end if;
  update public.units set status = 'signed', updated_at = now() where id = p_unit_id returning * into v_after;
  perform private.audit('unit.sign', 'units', p_unit_id, v.project_id, private.unit_json(v), private.unit_json(v_after));
  return private.unit_json(v_after);
end
$$;

-- subscribed|signed → available (approved cancellation 退房 or unit change 换房).
create function private.unit_to_available(p_unit_id uuid)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v public.units;
  v_after public.units;
begin
  v := private.lock_unit(p_unit_id);
  if v.status not in ('subscribed', 'signed') then
    perform private.fail('invalid_unit_transition', '该房源不是已认购或已签约状态', 'The unit is neither subscribed nor signed');
  end if;
  update public.units set status = 'available', updated_at = now() where id = p_unit_id returning * into v_after;
  perform private.audit('unit.cancel', 'units', p_unit_id, v.project_id, private.unit_json(v), private.unit_json(v_after));
  return private.unit_json(v_after);
end
$$;

revoke execute on function private.unit_to_subscribed(uuid, uuid, uuid) from public, anon, authenticated;
revoke execute on function private.unit_to_signed(uuid) from public, anon, authenticated;
revoke execute on function private.unit_to_available(uuid) from public, anon, authenticated;
revoke execute on function private.lock_unit(uuid) from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- import_price_list: the 价目表 spreadsheet, one row per unit.
--   Every row is validated first; with any error nothing changes and ALL errors come back as
--   { ok: false, errors: [{ row, field, code, message }] } (row = 1-based position in p_rows).
--   Otherwise all rows are upserted in this one transaction: new units are available; existing
--   units keep their status (a subscribed or signed unit is never reset) and every list-price
--   change is audited.
--   Price check: |unit_price × building_area − list_price| ≤ 1 yuan (unit prices are quoted to
--   the fen, so rounding alone stays well inside it; a wrong digit does not).
-- ---------------------------------------------------------------------------------------------
create function private.jsonb_numeric(p jsonb)
returns numeric
language plpgsql immutable set search_path = ''
as $$
begin
  if p is null or jsonb_typeof(p) = 'null' then
    return null;
  end if;
  if jsonb_typeof(p) = 'number' then
    return (p #>> '{}')::numeric;
  end if;
  if jsonb_typeof(p) = 'string' and trim(replace(p #>> '{}', ',', '')) ~ '^-?[0-9]+(\.[0-9]+)?$' then
    return trim(replace(p #>> '{}', ',', ''))::numeric;
  end if;
  raise exception using errcode = '22P02', message = 'not a number';
end
$$;

create function public.import_price_list(p_project_id uuid, p_rows jsonb)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c_tolerance constant numeric := 1.00;
  v_row jsonb;
  v_i int := 0;
  v_errors jsonb := '[]'::jsonb;
  v_building public.buildings;
  v_key text;
  v_dups bigint[];
  v_num numeric;
  v_vals jsonb;
  v_existing public.units;
  v_unit public.units;
  v_inserted int := 0;
  v_updated int := 0;
  v_unchanged int := 0;
  v_price_changes int := 0;
  v_clean jsonb := '[]'::jsonb;
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if not (private.has_role(p_project_id, private.manager_roles()) or private.is_admin()) then
    perform private.fail('forbidden', '只有经理或系统管理员可以导入价目表', 'Only managers or admins may import a price list');
  end if;
  if p_rows is null or jsonb_typeof(p_rows) <> 'array' or jsonb_array_length(p_rows) = 0 then
    perform private.fail('empty_price_list', '价目表为空', 'The price list is empty');
  end if;
  if jsonb_array_length(p_rows) > 5000 then
    perform private.fail('price_list_too_large', '价目表一次最多导入 5000 行', 'At most 5000 rows per import');
  end if;

  -- Rows repeating an earlier row's building + number.
  select coalesce(array_agg(ord), '{}') into v_dups
    from (select ord, row_number() over (partition by trim(e ->> 'building_code'), trim(e ->> 'number') order by ord) as rn
            from jsonb_array_elements(p_rows) with ordinality t(e, ord)
           where jsonb_typeof(e) = 'object') d
   where rn > 1;

  -- Pass 1: validate every row, collecting every error.
  for v_row in select value from jsonb_array_elements(p_rows) loop
    v_i := v_i + 1;
    v_vals := '{}'::jsonb;
    if jsonb_typeof(v_row) <> 'object' then
      v_errors := v_errors || jsonb_build_object('row', v_i, 'field', null, 'code', 'invalid_row', 'message', '该行不是有效的数据');
      continue;
    end if;

    -- text fields
    if coalesce(trim(v_row ->> 'building_code'), '') = '' then
      v_errors := v_errors || jsonb_build_object('row', v_i, 'field', 'building_code', 'code', 'missing_field', 'message', '缺少楼栋');
      v_building := null;
    else
      select * into v_building from public.buildings b where b.project_id = p_project_id and b.code = trim(v_row ->> 'building_code');
      if not found then
        v_errors := v_errors || jsonb_build_object('row', v_i, 'field', 'building_code', 'code', 'unknown_building',
          'message', format('楼栋 %s 不存在', trim(v_row ->> 'building_code')));
      end if;
    end if;
    if coalesce(trim(v_row ->> 'number'), '') = '' then
      v_errors := v_errors || jsonb_build_object('row', v_i, 'field', 'number', 'code', 'missing_field', 'message', '缺少房号');
    elsif v_i = any (v_dups) then
      v_errors := v_errors || jsonb_build_object('row', v_i, 'field', 'number', 'code', 'duplicate_unit',
        'message', format('房号 %s-%s 在文件中重复', trim(v_row ->> 'building_code'), trim(v_row ->> 'number')));
    end if;

    -- numeric fields: must be numbers; integers where counts; positive where sizes and prices
    foreach v_key in array array['floor', 'rooms', 'halls', 'baths', 'building_area', 'inner_area', 'unit_price', 'list_price'] loop
      begin
        v_num := private.jsonb_numeric(v_row -> v_key);
      exception when others then
        v_errors := v_errors || jsonb_build_object('row', v_i, 'field', v_key, 'code', 'not_a_number',
          'message', format('%s 不是数字：%s', v_key, v_row ->> v_key));
        continue;
      end;
      if v_num is null then
        if v_key <> 'inner_area' then
          v_errors := v_errors || jsonb_build_object('row', v_i, 'field', v_key, 'code', 'missing_field', 'message', format('缺少 %s', v_key));
        end if;
        continue;
      end if;
      if v_key in ('floor', 'rooms', 'halls', 'baths') and v_num <> trunc(v_num) then
        v_errors := v_errors || jsonb_build_object('row', v_i, 'field', v_key, 'code', 'not_an_integer', 'message', format('%s 必须是整数', v_key));
        continue;
      end if;
      if v_key in ('building_area', 'inner_area', 'unit_price', 'list_price') and v_num <= 0 then
        v_errors := v_errors || jsonb_build_object('row', v_i, 'field', v_key, 'code', 'not_positive', 'message', format('%s 必须大于 0', v_key));
        continue;
      end if;
      if v_key in ('rooms', 'halls', 'baths') and (v_num < 0 or v_num > 20) then
        v_errors := v_errors || jsonb_build_object('row', v_i, 'field', v_key, 'code', 'out_of_range', 'message', format('%s 超出范围', v_key));
        continue;
      end if;
      if v_key = 'floor' and v_building.id is not null and (v_num < 1 or v_num > v_building.floors) then
        v_errors := v_errors || jsonb_build_object('row', v_i, 'field', v_key, 'code', 'out_of_range',
          'message', format('楼层 %s 超出 %s 的 1–%s 层', v_num, v_building.name, v_building.floors));
        continue;
      end if;
      if v_key in ('building_area', 'inner_area') and v_num >= 100000000 or v_key in ('unit_price', 'list_price') and v_num >= 1000000000000 then
        v_errors := v_errors || jsonb_build_object('row', v_i, 'field', v_key, 'code', 'out_of_range', 'message', format('%s 超出范围', v_key));
        continue;
      end if;
      v_vals := v_vals || jsonb_build_object(v_key, v_num);
    end loop;

    if (v_vals ? 'inner_area') and (v_vals ? 'building_area')
       and (v_vals ->> 'inner_area')::numeric > (v_vals ->> 'building_area')::numeric then
      v_errors := v_errors || jsonb_build_object('row', v_i, 'field', 'inner_area', 'code', 'inner_area_too_large', 'message', '套内面积大于建筑面积');
    end if;
    if (v_vals ? 'unit_price') and (v_vals ? 'building_area') and (v_vals ? 'list_price')
       and abs(round((v_vals ->> 'unit_price')::numeric * (v_vals ->> 'building_area')::numeric, 2) - (v_vals ->> 'list_price')::numeric) > c_tolerance then
      v_errors := v_errors || jsonb_build_object('row', v_i, 'field', 'list_price', 'code', 'price_mismatch',
        'message', format('总价 %s 与 单价 %s × 面积 %s = %s 不符（允许误差 %s 元）', v_vals ->> 'list_price', v_vals ->> 'unit_price',
                          v_vals ->> 'building_area', round((v_vals ->> 'unit_price')::numeric * (v_vals ->> 'building_area')::numeric, 2), c_tolerance));
    end if;

    if v_building.id is not null then
      v_clean := v_clean || jsonb_build_array(v_vals || jsonb_build_object(
        'building_id', v_building.id, 'number', trim(v_row ->> 'number'), 'orientation', nullif(trim(v_row ->> 'orientation'), '')));
    end if;
  end loop;

  if jsonb_array_length(v_errors) > 0 then
    return jsonb_build_object('ok', false, 'errors', v_errors, 'rows', jsonb_array_length(p_rows));
  end if;

  -- Pass 2: upsert, locking each existing unit; statuses are never touched.
  for v_row in select value from jsonb_array_elements(v_clean) loop
    select * into v_existing from public.units
     where building_id = (v_row ->> 'building_id')::uuid and number = v_row ->> 'number' for update;
    if not found then
      insert into public.units (project_id, building_id, floor, number, rooms, halls, baths, building_area, inner_area,
                                orientation, unit_price, list_price)
      values (p_project_id, (v_row ->> 'building_id')::uuid, (v_row ->> 'floor')::int, v_row ->> 'number',
              (v_row ->> 'rooms')::smallint, (v_row ->> 'halls')::smallint, (v_row ->> 'baths')::smallint,
              (v_row ->> 'building_area')::numeric, (v_row ->> 'inner_area')::numeric, v_row ->> 'orientation',
              round((v_row ->> 'unit_price')::numeric, 2), round((v_row ->> 'list_price')::numeric, 2))
      returning * into v_unit;
      v_inserted := v_inserted + 1;
    else
      update public.units
         set floor = (v_row ->> 'floor')::int, rooms = (v_row ->> 'rooms')::smallint, halls = (v_row ->> 'halls')::smallint,
             baths = (v_row ->> 'baths')::smallint, building_area = (v_row ->> 'building_area')::numeric,
             inner_area = (v_row ->> 'inner_area')::numeric, orientation = v_row ->> 'orientation',
             unit_price = round((v_row ->> 'unit_price')::numeric, 2), list_price = round((v_row ->> 'list_price')::numeric, 2),
             updated_at = now()
       where id = v_existing.id
      returning * into v_unit;
      if (v_unit.list_price, v_unit.unit_price) is distinct from (v_existing.list_price, v_existing.unit_price) then
        v_price_changes := v_price_changes + 1;
        perform private.audit('unit.price_change', 'units', v_unit.id, p_project_id,
          jsonb_build_object('list_price', v_existing.list_price, 'unit_price', v_existing.unit_price),
          jsonb_build_object('list_price', v_unit.list_price, 'unit_price', v_unit.unit_price));
      end if;
      if (to_jsonb(v_unit) - 'updated_at') = (to_jsonb(v_existing) - 'updated_at') then
        v_unchanged := v_unchanged + 1;
      else
        v_updated := v_updated + 1;
      end if;
    end if;
  end loop;

  perform private.audit('price_list.import', 'projects', p_project_id, p_project_id, null,
    jsonb_build_object('rows', jsonb_array_length(p_rows), 'inserted', v_inserted, 'updated', v_updated,
                       'unchanged', v_unchanged, 'price_changes', v_price_changes));
  return jsonb_build_object('ok', true, 'rows', jsonb_array_length(p_rows), 'inserted', v_inserted, 'updated', v_updated,
                            'unchanged', v_unchanged, 'price_changes', v_price_changes);
end
$$;
