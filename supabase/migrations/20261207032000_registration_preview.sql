-- What register_customer WOULD decide for a phone, written nowhere: the bot shows 撞单 (and "already
-- yours", "claimed from the pool") on the confirmation card BEFORE the consultant confirms, not
-- only after under "✅ 已保存". The same rules as register_customer, read without locks; the
-- real call decides again. Only the outcome and the owner's name are told (as register_customer
-- tells them; colleagues' names are visible to every member), never the other customer's record.
create function public.registration_preview(p_project_id uuid, p_phone text)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v_phone text := private.normalize_mobile(p_phone);
  v_c public.customers;
begin
  perform private.require_role(p_project_id, private.sales_roles());
  if v_phone is null then
    perform private.fail('invalid_phone', '手机号格式不正确，请输入11位大陆手机号', 'Not a valid mainland mobile number');
  end if;
  select * into v_c from public.customers where project_id = p_project_id and phone = v_phone;
  if not found then
    return jsonb_build_object('outcome', 'new');
  end if;
  if v_c.owner_id = v_me and not private.in_pool(v_c.owner_id, v_c.ownership_expires_at) then
    return jsonb_build_object('outcome', 'already_yours', 'customer_id', v_c.id);
  end if;
  if private.in_pool(v_c.owner_id, v_c.ownership_expires_at) then
    return jsonb_build_object('outcome', 'claimed_from_pool');
  end if;
  return jsonb_build_object('outcome', 'collision', 'owner_name', private.staff_name(v_c.owner_id));
end
$$;
revoke execute on function public.registration_preview(uuid, text) from public, anon;
grant execute on function public.registration_preview(uuid, text) to authenticated, service_role;
