-- Project settings (项目规则) are audited and previewed.
--
-- Every change of a projects row — by update_project_settings, by the admin's project form, or
-- by anyone else — leaves an audit row 'project.settings' with only the changed fields, before
-- and after, and who did it.
--
-- Changing ownership_days (客户权属保护天数) re-times every customer of the project. The admin
-- first asks preview_project_settings how many customers the change would drop into the public
-- pool at once, shorten or extend; update_project_settings refuses a change that pools or
-- shortens anyone unless p_confirm is true. Even confirmed, it never pools silently: a customer
-- whose protection would end within the project's pool_warning_days gets a grace period
-- (ownership_grace_until = now + pool_warning_days, at least one day), so the owner receives the
-- customer_pooled warning from run_reminders and can still follow up before the customer drops.
-- A direct UPDATE by a signed-in user (the projects form) that shortens anyone's protection is
-- refused: it would skip the preview and the grace. Lengthening it, or shortening it in a
-- project with no owned customers, needs no confirmation and may be saved anywhere.

-- ---------------------------------------------------------------------------------------------
-- New settings and the grace column
-- ---------------------------------------------------------------------------------------------
alter table public.projects
  add column pool_warning_days int not null default 3 check (pool_warning_days between 0 and 30);
comment on column public.projects.pool_warning_days is
  '客户掉入公客池前提前提醒的天数（权属顾问收到 customer_pooled 预警）；缩短保护天数时的宽限期';

alter table public.customers add column ownership_grace_until timestamptz;
comment on column public.customers.ownership_grace_until is
  '权属宽限期：项目缩短保护天数时，原本将立即掉入公客池的客户保留至此时间';

-- Ownership expiry as before, but never earlier than a grace period granted by a settings change.
create or replace function private.customers_set_ownership_expiry()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.ownership_expires_at := case
    when new.owner_id is null then null
    when new.status in ('subscribed', 'signed') then 'infinity'::timestamptz
    else greatest(greatest(new.owned_since, new.last_follow_up_at)
                    + make_interval(days => (select p.ownership_days from public.projects p where p.id = new.project_id)),
                  new.ownership_grace_until)
  end;
  return new;
end
$$;
drop trigger customers_ownership_expiry on public.customers;
create trigger customers_ownership_expiry
  before insert or update of owner_id, owned_since, last_follow_up_at, status, project_id, ownership_grace_until
  on public.customers
  for each row execute function private.customers_set_ownership_expiry();

-- ---------------------------------------------------------------------------------------------
-- What a new ownership_days would do to the project's owned customers
-- ---------------------------------------------------------------------------------------------

-- Per owned, not yet pooled, customer: the expiry now and under p_days.
create function private.ownership_retime(p_project uuid, p_days int)
returns table (customer_id uuid, owner_id uuid, expires_now timestamptz, expires_new timestamptz)
language sql stable security definer set search_path = ''
as $$
  select c.id, c.owner_id, c.ownership_expires_at,
         greatest(greatest(c.owned_since, c.last_follow_up_at) + make_interval(days => p_days), c.ownership_grace_until)
    from public.customers c
   where c.project_id = p_project and c.owner_id is not null
     and c.status not in ('subscribed', 'signed')
     and c.ownership_expires_at > now()
$$;

create function private.settings_preview(p_project uuid, p_days int)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'ownership_days_before', p.ownership_days,
    'ownership_days_after', p_days,
    'pool_warning_days', p.pool_warning_days,
    -- would drop into the public pool at once (they get the grace period instead)
    'pooled_now', count(*) filter (where r.expires_new <= now()),
    -- would drop within the warning period (also covered by the grace period)
    'pooled_soon', count(*) filter (where r.expires_new > now()
                                      and r.expires_new <= now() + make_interval(days => p.pool_warning_days)),
    'shortened', count(*) filter (where r.expires_new < r.expires_now),
    'extended', count(*) filter (where r.expires_new > r.expires_now),
    'owners', count(distinct r.owner_id) filter (where r.expires_new < r.expires_now))
    from public.projects p
    left join lateral private.ownership_retime(p.id, p_days) r on true
   where p.id = p_project
   group by p.id
