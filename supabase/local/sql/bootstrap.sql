-- What hosted Supabase already has before any project migration runs, with its role model:
--   supabase_admin   the superuser (runs this file; nothing of the project runs as it)
--   postgres         the project's role: NOSUPERUSER, CREATEROLE, CREATEDB, BYPASSRLS; owns the
--                    database (and so `public`) and `extensions`; migrations and the seed run as it
--   anon, authenticated, service_role   INHERIT (service_role BYPASSRLS), granted to authenticator
--                    and, with ADMIN, to postgres
--   supabase_auth_admin   owns the `auth` schema and its tables; postgres may read and write
--                    them and put triggers and foreign keys on them, but not change them
-- A migration that needs more than this fails locally as it would on hosted.
-- Every statement creates only what is missing, so this runs on every start. In a cluster made
-- before this role model, `postgres` is itself the superuser (a bootstrap superuser cannot be
-- demoted): everything else still applies; `npm run reset` gives the hosted model.

do $$
begin
  if not exists (select from pg_roles where rolname = 'postgres') then
    create role postgres login password 'postgres';
  end if;
  if current_user <> 'postgres' then
    alter role postgres nosuperuser createrole createdb replication bypassrls login password 'postgres';
  end if;
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    create role service_role nologin bypassrls;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit password 'postgres';
  end if;
  if not exists (select from pg_roles where rolname = 'supabase_auth_admin') then
    create role supabase_auth_admin login noinherit createrole password 'postgres';
  end if;
  execute format('alter database %I owner to postgres', current_database());
end
$$;

-- Hosted made the API roles INHERIT (clusters made earlier here had them NOINHERIT).
alter role anon inherit;
alter role authenticated inherit;
alter role service_role inherit bypassrls;

grant anon, authenticated, service_role to authenticator;
-- postgres may grant the API roles and act as them; it may set authenticator's settings
-- (pgrst.db_pre_request) without becoming it.
grant anon, authenticated, service_role to postgres with admin option;
grant authenticator to postgres with admin true, inherit false, set false;

-- Hosted lets postgres set PostgREST's pgrst.* settings on roles (supautils'
-- privileged_role_allowed_configs) and session_replication_role; here the same through grants.
grant set on parameter pgrst.db_pre_request, pgrst.db_schemas, pgrst.db_extra_search_path,
  pgrst.db_max_rows, pgrst.openapi_mode, pgrst.jwt_aud, session_replication_role to postgres;

create schema if not exists extensions;
alter schema extensions owner to postgres;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;
grant usage on schema extensions to anon, authenticated, service_role;

create schema if not exists auth authorization supabase_auth_admin;
alter schema auth owner to supabase_auth_admin;
grant usage on schema auth to anon, authenticated, service_role, postgres;

-- The columns GoTrue reads; its token columns are text it scans into strings (NULL breaks it).
create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key default gen_random_uuid(),
  aud varchar(255) default 'authenticated',
  role varchar(255) default 'authenticated',
  email varchar(255) unique,
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  recovery_token varchar(255),
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb default '{}'::jsonb,
  raw_user_meta_data jsonb default '{}'::jsonb,
  is_super_admin boolean,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  phone text unique,
  phone_confirmed_at timestamptz,
  banned_until timestamptz,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
alter table auth.users add column if not exists confirmation_sent_at timestamptz;
alter table auth.users add column if not exists recovery_sent_at timestamptz;
alter table auth.users add column if not exists email_change_token_new varchar(255);
alter table auth.users add column if not exists email_change varchar(255);
alter table auth.users add column if not exists email_change_sent_at timestamptz;
alter table auth.users add column if not exists email_change_token_current varchar(255) default '';
alter table auth.users add column if not exists email_change_confirm_status smallint default 0;
alter table auth.users add column if not exists phone_change text default '';
alter table auth.users add column if not exists phone_change_token varchar(255) default '';
alter table auth.users add column if not exists reauthentication_token varchar(255) default '';

-- GoTrue's identities: every email user has one (provider 'email', provider_id = the user id).
create table if not exists auth.identities (
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz,
  email text generated always as (lower(identity_data ->> 'email')) stored,
  id uuid primary key default gen_random_uuid(),
  constraint identities_provider_id_provider_unique unique (provider_id, provider)
);
create index if not exists identities_user_id_idx on auth.identities (user_id);
create index if not exists identities_email_idx on auth.identities (email text_pattern_ops);

create table if not exists auth.sessions (
  id uuid primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  not_after timestamptz
);

