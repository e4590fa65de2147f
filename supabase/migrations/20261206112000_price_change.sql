-- Price-list authority (价格审批): a price cut beyond what the office may decide alone waits for
-- the chain (seed sales-department-flowcharts: 《产品销售价格策略》…报营销总监审核…报总经理审批).
--
--   * A change that lowers a unit's list price by more than the project's price_cut_threshold_pct
--     (default 3%) or below its floor price (底价, units.floor_price) is not applied: it becomes a
--     price-change request (调价申请) through the approval machine, with the project's
--     price_change_chain (default 营销部长 → 总经理), and takes effect only when approved.
--   * Raises, small cuts and new units apply at once, as before.
--   * Both ways of changing a price go through this: import_price_list (the 价目表) and
--     set_unit_price (one unit). No other path writes prices: staff have no UPDATE on units, and
--     a trigger refuses any deep cut that did not come through an approval.
--   * The 销控表 (sales_board) shows a pending change on the unit.

alter table public.projects
  add column price_cut_threshold_pct numeric(5, 2) not null default 3
    check (price_cut_threshold_pct >= 0 and price_cut_threshold_pct <= 100),
  add column price_change_chain public.staff_role[] not null default '{marketing_director,gm}'
    check (cardinality(price_change_chain) between 1 and 4
           and price_change_chain <@ array['sales_manager', 'marketing_director', 'vp', 'gm']::public.staff_role[]);
comment on column public.projects.price_cut_threshold_pct is '降价审批阈值（%）：单套表价降幅超过此比例须走调价审批';
comment on column public.projects.price_change_chain is '调价审批链（默认 营销部长 → 总经理）';

alter table public.units add column floor_price numeric(14, 2) check (floor_price is null or floor_price > 0);
comment on column public.units.floor_price is '底价：表价低于底价须走调价审批';

alter table public.approvals drop constraint approvals_subject_type_check;
alter table public.approvals add constraint approvals_subject_type_check
  check (subject_type in ('discount', 'unit_change', 'cancellation', 'contract', 'price_change'));

-- ---------------------------------------------------------------------------------------------
-- Requests and their rows
-- ---------------------------------------------------------------------------------------------

create table public.price_change_requests (
  id uuid primary key,
  approval_id uuid not null unique references public.approvals (id),
  project_id uuid not null references public.projects (id) on delete cascade,
  requester_id uuid not null references public.staff (id),
  source text not null check (source in ('import', 'edit')),   -- 价目表导入 / 单套调价
  reason text,
  -- pending → approved (applied) | rejected | cancelled; "lapsed" is computed from the approval.
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'cancelled')),
  created_at timestamptz not null default now(),
  decided_at timestamptz
);
comment on table public.price_change_requests is '调价申请：超过降价阈值或低于底价的表价调整';
create index price_change_requests_project_idx on public.price_change_requests (project_id, created_at desc);

create table public.price_change_items (
  request_id uuid not null references public.price_change_requests (id) on delete cascade,
  unit_id uuid not null references public.units (id),
  project_id uuid not null references public.projects (id) on delete cascade,
  old_list_price numeric(14, 2) not null,
  old_unit_price numeric(14, 2) not null,
  new_list_price numeric(14, 2) not null check (new_list_price > 0),
  new_unit_price numeric(14, 2) not null check (new_unit_price > 0),
  cut_pct numeric(7, 2) not null,               -- (old − new) / old × 100
  below_floor boolean not null default false,
  applied_at timestamptz,
  primary key (request_id, unit_id)
);
comment on table public.price_change_items is '调价申请明细：每套房源的原价与新价';
create index price_change_items_unit_idx on public.price_change_items (unit_id);

-- Does lowering this unit to p_new_list need approval?
create function private.price_cut_needs_approval(p_unit public.units, p_new_list numeric)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select p_new_list < p_unit.list_price
     and ((p_unit.list_price - p_new_list) * 100 / p_unit.list_price > p.price_cut_threshold_pct
          or (p_unit.floor_price is not null and p_new_list < p_unit.floor_price))
    from public.projects p where p.id = p_unit.project_id
$$;

