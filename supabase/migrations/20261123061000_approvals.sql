-- The approval machinery (审批), one for every subject: special discounts, unit changes (换房),
-- cancellations (退房) and contracts. An approval is an ordered chain of steps, each for a role.
--
-- Who decides a step: any active staff member holding the step's role in the project (the card
-- goes to all of them), or someone they delegated to for the period (代批, recorded as
-- on_behalf_of). Never the requester. Steps run in order: only the current (pending) step can be
-- decided; a rejection ends the approval; the last approval approves it. An approval may lapse
-- (lapses_at, evaluated at the time of the query — no scheduler).
--
-- Subjects plug in by name: when an approval ends, private.on_<subject_type>_outcome(subject_id,
-- outcome) runs in the same transaction (outcome: approved | rejected | cancelled).

create table public.approvals (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  subject_type text not null check (subject_type in ('discount', 'unit_change', 'cancellation', 'contract')),
  subject_id uuid not null,
  requester_id uuid not null references public.staff (id),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'cancelled')),
  summary jsonb not null default '{}'::jsonb,   -- what an approval card shows (unit, customer, prices, reason)
  lapses_at timestamptz,                        -- null: does not lapse
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  unique (subject_type, subject_id)
);
comment on table public.approvals is '审批单：特殊优惠、换房、退房、合同';
create index approvals_project_idx on public.approvals (project_id, created_at desc);
create index approvals_requester_idx on public.approvals (requester_id, created_at desc);

create table public.approval_steps (
  id uuid primary key default gen_random_uuid(),
  approval_id uuid not null references public.approvals (id) on delete cascade,
  seq int not null check (seq >= 1),
  role public.staff_role not null,
  -- waiting: a later step; pending: the current one; skipped: never reached (rejected/cancelled).
  status text not null check (status in ('waiting', 'pending', 'approved', 'rejected', 'skipped')),
  activated_at timestamptz,
  decided_by uuid references public.staff (id),
  decided_at timestamptz,
  comment text,
  on_behalf_of uuid references public.staff (id),   -- set when a delegate decided for a role holder
  unique (approval_id, seq),
  check ((status in ('approved', 'rejected')) = (decided_by is not null and decided_at is not null))
);
comment on table public.approval_steps is '审批步骤：按顺序逐级审批';
create index approval_steps_pending_idx on public.approval_steps (role) where status = 'pending';
create index approval_steps_decider_idx on public.approval_steps (decided_by, decided_at desc);

-- 代批: a role holder lets someone decide for them over a period (one project or all of theirs).
create table public.approval_delegations (
  id uuid primary key default gen_random_uuid(),
  delegator_id uuid not null references public.staff (id) on delete cascade,
  delegate_id uuid not null references public.staff (id) on delete cascade,
  project_id uuid references public.projects (id) on delete cascade,   -- null: every project of the delegator
  valid_from timestamptz not null,
  valid_to timestamptz not null,
  note text,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  check (valid_to > valid_from),
  check (delegator_id <> delegate_id)
);
comment on table public.approval_delegations is '审批授权（代批）';
create index approval_delegations_delegate_idx on public.approval_delegations (delegate_id, valid_to);

-- ---------------------------------------------------------------------------------------------
-- Who may decide
-- ---------------------------------------------------------------------------------------------

-- Does this staff member (active) hold the role in the project?
create function private.staff_has_role(p_staff_id uuid, p_project_id uuid, p_role public.staff_role)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.staff_projects sp join public.staff s on s.id = sp.staff_id
     where sp.staff_id = p_staff_id and sp.project_id = p_project_id and sp.role = p_role and s.active
  )
$$;

