-- The notification centre of the admin (issue 15 item 3: work finds its owner with no chat app).
-- The admin reads the same notifications outbox the bot delivers from. "Read in the admin" is
-- its own column (read_at), separate from the bot's delivery status: a notification of a person
-- never bound to Telegram stays 'pending' for the bot and is still shown, counted and read here.
--   my_notifications(project, limit)     the caller's own notifications of a project (and those
--                                        about no project), newest first
--   mark_notifications_read(ids | null)  mark own notifications read (null: all of them); another
--                                        person's notification is refused
--   my_counts(project)                   one cheap call the menu and the workbench poll: approval
--                                        steps waiting for me (incl. as delegate), follow-ups due
--                                        today or overdue, unread notifications, unread decisions
--                                        on my requests, 报备 waiting for the 渠道经理's ruling

alter table public.notifications add column read_at timestamptz;
comment on column public.notifications.read_at is '在管理后台已读的时间（与机器人的发送状态无关）';
create index notifications_unread_idx on public.notifications (recipient_id, project_id) where read_at is null;

create function public.my_notifications(p_project_id uuid default null, p_limit int default 50)
returns table (id bigint, project_id uuid, kind text, payload jsonb, created_at timestamptz, read_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  return query
    select n.id, n.project_id, n.kind, n.payload, n.created_at, n.read_at
      from public.notifications n
     where n.recipient_id = (select auth.uid())
       and (p_project_id is null or n.project_id = p_project_id or n.project_id is null)
     order by n.created_at desc, n.id desc
     limit least(greatest(coalesce(p_limit, 50), 1), 200);
end
$$;

create function public.mark_notifications_read(p_ids bigint[] default null, p_project_id uuid default null)
returns int
language plpgsql security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v_count int;
begin
  if v_me is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if p_ids is not null and exists (
    select 1 from unnest(p_ids) i
     where not exists (select 1 from public.notifications n where n.id = i and n.recipient_id = v_me)
  ) then
    perform private.fail('not_found', '找不到这条通知（只能标记自己的通知为已读）',
                         'Notification not found (you can only mark your own notifications read)');
  end if;
  with marked as (
    update public.notifications n set read_at = now()
     where n.recipient_id = v_me and n.read_at is null
       and (p_ids is null or n.id = any (p_ids))
       and (p_ids is not null or p_project_id is null or n.project_id = p_project_id or n.project_id is null)
    returning 1
  )
  select count(*) into v_count from marked;
  return v_count;
end
$$;

create function public.my_counts(p_project_id uuid)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_me uuid := (select auth.uid());
  v_today date;
begin
  if v_me is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if not (private.is_member(p_project_id) or private.is_admin()) then
    perform private.fail('forbidden', '您没有权限查看本项目的数据', 'You may not see this project');
  end if;
  v_today := private.project_today(p_project_id);
  return jsonb_build_object(
    'project_id', p_project_id,
    'today', v_today,
    -- the same rule as the 审批中心 inbox (my_approval_inbox): one person, one level, delegates
    'approvals', (
      select count(*) from public.approval_steps s
        join public.approvals a on a.id = s.approval_id
       where a.project_id = p_project_id and s.status = 'pending' and a.status = 'pending'
         and (a.lapses_at is null or a.lapses_at > now())
         and exists (select 1 from private.approval_step_deciders(s.id) x where x.staff_id = v_me)),
    -- the same rule as my_day: the latest follow-up of an own customer asks for contact by today
    'follow_ups_due', (
      select count(*) from public.customers c
        join lateral (
          select x.next_date from public.follow_ups x where x.customer_id = c.id order by x.created_at desc limit 1
        ) f on true
       where c.project_id = p_project_id and c.owner_id = v_me
         and not private.in_pool(c.owner_id, c.ownership_expires_at)
         and c.status not in ('lost', 'signed')
         and f.next_date is not null and f.next_date <= v_today),
    'unread_notifications', (
      select count(*) from public.notifications n
       where n.recipient_id = v_me and n.read_at is null
         and (n.project_id = p_project_id or n.project_id is null)),
    -- my requests decided (审批结果) that I have not read yet
    'decisions_unread', (
      select count(*) from public.notifications n
       where n.recipient_id = v_me and n.read_at is null and n.project_id = p_project_id
         and n.kind = 'approval_decided'),
    -- 报备 with a masked phone that match a customer: the 渠道经理 rules them (判客)
    'reports_to_confirm', case when private.has_role(p_project_id, array['channel_manager']::public.staff_role[]) then (
      select count(*) from public.channel_reports r
       where r.project_id = p_project_id and r.status = 'pending' and now() < r.lapses_at) else 0 end);
end
$$;

revoke execute on function public.my_notifications(uuid, int), public.mark_notifications_read(bigint[], uuid),
  public.my_counts(uuid) from public, anon;
grant execute on function public.my_notifications(uuid, int), public.mark_notifications_read(bigint[], uuid),
  public.my_counts(uuid) to authenticated;
