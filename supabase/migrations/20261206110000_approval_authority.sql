-- Approval authority that cannot be walked around (审批权限):
--
--   * One person, one level. Nobody decides more than one step of the same approval — by their
--     own roles or as a delegate. A step decided "as delegate of X" counts for both the delegate
--     and X: neither decides another step of that approval.
--   * Delegates (代批) are active staff of the project holding an approver role there
--     (sales_manager and above); a delegation names its project and reaches no other.
--   * Nobody is stuck. When nobody but the requester (or people who already decided an earlier
--     step) may decide a step, the step goes one level up (销售经理 → 营销部长 → 主管副总 → 总经理):
--     its role is raised, or — when a later step of the chain is already at that level or above —
--     it is skipped up. The step keeps why (escalated_from, escalation_code, escalation_reason),
--     and the views, the admin and the bot card show it.
--   * Contract approvals lapse like discounts (project.approval_lapse_hours) and the requester
--     may withdraw them (withdraw_contract).

alter table public.approval_steps
  add column escalated_from public.staff_role,   -- the chain's role before it went up (null: not escalated)
  add column escalation_code text check (escalation_code in ('requester_only', 'decided_earlier', 'no_holder')),
  add column escalation_reason text;             -- zh-CN, as the admin and the bot show it
comment on column public.approval_steps.escalated_from is '越级：原审批角色（无人可审时上报上一级）';
comment on column public.approval_steps.escalation_reason is '越级原因（中文）';

-- ---------------------------------------------------------------------------------------------
-- Levels
-- ---------------------------------------------------------------------------------------------

-- Rank of an approver role (1 = 销售经理 … 4 = 总经理); null for other roles.
create function private.approver_rank(p_role public.staff_role)
returns int
language sql immutable set search_path = ''
as $$ select array_position(array['sales_manager', 'marketing_director', 'vp', 'gm']::public.staff_role[], p_role) $$;

-- The next level up, null above 总经理.
create function private.next_approver_role(p_role public.staff_role)
returns public.staff_role
language sql immutable set search_path = ''
as $$ select (array['sales_manager', 'marketing_director', 'vp', 'gm']::public.staff_role[])[private.approver_rank(p_role) + 1] $$;

create function private.role_label(p_role public.staff_role)
returns text
language sql immutable set search_path = ''
as $$
  select case p_role when 'sales_manager' then '销售经理' when 'marketing_director' then '营销部长'
                     when 'vp' then '主管副总' when 'gm' then '总经理' when 'consultant' then '置业顾问'
                     when 'finance' then '财务' when 'channel_manager' then '渠道经理' when 'broker' then '经纪人'
                     else '系统管理员' end
$$;

-- ---------------------------------------------------------------------------------------------
-- Who may decide
-- ---------------------------------------------------------------------------------------------

/*
  The core: holders of the role in the project and their current delegates, none of whom is in
  p_excluded (the requester and everyone whose authority an earlier step of the approval used).
  A delegate whose delegator is excluded is not a decider either.
*/
create function private.deciders_excluding(p_project_id uuid, p_role public.staff_role, p_excluded uuid[])
returns table (staff_id uuid, on_behalf_of uuid)
language sql stable security definer set search_path = ''
as $$
  with holders as (
    select sp.staff_id
      from public.staff_projects sp join public.staff s on s.id = sp.staff_id
     where sp.project_id = p_project_id and sp.role = p_role and s.active
       and not (sp.staff_id = any (coalesce(p_excluded, '{}')))
  ),
  delegates as (
    select d.delegate_id as staff_id, d.delegator_id as on_behalf_of
      from public.approval_delegations d
      join holders h on h.staff_id = d.delegator_id
      join public.staff s on s.id = d.delegate_id and s.active
     where d.revoked_at is null and now() >= d.valid_from and now() < d.valid_to
       and d.project_id = p_project_id
       and not (d.delegate_id = any (coalesce(p_excluded, '{}')))
       and exists (select 1 from public.staff_projects sp
                    where sp.staff_id = d.delegate_id and sp.project_id = p_project_id
                      and sp.role = any (private.approver_roles()))
  )
  select distinct on (x.staff_id) x.staff_id, x.on_behalf_of
    from (select h.staff_id, null::uuid as on_behalf_of, 0 as pref from holders h
          union all
          select d.staff_id, d.on_behalf_of, 1 from delegates d) x
   order by x.staff_id, x.pref, x.on_behalf_of
