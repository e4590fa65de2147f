/*
  证件 at registration (issue 15, usable papers): the 登记客户 form may carry the customer's ID
  type and number. Optional; when given it is checked first (private.check_id_document: a 身份证
  has 18 characters, a real date of birth and its check character; other documents 5–20 letters
  or digits), so a bad number registers nothing. Then register_customer decides as always, and
  the document is saved — masked on the customer, full in the private table — only on a customer
  the caller may work (new, already theirs, claimed from the pool). On a 撞单 the customer is
  someone else's: the number is not saved and the answer says so (id_document: 'not_saved').
*/
create function public.register_customer_with_id(
  p_project_id uuid, p_name text, p_phone text, p_source text,
  p_gender text default null, p_grade text default null, p_rooms int default null,
  p_area_min numeric default null, p_area_max numeric default null, p_budget_max numeric default null,
  p_purpose text default null, p_note text default null,
  p_id_type text default null, p_id_no text default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_type text := nullif(trim(coalesce(p_id_type, '')), '');
  v_no text;
  v jsonb;
  v_customer uuid;
begin
  if nullif(trim(coalesce(p_id_no, '')), '') is not null then
    v_type := coalesce(v_type, 'id_card');
    v_no := private.check_id_document(v_type, p_id_no);
  end if;
  v := public.register_customer(p_project_id, p_name, p_phone, p_source, p_gender, p_grade, p_rooms,
                                p_area_min, p_area_max, p_budget_max, p_purpose, p_note);
  if v_no is null then
    return v;
  end if;
  v_customer := (v ->> 'customer_id')::uuid;
  if v ->> 'outcome' in ('new', 'already_yours', 'claimed_from_pool') and private.can_work_customer(v_customer) then
    perform public.set_customer_id_document(v_customer, v_type, v_no);
    return v || jsonb_build_object('id_document', 'saved', 'id_no_masked', private.mask_id_no(v_no));
  end if;
  return v || jsonb_build_object('id_document', 'not_saved');
end
$$;
revoke execute on function public.register_customer_with_id(uuid, text, text, text, text, text, int, numeric, numeric, numeric, text, text, text, text)
  from public, anon;
grant execute on function public.register_customer_with_id(uuid, text, text, text, text, text, int, numeric, numeric, numeric, text, text, text, text)
  to authenticated;
