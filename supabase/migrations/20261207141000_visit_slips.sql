-- =============================================================================================
-- 带看确认单 (seed primary-secondary-channel-linkage, 工程带看: "经纪人将客户带至工程案场，工程驻场
-- 做好客户确认单"). When a broker's visit is confirmed (带看确认, channel_reports.status 'visited')
-- the office prints a slip both sides sign: the project, the broker and the agency, the customer
-- (phone masked — the slip goes to the agency), the time of the visit, the consultant who received
-- the customer, and places for 经纪人签字 / 置业顾问签字 / 日期.
--
-- visit_slip gives the slip's contents to who may print it: the project's channel managers and
-- managers, the receiving consultant, and the broker of the report (only their own). It is read
-- only; printing changes nothing, so nothing is audited.
-- =============================================================================================

-- 138****5678: the first three and the last four digits of a mobile number.
create function private.mask_phone(p_phone text)
returns text
language sql immutable set search_path = ''
as $$
  select case when p_phone ~ '^[0-9]{11}$' then left(p_phone, 3) || '****' || right(p_phone, 4) else p_phone end
$$;
revoke execute on function private.mask_phone(text) from public, anon, authenticated;

create function public.visit_slip(p_report_id uuid)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_r public.channel_reports;
  v_uid uuid := (select auth.uid());
begin
  if v_uid is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  select * into v_r from public.channel_reports where id = p_report_id;
  -- Not found and not yours answer the same: a broker learns nothing of other agencies' reports.
  if not found or not coalesce(
       private.has_role(v_r.project_id, array['channel_manager']::public.staff_role[] || private.manager_roles())
       or (v_r.consultant_id = v_uid and private.is_member(v_r.project_id))
       or v_r.broker_id = private.my_broker_id(), false) then
    perform private.fail('report_not_found', '报备记录不存在', 'Report not found');
  end if;
  if v_r.status <> 'visited' or v_r.visited_at is null then
    perform private.fail('visit_not_confirmed', '该报备尚未确认带看，不能打印带看确认单', 'The visit is not confirmed yet');
  end if;
  return (
    select jsonb_build_object(
      'report_id', v_r.id,
      'slip_no', 'DK-' || upper(left(v_r.id::text, 8)),
      'project_name', p.name,
      'developer_name', p.developer_name,
      'project_address', coalesce(p.address, p.city),
      'agency_name', a.name,
      'store_name', st.name,
      'broker_name', b.name,
      'broker_phone', b.phone,
      'customer_name', coalesce(c.name, v_r.customer_name),
      'customer_phone', private.mask_phone(coalesce(c.phone, v_r.customer_phone)),
      'reported_at', v_r.created_at,
      'visited_at', v_r.visited_at,
      'consultant_name', private.staff_name(v_r.consultant_id),
      'confirmed_by_name', private.staff_name(v_r.confirmed_by),
      'protection_days', v_r.protection_days,
      'protected_until', v_r.protected_until,
      'timezone', p.timezone)
      from public.projects p
      left join public.agencies a on a.id = v_r.agency_id
      left join public.agency_stores st on st.id = v_r.store_id
      left join public.brokers b on b.id = v_r.broker_id
      left join public.customers c on c.id = v_r.customer_id
     where p.id = v_r.project_id);
end
$$;
comment on function public.visit_slip(uuid) is
  '带看确认单：已确认带看的报备（渠道经理、经理、接待顾问、报备的经纪人本人）；客户电话打码';
revoke execute on function public.visit_slip(uuid) from public, anon;
grant execute on function public.visit_slip(uuid) to authenticated;
