-- What the admin's inventory screens need beyond the inventory rules (20261123025000):
--
--   sales_board(project)            the 销控表 of a project in one request: the project, its
--                                   buildings and every unit with its effective status. One jsonb
--                                   value, so a project of more than PostgREST's max-rows (1000)
--                                   units still arrives whole. Runs as the caller: RLS decides.
--   preview_price_list(project, rows)
--                                   import_price_list as a dry run: the same validation and the
--                                   same answer ({ ok, errors } or { ok, inserted, updated, … }),
--                                   then everything is rolled back, so the admin can show what an
--                                   import would do before anyone applies it.

create function public.sales_board(p_project_id uuid)
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
               'withheld_reason', u.withheld_reason, 'updated_at', u.updated_at)
             order by u.building_sort, u.building_code, u.floor, u.number)
        from public.unit_board u
        left join public.customers c on c.id = u.held_for   -- the name only where the caller may read the customer
       where u.project_id = p_project_id), '[]'::jsonb)
  )
$$;
comment on function public.sales_board(uuid) is '销控表：项目、楼栋与全部房源的实时状态（一次返回，不受 1000 行上限影响）';

create function public.preview_price_list(p_project_id uuid, p_rows jsonb)
returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  v_result jsonb;
begin
  begin
    v_result := public.import_price_list(p_project_id, p_rows);
    -- Undo whatever the import did (rows, audit) and carry its answer out of the subtransaction.
    raise exception using errcode = 'SODRY', message = v_result::text;
  exception when sqlstate 'SODRY' then
    v_result := sqlerrm::jsonb;
  end;
  return v_result || jsonb_build_object('preview', true);
end
$$;
comment on function public.preview_price_list(uuid, jsonb) is '价目表预检：与导入相同的校验与结果，但不做任何修改';

revoke execute on function public.sales_board(uuid), public.preview_price_list(uuid, jsonb) from public, anon;
grant execute on function public.sales_board(uuid), public.preview_price_list(uuid, jsonb) to authenticated, service_role;