/*
  Everyone who may decide a step of this role in this project for a request by p_requester:
  the role holders, and the active delegates of role holders. on_behalf_of is null for a holder,
  the delegator for a delegate. The requester is never among them (nobody approves their own).
*/
create function private.step_deciders(p_project_id uuid, p_role public.staff_role, p_requester uuid)
returns table (staff_id uuid, on_behalf_of uuid)
language sql stable security definer set search_path = ''
as $$
  with holders as (
    select sp.staff_id
      from public.staff_projects sp join public.staff s on s.id = sp.staff_id
     where sp.project_id = p_project_id and sp.role = p_role and s.active and sp.staff_id <> p_requester
  ),
  delegates as (
    select d.delegate_id as staff_id, d.delegator_id as on_behalf_of
      from public.approval_delegations d
      join holders h on h.staff_id = d.delegator_id
      join public.staff s on s.id = d.delegate_id and s.active
     where d.revoked_at is null and now() >= d.valid_from and now() < d.valid_to
       and (d.project_id is null or d.project_id = p_project_id)
       and d.delegate_id <> p_requester
  )
  select distinct on (x.staff_id) x.staff_id, x.on_behalf_of
    from (select h.staff_id, null::uuid as on_behalf_of, 0 as pref from holders h
          union all
          select d.staff_id, d.on_behalf_of, 1 from delegates d) x
   order by x.staff_id, x.pref, x.on_behalf_of
$$;

-- Is the caller a current delegate of someone in the project (for reading approvals they may decide)?
create function private.is_delegate_in(p_project_id uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.approval_delegations d
     where d.delegate_id = (select auth.uid()) and d.revoked_at is null
       and now() >= d.valid_from and now() < d.valid_to
       and (d.project_id is null or d.project_id = p_project_id)
       and exists (select 1 from public.staff_projects sp where sp.staff_id = d.delegator_id and sp.project_id = p_project_id)
  )
$$;

-- Who may read an approval and its steps: the requester, managers of the project, admins, current
-- delegates in the project, and whoever decided one of its steps.
create function private.can_view_approval(p_approval_id uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.approvals a
     where a.id = p_approval_id
       and (a.requester_id = (select auth.uid())
            or private.has_role(a.project_id, private.manager_roles())
            or private.is_admin()
            or private.is_delegate_in(a.project_id)
            or exists (select 1 from public.approval_steps s where s.approval_id = a.id and s.decided_by = (select auth.uid())))
  )
$$;

-- Effective status: a pending approval past lapses_at is lapsed, whatever the stored status says.
create function private.approval_effective_status(p_status text, p_lapses_at timestamptz)
returns text
language sql stable set search_path = ''
as $$
  select case when p_status = 'pending' and p_lapses_at is not null and p_lapses_at <= now() then 'lapsed' else p_status end
$$;

-- The card the bot renders for a step: the approval's summary plus what identifies the step.
create function private.approval_card(p_step_id uuid)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select a.summary || jsonb_build_object(
           'approval_id', a.id, 'subject_type', a.subject_type, 'subject_id', a.subject_id,
           'request_id', a.subject_id, 'step_id', s.id, 'seq', s.seq, 'role', s.role,
           'steps_total', (select count(*) from public.approval_steps x where x.approval_id = a.id),
           'chain', (select jsonb_agg(x.role order by x.seq) from public.approval_steps x where x.approval_id = a.id),
           'requester_id', a.requester_id, 'requester', (select st.name from public.staff st where st.id = a.requester_id),
           'lapses_at', a.lapses_at)
    from public.approval_steps s join public.approvals a on a.id = s.approval_id
   where s.id = p_step_id
$$;

-- Tell everyone who may decide the step that it waits for them.
create function private.notify_step_deciders(p_step_id uuid, p_kind text default 'approval_waiting')
returns int
language plpgsql security definer set search_path = ''
as $$
declare
  v_card jsonb := private.approval_card(p_step_id);
  v_count int := 0;
  d record;
begin
  for d in
    select x.staff_id, x.on_behalf_of
      from public.approval_steps s join public.approvals a on a.id = s.approval_id,
           lateral private.step_deciders(a.project_id, s.role, a.requester_id) x
     where s.id = p_step_id
  loop
    perform private.notify(d.staff_id, (v_card ->> 'project_id')::uuid, p_kind,
                           v_card || jsonb_build_object('on_behalf_of', d.on_behalf_of));
    v_count := v_count + 1;
  end loop;
  return v_count;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Start, decide, cancel
-- ---------------------------------------------------------------------------------------------

