/*
  审计日志 readable (issue 15): the trail named records by UUID fragments and showed references
  inside before/after as UUIDs. The view now resolves them in the database, once per row shown:
    record_label              the record as people know it (unit 9-1201, the customer's name and
                              masked phone, contract number, receipt number, a person's name …);
    before_text / after_text  before/after with every reference replaced by its name (房源 label,
                              customer, staff, project, building, agency, policy names …), phones
                              masked as in before/after. A reference that cannot be named reads
                              关联记录 — never a raw UUID.
  Field labels, status words and money formatting are the admin's (zh-CN and English).
*/

-- A reference held in field p_field of a row of p_table, as people know it; null when unknown.
create function private.audit_ref_label(p_table text, p_field text, p_id uuid)
returns text
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_kind text := case when p_field = 'id' then p_table else p_field end;
begin
  return case
    when v_kind in ('units', 'unit_id', 'new_unit_id', 'old_unit_id') then private.unit_label(p_id)
    when v_kind in ('customers', 'customer_id') then
      (select c.name || ' ' || private.mask_phones(c.phone) from public.customers c where c.id = p_id)
    when v_kind in ('projects', 'project_id') then (select name from public.projects where id = p_id)
    when v_kind in ('buildings', 'building_id') then (select name from public.buildings where id = p_id)
    when v_kind in ('subscriptions', 'subscription_id') then
      (select private.unit_label(s.unit_id) || ' · ' || c.name from public.subscriptions s join public.customers c on c.id = s.customer_id where s.id = p_id)
    when v_kind in ('contracts', 'contract_id') then (select contract_no from public.contracts where id = p_id)
    when v_kind in ('payments', 'payment_id', 'reverses') then (select receipt_no from public.payments where id = p_id)
    when v_kind in ('agencies', 'agency_id') then (select name from public.agencies where id = p_id)
    when v_kind in ('agency_stores', 'store_id') then (select name from public.agency_stores where id = p_id)
    when v_kind in ('brokers', 'broker_id') then (select name from public.brokers where id = p_id)
    when v_kind in ('policies', 'policy_ids', 'policy_id', 'steps') then (select name from public.policies where id = p_id)
    when v_kind in ('channel_reports', 'report_id') then (select customer_name from public.channel_reports where id = p_id)
    when v_kind in ('discount_requests', 'discount_request_id') then
      (select private.unit_label(d.unit_id) from public.discount_requests d where d.id = p_id)
    when v_kind in ('unit_changes', 'unit_change_id') then
      (select private.unit_label(u.old_unit_id) || coalesce(' → ' || private.unit_label(u.new_unit_id), '') from public.unit_changes u where u.id = p_id)
    when v_kind in ('cooperations', 'cooperation_id') then
      (select a.name from public.cooperations k join public.agencies a on a.id = k.agency_id where k.id = p_id)
    when v_kind in ('payment_plan_items', 'plan_item_id') then
      (select c.contract_no || ' #' || i.seq from public.payment_plan_items i join public.contracts c on c.id = i.contract_id where i.id = p_id)
    -- Every other reference in the audited tables is a person (consultant_id, owner_id, created_by,
    -- recorded_by, signer_id, decided_by, held_by, staff_id, …).
    else private.staff_name(p_id)
  end;
end
$$;

-- before/after with references named, nested objects too (a 认购's price build-up names its
-- policies: inside an object the key it sits under is the table context, so policies[].id is a
-- policy); anything that is still a UUID becomes 关联记录.
create function private.audit_readable(p_table text, p_value jsonb)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  c_uuid constant text := '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
  v_out jsonb := '{}'::jsonb;
  v_list jsonb;
  e record;
  x jsonb;
begin
  if p_value is null or jsonb_typeof(p_value) <> 'object' then
    return p_value;
  end if;
  for e in select key, value from jsonb_each(p_value) loop
    if jsonb_typeof(e.value) = 'string' and (e.value #>> '{}') ~* c_uuid then
      v_out := v_out || jsonb_build_object(e.key, coalesce(private.audit_ref_label(p_table, e.key, (e.value #>> '{}')::uuid), '关联记录'));
    elsif jsonb_typeof(e.value) = 'object' then
      v_out := v_out || jsonb_build_object(e.key, private.audit_readable(e.key, e.value));
    elsif jsonb_typeof(e.value) = 'array' then
      v_list := '[]'::jsonb;
      for x in select value from jsonb_array_elements(e.value) loop
        if jsonb_typeof(x) = 'string' and (x #>> '{}') ~* c_uuid then
          v_list := v_list || jsonb_build_array(coalesce(private.audit_ref_label(p_table, e.key, (x #>> '{}')::uuid), '关联记录'));
        elsif jsonb_typeof(x) = 'object' then
          v_list := v_list || jsonb_build_array(private.audit_readable(e.key, x));
        else
          v_list := v_list || jsonb_build_array(x);
        end if;
      end loop;
      v_out := v_out || jsonb_build_object(e.key, v_list);
    else
      v_out := v_out || jsonb_build_object(e.key, e.value);
    end if;
  end loop;
  return v_out;
end
$$;

create or replace view public.audit_trail with (security_invoker = true) as
select a.id, a.at, a.actor, private.staff_name(a.actor) as actor_name, a.surface, a.action, a.table_name,
       a.record_id, a.project_id, p.name as project_name,
       private.mask_phones(a.before) as before, private.mask_phones(a.after) as after,
       private.mask_phones(private.audit_ref_label(a.table_name, 'id', a.record_id)) as record_label,
       private.mask_phones(private.audit_readable(a.table_name, a.before)) as before_text,
       private.mask_phones(private.audit_readable(a.table_name, a.after)) as after_text
  from public.audit_log a
  left join public.projects p on p.id = a.project_id;
comment on view public.audit_trail is
  '审计日志：含操作人、项目名称、记录名称，变更前后的关联记录以名称显示（按调用者的权限；客户手机号打码）';

revoke execute on function private.audit_ref_label(text, text, uuid), private.audit_readable(text, jsonb) from public, anon;
grant execute on function private.audit_ref_label(text, text, uuid), private.audit_readable(text, jsonb) to authenticated;
