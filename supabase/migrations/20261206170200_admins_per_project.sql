-- =============================================================================================
-- Administrators act in the projects they administer, everywhere.
-- An administrator of project A is nobody in project B: every check that still asked "is this
-- person an administrator of any project" now asks about the project at hand. Checks about
-- things that belong to no project (agencies and their brokers, project-less audit rows,
-- creating a new project) keep the project-less question.
-- =============================================================================================

-- Functions: the same body, with the administrator check asked about the project it works on.
do $$
declare
  r record;
  f record;
  v_def text;
begin
  for r in
    select * from (values
      ('public', 'import_price_list', 'p_project_id'),
      ('public', 'set_approval_matrix', 'p_project_id'),
      ('public', 'set_unit_price', 'v_unit.project_id'),
      ('public', 'price_buildup', 'v_unit.project_id'),
      ('public', 'policy_options', 'p_project_id'),
      ('public', 'preview_project_settings', 'p_project_id'),
      ('public', 'update_project_settings', 'p_project_id'),
      ('public', 'dashboard_summary', 'p_project_id'),
      ('public', 'revoke_delegation', 'v_row.project_id'),
      ('private', 'can_view_approval', 'a.project_id'),
      ('private', 'can_view_deal', 'p_project_id'),
      ('private', 'sees_project_deals', 'p_project')
    ) as t(schema_name, function_name, project_expr)
  loop
    for f in
      select p.oid from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = r.schema_name and p.proname = r.function_name
         and p.prosrc like '%private.is_admin()%'
    loop
      v_def := replace(pg_get_functiondef(f.oid), 'private.is_admin()', format('private.is_admin(%s)', r.project_expr));
      execute v_def;
    end loop;
  end loop;
end
$$;

-- Policies on project rows.
alter policy "finance and managers read collection contacts" on public.collection_contacts
  using ((select private.is_admin(project_id))
         or private.has_role(project_id, private.manager_roles() || array['finance']::public.staff_role[]));

alter policy "members read cooperations" on public.cooperations
  using (project_id in (select private.my_projects(array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm',
                                                         'finance', 'channel_manager', 'admin']::public.staff_role[]))
         or agency_id = (select b.agency_id from public.brokers b where b.id = (select private.my_broker_id())));
alter policy "channel managers create cooperations" on public.cooperations
  with check ((select private.is_admin(project_id))
              or project_id in (select private.my_projects(array['channel_manager', 'marketing_director']::public.staff_role[])));
alter policy "channel managers edit cooperations" on public.cooperations
  using ((select private.is_admin(project_id))
         or project_id in (select private.my_projects(array['channel_manager', 'marketing_director']::public.staff_role[])))
  with check ((select private.is_admin(project_id))
              or project_id in (select private.my_projects(array['channel_manager', 'marketing_director']::public.staff_role[])));

alter policy "members read price changes" on public.price_change_requests
  using (private.can_view_approval(approval_id)
         or project_id in (select private.my_projects(array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm',
                                                            'finance', 'channel_manager', 'admin']::public.staff_role[])));
alter policy "members read price change rows" on public.price_change_items
  using (project_id in (select private.my_projects(array['consultant', 'sales_manager', 'marketing_director', 'vp', 'gm',
                                                         'finance', 'channel_manager', 'admin']::public.staff_role[])));

alter policy "admins read the reminder log" on public.reminder_log
  using ((select private.is_admin(project_id)));
