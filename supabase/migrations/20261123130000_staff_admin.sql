-- Staff administration (员工管理), for system administrators: a person's profile, probation
-- (转正日期) and whether they are active; their roles per project; invitations (邀请) whose roles
-- are applied when the invited email signs up; and the bot notifications that failed to send.
-- Every change goes through a function here and leaves an audit row.

-- ---------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------

create function private.require_staff_admin()
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

-- 试用期: not regularised yet (no 转正日期, or it is still ahead). Read as a column: staff?select=on_probation
create function public.on_probation(s public.staff)
returns boolean
language sql stable set search_path = ''
as $$ select s.regularised_on is null or s.regularised_on > (now() at time zone 'Asia/Shanghai')::date $$;
comment on function public.on_probation(public.staff) is '试用期：尚无转正日期，或转正日期未到';

-- ---------------------------------------------------------------------------------------------
-- update_staff: name, phone, 入职日期, 转正日期, active.
-- ---------------------------------------------------------------------------------------------
create function public.update_staff(
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

-- ---------------------------------------------------------------------------------------------
-- Roles per project: add one, remove one.
-- ---------------------------------------------------------------------------------------------
create function public.add_staff_role(p_staff_id uuid, p_project_id uuid, p_role public.staff_role)
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

create function public.remove_staff_role(p_staff_id uuid, p_project_id uuid, p_role public.staff_role)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.require_staff_admin();
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
-- Invitations (员工邀请): an administrator invites an email with roles per project; when that
-- email signs up (auth.users insert) before the invitation expires, the person gets exactly
-- those roles. A sign-up without a pending invitation gets no staff row and sees nothing.
-- status 'pending' past expires_at is expired (computed, see staff_invitation_list).
-- ---------------------------------------------------------------------------------------------
create table public.staff_invitations (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email) and email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
  name text not null check (length(trim(name)) > 0),
  roles jsonb not null check (jsonb_typeof(roles) = 'array' and jsonb_array_length(roles) > 0),  -- [{project_id, role}]
  status text not null default 'pending' check (status in ('pending', 'accepted', 'revoked')),
  invited_by uuid references public.staff (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_at timestamptz,
  accepted_user_id uuid references public.staff (id) on delete set null,
  revoked_at timestamptz
);
comment on table public.staff_invitations is '员工邀请：注册时按邀请分配项目与角色，7 天有效';
create unique index staff_invitations_pending_email_idx on public.staff_invitations (email) where status = 'pending';
create index staff_invitations_created_idx on public.staff_invitations (created_at desc);

alter table public.staff_invitations enable row level security;
create policy "admins read invitations" on public.staff_invitations for select to authenticated
  using ((select private.is_admin()));
revoke insert, update, delete, truncate on public.staff_invitations from anon, authenticated;
revoke all on public.staff_invitations from anon;

create function public.invite_staff(p_email text, p_name text, p_roles jsonb)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_email text := lower(trim(coalesce(p_email, '')));
  v_roles jsonb;
  v_bad record;
  v_row public.staff_invitations;
begin
  perform private.require_staff_admin();
  if v_email !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$' then
    perform private.fail('invalid_email', '邮箱格式不正确', 'Invalid email address');
  end if;
  if p_name is null or length(trim(p_name)) = 0 then
    perform private.fail('name_required', '请填写姓名', 'Name is required');
  end if;
  if exists (select 1 from auth.users u where lower(u.email) = v_email) then
    perform private.fail('already_registered', '该邮箱已注册账号，请在员工列表中直接为其分配角色',
      'This email already has an account: assign roles to them in the staff list');
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
  select jsonb_agg(distinct jsonb_build_object('project_id', lower(e ->> 'project_id'), 'role', e ->> 'role'))
    into v_roles from jsonb_array_elements(p_roles) e;

  -- A new invitation for the same email replaces the one still pending.
  update public.staff_invitations set status = 'revoked', revoked_at = now()
   where email = v_email and status = 'pending';
  insert into public.staff_invitations (email, name, roles, invited_by)
  values (v_email, trim(p_name), v_roles, (select auth.uid()))
  returning * into v_row;
  perform private.audit('staff.invite', 'staff_invitations', v_row.id, null, null, to_jsonb(v_row));
  return to_jsonb(v_row);
end
$$;

create function public.revoke_invitation(p_invitation_id uuid)
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
  if v_row.status <> 'pending' then
    perform private.fail('invitation_not_pending', '只能撤销尚未接受的邀请', 'Only a pending invitation can be revoked');
  end if;
  update public.staff_invitations set status = 'revoked', revoked_at = now() where id = p_invitation_id;
  perform private.audit('staff.invitation_revoke', 'staff_invitations', p_invitation_id, null,
    jsonb_build_object('status', v_row.status), jsonb_build_object('status', 'revoked'));
end
$$;

-- On sign-up: the staff row and roles from a pending, unexpired invitation for that email.
create function private.accept_staff_invitation()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_inv public.staff_invitations;
begin
  if new.email is null then
    return new;
  end if;
  select * into v_inv from public.staff_invitations
   where email = lower(new.email) and status = 'pending' and expires_at > now()
   order by created_at desc
   limit 1
   for update;
  if not found then
    return new;
  end if;

  insert into public.staff (id, name, email, hired_on)
  values (new.id, v_inv.name, lower(new.email), (now() at time zone 'Asia/Shanghai')::date)
  on conflict (id) do nothing;
  insert into public.staff_projects (staff_id, project_id, role)
  select distinct new.id, (e ->> 'project_id')::uuid, (e ->> 'role')::public.staff_role
    from jsonb_array_elements(v_inv.roles) e
    join public.projects p on p.id = (e ->> 'project_id')::uuid
  on conflict do nothing;
  update public.staff_invitations set status = 'accepted', accepted_at = now(), accepted_user_id = new.id
   where id = v_inv.id;
  insert into public.audit_log (actor, surface, action, table_name, record_id, project_id, before, after)
  values (new.id, 'system', 'staff.invitation_accept', 'staff', new.id, null, null,
          jsonb_build_object('invitation_id', v_inv.id, 'email', v_inv.email, 'roles', v_inv.roles));
  return new;
end
$$;

create trigger accept_staff_invitation after insert on auth.users
  for each row execute function private.accept_staff_invitation();

-- The invitations with their effective status (expired computed) and project names.
create view public.staff_invitation_list with (security_invoker = true) as
select i.id, i.email, i.name,
       case when i.status = 'pending' and i.expires_at <= now() then 'expired' else i.status end as status,
       coalesce((
         select jsonb_agg(jsonb_build_object('project_id', e ->> 'project_id', 'project_name', p.name, 'role', e ->> 'role')
                          order by p.name, e ->> 'role')
           from jsonb_array_elements(i.roles) e
           left join public.projects p on p.id = (e ->> 'project_id')::uuid
       ), '[]'::jsonb) as roles,
       i.invited_by, private.staff_name(i.invited_by) as invited_by_name,
       i.created_at, i.expires_at, i.accepted_at, i.accepted_user_id, i.revoked_at
  from public.staff_invitations i;
comment on view public.staff_invitation_list is '员工邀请列表：含实时状态（已过期）与项目名称';
revoke all on public.staff_invitation_list from anon;

-- ---------------------------------------------------------------------------------------------
-- Bot notifications that failed (推送失败), for administrators (notifications' RLS decides).
-- ---------------------------------------------------------------------------------------------
create view public.failed_notifications with (security_invoker = true) as
select n.id, n.recipient_id, private.staff_name(n.recipient_id) as recipient_name, n.project_id, n.kind,
       n.attempts, n.last_error, n.created_at, n.next_attempt_at
  from public.notifications n
 where n.status = 'failed';
comment on view public.failed_notifications is '推送失败的机器人通知';
revoke all on public.failed_notifications from anon;

-- ---------------------------------------------------------------------------------------------
-- Grants: signed-in callers only (each function checks the role itself).
-- ---------------------------------------------------------------------------------------------
revoke execute on function public.update_staff(uuid, text, text, date, date, boolean) from public, anon;
revoke execute on function public.add_staff_role(uuid, uuid, public.staff_role) from public, anon;
revoke execute on function public.remove_staff_role(uuid, uuid, public.staff_role) from public, anon;
revoke execute on function public.invite_staff(text, text, jsonb) from public, anon;
revoke execute on function public.revoke_invitation(uuid) from public, anon;
grant execute on function public.update_staff(uuid, text, text, date, date, boolean) to authenticated, service_role;
grant execute on function public.add_staff_role(uuid, uuid, public.staff_role) to authenticated, service_role;
grant execute on function public.remove_staff_role(uuid, uuid, public.staff_role) to authenticated, service_role;
grant execute on function public.invite_staff(text, text, jsonb) to authenticated, service_role;
grant execute on function public.revoke_invitation(uuid) to authenticated, service_role;
revoke execute on function private.accept_staff_invitation() from public, anon, authenticated;