$$;

/*
  Role holders and delegates for a role in a project, the requester excluded (kept for callers
  that know no approval yet, e.g. previews). A delegate must be active and hold an approver role
  in the project, under a delegation for this very project.
*/
create or replace function private.step_deciders(p_project_id uuid, p_role public.staff_role, p_requester uuid)
returns table (staff_id uuid, on_behalf_of uuid)
language sql stable security definer set search_path = ''
as $$
  select x.staff_id, x.on_behalf_of from private.deciders_excluding(p_project_id, p_role, array[p_requester]) x
$$;

-- Everyone whose authority this approval has used outside the given step: the requester, and
-- the decider and the "on behalf of" of every other decided step.
create function private.approval_excluded(p_approval_id uuid, p_step_id uuid)
returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select array_agg(distinct x) filter (where x is not null)
    from (select a.requester_id as x from public.approvals a where a.id = p_approval_id
          union all
          select s.decided_by from public.approval_steps s
           where s.approval_id = p_approval_id and s.id <> p_step_id and s.decided_by is not null
          union all
          select s.on_behalf_of from public.approval_steps s
           where s.approval_id = p_approval_id and s.id <> p_step_id and s.on_behalf_of is not null) t
$$;

-- Who may decide this step of this approval now (one person, one level).
create function private.approval_step_deciders(p_step_id uuid)
returns table (staff_id uuid, on_behalf_of uuid)
language sql stable security definer set search_path = ''
as $$
  select x.staff_id, x.on_behalf_of
    from public.approval_steps s
    join public.approvals a on a.id = s.approval_id,
         lateral private.deciders_excluding(a.project_id, s.role, private.approval_excluded(a.id, s.id)) x
   where s.id = p_step_id
$$;

-- Is the caller a current delegate of someone in the project (for reading approvals they may decide)?
create or replace function private.is_delegate_in(p_project_id uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.approval_delegations d
     where d.delegate_id = (select auth.uid()) and d.revoked_at is null
       and now() >= d.valid_from and now() < d.valid_to
       and d.project_id = p_project_id
       and private.has_role(p_project_id, private.approver_roles())
  )
$$;

-- The card the bot renders for a step: the approval's summary, the step, and the chain with
-- every escalation (越级) and why.
create or replace function private.approval_card(p_step_id uuid)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select a.summary || jsonb_build_object(
           'approval_id', a.id, 'subject_type', a.subject_type, 'subject_id', a.subject_id,
           'request_id', a.subject_id, 'step_id', s.id, 'seq', s.seq, 'role', s.role,
           'steps_total', (select count(*) from public.approval_steps x where x.approval_id = a.id),
           'chain', (select jsonb_agg(x.role order by x.seq) from public.approval_steps x where x.approval_id = a.id),
           'chain_steps', (select jsonb_agg(jsonb_build_object('seq', x.seq, 'role', x.role, 'status', x.status,
                                                               'escalated_from', x.escalated_from,
                                                               'escalation_reason', x.escalation_reason) order by x.seq)
                             from public.approval_steps x where x.approval_id = a.id),
           'escalated', s.escalated_from is not null, 'escalated_from', s.escalated_from,
           'escalation_code', s.escalation_code, 'escalation_reason', s.escalation_reason,
           'escalations', (select jsonb_agg(x.escalation_reason order by x.seq) from public.approval_steps x
                            where x.approval_id = a.id and x.escalation_reason is not null),
           'requester_id', a.requester_id, 'requester', (select st.name from public.staff st where st.id = a.requester_id),
           'lapses_at', a.lapses_at)
    from public.approval_steps s join public.approvals a on a.id = s.approval_id
   where s.id = p_step_id