/*
  Open a price-change request for held-back rows [{unit_id, new_list_price, new_unit_price}]
  (called by import_price_list and set_unit_price, which checked the caller). Returns
  {id, approval_id, units, chain, current_step_id}.
*/
create function private.open_price_change(p_project_id uuid, p_source text, p_rows jsonb, p_reason text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_id uuid := gen_random_uuid();
  v_chain public.staff_role[];
  v_approval_id uuid;
  v_items jsonb;
begin
  select price_change_chain into v_chain from public.projects where id = p_project_id;
  select jsonb_agg(jsonb_build_object(
           'unit_id', u.id, 'unit_label', private.unit_label(u.id),
           'old_list_price', private.money_text(u.list_price), 'new_list_price', private.money_text((r ->> 'new_list_price')::numeric),
           'cut_pct', round((u.list_price - (r ->> 'new_list_price')::numeric) * 100 / u.list_price, 2)::text,
           'below_floor', u.floor_price is not null and (r ->> 'new_list_price')::numeric < u.floor_price)
         order by private.unit_label(u.id))
    into v_items
    from jsonb_array_elements(p_rows) r join public.units u on u.id = (r ->> 'unit_id')::uuid;

  v_approval_id := private.start_approval(p_project_id, 'price_change', v_id, v_chain,
    jsonb_build_object(
      'kind', 'price_change', 'source', p_source, 'reason', p_reason,
      'units_count', jsonb_array_length(p_rows),
      'max_cut_pct', (select max((x ->> 'cut_pct')::numeric)::text from jsonb_array_elements(v_items) x),
      'items', (select jsonb_agg(x) from (select x from jsonb_array_elements(v_items) x limit 20) t),
      'unit_label', (select string_agg(x ->> 'unit_label', '、') from (select x from jsonb_array_elements(v_items) x limit 5) t)
                    || case when jsonb_array_length(v_items) > 5 then format(' 等%s套', jsonb_array_length(v_items)) else '' end));

  insert into public.price_change_requests (id, approval_id, project_id, requester_id, source, reason)
  values (v_id, v_approval_id, p_project_id, (select auth.uid()), p_source, p_reason);
  insert into public.price_change_items (request_id, unit_id, project_id, old_list_price, old_unit_price,
                                         new_list_price, new_unit_price, cut_pct, below_floor)
  select v_id, u.id, p_project_id, u.list_price, u.unit_price,
         (r ->> 'new_list_price')::numeric, (r ->> 'new_unit_price')::numeric,
         round((u.list_price - (r ->> 'new_list_price')::numeric) * 100 / u.list_price, 2),
         u.floor_price is not null and (r ->> 'new_list_price')::numeric < u.floor_price
    from jsonb_array_elements(p_rows) r join public.units u on u.id = (r ->> 'unit_id')::uuid;

  perform private.audit('price_change.request', 'price_change_requests', v_id, p_project_id, null,
    jsonb_build_object('source', p_source, 'items', v_items, 'chain', to_jsonb(v_chain)));
  return jsonb_build_object('id', v_id, 'approval_id', v_approval_id, 'units', jsonb_array_length(p_rows),
    'chain', (select jsonb_agg(s.role order by s.seq) from public.approval_steps s where s.approval_id = v_approval_id),
    'current_step_id', (select s.id from public.approval_steps s where s.approval_id = v_approval_id and s.status = 'pending'));
end
$$;

-- The approval's outcome: approved → every row applied (each unit locked, each change audited).
create function private.on_price_change_outcome(p_subject_id uuid, p_outcome text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.price_change_requests;
  v_item public.price_change_items;
  v_unit public.units;
  v_applied int := 0;
begin
  update public.price_change_requests set status = p_outcome, decided_at = now()
   where id = p_subject_id and status = 'pending' returning * into v_row;
  if p_outcome = 'approved' and v_row.id is not null then
    perform set_config('so.price_change_approved', 'on', true);
    for v_item in select * from public.price_change_items where request_id = v_row.id order by unit_id loop
      select * into v_unit from public.units where id = v_item.unit_id for update;
      update public.units set list_price = v_item.new_list_price, unit_price = v_item.new_unit_price, updated_at = now()
       where id = v_item.unit_id;
      update public.price_change_items set applied_at = now() where request_id = v_row.id and unit_id = v_item.unit_id;
      perform private.audit('unit.price_change', 'units', v_item.unit_id, v_row.project_id,
        jsonb_build_object('list_price', v_unit.list_price, 'unit_price', v_unit.unit_price),
        jsonb_build_object('list_price', v_item.new_list_price, 'unit_price', v_item.new_unit_price,
                           'price_change_request_id', v_row.id));
      v_applied := v_applied + 1;
    end loop;
    perform set_config('so.price_change_approved', '', true);
  end if;
  return jsonb_build_object('price_change_request_id', v_row.id, 'status', v_row.status, 'applied', v_applied);
end
$$;

-- The last guard: a deep cut written by any path other than an approved request is refused.
create function private.guard_unit_price_cut()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.list_price < old.list_price
     and coalesce(current_setting('so.price_change_approved', true), '') <> 'on'
     and (select auth.uid()) is not null
     and private.price_cut_needs_approval(old, new.list_price) then
    perform private.fail('price_change_needs_approval', '降价幅度超过阈值或低于底价，须提交调价审批',
      'A cut beyond the threshold or below the floor price needs a price-change approval');
  end if;
  return new;
end
$$;
create trigger units_guard_price_cut before update of list_price on public.units
  for each row execute function private.guard_unit_price_cut();

/*
  单套调价: change one unit's list price (unit price follows: list ÷ building area). Managers and
  administrators. A deep cut becomes a price-change request; anything else applies at once.
*/
create function public.set_unit_price(p_unit_id uuid, p_list_price numeric, p_reason text default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_unit public.units;
  v_after public.units;
  v_new numeric := round(p_list_price, 2);
  v_unit_price numeric;
  v_reason text := nullif(trim(coalesce(p_reason, '')), '');
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  select * into v_unit from public.units where id = p_unit_id for update;
  if not found then
    perform private.fail('unit_not_found', '房源不存在', 'Unit not found');
  end if;
  if not (private.has_role(v_unit.project_id, private.manager_roles()) or private.is_admin()) then
    perform private.fail('forbidden', '只有经理或系统管理员可以调整价格', 'Only managers or admins may change prices');
  end if;
  if v_new is null or v_new <= 0 or v_new >= 1000000000000 then
    perform private.fail('invalid_price', '请填写正确的表价', 'The list price is invalid');
  end if;
  if v_new = v_unit.list_price then
    perform private.fail('price_unchanged', '表价没有变化', 'The price is unchanged');
  end if;
  v_unit_price := round(v_new / v_unit.building_area, 2);
  if private.price_cut_needs_approval(v_unit, v_new) then
    return jsonb_build_object('applied', false, 'price_change_request',
      private.open_price_change(v_unit.project_id, 'edit',
        jsonb_build_array(jsonb_build_object('unit_id', v_unit.id, 'new_list_price', v_new, 'new_unit_price', v_unit_price)),
        coalesce(v_reason, '单套调价')));
  end if;
  update public.units set list_price = v_new, unit_price = v_unit_price, updated_at = now()
   where id = p_unit_id returning * into v_after;
  perform private.audit('unit.price_change', 'units', v_unit.id, v_unit.project_id,
    jsonb_build_object('list_price', v_unit.list_price, 'unit_price', v_unit.unit_price),
    jsonb_build_object('list_price', v_after.list_price, 'unit_price', v_after.unit_price, 'reason', v_reason));
  return jsonb_build_object('applied', true, 'unit_id', v_after.id,
    'list_price', private.money_text(v_after.list_price), 'unit_price', private.money_text(v_after.unit_price));
end
$$;

-- Withdraw a pending request (the requester).
create function public.cancel_price_change(p_request_id uuid, p_reason text default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.price_change_requests;
begin
  select * into v_row from public.price_change_requests where id = p_request_id;
  if not found then
    perform private.fail('request_not_found', '调价申请不存在', 'Price-change request not found');
  end if;
  perform private.cancel_approval(v_row.approval_id, p_reason);
  select * into v_row from public.price_change_requests where id = p_request_id;
  return to_jsonb(v_row);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- The price list import: deep cuts held back into one request per import
-- ---------------------------------------------------------------------------------------------

create or replace function public.import_price_list(p_project_id uuid, p_rows jsonb)
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
  v_held jsonb := '[]'::jsonb;      -- cuts beyond the threshold or below the floor: held for approval
  v_new_list numeric;
  v_new_unit numeric;
  v_request jsonb;
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
      v_new_list := round((v_row ->> 'list_price')::numeric, 2);
      v_new_unit := round((v_row ->> 'unit_price')::numeric, 2);
      if private.price_cut_needs_approval(v_existing, v_new_list) then
        -- Not applied now: it waits for the price-change approval; the other columns apply.
        v_held := v_held || jsonb_build_array(jsonb_build_object(
          'unit_id', v_existing.id, 'new_list_price', v_new_list, 'new_unit_price', v_new_unit));
        v_new_list := v_existing.list_price;
        v_new_unit := v_existing.unit_price;
      end if;
      update public.units
         set floor = (v_row ->> 'floor')::int, rooms = (v_row ->> 'rooms')::smallint, halls = (v_row ->> 'halls')::smallint,
             baths = (v_row ->> 'baths')::smallint, building_area = (v_row ->> 'building_area')::numeric,
             inner_area = (v_row ->> 'inner_area')::numeric, orientation = v_row ->> 'orientation',
             unit_price = v_new_unit, list_price = v_new_list,
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

  if jsonb_array_length(v_held) > 0 then
    v_request := private.open_price_change(p_project_id, 'import', v_held, '价目表导入');
  end if;
  perform private.audit('price_list.import', 'projects', p_project_id, p_project_id, null,
    jsonb_build_object('rows', jsonb_array_length(p_rows), 'inserted', v_inserted, 'updated', v_updated,
                       'unchanged', v_unchanged, 'price_changes', v_price_changes,
                       'held_for_approval', jsonb_array_length(v_held), 'price_change_request', v_request -> 'id'));
  return jsonb_build_object('ok', true, 'rows', jsonb_array_length(p_rows), 'inserted', v_inserted, 'updated', v_updated,
                            'unchanged', v_unchanged, 'price_changes', v_price_changes,
                            'held_for_approval', jsonb_array_length(v_held), 'price_change_request', v_request);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- The board and the screens
-- ---------------------------------------------------------------------------------------------

/*
  The price cuts waiting for approval in a project, one per unit (the newest request): what the
  销控表 shows on a cell. Everyone who reads the board sees that a change is pending (the
  approval itself stays visible only to those it concerns).
*/
create function private.pending_price_changes(p_project_id uuid)
returns table (unit_id uuid, pending jsonb)
language sql stable security definer set search_path = ''
as $$
  select distinct on (i.unit_id) i.unit_id,
         jsonb_build_object('request_id', r.id, 'approval_id', r.approval_id,
                            'new_list_price', i.new_list_price::text, 'cut_pct', i.cut_pct::text, 'below_floor', i.below_floor)
    from public.price_change_items i
    join public.price_change_requests r on r.id = i.request_id
    join public.approvals a on a.id = r.approval_id
   where i.project_id = p_project_id and r.status = 'pending' and (a.lapses_at is null or a.lapses_at > now())
   order by i.unit_id, r.created_at desc
$$;

create or replace function public.sales_board(p_project_id uuid)
returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select jsonb_build_object(
    'at', now(),
    'project', (select jsonb_build_object('id', p.id, 'code', p.code, 'name', p.name, 'hold_minutes', p.hold_minutes)
                  from public.projects p where p.id = p_project_id),
    'buildings', coalesce((
      select jsonb_agg(jsonb_build_object('id', b.id, 'code', b.code, 'name', b.name, 'floors', b.floors, 'sort', b.sort)
                       order by b.sort, b.code)
        from public.buildings b where b.project_id = p_project_id), '[]'::jsonb),
    'units', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', u.id, 'building_id', u.building_id, 'building_code', u.building_code,
               'floor', u.floor, 'number', u.number, 'rooms', u.rooms, 'halls', u.halls, 'baths', u.baths,
               -- exact decimals as text: money and areas never pass through a binary float
               'building_area', u.building_area::text, 'inner_area', u.inner_area::text,
               'orientation', u.orientation, 'unit_price', u.unit_price::text, 'list_price', u.list_price::text,
               'status', u.status, 'held_by', u.held_by, 'held_by_name', u.held_by_name,
               'held_for', u.held_for, 'held_for_name', c.name, 'hold_expires_at', u.hold_expires_at,
               'withheld_reason', u.withheld_reason, 'updated_at', u.updated_at,
               -- a price cut waiting for approval (调价审批中): shown on the cell, not yet the price
               'pending_price', pc.pending)
             order by u.building_sort, u.building_code, u.floor, u.number)
        from public.unit_board u
        left join public.customers c on c.id = u.held_for   -- the name only where the caller may read the customer
        left join private.pending_price_changes(p_project_id) pc on pc.unit_id = u.id
       where u.project_id = p_project_id), '[]'::jsonb)
  )
