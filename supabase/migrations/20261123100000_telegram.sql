-- Telegram identity for the bot: one-time binding codes made in the admin (系统管理员 → 员工 →
-- Telegram 绑定) or by the person themself, redeemed by the bot with the service key
-- (`/start <code>`), and the bot's conversation/session state, so a restart mid-dialogue loses
-- nothing.

-- ---------------------------------------------------------------------------------------------
-- Binding codes: 8 characters from an unambiguous alphabet (no 0/O, 1/I/L), valid 15 minutes,
-- usable once. A new code for a person expires their earlier unused ones.
-- ---------------------------------------------------------------------------------------------

create table public.telegram_bind_codes (
  code text primary key check (code ~ '^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$'),
  staff_id uuid not null references public.staff (id) on delete cascade,
  created_by uuid references public.staff (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '15 minutes',
  used_at timestamptz,
  used_by_telegram_user_id bigint
);
comment on table public.telegram_bind_codes is 'Telegram 绑定码：一次性，15 分钟有效';
create index telegram_bind_codes_staff_idx on public.telegram_bind_codes (staff_id, created_at desc);

alter table public.telegram_bind_codes enable row level security;
create policy "read own codes; admins read all" on public.telegram_bind_codes for select to authenticated
  using (staff_id = (select auth.uid()) or (select private.is_admin()));
revoke insert, update, delete, truncate on public.telegram_bind_codes from anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Bot state (grammY sessions and conversations). Keys are `<kind>:<telegram chat id>`; in a
-- private chat the chat id is the user's Telegram id. Only the bot (service role) reads it.
-- ---------------------------------------------------------------------------------------------

create table public.bot_sessions (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
comment on table public.bot_sessions is '机器人会话状态（仅 service role 访问）';

alter table public.bot_sessions enable row level security;
revoke all on public.bot_sessions from anon, authenticated;

-- The state of one Telegram chat, dropped whenever its binding changes hands.
create function private.forget_telegram_chat(p_telegram_user_id bigint)
returns void
language sql security definer set search_path = ''
as $$
  delete from public.bot_sessions where key like '%:' || p_telegram_user_id::text
$$;

-- ---------------------------------------------------------------------------------------------
-- create_telegram_bind_code: an administrator for anyone, or a person for themself.
-- ---------------------------------------------------------------------------------------------

create function public.create_telegram_bind_code(p_staff_id uuid)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_alphabet constant text := 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  v_staff public.staff%rowtype;
  v_bytes bytea;
  v_code text;
  v_expires timestamptz;
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if p_staff_id is distinct from (select auth.uid()) and not private.is_admin() then
    perform private.fail('forbidden', '只有系统管理员或本人可以生成 Telegram 绑定码',
      'Only an administrator or the person themself can create a Telegram binding code');
  end if;

  select * into v_staff from public.staff where id = p_staff_id for update;
  if not found then
    perform private.fail('staff_not_found', '找不到该员工', 'Staff member not found');
  end if;
  if not v_staff.active then
    perform private.fail('staff_inactive', '该员工账号已停用，不能绑定 Telegram', 'This staff account is deactivated and cannot bind Telegram');
  end if;

  update public.telegram_bind_codes set expires_at = now()
   where staff_id = p_staff_id and used_at is null and expires_at > now();

  loop
    v_bytes := extensions.gen_random_bytes(8);
    v_code := '';
    for i in 0..7 loop
      v_code := v_code || substr(v_alphabet, get_byte(v_bytes, i) % length(v_alphabet) + 1, 1);
    end loop;
    begin
      insert into public.telegram_bind_codes (code, staff_id, created_by)
      values (v_code, p_staff_id, (select auth.uid()))
      returning expires_at into v_expires;
      exit;
    exception when unique_violation then
      -- another code has these 8 characters: draw again
    end;
  end loop;

  perform private.audit('telegram.code_create', 'staff', p_staff_id, null, null,
    jsonb_build_object('expires_at', v_expires));
  return v_code;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- bind_telegram: only the bot (service role) redeems a code for the Telegram user who sent it.
-- ---------------------------------------------------------------------------------------------

create function public.bind_telegram(p_code text, p_telegram_user_id bigint)
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
    perform private.fail('bind_code_unknown', '绑定码无效，请核对后重新输入，或向系统管理员重新获取',
      'Unknown binding code: check it, or ask the administrator for a new one');
  end if;
  if v_code.used_at is not null then
    perform private.fail('bind_code_used', '该绑定码已使用过，请向系统管理员重新获取',
      'This binding code has already been used: ask the administrator for a new one');
  end if;
  if v_code.expires_at <= now() then
    perform private.fail('bind_code_expired', '绑定码已过期（15 分钟内有效），请向系统管理员重新获取',
      'This binding code has expired (valid for 15 minutes): ask the administrator for a new one');
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

  perform private.audit('telegram.bind', 'staff', v_staff.id, null,
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

-- ---------------------------------------------------------------------------------------------
-- unbind_telegram: an administrator for anyone, or a person for themself. The bot looks the
-- binding up on every update, so access ends with the next message.
-- ---------------------------------------------------------------------------------------------

create function public.unbind_telegram(p_staff_id uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_staff public.staff%rowtype;
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if p_staff_id is distinct from (select auth.uid()) and not private.is_admin() then
    perform private.fail('forbidden', '只有系统管理员或本人可以解绑 Telegram',
      'Only an administrator or the person themself can unbind Telegram');
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

revoke execute on function public.create_telegram_bind_code(uuid) from public, anon;
revoke execute on function public.unbind_telegram(uuid) from public, anon;
revoke execute on function public.bind_telegram(text, bigint) from public, anon, authenticated;
grant execute on function public.create_telegram_bind_code(uuid) to authenticated, service_role;
grant execute on function public.unbind_telegram(uuid) to authenticated, service_role;
grant execute on function public.bind_telegram(text, bigint) to service_role;
revoke execute on function private.forget_telegram_chat(bigint) from public, anon, authenticated;