$$;

-- Tell everyone who may decide the step that it waits for them.
create or replace function private.notify_step_deciders(p_step_id uuid, p_kind text default 'approval_waiting')
returns int
language plpgsql security definer set search_path = ''
as $$
declare
  v_card jsonb := private.approval_card(p_step_id);
  v_count int := 0;
  d record;
begin
  for d in select x.staff_id, x.on_behalf_of from private.approval_step_deciders(p_step_id) x loop
    perform private.notify(d.staff_id, (v_card ->> 'project_id')::uuid, p_kind,
                           v_card || jsonb_build_object('on_behalf_of', d.on_behalf_of));
    v_count := v_count + 1;
  end loop;
  return v_count;
end
$$;

/*
  Make the first undecided step of an approval current, going up a level while nobody may decide
  it: the role is raised to the next level, or the step is skipped when a later step is already
  at that level or above. Returns the step now pending (its deciders told), or null when no step
  is left (the approval is complete). Above 总经理 with nobody to decide, the step stays pending
  with its reason (an administrator must staff the role); start_approval refuses that case.
  The caller holds the approval's lock.
*/
create function private.activate_next_step(p_approval_id uuid)
returns public.approval_steps
language plpgsql security definer set search_path = ''
as $$
declare
  v_approval public.approvals;
  v_step public.approval_steps;
  v_up public.staff_role;
  v_code text;
  v_why text;
  v_holders int;
  v_active_holders int;
begin
  select * into v_approval from public.approvals where id = p_approval_id;
  loop
    select * into v_step from public.approval_steps
     where approval_id = p_approval_id and status in ('waiting', 'pending') order by seq limit 1 for update;
    if not found then
      return null;
    end if;
    if exists (select 1 from private.approval_step_deciders(v_step.id)) then
      update public.approval_steps set status = 'pending', activated_at = coalesce(activated_at, now())
       where id = v_step.id returning * into v_step;
      perform private.notify_step_deciders(v_step.id);
      return v_step;
    end if;

    -- Nobody may decide: say why.
    select count(*), count(*) filter (where sp.staff_id <> v_approval.requester_id) into v_holders, v_active_holders
      from public.staff_projects sp join public.staff s on s.id = sp.staff_id
     where sp.project_id = v_approval.project_id and sp.role = v_step.role and s.active;
    if v_holders = 0 then
      v_code := 'no_holder';
      v_why := format('本项目没有在职的%s', private.role_label(v_step.role));
    elsif v_active_holders = 0 then
      v_code := 'requester_only';
      v_why := format('可审批的%s只有申请人本人', private.role_label(v_step.role));
    else
      v_code := 'decided_earlier';
      v_why := format('可审批的%s已审批过本申请的另一级（同一人不能审批两级）', private.role_label(v_step.role));
    end if;

    v_up := private.next_approver_role(v_step.role);
    if v_up is null then
      update public.approval_steps
         set status = 'pending', activated_at = coalesce(activated_at, now()),
             escalated_from = coalesce(escalated_from, role), escalation_code = v_code,
             escalation_reason = v_why || '，且没有更高一级可以审批，请系统管理员安排审批人'
       where id = v_step.id returning * into v_step;
      perform private.audit('approval.escalate', 'approval_steps', v_step.id, v_approval.project_id, null,
        jsonb_build_object('approval_id', p_approval_id, 'seq', v_step.seq, 'role', v_step.role, 'code', v_code, 'stuck', true));
      return v_step;
    end if;

    if exists (select 1 from public.approval_steps x
                where x.approval_id = p_approval_id and x.seq > v_step.seq
                  and private.approver_rank(x.role) >= private.approver_rank(v_up)) then
      update public.approval_steps
         set status = 'skipped', escalated_from = coalesce(escalated_from, role), escalation_code = v_code,
             escalation_reason = v_why || format('，本级跳过，由%s审批', private.role_label(v_up))
       where id = v_step.id returning * into v_step;
    else
      update public.approval_steps
         set role = v_up, escalated_from = coalesce(escalated_from, role), escalation_code = v_code,
             escalation_reason = v_why || format('，上报%s审批', private.role_label(v_up))
       where id = v_step.id returning * into v_step;
    end if;
    perform private.audit('approval.escalate', 'approval_steps', v_step.id, v_approval.project_id,
      jsonb_build_object('role', v_step.escalated_from),
      jsonb_build_object('approval_id', p_approval_id, 'seq', v_step.seq, 'role', v_step.role, 'status', v_step.status,
                         'code', v_code, 'reason', v_step.escalation_reason));
  end loop;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Start, decide, cancel