$$;

-- One row per request: what the admin's price-list page and the approvals inbox show.
create view public.price_change_overview with (security_invoker = true) as
select r.id, r.approval_id, r.project_id, r.requester_id, rq.name as requester_name, r.source, r.reason, r.status,
       case when r.status = 'pending' and a.lapses_at <= now() then 'lapsed' else r.status end as effective_status,
       a.lapses_at, r.created_at, r.decided_at,
       cur.id as current_step_id, cur.role as current_step_role,
       cur.escalated_from is not null as current_escalated, cur.escalation_reason as current_escalation_reason,
       (select count(*)::int from public.price_change_items i where i.request_id = r.id) as units_count,
       (select max(i.cut_pct) from public.price_change_items i where i.request_id = r.id) as max_cut_pct,
       (select jsonb_agg(jsonb_build_object(
                 'unit_id', i.unit_id, 'unit_label', private.unit_label(i.unit_id),
                 'old_list_price', i.old_list_price::text, 'new_list_price', i.new_list_price::text,
                 'old_unit_price', i.old_unit_price::text, 'new_unit_price', i.new_unit_price::text,
                 'cut_pct', i.cut_pct::text, 'below_floor', i.below_floor, 'applied_at', i.applied_at)
                 order by private.unit_label(i.unit_id))
          from public.price_change_items i where i.request_id = r.id) as items
  from public.price_change_requests r
  join public.approvals a on a.id = r.approval_id
  left join public.staff rq on rq.id = r.requester_id
  left join public.approval_steps cur on cur.approval_id = a.id and cur.status = 'pending';