/*
  Open an approval with the given chain for a subject the caller just created (called by the
  subject's RPC, which has checked the caller). The first step is current; its deciders are told.
*/
create function private.start_approval(
  p_project_id uuid, p_subject_type text, p_subject_id uuid, p_chain public.staff_role[],
  p_summary jsonb, p_lapses_at timestamptz default null
)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_id uuid;
  v_first uuid;
begin
  if p_chain is null or cardinality(p_chain) = 0 then
    raise exception 'start_approval: empty chain';
  end if;
  insert into public.approvals (project_id, subject_type, subject_id, requester_id, summary, lapses_at)
  values (p_project_id, p_subject_type, p_subject_id, (select auth.uid()),
          p_summary || jsonb_build_object('project_id', p_project_id), p_lapses_at)
  returning id into v_id;

  insert into public.approval_steps (approval_id, seq, role, status, activated_at)
  select v_id, r.seq, r.role, case when r.seq = 1 then 'pending' else 'waiting' end,
         case when r.seq = 1 then now() end
    from unnest(p_chain) with ordinality as r(role, seq);

  select id into v_first from public.approval_steps where approval_id = v_id and seq = 1;
  perform private.notify_step_deciders(v_first);
  perform private.audit('approval.start', 'approvals', v_id, p_project_id, null,
    jsonb_build_object('subject_type', p_subject_type, 'subject_id', p_subject_id, 'chain', to_jsonb(p_chain),
                       'lapses_at', p_lapses_at));
  return v_id;
end
$$;