-- ---------------------------------------------------------------------------------------------

/*
  Open an approval with the given chain for a subject the caller just created (called by the
  subject's RPC, which has checked the caller). The first step someone may decide becomes current
  (escalating as needed) and its deciders are told. Contract approvals lapse like discounts.
  Refuses no_approver (nothing written) when a step has nobody but the requester at its level or
  above — even the 总经理 — so no approval is opened that could never finish.
*/
create or replace function private.start_approval(
  p_project_id uuid, p_subject_type text, p_subject_id uuid, p_chain public.staff_role[],
  p_summary jsonb, p_lapses_at timestamptz default null
)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_id uuid;
  v_first public.approval_steps;
  v_lapses_at timestamptz := p_lapses_at;
begin
  if p_chain is null or cardinality(p_chain) = 0 then
    raise exception 'start_approval: empty chain';
  end if;
  if v_lapses_at is null and p_subject_type in ('contract', 'price_change') then
    select now() + make_interval(hours => p.approval_lapse_hours) into v_lapses_at from public.projects p where p.id = p_project_id;
  end if;
  insert into public.approvals (project_id, subject_type, subject_id, requester_id, summary, lapses_at)
  values (p_project_id, p_subject_type, p_subject_id, (select auth.uid()),
          p_summary || jsonb_build_object('project_id', p_project_id), v_lapses_at)
  returning id into v_id;

  insert into public.approval_steps (approval_id, seq, role, status)
  select v_id, r.seq, r.role, 'waiting'
    from unnest(p_chain) with ordinality as r(role, seq);

  v_first := private.activate_next_step(v_id);
  -- Every step needs someone other than the requester at its level or above; otherwise the
  -- approval could never finish (e.g. the only 总经理 asking for a cut only a 总经理 approves).
  if v_first.id is null or not exists (select 1 from private.approval_step_deciders(v_first.id))
     or exists (
       select 1 from public.approval_steps s
        where s.approval_id = v_id and s.status in ('waiting', 'pending')
          and not exists (
            select 1 from unnest(private.approver_roles()) r(role)
             where private.approver_rank(r.role) >= private.approver_rank(s.role)
               and exists (select 1 from private.deciders_excluding(p_project_id, r.role, array[(select auth.uid())]))))
  then
    perform private.fail('no_approver', '没有可以审批此申请的人（审批人只有申请人本人），请联系系统管理员',
      'Nobody but the requester could decide this request; ask an administrator to staff the approver roles');
  end if;
  perform private.audit('approval.start', 'approvals', v_id, p_project_id, null,
    jsonb_build_object('subject_type', p_subject_type, 'subject_id', p_subject_id, 'chain', to_jsonb(p_chain),
                       'lapses_at', v_lapses_at));
  return v_id;
end
$$;