comment on view public.price_change_overview is '调价申请：状态、审批进度与每套房源的原价/新价';

-- ---------------------------------------------------------------------------------------------
-- RLS: the project's staff (not brokers) read; every change goes through the functions.
-- ---------------------------------------------------------------------------------------------
alter table public.price_change_requests enable row level security;
alter table public.price_change_items enable row level security;
create policy "members read price changes" on public.price_change_requests for select to authenticated
  using ((select private.is_admin()) or private.can_view_approval(approval_id)
         or project_id in (select private.my_projects(array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm', 'finance', 'channel_manager', 'admin']::public.staff_role[])));
create policy "members read price change rows" on public.price_change_items for select to authenticated
  using ((select private.is_admin())
         or project_id in (select private.my_projects(array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm', 'finance', 'channel_manager', 'admin']::public.staff_role[])));
revoke insert, update, delete, truncate on public.price_change_requests, public.price_change_items from anon, authenticated;
revoke all on public.price_change_requests, public.price_change_items, public.price_change_overview from anon;

revoke execute on function public.set_unit_price(uuid, numeric, text), public.cancel_price_change(uuid, text) from public, anon;
grant execute on function public.set_unit_price(uuid, numeric, text), public.cancel_price_change(uuid, text) to authenticated;
revoke execute on function private.open_price_change(uuid, text, jsonb, text), private.on_price_change_outcome(uuid, text),
                           private.guard_unit_price_cut() from public, anon, authenticated;
