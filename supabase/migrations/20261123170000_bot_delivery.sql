-- Delivery by the Telegram bot: claiming the outbox (notifications) with skip locked, marking
-- rows sent or failed with back-off, the approval cards the bot has sent (so every card about a
-- request can be edited to show its outcome), and the morning digest, enqueued once per person
-- per day at the project's digest_hour. Everything here is for the bot's service role only.

-- ---------------------------------------------------------------------------------------------
-- Outbox delivery
-- ---------------------------------------------------------------------------------------------

create function private.require_service_role()
returns void
language plpgsql stable set search_path = ''
as $$
begin
  if (select auth.role()) is distinct from 'service_role' then
    perform private.fail('forbidden', '只有机器人服务可以执行此操作', 'Only the bot service may do this');
  end if;
end
$$;

/*
  Take up to p_limit due notifications of people bound to Telegram, oldest first. Rows locked by
  another bot instance are skipped; a claimed row counts an attempt and is hidden for the lease
  (p_lease_seconds), so a bot that dies while sending leaves it to be retried after the lease.
  Rows for people not bound to Telegram stay pending (they are delivered once the person binds).
  p_recipient limits the claim to one person (the terminal console delivers only its own).
*/
create function public.claim_notifications(p_limit int default 20, p_lease_seconds int default 120, p_recipient uuid default null)
returns table (
  id bigint, recipient_id uuid, project_id uuid, kind text, payload jsonb, attempts int, created_at timestamptz,
  telegram_user_id bigint, recipient_name text, recipient_email text, staff_locale text, chosen_locale text,
  app_language text
)
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform private.require_service_role();
  return query
    with due as (
      select n.id
        from public.notifications n
        join public.staff s on s.id = n.recipient_id
       where n.status = 'pending' and n.next_attempt_at <= now()
         and s.active and s.telegram_user_id is not null
         and (p_recipient is null or n.recipient_id = p_recipient)
       order by n.id
       limit least(greatest(coalesce(p_limit, 20), 1), 500)
         for update of n skip locked
    )
    update public.notifications n
       set attempts = n.attempts + 1,
           next_attempt_at = now() + make_interval(secs => least(greatest(coalesce(p_lease_seconds, 120), 1), 3600))
      from due, public.staff s
     where n.id = due.id and s.id = n.recipient_id
    returning n.id, n.recipient_id, n.project_id, n.kind, n.payload, n.attempts, n.created_at,
              s.telegram_user_id, s.name, s.email, s.locale,
              -- the language chosen with /lang, and the one of the person's Telegram app (bot state)
              (select b.value ->> 'locale' from public.bot_sessions b where b.key = 'session:' || s.telegram_user_id::text),
              (select b.value ->> 'appLanguage' from public.bot_sessions b where b.key = 'session:' || s.telegram_user_id::text);
end
$$;

create function public.mark_notification_sent(p_id bigint)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform private.require_service_role();
  update public.notifications
     set status = 'sent', sent_at = now(), last_error = null
   where id = p_id and status = 'pending';
end
$$;

/*
  A failed send: retried after p_backoff_seconds × 2^(attempts − 1) (at most a day), until
  p_max_attempts attempts were made — then the row is failed for good and stays visible to the
  admins with its last error. p_permanent (the chat is gone, the person blocked the bot) fails it
  at once.
*/
create function public.mark_notification_failed(
  p_id bigint, p_error text, p_max_attempts int default 5, p_backoff_seconds numeric default 30,
  p_permanent boolean default false
)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_status text;
begin
  perform private.require_service_role();
  update public.notifications
     set last_error = left(coalesce(p_error, 'unknown error'), 1000),
         status = case when p_permanent or attempts >= greatest(coalesce(p_max_attempts, 5), 1) then 'failed' else 'pending' end,
         next_attempt_at = case
           when p_permanent or attempts >= greatest(coalesce(p_max_attempts, 5), 1) then next_attempt_at
           else now() + make_interval(secs => least(greatest(coalesce(p_backoff_seconds, 30), 0) * power(2, greatest(attempts - 1, 0)), 86400))
         end
   where id = p_id and status = 'pending'
  returning status into v_status;
  return v_status;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Approval cards the bot has sent: one row per message, so a decision can edit all of them.
-- ---------------------------------------------------------------------------------------------