create table if not exists auth.refresh_tokens (
  id bigserial primary key,
  token varchar(255) unique,
  user_id varchar(255),
  revoked boolean default false,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  parent varchar(255),
  session_id uuid references auth.sessions (id) on delete cascade
);
create index if not exists refresh_tokens_session_id_idx on auth.refresh_tokens (session_id);

create or replace function auth.uid() returns uuid
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

-- Everything in auth belongs to supabase_auth_admin (also what an older bootstrap created).
do $$
declare
  r record;
begin
  for r in select c.oid::regclass as name from pg_class c
            where c.relnamespace = 'auth'::regnamespace and c.relkind in ('r', 'p')
              and c.relowner <> 'supabase_auth_admin'::regrole loop
    execute format('alter table %s owner to supabase_auth_admin', r.name);
  end loop;
  for r in select p.oid::regprocedure as name from pg_proc p
            where p.pronamespace = 'auth'::regnamespace and p.proowner <> 'supabase_auth_admin'::regrole loop
    execute format('alter function %s owner to supabase_auth_admin', r.name);
  end loop;
end
$$;

grant execute on all functions in schema auth to anon, authenticated, service_role, postgres;
grant all on all tables in schema auth to supabase_auth_admin, postgres;
grant all on all sequences in schema auth to supabase_auth_admin, postgres;
alter default privileges for role supabase_auth_admin in schema auth grant all on tables to postgres;
alter default privileges for role supabase_auth_admin in schema auth grant all on sequences to postgres;
alter default privileges for role supabase_auth_admin in schema auth grant execute on functions to postgres;

grant usage on schema public to anon, authenticated, service_role;
grant all on schema public to postgres;
-- Like hosted, except that the API roles never get TRUNCATE or TRIGGER on tables. For objects
-- postgres creates (the migrations), and for any a superuser creates in a cluster where postgres
-- is still the superuser (the same role then).
alter default privileges for role postgres in schema public grant select, insert, update, delete, references on tables to anon, authenticated;
alter default privileges for role postgres in schema public grant all on tables to service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;

-- The Supabase CLI's history tables, owned by postgres as when the CLI creates them on hosted.
create schema if not exists supabase_migrations authorization postgres;
alter schema supabase_migrations owner to postgres;
create table if not exists supabase_migrations.schema_migrations (
  version text primary key,
  statements text[],
  name text
);
-- The CLI records seed files here too; locally it also says whether the seed has run.
create table if not exists supabase_migrations.seed_files (
  path text primary key,
  hash text not null
);
alter table supabase_migrations.schema_migrations owner to postgres;
alter table supabase_migrations.seed_files owner to postgres;

alter role authenticator set statement_timeout = '8s';

-- Like hosted: PostgREST reloads its schema cache after DDL, whoever ran it (so migrations pushed
-- with the Supabase CLI show up in the API at once, as on hosted).
create or replace function extensions.pgrst_ddl_watch() returns event_trigger
language plpgsql as $$
declare
  cmd record;
begin
  for cmd in select * from pg_event_trigger_ddl_commands() loop
    if cmd.command_tag in ('CREATE SCHEMA', 'ALTER SCHEMA', 'CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO', 'ALTER TABLE',
                           'CREATE FOREIGN TABLE', 'ALTER FOREIGN TABLE', 'CREATE VIEW', 'ALTER VIEW',
                           'CREATE MATERIALIZED VIEW', 'ALTER MATERIALIZED VIEW', 'CREATE FUNCTION', 'ALTER FUNCTION',
                           'CREATE TRIGGER', 'CREATE TYPE', 'ALTER TYPE', 'CREATE RULE', 'COMMENT')
       and cmd.schema_name is distinct from 'pg_temp' and cmd.schema_name not like 'pg\_temp\_%' then
      notify pgrst, 'reload schema';
    end if;
  end loop;
end
$$;

create or replace function extensions.pgrst_drop_watch() returns event_trigger
language plpgsql as $$
declare
  obj record;
begin
  for obj in select * from pg_event_trigger_dropped_objects() loop
    if obj.object_type in ('schema', 'table', 'foreign table', 'view', 'materialized view', 'function', 'trigger', 'type', 'rule')
       and obj.is_temporary is false then
      notify pgrst, 'reload schema';
    end if;
  end loop;
end
$$;

do $$
begin
  if not exists (select from pg_event_trigger where evtname = 'pgrst_ddl_watch') then
    create event trigger pgrst_ddl_watch on ddl_command_end execute procedure extensions.pgrst_ddl_watch();
  end if;
  if not exists (select from pg_event_trigger where evtname = 'pgrst_drop_watch') then
    create event trigger pgrst_drop_watch on sql_drop execute procedure extensions.pgrst_drop_watch();
  end if;
end
$$;
