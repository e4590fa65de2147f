-- The first slice of the domain: projects (案场), readable by signed-in staff.

create table public.projects (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  city text not null,
  address text,
  created_at timestamptz not null default now()
);

comment on table public.projects is '项目/案场 — a development with its own sales office';

alter table public.projects enable row level security;

create policy "signed-in users read projects"
  on public.projects for select
  to authenticated
  using (true);

-- Who am I, as the database sees the caller (used by clients to check their session).
create function public.whoami()
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object('user_id', auth.uid(), 'role', auth.role(), 'email', auth.email())
$$;
