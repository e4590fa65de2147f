-- The first administrator of a fresh database (hosted go-live: `npm run setup:admin`). The Auth
-- user is made through the Auth admin API (GoTrue writes it as it wants it); this makes that user
-- staff with the admin role in a new project — only with the service role, only while the
-- database has no staff at all, once even if two setups run at the same moment.

create function public.setup_first_admin(
  p_user_id uuid,
  p_name text,
  p_phone text,
  p_project_code text,
  p_project_name text,
  p_city text
)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_email text;
  v_project uuid;
  v_today date;
begin
  if coalesce((select auth.role()), '') <> 'service_role' then
    perform private.fail('forbidden', '只有服务端密钥可以创建首位管理员', 'Only the secret (service role) key may create the first administrator');
  end if;
  -- Two setups at once: the second waits here and then finds staff.
  lock table public.staff in share row exclusive mode;
  if exists (select 1 from public.staff) then
    perform private.fail('already_set_up',
      '系统已有员工：首位管理员只能在空数据库上创建。请由现有管理员在后台邀请新员工。',
      'Staff already exist: the first administrator can only be created on an empty database. An existing administrator invites new staff in the admin.');
  end if;
  if length(trim(coalesce(p_name, ''))) = 0 then
    perform private.fail('name_required', '请填写管理员姓名', 'The administrator''s name is required');
  end if;
  if p_phone is not null and p_phone <> '' and p_phone !~ '^1[3-9][0-9]{9}$' then
    perform private.fail('invalid_phone', '手机号格式不正确（11 位，1 开头）', 'Invalid mobile number (11 digits starting with 1)');
  end if;
  if length(trim(coalesce(p_project_code, ''))) = 0 or length(trim(coalesce(p_project_name, ''))) = 0
     or length(trim(coalesce(p_city, ''))) = 0 then
    perform private.fail('project_required', '请填写项目编码、项目名称和城市', 'Project code, name and city are required');
  end if;
  select u.email into v_email from auth.users u where u.id = p_user_id for update;
  if v_email is null then
    perform private.fail('user_not_found', '找不到该登录账号（请先通过 Auth 创建）', 'No such Auth user (create it through Auth first)');
  end if;

  insert into public.projects (code, name, city)
  values (trim(p_project_code), trim(p_project_name), trim(p_city))
  returning id into v_project;
  v_today := private.project_today(v_project);
  insert into public.staff (id, name, email, phone, hired_on, regularised_on)
  values (p_user_id, trim(p_name), v_email, nullif(p_phone, ''), v_today, v_today);
  insert into public.staff_projects (staff_id, project_id, role) values (p_user_id, v_project, 'admin');

  perform private.audit('setup.first_admin', 'staff', p_user_id, v_project, null,
    jsonb_build_object('name', trim(p_name), 'email', v_email, 'project_code', trim(p_project_code), 'role', 'admin'));
  return v_project;
end
$$;

revoke execute on function public.setup_first_admin(uuid, text, text, text, text, text) from public, anon, authenticated;
grant execute on function public.setup_first_admin(uuid, text, text, text, text, text) to service_role;

comment on function public.setup_first_admin(uuid, text, text, text, text, text) is
  '首位管理员：空数据库上把一个 Auth 用户设为新项目的管理员（npm run setup:admin，仅服务端密钥）';
