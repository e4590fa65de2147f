-- The bot's Auth sessions (issue #18): the bot no longer signs its own tokens with the project's JWT
-- secret. For each bound staff member it holds a real Auth session (obtained with the secret key
-- through the Auth admin API: generate_link magiclink → verify token_hash), kept here, encrypted at
-- rest with pgcrypto under a key that only the bot's environment knows (BOT_SESSION_KEY).
--
-- * One row per staff member. `secret` = pgp_sym_encrypt({access_token, refresh_token}, key); the
--   plain columns say only which session it is and when its access token runs out.
-- * One refresh at a time per person, across bot processes: `bot_session_take` hands the refresh
--   token out under a short lease (`refreshing_until`); the others wait and read the result.
-- * Revocation: deactivation and unbinding (any change of telegram_user_id) end the Auth session
--   in the same transaction (trigger on public.staff) — the pre-request check then refuses the
--   access token at once. An unbinding leaves a marker so the bot can tell the person.
-- * The audit surface: a request whose token belongs to a bot session is the bot.

create table private.bot_auth_sessions (
  staff_id uuid primary key references public.staff (id) on delete cascade,
  session_id uuid unique,
  secret bytea,
  access_expires_at timestamptz,
  refreshing_until timestamptz,
  -- set when the session was ended by an unbinding; the bot says so once, then deletes the row
  ended_telegram_user_id bigint,
  ended_at timestamptz,
  updated_at timestamptz not null default now(),
  check ((session_id is null) = (secret is null))
);
create index bot_auth_sessions_ended_idx on private.bot_auth_sessions (ended_telegram_user_id)
  where ended_telegram_user_id is not null;
comment on table private.bot_auth_sessions is '机器人代员工持有的登录会话（刷新令牌加密保存）';