/*
  Approve or reject the current step. Only a decider of the step (role holder or their active
  delegate, never the requester, never someone whose authority an earlier step used), only the
  current step, only while the approval is pending and not lapsed. A rejection needs a comment
  and ends the approval. Two decisions racing for one step: the approval row lock serialises
  them and the second is told step_already_decided.
*/
create or replace function public.decide_approval(p_step_id uuid, p_decision text, p_comment text default null)
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
  v_other public.approval_steps;
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

  if v_approval.requester_id = v_uid then
    perform private.fail('self_approval', '不能审批自己提交的申请', 'You cannot approve your own request');
  end if;
  if v_step.status in ('approved', 'rejected') then
    perform private.fail('step_already_decided', '这一步已经审批过了', 'This step has already been decided');
  end if;
  -- One person, one level: the caller would decide this step but for an earlier decision of this
  -- approval by them, or by the person they would act for.
  if not exists (select 1 from private.approval_step_deciders(v_step.id) x where x.staff_id = v_uid)
     and exists (select 1 from private.deciders_excluding(v_approval.project_id, v_step.role, array[v_approval.requester_id]) x
                  where x.staff_id = v_uid) then
    select * into v_other from public.approval_steps s
     where s.approval_id = v_approval.id and s.id <> v_step.id and s.decided_by is not null
     order by (s.decided_by = v_uid or s.on_behalf_of = v_uid) desc, s.seq limit 1;
    perform private.fail('one_level_only',
      format('同一人不能审批同一申请的两级：您（或您代批的人）已审批第%s级', v_other.seq),
      format('One person decides one level: you (or the person you act for) decided step %s of this request', v_other.seq));
  end if;

  select true, x.on_behalf_of into v_eligible, v_on_behalf
    from private.approval_step_deciders(v_step.id) x
   where x.staff_id = v_uid;
  if v_eligible is null then
    perform private.fail('not_approver', '您不是这一步的审批人', 'You are not an approver of this step');
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
    v_next := private.activate_next_step(v_approval.id);
    if v_next.id is null then
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
    'next_step', case when v_next.id is not null then jsonb_build_object(
                   'id', v_next.id, 'seq', v_next.seq, 'role', v_next.role,
                   'escalated_from', v_next.escalated_from, 'escalation_reason', v_next.escalation_reason) end,
    'outcome', v_outcome);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Contracts: lapse (start_approval above) and withdrawal by the requester
-- ---------------------------------------------------------------------------------------------