$$;

/*
  preview_project_settings: what saving p_changes (the projects fields to change, as JSON) would
  do — the customers pooled at once, within the warning period, shortened and extended — and
  whether update_project_settings will need p_confirm. Admins only (they edit settings).
*/
create function public.preview_project_settings(p_project_id uuid, p_changes jsonb)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_project public.projects;
  v_days int;
  v_preview jsonb;
begin
  if not private.is_admin() then
    perform private.fail('forbidden', '只有系统管理员可以修改项目规则', 'Only an admin may change project rules');
  end if;
  select * into v_project from public.projects where id = p_project_id;
  if not found then
    perform private.fail('project_not_found', '项目不存在', 'Project not found');
  end if;
  v_days := coalesce((p_changes ->> 'ownership_days')::int, v_project.ownership_days);
  v_preview := private.settings_preview(p_project_id, v_days);
  return v_preview || jsonb_build_object(
    'needs_confirmation', v_days < v_project.ownership_days and (v_preview ->> 'shortened')::int > 0);
exception when invalid_text_representation then
  perform private.fail('invalid_value', '保护天数必须是整数', 'ownership_days must be a whole number');
end
$$;

-- ---------------------------------------------------------------------------------------------
-- update_project_settings: the one way the admin's settings page changes a project's rules.
-- ---------------------------------------------------------------------------------------------

-- The fields update_project_settings accepts (the project's rules; name and address are edited
-- in the projects form and audited by the trigger below).
create function private.project_rule_fields()
returns text[]
language sql immutable set search_path = ''
as $$
  select array['ownership_days', 'hold_minutes', 'report_lead_minutes', 'report_protection_days',
               'report_visit_grace_days', 'approval_lapse_hours', 'contract_deadline_days', 'digest_hour',
               'pool_warning_days', 'timezone']
$$;

create function public.update_project_settings(p_project_id uuid, p_changes jsonb, p_confirm boolean default false)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_old public.projects;
  v_new public.projects;
  v_unknown text;
  v_preview jsonb;
  v_grace int := 0;
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if not private.is_admin() then
    perform private.fail('forbidden', '只有系统管理员可以修改项目规则', 'Only an admin may change project rules');
  end if;
  if p_changes is null or jsonb_typeof(p_changes) <> 'object' then
    perform private.fail('invalid_value', '请提供要修改的规则', 'Give the rules to change as an object');
  end if;
  select k into v_unknown from jsonb_object_keys(p_changes) k where k <> all (private.project_rule_fields()) limit 1;
  if v_unknown is not null then
    perform private.fail('invalid_value', format('不能在此修改字段 %s', v_unknown), format('Field %s cannot be changed here', v_unknown));
  end if;
  select * into v_old from public.projects where id = p_project_id for update;
  if not found then
    perform private.fail('project_not_found', '项目不存在', 'Project not found');
  end if;
  begin
    v_new := jsonb_populate_record(v_old, p_changes);
  exception when others then
    perform private.fail('invalid_value', '规则的值格式不正确', 'A rule value has the wrong type');
  end;
  if v_new.timezone is distinct from v_old.timezone
     and not exists (select 1 from pg_catalog.pg_timezone_names z where z.name = v_new.timezone) then
    perform private.fail('invalid_value', '时区不正确', 'Unknown time zone');
  end if;

  v_preview := private.settings_preview(p_project_id, v_new.ownership_days);
  if v_new.ownership_days < v_old.ownership_days and (v_preview ->> 'shortened')::int > 0 and not coalesce(p_confirm, false) then
    perform private.fail('confirmation_required',
      format('客户保护天数由 %s 天改为 %s 天：%s 位客户的保护期将缩短，其中 %s 位将立即进入公客池（将获 %s 天宽限期）。请确认后再保存',
             v_old.ownership_days, v_new.ownership_days, v_preview ->> 'shortened', v_preview ->> 'pooled_now',
             greatest(v_new.pool_warning_days, 1)),
      'Shortening the protection period affects customers; preview it and save again with confirmation');
  end if;

  -- Grace before the re-timing: nobody drops without the warning period.
  if v_new.ownership_days < v_old.ownership_days then
    update public.customers c
       set ownership_grace_until = now() + make_interval(days => greatest(v_new.pool_warning_days, 1))
      from private.ownership_retime(p_project_id, v_new.ownership_days) r
     where c.id = r.customer_id
       and r.expires_new <= now() + make_interval(days => greatest(v_new.pool_warning_days, 1))
       and r.expires_new < r.expires_now;
    get diagnostics v_grace = row_count;
  end if;

  perform set_config('app.project_settings', 'on', true);
  update public.projects
     set ownership_days = v_new.ownership_days, hold_minutes = v_new.hold_minutes,
         report_lead_minutes = v_new.report_lead_minutes, report_protection_days = v_new.report_protection_days,
         report_visit_grace_days = v_new.report_visit_grace_days, approval_lapse_hours = v_new.approval_lapse_hours,
         contract_deadline_days = v_new.contract_deadline_days, digest_hour = v_new.digest_hour,
         pool_warning_days = v_new.pool_warning_days, timezone = v_new.timezone
   where id = p_project_id
  returning * into v_new;
  perform set_config('app.project_settings', '', true);
  return jsonb_build_object('project_id', p_project_id, 'grace_given', v_grace, 'preview', v_preview,
                            'settings', to_jsonb(v_new));