-- Run the subject's own consequences of the outcome (e.g. cancel the subscription on an approved 退房).
create function private.approval_outcome(p_approval public.approvals, p_outcome text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_result jsonb;
begin
  execute format('select private.%I($1, $2)', 'on_' || p_approval.subject_type || '_outcome')
     into v_result using p_approval.subject_id, p_outcome;
  return v_result;
end
$$;

/*
  Approve or reject the current step. Only a decider of the step (role holder or their active
  delegate, never the requester), only the current step, only while the approval is pending and
  not lapsed. A rejection needs a comment and ends the approval. Two decisions racing for one
  step: the step row lock serialises them and the second is told step_already_decided.
*/
create function public.decide_approval(p_step_id uuid, p_decision text, p_comment text default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_approval_id uuid;
  v_approval public.approvals;
  v_step public.approval_steps;
  v_next public.approval_steps;
  v_on_behalf uuid;
  v_eligible boolean;
  v_comment text := nullif(trim(coalesce(p_comment, '')), '');
  v_outcome jsonb;
  v_card jsonb;
begin
  if v_uid is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if p_decision is null or p_decision not in ('approve', 'reject') then
    perform private.fail('invalid_decision', '审批结果只能是同意或驳回', 'The decision is approve or reject');
  end if;

  select approval_id into v_approval_id from public.approval_steps where id = p_step_id;
  if not found then
    perform private.fail('step_not_found', '审批步骤不存在', 'Approval step not found');
  end if;
  -- Lock order everywhere: the approval, then its steps.
  select * into v_approval from public.approvals where id = v_approval_id for update;
  select * into v_step from public.approval_steps where id = p_step_id for update;

  select true, x.on_behalf_of into v_eligible, v_on_behalf
    from private.step_deciders(v_approval.project_id, v_step.role, v_approval.requester_id) x
   where x.staff_id = v_uid;
  if v_approval.requester_id = v_uid then
    perform private.fail('self_approval', '不能审批自己提交的申请', 'You cannot approve your own request');
  end if;
  if v_eligible is null then
    perform private.fail('not_approver', '您不是这一步的审批人', 'You are not an approver of this step');
  end if;
  if v_step.status in ('approved', 'rejected') then
    perform private.fail('step_already_decided', '这一步已经审批过了', 'This step has already been decided');
  end if;
  if v_approval.status <> 'pending' or v_step.status = 'skipped' then
    perform private.fail('approval_not_pending', '该申请已结束，不能再审批', 'This request is no longer pending');
  end if;
  if v_approval.lapses_at is not null and v_approval.lapses_at <= now() then
    perform private.fail('approval_lapsed', '该申请已超过有效期，请重新申请', 'This request has lapsed; submit a new one');
  end if;
  if v_step.status = 'waiting' then
    perform private.fail('step_not_current', '还没轮到这一步审批，请等待上一级审批', 'An earlier step has not been decided yet');
  end if;
  if p_decision = 'reject' and v_comment is null then
    perform private.fail('comment_required', '驳回时请填写原因', 'A rejection needs a comment');
  end if;

  update public.approval_steps
     set status = case when p_decision = 'approve' then 'approved' else 'rejected' end,
         decided_by = v_uid, decided_at = now(), comment = v_comment, on_behalf_of = v_on_behalf
   where id = p_step_id
  returning * into v_step;

  if p_decision = 'reject' then
    update public.approval_steps set status = 'skipped' where approval_id = v_approval.id and status = 'waiting';
    update public.approvals set status = 'rejected', decided_at = now() where id = v_approval.id returning * into v_approval;
    v_outcome := private.approval_outcome(v_approval, 'rejected');
  else
    select * into v_next from public.approval_steps
     where approval_id = v_approval.id and status = 'waiting' order by seq limit 1 for update;
    if found then
      update public.approval_steps set status = 'pending', activated_at = now() where id = v_next.id returning * into v_next;
      perform private.notify_step_deciders(v_next.id);
    else
      update public.approvals set status = 'approved', decided_at = now() where id = v_approval.id returning * into v_approval;
      v_outcome := private.approval_outcome(v_approval, 'approved');
    end if;
  end if;

  v_card := private.approval_card(v_step.id);
  perform private.notify(v_approval.requester_id, v_approval.project_id, 'approval_decided',
    v_card || jsonb_build_object(
      'decision', p_decision, 'comment', v_comment, 'decided_by', v_uid,
      'decider', (select name from public.staff where id = v_uid), 'on_behalf_of', v_on_behalf,
      'approval_status', v_approval.status,
      'next_step_id', v_next.id, 'next_role', v_next.role));
  perform private.audit('approval.decide', 'approval_steps', v_step.id, v_approval.project_id,
    jsonb_build_object('status', 'pending'),
    jsonb_build_object('status', v_step.status, 'comment', v_comment, 'on_behalf_of', v_on_behalf,
                       'approval_id', v_approval.id, 'approval_status', v_approval.status));

  return jsonb_build_object(
    'approval_id', v_approval.id, 'subject_type', v_approval.subject_type, 'subject_id', v_approval.subject_id,
    'step_id', v_step.id, 'seq', v_step.seq, 'decision', p_decision, 'approval_status', v_approval.status,
    'on_behalf_of', v_on_behalf,
    'next_step', case when v_next.id is not null then jsonb_build_object('id', v_next.id, 'seq', v_next.seq, 'role', v_next.role) end,
    'outcome', v_outcome);
end
$$;

-- Withdraw a pending approval (the requester). Steps not reached are skipped; deciders are told.
create function private.cancel_approval(p_approval_id uuid, p_reason text)
returns public.approvals
language plpgsql security definer set search_path = ''
as $$
declare
  v_approval public.approvals;
  v_current uuid;
begin
  select * into v_approval from public.approvals where id = p_approval_id for update;
  if v_approval.requester_id is distinct from (select auth.uid()) then
    perform private.fail('not_requester', '只有申请人可以撤回申请', 'Only the requester can withdraw the request');
  end if;
  if v_approval.status <> 'pending' then
    perform private.fail('approval_not_pending', '该申请已结束，不能撤回', 'This request is no longer pending');
  end if;
  select id into v_current from public.approval_steps where approval_id = p_approval_id and status = 'pending' for update;
  update public.approval_steps set status = 'skipped' where approval_id = p_approval_id and status in ('waiting', 'pending');
  update public.approvals set status = 'cancelled', decided_at = now() where id = p_approval_id returning * into v_approval;
  perform private.approval_outcome(v_approval, 'cancelled');
  if v_current is not null then
    -- The current deciders hold a card for it: let the bot update it.
    perform private.notify_step_deciders(v_current, 'approval_cancelled');
  end if;
  perform private.audit('approval.cancel', 'approvals', p_approval_id, v_approval.project_id,
    jsonb_build_object('status', 'pending'), jsonb_build_object('status', 'cancelled', 'reason', p_reason));
  return v_approval;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Delegation
-- ---------------------------------------------------------------------------------------------

create function public.delegate_approvals(
  p_delegate_id uuid, p_valid_from timestamptz, p_valid_to timestamptz,
  p_project_id uuid default null, p_note text default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_row public.approval_delegations;
begin
  if v_uid is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if not exists (
    select 1 from public.staff_projects sp
     where sp.staff_id = v_uid and sp.role = any (private.approver_roles())
       and (p_project_id is null or sp.project_id = p_project_id)
  ) then
    perform private.fail('forbidden', '只有审批人可以授权代批', 'Only approvers can delegate');
  end if;
  if p_delegate_id is null or p_delegate_id = v_uid or not exists (
    select 1 from public.staff_projects sp join public.staff s on s.id = sp.staff_id
     where sp.staff_id = p_delegate_id and s.active and sp.role <> 'broker'
       and sp.project_id in (select x.project_id from public.staff_projects x
                              where x.staff_id = v_uid and (p_project_id is null or x.project_id = p_project_id))
  ) then
    perform private.fail('invalid_delegate', '被授权人必须是本项目的在职员工', 'The delegate must be active staff of the project');
  end if;
  if p_valid_from is null or p_valid_to is null or p_valid_to <= p_valid_from or p_valid_to <= now() then
    perform private.fail('invalid_period', '授权期间不正确', 'The period is invalid');
  end if;
  insert into public.approval_delegations (delegator_id, delegate_id, project_id, valid_from, valid_to, note)
  values (v_uid, p_delegate_id, p_project_id, p_valid_from, p_valid_to, nullif(trim(coalesce(p_note, '')), ''))
  returning * into v_row;
  perform private.audit('approval.delegate', 'approval_delegations', v_row.id, p_project_id, null, to_jsonb(v_row));
  perform private.notify(p_delegate_id, p_project_id, 'approval_delegated',
    jsonb_build_object('delegation_id', v_row.id, 'delegator_id', v_uid,
                       'delegator', (select name from public.staff where id = v_uid),
                       'valid_from', p_valid_from, 'valid_to', p_valid_to));
  return to_jsonb(v_row);
end
$$;

create function public.revoke_delegation(p_delegation_id uuid)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.approval_delegations;
  v_before jsonb;
begin
  select * into v_row from public.approval_delegations where id = p_delegation_id for update;
  if not found then
    perform private.fail('delegation_not_found', '授权不存在', 'Delegation not found');
  end if;
  if v_row.delegator_id is distinct from (select auth.uid()) and not private.is_admin() then
    perform private.fail('forbidden', '只有授权人可以撤销授权', 'Only the delegator can revoke');
  end if;
  if v_row.revoked_at is not null then
    perform private.fail('delegation_revoked', '该授权已撤销', 'Already revoked');
  end if;
  v_before := to_jsonb(v_row);
  update public.approval_delegations set revoked_at = now() where id = p_delegation_id returning * into v_row;
  perform private.audit('approval.revoke_delegation', 'approval_delegations', v_row.id, v_row.project_id, v_before, to_jsonb(v_row));
  return to_jsonb(v_row);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Views: the approvals list, my inbox, what I decided, what I asked for
-- ---------------------------------------------------------------------------------------------

create view public.approval_overview with (security_invoker = true) as
select a.id, a.project_id, a.subject_type, a.subject_id, a.requester_id, rq.name as requester_name,
       a.status, private.approval_effective_status(a.status, a.lapses_at) as effective_status,
       a.summary, a.lapses_at, a.created_at, a.decided_at,
       cur.id as current_step_id, cur.seq as current_seq, cur.role as current_step_role,
       (select jsonb_agg(jsonb_build_object(
                 'id', s.id, 'seq', s.seq, 'role', s.role, 'status', s.status, 'decided_by', s.decided_by,
                 'decider', ds.name, 'decided_at', s.decided_at, 'comment', s.comment, 'on_behalf_of', s.on_behalf_of)
                 order by s.seq)
          from public.approval_steps s left join public.staff ds on ds.id = s.decided_by
         where s.approval_id = a.id) as steps
  from public.approvals a
  left join public.staff rq on rq.id = a.requester_id
  left join public.approval_steps cur on cur.approval_id = a.id and cur.status = 'pending';

-- Steps waiting for me now (as role holder, or as delegate: on_behalf_of names for whom).
create view public.my_approval_inbox with (security_invoker = true) as
select s.id as step_id, s.seq, s.role, s.activated_at, d.on_behalf_of,
       a.id as approval_id, a.project_id, a.subject_type, a.subject_id, a.requester_id, rq.name as requester_name,
       a.summary, a.lapses_at, a.created_at
  from public.approval_steps s
  join public.approvals a on a.id = s.approval_id
  left join public.staff rq on rq.id = a.requester_id
  cross join lateral (
    select x.on_behalf_of from private.step_deciders(a.project_id, s.role, a.requester_id) x
     where x.staff_id = (select auth.uid())
  ) d
 where s.status = 'pending' and a.status = 'pending' and (a.lapses_at is null or a.lapses_at > now());

create view public.my_approval_decisions with (security_invoker = true) as
select s.id as step_id, s.seq, s.role, s.status as decision, s.decided_at, s.comment, s.on_behalf_of,
       a.id as approval_id, a.project_id, a.subject_type, a.subject_id, a.requester_id, rq.name as requester_name,
       a.status as approval_status, private.approval_effective_status(a.status, a.lapses_at) as approval_effective_status,
       a.summary
  from public.approval_steps s
  join public.approvals a on a.id = s.approval_id
  left join public.staff rq on rq.id = a.requester_id
 where s.decided_by = (select auth.uid());

create view public.my_approval_requests with (security_invoker = true) as
select o.* from public.approval_overview o where o.requester_id = (select auth.uid());

-- ---------------------------------------------------------------------------------------------
-- Row-level security: read per can_view_approval; every change goes through the functions.
-- ---------------------------------------------------------------------------------------------

alter table public.approvals enable row level security;
alter table public.approval_steps enable row level security;
alter table public.approval_delegations enable row level security;

create policy "read approvals I am part of" on public.approvals for select to authenticated
  using (private.can_view_approval(id));
create policy "read steps of approvals I see" on public.approval_steps for select to authenticated
  using (private.can_view_approval(approval_id));
create policy "read my delegations" on public.approval_delegations for select to authenticated
  using (delegator_id = (select auth.uid()) or delegate_id = (select auth.uid()) or (select private.is_admin()));

revoke insert, update, delete, truncate on public.approvals, public.approval_steps, public.approval_delegations from anon, authenticated;
revoke all on public.approvals, public.approval_steps, public.approval_delegations,
              public.approval_overview, public.my_approval_inbox, public.my_approval_decisions, public.my_approval_requests
  from anon;
revoke execute on function public.decide_approval(uuid, text, text),
                           public.delegate_approvals(uuid, timestamptz, timestamptz, uuid, text),
                           public.revoke_delegation(uuid)
  from anon, public;
grant execute on function public.decide_approval(uuid, text, text),
                          public.delegate_approvals(uuid, timestamptz, timestamptz, uuid, text),
                          public.revoke_delegation(uuid)
  to authenticated;

-- Internal steps of the functions above: not for callers (PostgREST does not expose private anyway).
revoke execute on function private.start_approval(uuid, text, uuid, public.staff_role[], jsonb, timestamptz) from public, anon, authenticated;
revoke execute on function private.approval_outcome(public.approvals, text) from public, anon, authenticated;
revoke execute on function private.cancel_approval(uuid, text) from public, anon, authenticated;
revoke execute on function private.notify_step_deciders(uuid, text) from public, anon, authenticated;
revoke execute on function private.approval_card(uuid) from public, anon, authenticated;
