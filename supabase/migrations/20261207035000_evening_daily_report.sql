/*
  日报 each evening for 营销部长 and above (issue 14): once per person and project per project day,
  at or after 20:00 in the project's time zone, through the reminders' machinery (remind_once →
  reminder_log key → notifications outbox). The bot's reminders clock calls it beside
  run_reminders (service role only); the outbox worker then reads daily_report as the recipient,
  with their own JWT, so what they may see is decided by daily_report's own scope check, not here.
  A separate function rather than a new run_reminders, so no other reminder changes.
*/

-- The hour (project time) the evening report goes out.
create function private.evening_report_hour()
returns int
language sql immutable set search_path = ''
as $$ select 20 $$;

create function public.enqueue_evening_reports(p_now timestamptz default null)
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_now timestamptz := coalesce(p_now, now());
  v_count int;
begin
  perform private.require_service_role();
  select count(*)::int into v_count from (
    select private.remind_once('evening_report:' || x.staff_id || ':' || x.project_id || ':' || x.day,
             x.staff_id, x.project_id, 'evening_report',
             jsonb_build_object('day', x.day, 'project_id', x.project_id, 'project_name', x.project_name)) as sent
      from (
        select distinct sp.staff_id, p.id as project_id, p.name as project_name, (v_now at time zone p.timezone)::date as day
          from public.staff_projects sp
          join public.staff s on s.id = sp.staff_id and s.active and s.telegram_user_id is not null
          join public.projects p on p.id = sp.project_id
         where sp.role in ('marketing_director', 'vp', 'gm')
           and extract(hour from (v_now at time zone p.timezone)) >= private.evening_report_hour()
      ) x
  ) y where y.sent;
  return v_count;
end
$$;

revoke execute on function private.evening_report_hour() from public, anon, authenticated;
revoke execute on function public.enqueue_evening_reports(timestamptz) from public, anon, authenticated;
grant execute on function public.enqueue_evening_reports(timestamptz) to service_role;