exception when check_violation then
  perform private.fail('invalid_value', '规则的值超出允许范围', 'A rule value is out of range');
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Triggers on projects: the guard (a shorter protection period that affects customers only
-- through update_project_settings) and the audit of every change.
-- ---------------------------------------------------------------------------------------------
create function private.projects_settings_guard()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.ownership_days < old.ownership_days
     and (select auth.role()) = 'authenticated'
     and coalesce(current_setting('app.project_settings', true), '') <> 'on'
     and exists (select 1 from private.ownership_retime(new.id, new.ownership_days) r where r.expires_new < r.expires_now) then
    perform private.fail('use_settings_page', '客户保护天数请在项目设置中修改（需先预览影响并确认）',
      'Change ownership days with update_project_settings (preview and confirm)');
  end if;
  return new;
end
$$;
create trigger projects_settings_guard
  before update on public.projects
  for each row execute function private.projects_settings_guard();

-- Only the fields that changed, before and after.
create function private.projects_audit()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_before jsonb := to_jsonb(old);
  v_after jsonb := to_jsonb(new);
  v_keys text[];
begin
  select array_agg(k order by k) into v_keys
    from jsonb_object_keys(v_after) k
   where v_after -> k is distinct from v_before -> k;
  if v_keys is null then
    return null;
  end if;
  perform private.audit('project.settings', 'projects', new.id, new.id,
    (select jsonb_object_agg(k, v_before -> k) from unnest(v_keys) k),
    (select jsonb_object_agg(k, v_after -> k) from unnest(v_keys) k));
  return null;
end
$$;
create trigger projects_audit
  after update on public.projects
  for each row execute function private.projects_audit();

-- The settings history of a project, for its settings page: who changed what, before and after.
create view public.project_settings_history with (security_invoker = true) as
select a.id, a.at, a.project_id, a.actor, s.name as actor_name, a.surface, a.before, a.after
  from public.audit_log a
  left join public.staff s on s.id = a.actor
 where a.action = 'project.settings';
comment on view public.project_settings_history is '项目规则修改记录：谁、何时、修改前后';
revoke all on public.project_settings_history from anon;

revoke execute on function private.ownership_retime(uuid, int), private.settings_preview(uuid, int),
  private.project_rule_fields() from public, anon, authenticated;
revoke execute on function public.preview_project_settings(uuid, jsonb), public.update_project_settings(uuid, jsonb, boolean)
  from public, anon;
grant execute on function public.preview_project_settings(uuid, jsonb), public.update_project_settings(uuid, jsonb, boolean)
  to authenticated, service_role;
