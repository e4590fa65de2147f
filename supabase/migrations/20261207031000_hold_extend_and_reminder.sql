-- Holds from the bot: extend within the project's policy, and a reminder before a hold expires.
--
-- Policy: the holder may extend a running hold ONCE, by the project's hold_minutes (项目设置 →
-- 房源预留时长). A hold kept for a pending discount approval lasts as long as the approval and is
-- not extended by hand. A tap carries the expiry it was shown, so a second tap (or one after
-- someone released / extended the hold) is refused as already handled.

alter table public.units add column hold_extensions smallint not null default 0;
comment on column public.units.hold_extensions is '本次锁定已延长的次数（每次锁定最多延长一次）';

-- A new hold starts with no extension: a change of holder, customer or status, or a hold set up
-- again after the previous one lapsed.
create function private.units_new_hold_resets_extensions()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.status is distinct from old.status
     or new.held_by is distinct from old.held_by
     or new.held_for is distinct from old.held_for
     or (old.hold_expires_at is not null and old.hold_expires_at <= now() and new.hold_expires_at is distinct from old.hold_expires_at) then
    new.hold_extensions := 0;
  end if;
  return new;
end
$$;
create trigger units_new_hold_resets_extensions before update on public.units
  for each row execute function private.units_new_hold_resets_extensions();

create function public.extend_hold(p_unit_id uuid, p_seen_expires_at timestamptz default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v_project uuid;
  v public.units;
  v_after public.units;
begin
  select project_id into v_project from public.units where id = p_unit_id;
  if not found then
    perform private.fail('unit_not_found', '房源不存在', 'Unit not found');
  end if;
  perform private.require_role(v_project, private.sales_roles());

  v := private.lock_unit(p_unit_id);
  if p_seen_expires_at is not null
     and (v.hold_expires_at is null or date_trunc('second', v.hold_expires_at) <> date_trunc('second', p_seen_expires_at)) then
    perform private.fail('hold_already_handled', '已处理：这次锁定已经延长、释放或到期', 'Already handled: this hold was extended, released or has lapsed');
  end if;
  if private.unit_status_now(v.status, v.hold_expires_at) <> 'held' then
    perform private.fail('hold_not_active', '该房源当前没有有效的锁定', 'The unit is not held now');
  end if;
  if v.held_by is distinct from v_me then
    perform private.fail('hold_not_yours', '只能延长自己锁定的房源', 'Only the person who holds the unit may extend the hold');
  end if;
  if v.hold_approval_id is not null then
    perform private.fail('hold_under_approval', '该锁定随优惠审批保留，审批结束前无需延长', 'This hold lasts as long as its discount approval');
  end if;
  if v.hold_extensions >= 1 then
    perform private.fail('hold_extension_used', '每次锁定只能延长一次，本次已延长过', 'A hold may be extended once; this one already was');
  end if;

  update public.units
     set hold_expires_at = v.hold_expires_at + make_interval(mins => (select p.hold_minutes from public.projects p where p.id = v_project)),
         hold_extensions = v.hold_extensions + 1, updated_at = now()
   where id = p_unit_id
  returning * into v_after;
  perform private.audit('unit.hold_extend', 'units', p_unit_id, v_project, private.unit_json(v), private.unit_json(v_after));
  return private.unit_json(v_after) || jsonb_build_object('hold_extensions', v_after.hold_extensions);
end
$$;
revoke execute on function public.extend_hold(uuid, timestamptz) from public, anon;
grant execute on function public.extend_hold(uuid, timestamptz) to authenticated, service_role;

-- Units held now that expire within 10 minutes: the holder is reminded once per expiry (an
-- extended hold is a new expiry, so it is reminded again before that one).
create function private.remind_holds(p_now timestamptz)
returns int
language sql security definer set search_path = ''
as $$
  select count(*)::int from (
    select private.remind_once(
             'hold_expiring:' || u.id || ':' || extract(epoch from u.hold_expires_at)::bigint,
             u.held_by, u.project_id, 'hold_expiring',
             jsonb_build_object('unit_id', u.id, 'unit_label', b.code || '-' || u.number, 'customer_name', c.name,
                                'expires_at', u.hold_expires_at,
                                'can_extend', u.hold_extensions < 1 and u.hold_approval_id is null)) as sent
      from public.units u
      join public.buildings b on b.id = u.building_id
      join public.staff s on s.id = u.held_by and s.active
      left join public.customers c on c.id = u.held_for
     where u.status = 'held'
       and u.hold_expires_at > p_now
       and u.hold_expires_at <= p_now + interval '10 minutes'
  ) y where y.sent
$$;
revoke execute on function private.remind_holds(timestamptz) from public, anon, authenticated;

-- Asked by the reminders' clock beside run_reminders (bot/src/notify/digest.ts). Its own entry
-- point rather than one more line in run_reminders: run_reminders is redefined by migrations
-- that run after this one, and each takes the previous body as it was written.
create function public.run_hold_reminders(p_now timestamptz default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform private.require_service_role();
  return jsonb_build_object('hold_expiring', private.remind_holds(coalesce(p_now, now())));
end
$$;
revoke execute on function public.run_hold_reminders(timestamptz) from public, anon, authenticated;
grant execute on function public.run_hold_reminders(timestamptz) to service_role;
