-- People and access (员工与权限) that cannot be walked around:
--   * invitations carry a secret single-use token and are accepted by the signed-in invitee
--     (accept_invitation); signing up alone grants nothing;
--   * administrators act only in the projects where they are 系统管理员;
--   * Telegram binding codes are made by the person themself, never for someone else;
--   * deactivating a person ends every session at once, and no request of an inactive person
--     reaches a table or a function (the pre-request check below);
--   * private helpers are not executable by PUBLIC/anon, `authenticated` gets no TRUNCATE or
--     TRIGGER, and the audit surface comes from the token, not from a client header.

-- ---------------------------------------------------------------------------------------------
-- Who is calling: active staff only.
-- ---------------------------------------------------------------------------------------------

-- Is the caller a 系统管理员 of this project (and active)?
create function private.is_admin(p_project uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select p_project is not null and exists (
    select 1 from public.staff_projects sp join public.staff s on s.id = sp.staff_id
     where sp.staff_id = (select auth.uid()) and sp.project_id = p_project and sp.role = 'admin' and s.active
  )
$$;
comment on function private.is_admin(uuid) is '调用者是否为该项目的系统管理员（在职）';

-- The projects where the caller is 系统管理员.
create function private.admin_projects()
returns setof uuid
language sql stable security definer set search_path = ''
as $$ select private.my_projects(array['admin']::public.staff_role[]) $$;

-- Is the caller an active person of the system? An auth user without a staff row (a stranger who
-- signed up) is not; a deactivated one is not.
create function private.is_active_staff()
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.staff s where s.id = (select auth.uid()) and s.active)
$$;

/*
  Every API request passes here first (PostgREST's db-pre-request). A signed-in request is
  refused when the person is a deactivated staff member, or when the token names a session that
  no longer exists (signed out, or ended by deactivation): so every policy and function that
  trusts "own rows" (auth.uid() = …) also requires an active person and a live session, without
  each policy repeating it. Tokens without a session (the bot's, minted per request batch) are
  covered by the active check.
*/
create function private.check_request()
returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_session text := (select auth.jwt()) ->> 'session_id';
begin
  if v_uid is null then
    return;
  end if;
  if exists (select 1 from public.staff s where s.id = v_uid and not s.active) then
    raise sqlstate 'PT401' using message = '您的账号已停用，请联系系统管理员', detail = 'staff_inactive',
      hint = 'Your account has been deactivated: contact the administrator';
  end if;
  if v_session is null or v_session !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return;
  end if;
  begin
    if not exists (select 1 from auth.sessions se where se.id = v_session::uuid) then
      raise sqlstate 'PT401' using message = '登录已失效，请重新登录', detail = 'session_ended',
        hint = 'This session has ended: sign in again';
    end if;
  exception when insufficient_privilege or undefined_table then
    -- an auth schema this role may not read: the active check above still holds
    null;
  end;
end
$$;
comment on function private.check_request() is '每个 API 请求前：停用账号与已结束的会话一律拒绝';

-- PostgREST reads its pre-request function from the authenticator role's settings (hosted too).
alter role authenticator set pgrst.db_pre_request to 'private.check_request';
notify pgrst, 'reload config';

-- Where the change came from: the token's `surface` claim (the bot's tokens say "bot"); a
-- signed-in person without one is the admin; direct SQL and the service key are system.
create or replace function private.surface()
returns text
language sql stable set search_path = ''
as $$
  select case
    when (select auth.jwt()) ->> 'surface' in ('admin', 'bot') then (select auth.jwt()) ->> 'surface'
    when (select auth.uid()) is not null then 'admin'
    else 'system'
  end
$$;

-- ---------------------------------------------------------------------------------------------
-- Staff administration, per project.
-- ---------------------------------------------------------------------------------------------

-- Some project's administrator (lists, and helpers that narrow down by project themselves).
create or replace function private.require_staff_admin()
returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if not private.is_admin() then
    perform private.fail('forbidden', '只有系统管理员可以管理员工', 'Only an administrator can manage staff');
  end if;
end
$$;

-- The administrator of this project.
create function private.require_project_admin(p_project uuid)
returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_staff_admin();
  if not private.is_admin(p_project) then
    perform private.fail('not_project_admin', '您不是该项目的系统管理员，不能管理该项目的员工',
      'You are not the administrator of this project');
  end if;
end
$$;

