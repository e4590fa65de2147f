-- Whose customers a person reads in a project, said once: the roles behind each reading policy on
-- public.customers, the policies rebuilt on them, and customer_scope() for screens that word the
-- list by it (全部客户 / 我的客户).

-- The roles that read a project's customers in a scope: 'project' everyone's, 'reported' those
-- reported through the channel, 'own' one's own and the pool.
create function private.customer_scope_roles(p_scope text)
returns public.staff_role[]
language sql immutable set search_path = ''
as $$
  select case p_scope
    when 'project' then private.manager_roles() || 'finance'::public.staff_role
    when 'reported' then array['channel_manager']::public.staff_role[]
    when 'own' then array['consultant']::public.staff_role[]
  end
$$;
-- The reading policies evaluate it as the caller.
revoke execute on function private.customer_scope_roles(text) from public, anon;
grant execute on function private.customer_scope_roles(text) to authenticated;

drop policy "managers and finance read customers" on public.customers;
create policy "managers and finance read customers" on public.customers for select to authenticated
  using (project_id in (select private.my_projects(private.customer_scope_roles('project'))));
drop policy "consultants read own and pool customers" on public.customers;
create policy "consultants read own and pool customers" on public.customers for select to authenticated
  using (project_id in (select private.my_projects(private.customer_scope_roles('own')))
         and (owner_id = (select auth.uid()) or owner_id is null or ownership_expires_at <= now()));
drop policy "channel managers read reported customers" on public.customers;
create policy "channel managers read reported customers" on public.customers for select to authenticated
  using (id in (select r.customer_id from public.channel_reports r
                 where r.project_id in (select private.my_projects(private.customer_scope_roles('reported')))));

-- The widest scope the caller reads the project's customers in: 'project', 'reported', 'own' or null.
create function public.customer_scope(p_project_id uuid)
returns text
language sql stable security definer set search_path = ''
as $$
  select s from unnest(array['project', 'reported', 'own']) with ordinality as x(s, i)
   where private.has_role(p_project_id, private.customer_scope_roles(s))
   order by i limit 1
$$;
comment on function public.customer_scope(uuid) is '调用者在项目中可查看的客户范围：全部、渠道报备的、自己的（含公客池）';
revoke execute on function public.customer_scope(uuid) from public, anon;
grant execute on function public.customer_scope(uuid) to authenticated;