create table public.bot_cards (
  id bigint generated always as identity primary key,
  approval_id uuid not null references public.approvals (id) on delete cascade,
  step_id uuid references public.approval_steps (id) on delete cascade,
  staff_id uuid not null references public.staff (id) on delete cascade,
  chat_id bigint not null,
  message_id bigint not null,
  locale text not null default 'zh-CN' check (locale in ('zh-CN', 'en')),
  card jsonb not null,                 -- the approval card (notification payload) it was drawn from
  shown text,                          -- fingerprint of what the message shows now
  live boolean not null default false, -- it shows 同意 / 驳回 buttons
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (chat_id, message_id)
);
comment on table public.bot_cards is '机器人已发送的审批卡片（用于审批后更新每一张卡片）';
create index bot_cards_approval_idx on public.bot_cards (approval_id);

alter table public.bot_cards enable row level security;
revoke all on public.bot_cards from anon, authenticated;

/*
  Approvals whose cards show an older state than the approval has now: a step was decided (in the
  bot or the admin) after the cards were drawn, or a card still offers buttons for a step that is
  no longer waiting (decided, withdrawn, or lapsed with nobody tapping). The bot redraws them.
*/
create function public.approval_cards_to_redraw(p_limit int default 50)
returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_service_role();
  return query
    select c.approval_id
      from public.bot_cards c
      join public.approvals a on a.id = c.approval_id
     where a.status = 'pending' or a.decided_at > now() - interval '7 days'
     group by c.approval_id, a.id
    having min(c.updated_at) < greatest(
             a.decided_at, (select max(s.decided_at) from public.approval_steps s where s.approval_id = a.id))
        or bool_or(c.live and not (
             a.status = 'pending' and (a.lapses_at is null or a.lapses_at > now())
             and exists (select 1 from public.approval_steps s where s.id = c.step_id and s.status = 'pending')))
     limit least(greatest(coalesce(p_limit, 50), 1), 500);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Morning digest (每日待办): once per person per day, at or after the project's digest_hour in
-- its time zone. The bot's scheduler calls enqueue_digests every minute; the record of each
-- digest makes repeated calls (and several bot instances) harmless.
-- ---------------------------------------------------------------------------------------------

create table public.digest_log (
  staff_id uuid not null references public.staff (id) on delete cascade,
  day date not null,
  project_id uuid references public.projects (id) on delete set null,
  notification_id bigint references public.notifications (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (staff_id, day)
);
comment on table public.digest_log is '每日待办推送记录：每人每天一次';

alter table public.digest_log enable row level security;
create policy "admins read the digest log" on public.digest_log for select to authenticated
  using ((select private.is_admin()));
revoke insert, update, delete, truncate on public.digest_log from anon, authenticated;
revoke all on public.digest_log from anon;

create function public.enqueue_digests(p_now timestamptz default null)
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_now timestamptz := coalesce(p_now, now());
  v_count int := 0;
  r record;
  v_notification bigint;
begin
  perform private.require_service_role();
  for r in
    select distinct on (s.id) s.id as staff_id, p.id as project_id, (v_now at time zone p.timezone)::date as day
      from public.staff s
      join public.staff_projects sp on sp.staff_id = s.id
      join public.projects p on p.id = sp.project_id
     where s.active and s.telegram_user_id is not null
       and sp.role in ('consultant', 'sales_manager', 'marketing_director', 'vp', 'gm')
       and extract(hour from (v_now at time zone p.timezone)) >= p.digest_hour
     order by s.id, p.name, p.id
  loop
    insert into public.digest_log (staff_id, day, project_id)
    values (r.staff_id, r.day, r.project_id)
    on conflict do nothing;
    if found then
      insert into public.notifications (recipient_id, project_id, kind, payload)
      values (r.staff_id, r.project_id, 'daily_digest', jsonb_build_object('day', r.day))
      returning id into v_notification;
      update public.digest_log set notification_id = v_notification where staff_id = r.staff_id and day = r.day;
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;

revoke execute on function public.claim_notifications(int, int, uuid),
                           public.approval_cards_to_redraw(int),
                           public.mark_notification_sent(bigint),
                           public.mark_notification_failed(bigint, text, int, numeric, boolean),
                           public.enqueue_digests(timestamptz)
  from public, anon, authenticated;
grant execute on function public.claim_notifications(int, int, uuid),
                          public.approval_cards_to_redraw(int),
                          public.mark_notification_sent(bigint),
                          public.mark_notification_failed(bigint, text, int, numeric, boolean),
                          public.enqueue_digests(timestamptz)
  to service_role;
revoke execute on function private.require_service_role() from public, anon, authenticated;
