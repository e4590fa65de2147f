-- Channel scope (渠道权限): a channel manager works on the channel of the projects they manage,
-- and the person who sets an agency's commission terms does not also approve its commissions.
--
--   * Agencies are shared by projects; an agency "belongs" to the projects it has a cooperation
--     with. A channel manager edits an agency, its stores and its brokers only when the agency
--     cooperates with one of their projects — or has no cooperation at all yet (just created,
--     being set up). Administrators edit all. A write outside the scope is refused with
--     channel_out_of_scope (a trigger, so the answer is a message rather than a silent no-op).
--   * brokers.user_id (the broker's login) is not theirs to change: on an existing broker only an
--     administrator re-points it; a new broker may be linked only to an account holding the
--     broker role in one of the caller's channel projects (never the caller themself).
--   * Commission terms (type, value, protection, validity) record who last changed them
--     (cooperations.terms_changed_by). approve_commission refuses that person: a commission is
--     approved by another channel manager or by the 营销部长 of the project (second role).

-- ---------------------------------------------------------------------------------------------
-- Which agencies the caller may edit
-- ---------------------------------------------------------------------------------------------

create function private.channel_agency_in_scope(p_agency_id uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select private.is_admin()
      or (exists (select private.my_projects(array['channel_manager']::public.staff_role[]))
          and (exists (select 1 from public.cooperations c
                        where c.agency_id = p_agency_id
                          and c.project_id in (select private.my_projects(array['channel_manager']::public.staff_role[])))
               or not exists (select 1 from public.cooperations c where c.agency_id = p_agency_id)))
$$;
comment on function private.channel_agency_in_scope(uuid) is '渠道经理可编辑的中介：与其负责项目有合作协议，或尚无任何合作协议';

/*
  The scope as a guard on every write by a signed-in user (the existing policies let channel
  managers write at all; this says where): the agency written — for stores and brokers, the
  agency they belong to, before and after a move — must be in the caller's scope. Refused with a
  clear message rather than filtered silently.
*/
create function private.guard_channel_scope()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_new_agency uuid;
  v_old_agency uuid;
begin
  if (select auth.uid()) is null then
    return new;
  end if;
  if tg_table_name = 'agencies' then
    if tg_op = 'INSERT' then
      return new;   -- a new agency has no cooperation yet: whoever may create agencies may set it up
    end if;
    v_new_agency := new.id;
    v_old_agency := old.id;
  else
    v_new_agency := new.agency_id;
    if tg_op = 'UPDATE' then
      v_old_agency := old.agency_id;
    end if;
  end if;
  if not private.channel_agency_in_scope(v_new_agency)
     or (v_old_agency is not null and not private.channel_agency_in_scope(v_old_agency)) then
    perform private.fail('channel_out_of_scope', '只能维护与您负责的项目有合作的中介及其门店、经纪人',
      'You may only edit agencies (and their stores and brokers) that cooperate with a project you manage');
  end if;
  return new;
end
$$;
create trigger agencies_guard_scope before insert or update on public.agencies
  for each row execute function private.guard_channel_scope();
create trigger agency_stores_guard_scope before insert or update on public.agency_stores
  for each row execute function private.guard_channel_scope();
create trigger brokers_guard_scope before insert or update on public.brokers
  for each row execute function private.guard_channel_scope();

-- ---------------------------------------------------------------------------------------------
-- A broker's login
-- ---------------------------------------------------------------------------------------------

create function private.guard_broker_login()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
begin
  -- System jobs and the seed (no signed-in user) and administrators are not restricted here.
  if v_uid is null or private.is_admin() then
    return new;
  end if;
  if tg_op = 'UPDATE' and new.user_id is distinct from old.user_id then
    perform private.fail('broker_login_locked', '经纪人的登录账号只能由系统管理员修改',
      'Only an administrator may change the login linked to a broker');
  end if;
  if tg_op = 'INSERT' and new.user_id is not null and (
       new.user_id = v_uid
       or not exists (select 1 from public.staff_projects sp
                       where sp.staff_id = new.user_id and sp.role = 'broker'
                         and sp.project_id in (select private.my_projects(array['channel_manager']::public.staff_role[])))) then
    perform private.fail('invalid_broker_login', '只能关联本项目经纪人角色的账号',
      'A broker can only be linked to an account holding the broker role in your project');
  end if;
  return new;
end
$$;
create trigger brokers_guard_login before insert or update of user_id on public.brokers
  for each row execute function private.guard_broker_login();

-- ---------------------------------------------------------------------------------------------
-- Who last changed commission terms
-- ---------------------------------------------------------------------------------------------

alter table public.cooperations
  add column terms_changed_by uuid references public.staff (id) on delete set null,
  add column terms_changed_at timestamptz;
comment on column public.cooperations.terms_changed_by is '最近修改佣金条款的人（不得审核该中介的佣金）';

create function private.track_cooperation_terms()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    return new;
  end if;
  if tg_op = 'INSERT'
     or (new.commission_type, new.commission_value, new.protection_days, new.valid_from, new.valid_to)
        is distinct from (old.commission_type, old.commission_value, old.protection_days, old.valid_from, old.valid_to) then
    new.terms_changed_by := (select auth.uid());
    new.terms_changed_at := now();
  elsif tg_op = 'UPDATE' then
    -- Nobody writes the tracking columns by hand.
    new.terms_changed_by := old.terms_changed_by;
    new.terms_changed_at := old.terms_changed_at;
  end if;
  return new;
end
$$;
create trigger cooperations_track_terms before insert or update on public.cooperations
  for each row execute function private.track_cooperation_terms();

/*
  Approve a computed commission: a channel manager or the 营销部长 of the project, but not the
  person who last changed the commission terms of that agency with the project.
*/
create or replace function public.approve_commission(p_commission_id uuid, p_note text default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.commissions;
  v_before jsonb;
  v_terms_by uuid;
begin
  select * into v_row from public.commissions where id = p_commission_id for update;
  if not found then
    perform private.fail('commission_not_found', '佣金记录不存在', 'Commission not found');
  end if;
  perform private.require_role(v_row.project_id, array['channel_manager', 'marketing_director']::public.staff_role[]);
  if v_row.status <> 'computed' then
    perform private.fail('commission_not_computed', '只有待审核的佣金可以审核', 'Only a computed commission can be approved');
  end if;
  select c.terms_changed_by into v_terms_by
    from public.cooperations c
   where c.agency_id = v_row.agency_id and c.project_id = v_row.project_id and c.terms_changed_at is not null
   order by c.terms_changed_at desc limit 1;
  if v_terms_by = (select auth.uid()) then
    perform private.fail('terms_author_cannot_approve',
      '您最近修改过该中介的佣金条款，此佣金须由其他渠道经理或营销部长审核',
      'You last changed this agency''s commission terms: another channel manager or the marketing director must approve');
  end if;
  v_before := to_jsonb(v_row);
  update public.commissions
     set status = 'approved', approved_by = (select auth.uid()), approved_at = now(),
         note = coalesce(nullif(trim(coalesce(p_note, '')), ''), note)
   where id = p_commission_id returning * into v_row;
  perform private.audit('commission.approve', 'commissions', v_row.id, v_row.project_id, v_before, to_jsonb(v_row));
  perform private.notify_broker(v_row.id, 'commission_approved');
  perform private.notify_finance(v_row.project_id, 'commission_payable', private.commission_card(v_row.id));
  return to_jsonb(v_row);
end
$$;

revoke execute on function private.guard_broker_login(), private.track_cooperation_terms(), private.guard_channel_scope()
  from public, anon, authenticated;