create or replace function private.on_contract_outcome(p_subject_id uuid, p_outcome text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.contracts;
begin
  update public.contracts
     set status = p_outcome, decided_at = now(),
         cancelled_at = case when p_outcome = 'cancelled' then now() else cancelled_at end
   where id = p_subject_id and status = 'pending'
  returning * into v_row;
  return jsonb_build_object('contract_id', p_subject_id, 'status', v_row.status);
end
$$;

/*
  撤回合同审批: the requester withdraws a contract still waiting for approval — also one that has
  lapsed, so the subscription can be drafted again. The contract becomes cancelled; the deciders
  of the current step are told.
*/
create function public.withdraw_contract(p_contract_id uuid, p_reason text default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.contracts;
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  select * into v_row from public.contracts where id = p_contract_id;
  if not found or v_row.approval_id is null then
    perform private.fail('contract_not_found', '合同不存在', 'Contract not found');
  end if;
  perform private.cancel_approval(v_row.approval_id, nullif(trim(coalesce(p_reason, '')), ''));
  select * into v_row from public.contracts where id = p_contract_id;
  return to_jsonb(v_row);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Delegation: to an approver of the same project, for that project only
-- ---------------------------------------------------------------------------------------------

create or replace function public.delegate_approvals(
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
  if p_project_id is null then
    perform private.fail('project_required', '请选择授权的项目（授权只在一个项目内有效）',
      'Choose the project: a delegation is valid in one project only');
  end if;
  if not private.has_role(p_project_id, private.approver_roles()) then
    perform private.fail('forbidden', '只有本项目的审批人可以授权代批', 'Only approvers of the project can delegate');
  end if;
  if p_delegate_id is null or p_delegate_id = v_uid or not exists (
    select 1 from public.staff_projects sp join public.staff s on s.id = sp.staff_id
     where sp.staff_id = p_delegate_id and s.active and sp.project_id = p_project_id
       and sp.role = any (private.approver_roles())
  ) then
    perform private.fail('invalid_delegate', '被授权人必须是本项目在职的审批人（销售经理及以上）',
      'The delegate must be active staff of the project holding an approver role');
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

-- ---------------------------------------------------------------------------------------------
-- Views: the chain shows escalations; the inbox applies one person, one level
-- ---------------------------------------------------------------------------------------------

create or replace view public.approval_overview with (security_invoker = true) as
select a.id, a.project_id, a.subject_type, a.subject_id, a.requester_id, rq.name as requester_name,
       a.status, private.approval_effective_status(a.status, a.lapses_at) as effective_status,
       a.summary, a.lapses_at, a.created_at, a.decided_at,
       cur.id as current_step_id, cur.seq as current_seq, cur.role as current_step_role,
       (select jsonb_agg(jsonb_build_object(
                 'id', s.id, 'seq', s.seq, 'role', s.role, 'status', s.status, 'decided_by', s.decided_by,
                 'decider', ds.name, 'decided_at', s.decided_at, 'comment', s.comment, 'on_behalf_of', s.on_behalf_of,
                 'escalated', s.escalated_from is not null, 'escalated_from', s.escalated_from,
                 'escalation_code', s.escalation_code, 'escalation_reason', s.escalation_reason)
                 order by s.seq)
          from public.approval_steps s left join public.staff ds on ds.id = s.decided_by
         where s.approval_id = a.id) as steps,
       cur.escalated_from is not null as current_escalated, cur.escalation_reason as current_escalation_reason
  from public.approvals a
  left join public.staff rq on rq.id = a.requester_id
  left join public.approval_steps cur on cur.approval_id = a.id and cur.status = 'pending';

create or replace view public.my_approval_inbox with (security_invoker = true) as
select s.id as step_id, s.seq, s.role, s.activated_at, d.on_behalf_of,
       a.id as approval_id, a.project_id, a.subject_type, a.subject_id, a.requester_id, rq.name as requester_name,
       a.summary, a.lapses_at, a.created_at,
       s.escalated_from is not null as escalated, s.escalated_from, s.escalation_reason
  from public.approval_steps s
  join public.approvals a on a.id = s.approval_id
  left join public.staff rq on rq.id = a.requester_id
  cross join lateral (
    select x.on_behalf_of from private.approval_step_deciders(s.id) x
     where x.staff_id = (select auth.uid())
  ) d
 where s.status = 'pending' and a.status = 'pending' and (a.lapses_at is null or a.lapses_at > now());

create or replace view public.my_approval_requests with (security_invoker = true) as
select o.* from public.approval_overview o where o.requester_id = (select auth.uid());

revoke all on public.approval_overview, public.my_approval_inbox, public.my_approval_requests from anon;

revoke execute on function public.withdraw_contract(uuid, text) from public, anon;
grant execute on function public.withdraw_contract(uuid, text) to authenticated;

revoke execute on function private.activate_next_step(uuid) from public, anon, authenticated;
-- approval_step_deciders (and what it calls) runs inside the caller's views (my_approval_inbox):
-- authenticated keeps EXECUTE; anon has no use for it.
revoke execute on function private.approval_step_deciders(uuid), private.approval_excluded(uuid, uuid),
                           private.deciders_excluding(uuid, public.staff_role, uuid[]) from public, anon;
grant execute on function private.approval_step_deciders(uuid), private.approval_excluded(uuid, uuid),
                          private.deciders_excluding(uuid, public.staff_role, uuid[]) to authenticated, service_role;
