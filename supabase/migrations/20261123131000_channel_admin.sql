-- Channel screens of the admin (渠道): what the tables of 20261123020000_channel_tables.sql
-- lacked for them.
--   * An overlapping cooperation is refused with a message a channel manager can act on (the
--     exclusion constraint alone answers with Postgres's English).
--   * cooperations.in_force: whether the cooperation is the one in force today (as 判客 sees it).
--   * The broker portal's views: only the signed-in broker's own reports, visits and commissions,
--     whoever asks (a channel manager reading them gets nothing).

create function private.check_cooperation_overlap()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_other public.cooperations;
begin
  select * into v_other from public.cooperations c
   where c.agency_id = new.agency_id and c.project_id = new.project_id and c.id <> new.id
     and daterange(c.valid_from, c.valid_to, '[]') && daterange(new.valid_from, new.valid_to, '[]')
   limit 1;
  if found then
    perform private.fail('cooperation_overlap',
      format('该中介与本项目在 %s 至 %s 已有合作协议，有效期不能重叠', v_other.valid_from, coalesce(v_other.valid_to::text, '长期')),
      format('This agency already has a cooperation with the project from %s to %s: validity periods cannot overlap',
             v_other.valid_from, coalesce(v_other.valid_to::text, 'open-ended')));
  end if;
  return new;
end
$$;

create trigger cooperations_no_overlap before insert or update of agency_id, project_id, valid_from, valid_to
  on public.cooperations for each row execute function private.check_cooperation_overlap();

-- Read as a column: cooperations?select=*,in_force
create function public.in_force(c public.cooperations)
returns boolean
language sql stable set search_path = ''
as $$ select coalesce(private.active_cooperation(c.agency_id, c.project_id, now()) = c.id, false) $$;
comment on function public.in_force(public.cooperations) is '合作协议今天是否生效（中介停用或不在有效期内则否）';

create view public.broker_reports with (security_invoker = true) as
select * from public.report_board where broker_id = (select private.my_broker_id());
comment on view public.broker_reports is '经纪人门户：我的报备（仅本人）';

create view public.broker_visits with (security_invoker = true) as
select * from public.report_board where broker_id = (select private.my_broker_id()) and visited_at is not null;
comment on view public.broker_visits is '经纪人门户：我的带看（仅本人）';

create view public.broker_commissions with (security_invoker = true) as
select * from public.commission_overview where broker_id = (select private.my_broker_id());
comment on view public.broker_commissions is '经纪人门户：我的佣金（仅本人）';

revoke all on public.broker_reports, public.broker_visits, public.broker_commissions from anon;