-- Ends an Auth session. auth.sessions cascades to its refresh tokens (hosted GoTrue and locally).
create function private.end_auth_session(p_session_id uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if p_session_id is null then
    return;
  end if;
  begin
    delete from auth.refresh_tokens where session_id = p_session_id;
    delete from auth.sessions where id = p_session_id;
  exception when insufficient_privilege then
    -- the auth tables out of reach: the staff checks in check_request still hold
    perform private.audit('bot.session_not_revoked', 'staff', null, null, null, null);
  end;
end
$$;

create function private.auth_session_exists(p_session_id uuid)
returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (select 1 from auth.sessions where id = p_session_id);
exception when insufficient_privilege or undefined_table then
  return true;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- The bot's calls (service role only).
-- ---------------------------------------------------------------------------------------------

-- What the bot should do for this person now:
--   fresh  → use `access_token` (more than p_min_seconds left);
--   leased → this caller holds the lease: refresh with `refresh_token`, then bot_session_save;
--   new    → this caller holds the lease: start a new session, then bot_session_save;
--   busy   → another process is refreshing: ask again shortly.
-- Refused (bot_session_not_bound) when the person is not bound to Telegram or not active.
create function public.bot_session_take(p_staff_id uuid, p_key text, p_min_seconds int default 120,
  p_lease_seconds int default 15)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_staff public.staff%rowtype;
  v_row private.bot_auth_sessions%rowtype;
  v_plain jsonb;
begin
  if coalesce(length(p_key), 0) < 16 then
    perform private.fail('bot_session_key_invalid', '机器人会话密钥无效（至少 16 个字符）',
      'The bot session key is invalid (at least 16 characters)');
  end if;
  select * into v_staff from public.staff where id = p_staff_id;
  if not found or not v_staff.active or v_staff.telegram_user_id is null then
    perform private.fail('bot_session_not_bound', '该员工未绑定 Telegram 或已停用',
      'This person is not bound to Telegram or is deactivated');
  end if;

  insert into private.bot_auth_sessions (staff_id) values (p_staff_id) on conflict (staff_id) do nothing;
  select * into v_row from private.bot_auth_sessions where staff_id = p_staff_id for update;

  if v_row.session_id is not null then
    begin
      v_plain := convert_from(extensions.pgp_sym_decrypt_bytea(v_row.secret, p_key), 'utf8')::jsonb;
    exception when others then
      v_plain := null; -- another key (BOT_SESSION_KEY changed): the old session is useless
    end;
    if v_plain is null or not private.auth_session_exists(v_row.session_id) then
      perform private.end_auth_session(v_row.session_id);
      update private.bot_auth_sessions
         set session_id = null, secret = null, access_expires_at = null, refreshing_until = null
       where staff_id = p_staff_id;
      v_row.session_id := null;
      v_row.refreshing_until := null;
    end if;
  end if;

  if v_row.refreshing_until is not null and v_row.refreshing_until > clock_timestamp() then
    return jsonb_build_object('state', 'busy');
  end if;

  if v_row.session_id is not null
     and v_row.access_expires_at > clock_timestamp() + make_interval(secs => greatest(p_min_seconds, 0)) then
    return jsonb_build_object('state', 'fresh', 'session_id', v_row.session_id,
      'access_token', v_plain ->> 'access_token', 'expires_at', extract(epoch from v_row.access_expires_at)::bigint);
  end if;

  update private.bot_auth_sessions
     set refreshing_until = clock_timestamp() + make_interval(secs => greatest(p_lease_seconds, 1)),
         ended_telegram_user_id = null, ended_at = null
   where staff_id = p_staff_id;
  if v_row.session_id is null then
    return jsonb_build_object('state', 'new');
  end if;
  return jsonb_build_object('state', 'leased', 'session_id', v_row.session_id,
    'refresh_token', v_plain ->> 'refresh_token');
end
$$;
comment on function public.bot_session_take(uuid, text, int, int) is '机器人取员工会话：可用的访问令牌，或刷新/新建的租约';

-- Stores the session the lease holder obtained, encrypted. When the person was unbound or
-- deactivated meanwhile, the new session is ended at once and false returned.
create function public.bot_session_save(p_staff_id uuid, p_key text, p_session_id uuid,
  p_access_token text, p_refresh_token text, p_expires_at timestamptz)
returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_staff public.staff%rowtype;
  v_old uuid;
begin
  if coalesce(length(p_key), 0) < 16 then
    perform private.fail('bot_session_key_invalid', '机器人会话密钥无效（至少 16 个字符）',
      'The bot session key is invalid (at least 16 characters)');
  end if;
  if p_session_id is null or coalesce(p_access_token, '') = '' or coalesce(p_refresh_token, '') = ''
     or p_expires_at is null then
    perform private.fail('bot_session_incomplete', '会话信息不完整', 'The session is incomplete');
  end if;
  select * into v_staff from public.staff where id = p_staff_id for share;
  if not found or not v_staff.active or v_staff.telegram_user_id is null then
    perform private.end_auth_session(p_session_id);
    delete from private.bot_auth_sessions where staff_id = p_staff_id and ended_telegram_user_id is null;
    return false;
  end if;

  select session_id into v_old from private.bot_auth_sessions where staff_id = p_staff_id for update;
  if v_old is not null and v_old <> p_session_id then
    perform private.end_auth_session(v_old);
  end if;
  insert into private.bot_auth_sessions as b (staff_id, session_id, secret, access_expires_at, refreshing_until, updated_at)
  values (p_staff_id, p_session_id,
          extensions.pgp_sym_encrypt_bytea(convert_to(jsonb_build_object(
            'access_token', p_access_token, 'refresh_token', p_refresh_token)::text, 'utf8'), p_key),
          p_expires_at, null, now())
  on conflict (staff_id) do update
     set session_id = excluded.session_id, secret = excluded.secret, access_expires_at = excluded.access_expires_at,
         refreshing_until = null, ended_telegram_user_id = null, ended_at = null, updated_at = now();
  return true;
end
$$;
comment on function public.bot_session_save(uuid, text, uuid, text, text, timestamptz) is '机器人保存员工会话（加密）';

-- Gives up the lease without a session (the refresh or sign-in failed) so that the next try starts over.
create function public.bot_session_release(p_staff_id uuid)
returns void
language sql volatile security definer set search_path = ''
as $$
  update private.bot_auth_sessions set refreshing_until = null where staff_id = p_staff_id
$$;

-- Whether this Telegram account's binding was ended since the bot last spoke to it: returns the
-- time once and forgets it (the bot tells the person their binding has ended).
create function public.bot_session_ended_binding(p_telegram_user_id bigint)
returns timestamptz
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_at timestamptz;
begin
  delete from private.bot_auth_sessions
   where ended_telegram_user_id = p_telegram_user_id
  returning ended_at into v_at;
  return v_at;
end
$$;

-- The bot tells unbound people right away (its delivery loop): takes the markers of ended
-- bindings, oldest first, and hands each Telegram id out once with the person's language. A
-- Telegram account bound again meanwhile (to anybody) is not told.
create function public.bot_session_farewells(p_limit int default 20, p_staff_id uuid default null)
returns table (telegram_user_id bigint, locale text)
language sql volatile security definer set search_path = ''
as $$
  with due as (
    select b.staff_id from private.bot_auth_sessions b
     where b.ended_telegram_user_id is not null and (p_staff_id is null or b.staff_id = p_staff_id)
     order by b.ended_at
     limit greatest(p_limit, 0)
     for update skip locked
  ), gone as (
    delete from private.bot_auth_sessions b using due
     where b.staff_id = due.staff_id
    returning b.staff_id, b.ended_telegram_user_id
  )
  select g.ended_telegram_user_id, s.locale
    from gone g join public.staff s on s.id = g.staff_id
   where not exists (select 1 from public.staff o where o.telegram_user_id = g.ended_telegram_user_id)
$$;

revoke execute on function public.bot_session_take(uuid, text, int, int),
  public.bot_session_save(uuid, text, uuid, text, text, timestamptz),
  public.bot_session_release(uuid),
  public.bot_session_ended_binding(bigint),
  public.bot_session_farewells(int, uuid) from public, anon, authenticated;
grant execute on function public.bot_session_take(uuid, text, int, int),
  public.bot_session_save(uuid, text, uuid, text, text, timestamptz),
  public.bot_session_release(uuid),
  public.bot_session_ended_binding(bigint),
  public.bot_session_farewells(int, uuid) to service_role;
revoke execute on function private.end_auth_session(uuid), private.auth_session_exists(uuid)
  from public, anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Revocation: whatever path unbinds or deactivates a person (unbind_telegram, a rebinding,
-- update_staff), the bot's session ends with it.
-- ---------------------------------------------------------------------------------------------

create function private.end_bot_session_on_staff_change()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_session uuid;
begin
  select session_id into v_session from private.bot_auth_sessions where staff_id = new.id for update;
  if not found then
    if old.telegram_user_id is not null and new.telegram_user_id is distinct from old.telegram_user_id then
      insert into private.bot_auth_sessions (staff_id, ended_telegram_user_id, ended_at)
      values (new.id, old.telegram_user_id, now());
    end if;
    return new;
  end if;
  perform private.end_auth_session(v_session);
  if old.telegram_user_id is not null and new.telegram_user_id is distinct from old.telegram_user_id then
    update private.bot_auth_sessions
       set session_id = null, secret = null, access_expires_at = null, refreshing_until = null,
           ended_telegram_user_id = old.telegram_user_id, ended_at = now(), updated_at = now()
     where staff_id = new.id;
  else
    delete from private.bot_auth_sessions where staff_id = new.id;
  end if;
  return new;
end
$$;
revoke execute on function private.end_bot_session_on_staff_change() from public, anon, authenticated;

create trigger end_bot_session after update of telegram_user_id, active on public.staff
  for each row
  when (old.telegram_user_id is distinct from new.telegram_user_id or (old.active and not new.active))
  execute function private.end_bot_session_on_staff_change();

-- ---------------------------------------------------------------------------------------------
-- The audit surface: a bot session's requests are the bot; any other signed-in request the admin
-- (brokers' portal included); direct SQL and the secret key are system. Neither a header nor a
-- token claim decides it: the session behind the token does.
-- ---------------------------------------------------------------------------------------------

create or replace function private.surface()
returns text
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_session text := (select auth.jwt()) ->> 'session_id';
begin
  if (select auth.uid()) is null then
    return 'system';
  end if;
  if v_session ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
     and exists (select 1 from private.bot_auth_sessions b where b.session_id = v_session::uuid) then
    return 'bot';
  end if;
  return 'admin';
end
$$;

alter table private.bot_auth_sessions enable row level security;
revoke all on private.bot_auth_sessions from public, anon, authenticated, service_role;