-- Changing a person (profile, active) touches every project they work in: the caller must be
-- administrator of all of them. A person without any role: any administrator.
create function private.require_staff_admin(p_staff uuid)
returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_staff_admin();
  if exists (
    select 1 from public.staff_projects sp
     where sp.staff_id = p_staff and not private.is_admin(sp.project_id)
  ) then
    perform private.fail('not_project_admin', '该员工在您不管理的项目中任职，只有那些项目的系统管理员也同意才能修改',
      'This person works in a project you do not administer');
  end if;
end
$$;

-- update_staff: as before, for the administrator of every project of the person. Deactivating
-- ends every auth session and refresh token at once (auth.sessions cascades to refresh tokens
-- on hosted GoTrue and locally), expires unused binding codes and drops the bot's chat state.
create or replace function public.update_staff(
  p_staff_id uuid, p_name text, p_phone text default null, p_hired_on date default null,
  p_regularised_on date default null, p_active boolean default true
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_before public.staff;
  v_after public.staff;
  v_phone text := private.normalize_mobile(p_phone);
begin
  perform private.require_staff_admin();
  select * into v_before from public.staff where id = p_staff_id for update;
  if not found then
    perform private.fail('staff_not_found', '找不到该员工', 'Staff member not found');
  end if;
  perform private.require_staff_admin(p_staff_id);
  if p_name is null or length(trim(p_name)) = 0 then
    perform private.fail('name_required', '请填写姓名', 'Name is required');
  end if;
  if nullif(trim(coalesce(p_phone, '')), '') is not null and v_phone is null then
    perform private.fail('invalid_phone', '手机号格式不正确，请填写11位手机号', 'Give an 11-digit mobile number');
  end if;
  if p_hired_on is not null and p_regularised_on is not null and p_regularised_on < p_hired_on then
    perform private.fail('invalid_date', '转正日期不能早于入职日期', 'The regularisation date cannot be before the hiring date');
  end if;
  if p_staff_id = (select auth.uid()) and not coalesce(p_active, true) then
    perform private.fail('cannot_deactivate_self', '不能停用自己的账号', 'You cannot deactivate your own account');
  end if;

  update public.staff
     set name = trim(p_name), phone = v_phone, hired_on = p_hired_on, regularised_on = p_regularised_on,
         active = coalesce(p_active, true)
   where id = p_staff_id
  returning * into v_after;

  if v_before.active and not v_after.active then
    begin
      delete from auth.refresh_tokens where user_id::text = p_staff_id::text;
      delete from auth.sessions where user_id = p_staff_id;
    exception when insufficient_privilege then
      -- cannot reach the auth tables here: the pre-request check still refuses every request
      perform private.audit('staff.sessions_not_revoked', 'staff', p_staff_id, null, null, null);
    end;
    update public.telegram_bind_codes set expires_at = now()
     where staff_id = p_staff_id and used_at is null and expires_at > now();
    if v_after.telegram_user_id is not null then
      perform private.forget_telegram_chat(v_after.telegram_user_id);
    end if;
  end if;

  if to_jsonb(v_after) is distinct from to_jsonb(v_before) then
    perform private.audit('staff.update', 'staff', p_staff_id, null,
      jsonb_build_object('name', v_before.name, 'phone', v_before.phone, 'hired_on', v_before.hired_on,
                         'regularised_on', v_before.regularised_on, 'active', v_before.active),
      jsonb_build_object('name', v_after.name, 'phone', v_after.phone, 'hired_on', v_after.hired_on,
                         'regularised_on', v_after.regularised_on, 'active', v_after.active));
  end if;
  return to_jsonb(v_after);
end
$$;

create or replace function public.add_staff_role(p_staff_id uuid, p_project_id uuid, p_role public.staff_role)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.require_staff_admin();
  if not exists (select 1 from public.staff where id = p_staff_id) then
    perform private.fail('staff_not_found', '找不到该员工', 'Staff member not found');
  end if;
  if not exists (select 1 from public.projects where id = p_project_id) then
    perform private.fail('project_not_found', '项目不存在', 'Project not found');
  end if;
  perform private.require_project_admin(p_project_id);
  if p_role is null then
    perform private.fail('invalid_role', '请选择角色', 'Choose a role');
  end if;
  insert into public.staff_projects (staff_id, project_id, role) values (p_staff_id, p_project_id, p_role)
  on conflict do nothing;
  if not found then
    perform private.fail('role_exists', '该员工在此项目已有这个角色', 'This person already has that role in the project');
  end if;
  perform private.audit('staff.role_add', 'staff', p_staff_id, p_project_id, null,
    jsonb_build_object('project_id', p_project_id, 'role', p_role));
end
$$;

create or replace function public.remove_staff_role(p_staff_id uuid, p_project_id uuid, p_role public.staff_role)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.require_project_admin(p_project_id);
  if p_staff_id = (select auth.uid()) and p_role = 'admin' then
    perform private.fail('cannot_remove_own_admin', '不能移除自己的系统管理员角色', 'You cannot remove your own administrator role');
  end if;
  delete from public.staff_projects where staff_id = p_staff_id and project_id = p_project_id and role = p_role;
  if not found then
    perform private.fail('role_not_found', '该员工在此项目没有这个角色', 'This person does not have that role in the project');
  end if;
  perform private.audit('staff.role_remove', 'staff', p_staff_id, p_project_id,
    jsonb_build_object('project_id', p_project_id, 'role', p_role), null);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Invitations with a secret. invite_staff returns the token once (for the link the admin
-- shares: /register?token=…); only its sha256 is stored. accept_invitation(token), called by the
-- signed-in person whose confirmed email is the invited one, gives exactly the invited roles.
-- Accepting or revoking clears the hash, so a token works once at most.
-- ---------------------------------------------------------------------------------------------
alter table public.staff_invitations add column token_hash bytea unique;
comment on column public.staff_invitations.token_hash is '邀请口令的 sha256（口令本身只在创建时返回一次）；接受或撤销后清空';

-- Sign-up grants nothing any more: the trigger on auth.users stays (dropping it needs the owner
-- of auth.users on hosted) but does nothing.
create or replace function private.accept_staff_invitation()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  return new;
end
$$;

-- The sha256 of a token, as stored.
create function private.invitation_token_hash(p_token text)
returns bytea
language sql immutable set search_path = ''
as $$ select extensions.digest(convert_to(coalesce(p_token, ''), 'UTF8'), 'sha256') $$;

drop function public.invite_staff(text, text, jsonb);
create function public.invite_staff(p_email text, p_name text, p_roles jsonb)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_email text := lower(trim(coalesce(p_email, '')));
  v_roles jsonb;
  v_bad record;
  v_row public.staff_invitations;
  v_token text := translate(encode(extensions.gen_random_bytes(24), 'base64'), '+/', '-_');
begin
  perform private.require_staff_admin();
  if v_email !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$' then
    perform private.fail('invalid_email', '邮箱格式不正确', 'Invalid email address');
  end if;
  if p_name is null or length(trim(p_name)) = 0 then
    perform private.fail('name_required', '请填写姓名', 'Name is required');
  end if;
  if exists (select 1 from public.staff s where lower(s.email) = v_email) then
    perform private.fail('already_registered', '该邮箱已是员工账号，请在员工列表中直接为其分配角色',
      'This email already belongs to a staff member: assign roles to them in the staff list');
  end if;
  if p_roles is null or jsonb_typeof(p_roles) <> 'array' or jsonb_array_length(p_roles) = 0 then
    perform private.fail('roles_required', '请至少为一个项目分配一个角色', 'Give at least one role in one project');
  end if;
  select e into v_bad from jsonb_array_elements(p_roles) e
   where jsonb_typeof(e) <> 'object'
      or coalesce(e ->> 'role', '') <> all (enum_range(null::public.staff_role)::text[])
   limit 1;
  if found then
    perform private.fail('invalid_role', '角色无效', 'Invalid role');
  end if;
  select e into v_bad from jsonb_array_elements(p_roles) e
   where coalesce(e ->> 'project_id', '') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      or not exists (select 1 from public.projects p where p.id = (e ->> 'project_id')::uuid)
   limit 1;
  if found then
    perform private.fail('project_not_found', '邀请中的项目不存在', 'A project of the invitation does not exist');
  end if;
  select e into v_bad from jsonb_array_elements(p_roles) e
   where not private.is_admin((e ->> 'project_id')::uuid)
   limit 1;
  if found then
    perform private.fail('not_project_admin', '只能邀请到您担任系统管理员的项目',
      'You can only invite people to projects you administer');
  end if;
  select jsonb_agg(distinct jsonb_build_object('project_id', lower(e ->> 'project_id'), 'role', e ->> 'role'))
    into v_roles from jsonb_array_elements(p_roles) e;

  -- A new invitation for the same email replaces the one still pending (and kills its token).
  update public.staff_invitations set status = 'revoked', revoked_at = now(), token_hash = null
   where email = v_email and status = 'pending';
  insert into public.staff_invitations (email, name, roles, invited_by, token_hash)
  values (v_email, trim(p_name), v_roles, (select auth.uid()), private.invitation_token_hash(v_token))
  returning * into v_row;
  perform private.audit('staff.invite', 'staff_invitations', v_row.id, null, null, to_jsonb(v_row) - 'token_hash');
  return (to_jsonb(v_row) - 'token_hash') || jsonb_build_object('token', v_token);
end
$$;
comment on function public.invite_staff(text, text, jsonb) is '邀请员工：返回一次性邀请口令（token），仅保存其哈希';

create or replace function public.revoke_invitation(p_invitation_id uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.staff_invitations;
begin
  perform private.require_staff_admin();
  select * into v_row from public.staff_invitations where id = p_invitation_id for update;
  if not found then
    perform private.fail('invitation_not_found', '邀请不存在', 'Invitation not found');
  end if;
  if exists (select 1 from jsonb_array_elements(v_row.roles) e where not private.is_admin((e ->> 'project_id')::uuid)) then
    perform private.fail('not_project_admin', '该邀请涉及您不管理的项目，不能撤销', 'This invitation names a project you do not administer');
  end if;
  if v_row.status <> 'pending' then
    perform private.fail('invitation_not_pending', '只能撤销尚未接受的邀请', 'Only a pending invitation can be revoked');
  end if;
  update public.staff_invitations set status = 'revoked', revoked_at = now(), token_hash = null where id = p_invitation_id;
  perform private.audit('staff.invitation_revoke', 'staff_invitations', p_invitation_id, null,
    jsonb_build_object('status', v_row.status), jsonb_build_object('status', 'revoked'));
end
$$;

-- accept_invitation: the signed-in person with the link's token and the invited, confirmed email
-- becomes staff with exactly the invited roles. Refusals name the reason; nothing is written then.
create function public.accept_invitation(p_token text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_user record;
  v_inv public.staff_invitations;
  v_staff public.staff;
begin
  if v_uid is null then
    perform private.fail('not_signed_in', '请先登录或注册，再接受邀请', 'Sign in or sign up first, then accept the invitation');
  end if;
  select * into v_inv from public.staff_invitations
   where token_hash = private.invitation_token_hash(trim(p_token)) and p_token is not null
   for update;
  if not found then
    perform private.fail('invitation_invalid', '邀请链接无效，或已被撤销、已被使用，请向系统管理员重新获取',
      'This invitation link is invalid, revoked or already used: ask the administrator for a new one');
  end if;
  if v_inv.status <> 'pending' then
    perform private.fail('invitation_invalid', '邀请链接无效，或已被撤销、已被使用，请向系统管理员重新获取',
      'This invitation link is invalid, revoked or already used: ask the administrator for a new one');
  end if;
  if v_inv.expires_at <= now() then
    perform private.fail('invitation_expired', '邀请已过期，请向系统管理员重新获取', 'This invitation has expired: ask the administrator for a new one');
  end if;
  select u.email, u.email_confirmed_at into v_user from auth.users u where u.id = v_uid;
  if not found or lower(coalesce(v_user.email, '')) <> v_inv.email then
    perform private.fail('invitation_email_mismatch', '此邀请发给 ' || v_inv.email || '，请用该邮箱登录后再接受',
      'This invitation is for ' || v_inv.email || ': sign in with that email to accept it');
  end if;
  if v_user.email_confirmed_at is null then
    perform private.fail('email_not_confirmed', '请先点击确认邮件中的链接验证邮箱，再接受邀请',
      'Confirm your email address first, then accept the invitation');
  end if;
  select * into v_staff from public.staff where id = v_uid for update;
  if found and not v_staff.active then
    perform private.fail('staff_inactive', '您的账号已停用，请联系系统管理员', 'Your account has been deactivated: contact the administrator');
  end if;

  insert into public.staff (id, name, email, hired_on)
  values (v_uid, v_inv.name, v_inv.email, (now() at time zone 'Asia/Shanghai')::date)
  on conflict (id) do nothing;
  insert into public.staff_projects (staff_id, project_id, role)
  select distinct v_uid, (e ->> 'project_id')::uuid, (e ->> 'role')::public.staff_role
    from jsonb_array_elements(v_inv.roles) e
    join public.projects p on p.id = (e ->> 'project_id')::uuid
  on conflict do nothing;
  update public.staff_invitations
     set status = 'accepted', accepted_at = now(), accepted_user_id = v_uid, token_hash = null
   where id = v_inv.id;
  perform private.audit('staff.invitation_accept', 'staff', v_uid, null, null,
    jsonb_build_object('invitation_id', v_inv.id, 'email', v_inv.email, 'roles', v_inv.roles));
  return jsonb_build_object('staff_id', v_uid, 'name', v_inv.name, 'roles', v_inv.roles);
end
$$;
comment on function public.accept_invitation(text) is '接受邀请：已登录且邮箱已验证、与邀请一致的本人，凭一次性口令获得邀请的角色';

-- The invitation list and its policy: administrators of every project the invitation names.
drop policy "admins read invitations" on public.staff_invitations;
create policy "admins read invitations" on public.staff_invitations for select to authenticated
  using (not exists (select 1 from jsonb_array_elements(roles) e where not private.is_admin((e ->> 'project_id')::uuid)));

-- ---------------------------------------------------------------------------------------------
-- Telegram binding codes: only for yourself. The parameter stays for old callers; naming
-- anyone else is refused, administrators included (they unbind, never bind as someone).
-- ---------------------------------------------------------------------------------------------
drop function public.create_telegram_bind_code(uuid);
create function public.create_telegram_bind_code(p_staff_id uuid default null)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_alphabet constant text := 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  v_me uuid := (select auth.uid());
  v_staff public.staff%rowtype;
  v_bytes bytea;
  v_code text;
  v_expires timestamptz;
begin
  if v_me is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if p_staff_id is not null and p_staff_id <> v_me then
    perform private.fail('bind_code_self_only', 'Telegram 绑定码只能由本人生成：请让该员工登录后在“我的绑定码”中自行获取',
      'A Telegram binding code can only be created by the person themself');
  end if;

  select * into v_staff from public.staff where id = v_me for update;
  if not found then
    perform private.fail('staff_not_found', '找不到该员工', 'Staff member not found');
  end if;
  if not v_staff.active then
    perform private.fail('staff_inactive', '该员工账号已停用，不能绑定 Telegram', 'This staff account is deactivated and cannot bind Telegram');
  end if;

  update public.telegram_bind_codes set expires_at = now()
   where staff_id = v_me and used_at is null and expires_at > now();

  loop
    v_bytes := extensions.gen_random_bytes(8);
    v_code := '';
    for i in 0..7 loop
      v_code := v_code || substr(v_alphabet, get_byte(v_bytes, i) % length(v_alphabet) + 1, 1);
    end loop;
    begin
      insert into public.telegram_bind_codes (code, staff_id, created_by)
      values (v_code, v_me, v_me)
      returning expires_at into v_expires;
      exit;
    exception when unique_violation then
      -- another code has these 8 characters: draw again
    end;
  end loop;

  perform private.audit('telegram.code_create', 'staff', v_me, null, null, jsonb_build_object('expires_at', v_expires));
  return v_code;
end
$$;
comment on function public.create_telegram_bind_code(uuid) is '生成本人的 Telegram 绑定码（15 分钟，一次性）；不能为他人生成';
revoke execute on function public.create_telegram_bind_code(uuid) from public, anon;
grant execute on function public.create_telegram_bind_code(uuid) to authenticated, service_role;

drop policy "read own codes; admins read all" on public.telegram_bind_codes;
create policy "read own codes" on public.telegram_bind_codes for select to authenticated
  using (staff_id = (select auth.uid()));

-- bind_telegram is called by the bot alone (service key, no person in the token): its audit row
-- says so directly.
create or replace function public.bind_telegram(p_code text, p_telegram_user_id bigint)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_code public.telegram_bind_codes%rowtype;
  v_staff public.staff%rowtype;
  v_input text := upper(regexp_replace(coalesce(p_code, ''), '[[:space:]-]', '', 'g'));
begin
  if (select auth.role()) is distinct from 'service_role' then
    perform private.fail('forbidden', '只有机器人可以绑定 Telegram 账号', 'Only the bot can bind a Telegram account');
  end if;
  if p_telegram_user_id is null or p_telegram_user_id <= 0 then
    perform private.fail('invalid_telegram_user', 'Telegram 用户编号无效', 'Invalid Telegram user id');
  end if;

  select * into v_code from public.telegram_bind_codes where code = v_input for update;
  if not found then
    perform private.fail('bind_code_unknown', '绑定码无效，请核对后重新输入，或在管理后台“我的绑定码”重新获取',
      'Unknown binding code: check it, or create a new one under "My binding code" in the admin');
  end if;
  if v_code.used_at is not null then
    perform private.fail('bind_code_used', '该绑定码已使用过，请在管理后台“我的绑定码”重新获取',
      'This binding code has already been used: create a new one under "My binding code"');
  end if;
  if v_code.expires_at <= now() then
    perform private.fail('bind_code_expired', '绑定码已过期（15 分钟内有效），请在管理后台“我的绑定码”重新获取',
      'This binding code has expired (valid for 15 minutes): create a new one under "My binding code"');
  end if;

  select * into v_staff from public.staff where id = v_code.staff_id for update;
  if not v_staff.active then
    perform private.fail('staff_inactive', '该员工账号已停用，不能绑定 Telegram', 'This staff account is deactivated and cannot bind Telegram');
  end if;
  if exists (select 1 from public.staff where telegram_user_id = p_telegram_user_id and id <> v_staff.id) then
    perform private.fail('telegram_already_bound', '此 Telegram 账号已绑定其他员工，请先由系统管理员解绑',
      'This Telegram account is bound to another staff member: ask the administrator to unbind it first');
  end if;

  update public.telegram_bind_codes
     set used_at = now(), used_by_telegram_user_id = p_telegram_user_id
   where code = v_code.code;
  update public.staff set telegram_user_id = p_telegram_user_id where id = v_staff.id;
  if v_staff.telegram_user_id is not null then
    perform private.forget_telegram_chat(v_staff.telegram_user_id);
  end if;
  perform private.forget_telegram_chat(p_telegram_user_id);

  insert into public.audit_log (actor, surface, action, table_name, record_id, project_id, before, after)
  values (null, 'bot', 'telegram.bind', 'staff', v_staff.id, null,
          jsonb_build_object('telegram_user_id', v_staff.telegram_user_id),
          jsonb_build_object('telegram_user_id', p_telegram_user_id));

  return jsonb_build_object(
    'staff_id', v_staff.id,
    'name', v_staff.name,
    'roles', coalesce((
      select jsonb_agg(jsonb_build_object('project_id', p.id, 'project_name', p.name, 'role', sp.role)
                       order by p.name, sp.role)
        from public.staff_projects sp
        join public.projects p on p.id = sp.project_id
       where sp.staff_id = v_staff.id
    ), '[]'::jsonb)
  );
end
$$;

-- unbind_telegram: the person themself, or an administrator of a project they work in.
create or replace function public.unbind_telegram(p_staff_id uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_staff public.staff%rowtype;
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if p_staff_id is distinct from (select auth.uid()) and not exists (
    select 1 from public.staff_projects sp where sp.staff_id = p_staff_id and private.is_admin(sp.project_id)
  ) then
    perform private.fail('forbidden', '只有本人或其所在项目的系统管理员可以解绑 Telegram',
      'Only the person or an administrator of their project can unbind Telegram');
  end if;

  select * into v_staff from public.staff where id = p_staff_id for update;
  if not found then
    perform private.fail('staff_not_found', '找不到该员工', 'Staff member not found');
  end if;

  update public.telegram_bind_codes set expires_at = now()
   where staff_id = p_staff_id and used_at is null and expires_at > now();
  if v_staff.telegram_user_id is null then
    return;
  end if;

  update public.staff set telegram_user_id = null where id = p_staff_id;
  perform private.forget_telegram_chat(v_staff.telegram_user_id);
  perform private.audit('telegram.unbind', 'staff', p_staff_id, null,
    jsonb_build_object('telegram_user_id', v_staff.telegram_user_id),
    jsonb_build_object('telegram_user_id', null));
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Administrators' reach, per project (policies that said "any administrator").
-- ---------------------------------------------------------------------------------------------

drop policy "members read their projects" on public.projects;
create policy "members read their projects" on public.projects for select to authenticated
  using (id in (select private.my_projects())
         -- a project nobody administers yet (just created: see project_creator_admin)
         or ((select private.is_admin())
             and not exists (select 1 from public.staff_projects sp where sp.project_id = projects.id and sp.role = 'admin')));

-- Whoever creates a project administers it.
create function private.project_creator_admin()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is not null and exists (select 1 from public.staff where id = (select auth.uid())) then
    insert into public.staff_projects (staff_id, project_id, role) values ((select auth.uid()), new.id, 'admin')
    on conflict do nothing;
  end if;
  return new;
end
$$;
create trigger project_creator_admin after insert on public.projects
  for each row execute function private.project_creator_admin();
drop policy "admins edit projects" on public.projects;
create policy "admins edit projects" on public.projects for update to authenticated
  using ((select private.is_admin(id))) with check ((select private.is_admin(id)));

drop policy "read self and colleagues" on public.staff;
create policy "read self and colleagues" on public.staff for select to authenticated
  using (
    id = (select auth.uid())
    or exists (
      select 1 from public.staff_projects sp
       where sp.staff_id = staff.id and sp.project_id in (select private.my_projects(
         array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm', 'finance', 'channel_manager', 'admin']::public.staff_role[]))
    )
    -- a person an administrator invited, or one without roles yet (to give them some)
    or ((select private.is_admin()) and not exists (select 1 from public.staff_projects sp where sp.staff_id = staff.id))
  );
drop policy "read roles in my projects" on public.staff_projects;
create policy "read roles in my projects" on public.staff_projects for select to authenticated
  using (
    staff_id = (select auth.uid())
    or project_id in (select private.my_projects(
         array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm', 'finance', 'channel_manager', 'admin']::public.staff_role[]))
  );

drop policy "members read buildings" on public.buildings;
create policy "members read buildings" on public.buildings for select to authenticated
  using (project_id in (select private.my_projects(array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm', 'finance', 'channel_manager', 'admin']::public.staff_role[])));
drop policy "managers create buildings" on public.buildings;
create policy "managers create buildings" on public.buildings for insert to authenticated
  with check (project_id in (select private.my_projects(private.manager_roles() || array['admin']::public.staff_role[])));
drop policy "managers edit buildings" on public.buildings;
create policy "managers edit buildings" on public.buildings for update to authenticated
  using (project_id in (select private.my_projects(private.manager_roles() || array['admin']::public.staff_role[])))
  with check (project_id in (select private.my_projects(private.manager_roles() || array['admin']::public.staff_role[])));
drop policy "members read units" on public.units;
create policy "members read units" on public.units for select to authenticated
  using (project_id in (select private.my_projects(array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm', 'finance', 'channel_manager', 'admin']::public.staff_role[])));

drop policy "project staff read policies" on public.policies;
create policy "project staff read policies" on public.policies for select to authenticated
  using (private.is_member(project_id));
drop policy "admins add policies" on public.policies;
create policy "admins add policies" on public.policies for insert to authenticated
  with check (private.is_admin(project_id));
drop policy "admins edit policies" on public.policies;
create policy "admins edit policies" on public.policies for update to authenticated
  using (private.is_admin(project_id)) with check (private.is_admin(project_id));
drop policy "admins delete policies" on public.policies;
create policy "admins delete policies" on public.policies for delete to authenticated
  using (private.is_admin(project_id));
drop policy "project staff read the matrix" on public.approval_rules;
create policy "project staff read the matrix" on public.approval_rules for select to authenticated
  using (private.is_member(project_id));

drop policy "read my delegations" on public.approval_delegations;
create policy "read my delegations" on public.approval_delegations for select to authenticated
  using (delegator_id = (select auth.uid()) or delegate_id = (select auth.uid())
         or (select private.is_admin(project_id))
         or (project_id is null and exists (select 1 from public.staff_projects sp
                                             where sp.staff_id = delegator_id and private.is_admin(sp.project_id))));

drop policy "read payments of my deals" on public.payments;
create policy "read payments of my deals" on public.payments for select to authenticated
  using (private.has_role(project_id, private.manager_roles() || array['finance', 'admin']::public.staff_role[])
         or exists (select 1 from public.customers c where c.id = customer_id and c.owner_id = (select auth.uid()))
         or exists (select 1 from public.subscriptions s where s.id = subscription_id and s.consultant_id = (select auth.uid())));

drop policy "read commissions: channel, finance, managers; brokers their own" on public.commissions;
create policy "read commissions: channel, finance, managers; brokers their own" on public.commissions for select to authenticated
  using (broker_id = (select private.my_broker_id())
         or private.has_role(project_id, array['channel_manager', 'finance', 'admin']::public.staff_role[] || private.manager_roles()));

drop policy "admins read the digest log" on public.digest_log;
create policy "admins read the digest log" on public.digest_log for select to authenticated
  using ((select private.is_admin(project_id)));

-- ---------------------------------------------------------------------------------------------
-- Audit trail and failed notifications without customers' personal data.
-- Managers read their projects' audit rows (they read those customers anyway). An administrator
-- reads the rows of projects they administer, except rows about customers they cannot read, and
-- the project-less rows (staff, invitations, Telegram). Phones are masked in the viewer.
-- ---------------------------------------------------------------------------------------------
drop policy "managers read audit" on public.audit_log;
create policy "managers read audit" on public.audit_log for select to authenticated
  using (
    project_id in (select private.my_projects(private.manager_roles()))
    or ((select private.is_admin(project_id))
        and (table_name <> 'customers' or exists (select 1 from public.customers c where c.id = audit_log.record_id)))
    or (project_id is null and (select private.is_admin()))
  );

-- 138 1234 5678 → 138****5678 anywhere in a text.
create function private.mask_phones(p_text text)
returns text
language sql immutable set search_path = ''
as $$ select regexp_replace(p_text, '(^|[^0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])', '\1\2****\3', 'g') $$;

create or replace function private.mask_phones(p_value jsonb)
returns jsonb
language sql immutable set search_path = ''
as $$ select private.mask_phones(p_value::text)::jsonb $$;

create or replace view public.audit_trail with (security_invoker = true) as
select a.id, a.at, a.actor, private.staff_name(a.actor) as actor_name, a.surface, a.action, a.table_name,
       a.record_id, a.project_id, p.name as project_name,
       private.mask_phones(a.before) as before, private.mask_phones(a.after) as after
  from public.audit_log a
  left join public.projects p on p.id = a.project_id;
comment on view public.audit_trail is '审计日志：含操作人与项目名称（按调用者的权限；客户手机号打码）';

drop policy "read own notifications" on public.notifications;
create policy "read own notifications" on public.notifications for select to authenticated
  using (recipient_id = (select auth.uid())
         or (status = 'failed' and (private.is_admin(project_id)
                                    -- not about a project: the administrators of the recipient's projects
                                    or (project_id is null and exists (select 1 from public.staff_projects sp
                                                                        where sp.staff_id = recipient_id and private.is_admin(sp.project_id))))));

-- ---------------------------------------------------------------------------------------------
-- Grants. Private helpers: nobody by default (not PUBLIC, not anon); the roles that used them
-- through PUBLIC (policies run as the caller) keep them explicitly. Tables: no TRUNCATE or
-- TRIGGER for API roles, now and for tables made later.
-- ---------------------------------------------------------------------------------------------
do $$
declare
  f record;
begin
  for f in
    select p.oid::regprocedure as sig
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'private' and p.prorettype <> 'trigger'::regtype
  loop
    if has_function_privilege('authenticated', f.sig, 'execute') then
      execute format('grant execute on function %s to authenticated', f.sig);
    end if;
    if has_function_privilege('service_role', f.sig, 'execute') then
      execute format('grant execute on function %s to service_role', f.sig);
    end if;
  end loop;
end
$$;
revoke execute on all functions in schema private from public, anon;
revoke execute on function private.forget_telegram_chat(bigint), private.accept_staff_invitation() from authenticated;
alter default privileges revoke execute on functions from public;
alter default privileges in schema private grant execute on functions to authenticated, service_role;
alter default privileges in schema public grant execute on functions to anon, authenticated, service_role;

revoke truncate, trigger on all tables in schema public from anon, authenticated;
alter default privileges in schema public revoke truncate, trigger on tables from anon, authenticated;

revoke execute on function public.accept_invitation(text) from public, anon;
grant execute on function public.accept_invitation(text) to authenticated, service_role;
revoke execute on function public.invite_staff(text, text, jsonb) from public, anon;
grant execute on function public.invite_staff(text, text, jsonb) to authenticated, service_role;
-- PostgREST calls the pre-request check as whichever role the request runs as.
grant execute on function private.check_request() to anon, authenticated, service_role;
