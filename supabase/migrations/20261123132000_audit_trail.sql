-- The audit log viewer (审计日志): audit_log with the names a reader needs (who, which project).
-- Runs as the caller, so audit_log's policy decides: administrators read everything, managers
-- the rows of their projects.

create view public.audit_trail with (security_invoker = true) as
select a.id, a.at, a.actor, private.staff_name(a.actor) as actor_name, a.surface, a.action, a.table_name,
       a.record_id, a.project_id, p.name as project_name, a.before, a.after
  from public.audit_log a
  left join public.projects p on p.id = a.project_id;
comment on view public.audit_trail is '审计日志：含操作人与项目名称（按调用者的权限）';

-- The actions and tables present, for the viewer's filters.
create view public.audit_actions with (security_invoker = true) as
select a.table_name, a.action, count(*)::int as entries
  from public.audit_log a
 group by a.table_name, a.action;
comment on view public.audit_actions is '审计日志中出现过的操作（按调用者的权限）';

revoke all on public.audit_trail, public.audit_actions from anon;
