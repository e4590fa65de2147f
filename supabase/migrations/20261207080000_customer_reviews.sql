-- =============================================================================================
-- 客户分析会 (seed greentown-sales-office-manual 第五部分 第五条): every day the sales manager goes
-- through the customers the consultants received, judges the quality of the reception and the
-- customer's intent, says how to meet what still holds the customer back, sets a deadline for the
-- next contact (追访时限) and decides whether following the customer is still worth it.
--
-- customer_reviews keeps one review per customer and day. review_customer writes it (managers of
-- the project only), sets the customer's grade, and either keeps the customer with a deadline or
-- releases them to the public pool with a reason. The consultant is told, and reminded when the
-- deadline comes without a follow-up.
-- =============================================================================================

create table public.customer_reviews (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  customer_id uuid not null references public.customers (id) on delete cascade,
  consultant_id uuid references public.staff (id),     -- the owner when reviewed
  reviewed_by uuid not null references public.staff (id),
  review_date date not null,
  quality text check (quality in ('good', 'fair', 'poor')),   -- 接访质量
  grade text not null check (grade in ('A', 'B', 'C', 'D')),  -- 判定的购买意向
  objections text,                                     -- 尚存的购买抗性
  advice text,                                         -- 化解意见与追访口径
  decision text not null check (decision in ('keep', 'release')),
  next_contact_by date,                                -- 追访时限
  reason text,                                         -- 放弃追访的原因
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (customer_id, review_date),
  check (decision = 'release' or next_contact_by is not null),
  check (decision = 'keep' or length(trim(coalesce(reason, ''))) > 0)
);
create index customer_reviews_project_idx on public.customer_reviews (project_id, review_date desc);
create index customer_reviews_consultant_idx on public.customer_reviews (consultant_id, review_date desc);
comment on table public.customer_reviews is '客户分析会：经理对客户的评估、追访时限与是否继续追访';

alter table public.customer_reviews enable row level security;
grant select on public.customer_reviews to authenticated;
create policy "managers read the project's reviews" on public.customer_reviews for select to authenticated
  using (project_id in (select private.my_projects(private.manager_roles())));
create policy "consultants read reviews of their customers" on public.customer_reviews for select to authenticated
  using (consultant_id = (select auth.uid()));

-- ---------------------------------------------------------------------------------------------
-- The day's list for the meeting: customers received that day (visits), and customers whose last
-- review's deadline has come with no follow-up since. Whether each was already reviewed that day.
-- ---------------------------------------------------------------------------------------------
create function public.customer_review_queue(p_project_id uuid, p_day date default null)
returns table (
  customer_id uuid, customer_name text, phone text, status public.customer_status, grade text,
  consultant_id uuid, consultant_name text, in_pool boolean,
  reason text, visits_today int, last_visit_at timestamptz, last_visit_notes text,
  last_follow_up_at timestamptz, last_follow_up text, last_objections text,
  previous_review_date date, previous_next_contact_by date, previous_advice text,
  reviewed boolean, review_id uuid
)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  v_day date;
  v_tz text;
begin
  perform private.require_role(p_project_id, private.manager_roles());
  select p.timezone into v_tz from public.projects p where p.id = p_project_id;
  v_day := coalesce(p_day, private.project_today(p_project_id));
  return query
  with visited as (
    select v.customer_id, count(*)::int as n
      from public.visits v
     where v.project_id = p_project_id
       and v.visited_at >= (v_day::timestamp at time zone v_tz)
       and v.visited_at < ((v_day + 1)::timestamp at time zone v_tz)
     group by v.customer_id
  ),
  latest_review as (
    select distinct on (r.customer_id) r.*
      from public.customer_reviews r
     where r.project_id = p_project_id and r.review_date < v_day
     order by r.customer_id, r.review_date desc
  ),
  deadline_due as (
    select lr.customer_id
      from latest_review lr
     where lr.decision = 'keep' and lr.next_contact_by <= v_day
       and not exists (
         select 1 from public.follow_ups f
          where f.customer_id = lr.customer_id
            and f.created_at >= (lr.review_date::timestamp at time zone v_tz))
  ),
  due as (
    select customer_id from visited
    union select customer_id from deadline_due
    union select r.customer_id from public.customer_reviews r where r.project_id = p_project_id and r.review_date = v_day
  )
  select c.id, c.name, c.phone, c.status, c.grade,
         -- a customer released today is still listed under the consultant who had them
         coalesce(tr.consultant_id, c.owner_id), private.staff_name(coalesce(tr.consultant_id, c.owner_id)),
         private.in_pool(c.owner_id, c.ownership_expires_at),
         case when vi.customer_id is not null then 'visited' when dd.customer_id is not null then 'deadline' else 'reviewed' end,
         coalesce(vi.n, 0),
         lv.visited_at, lv.notes,
         lf.created_at, lf.content, lf.objections,
         lr.review_date, lr.next_contact_by, lr.advice,
         tr.id is not null, tr.id
    from due
    join public.customers c on c.id = due.customer_id and c.project_id = p_project_id
    left join visited vi on vi.customer_id = c.id
    left join deadline_due dd on dd.customer_id = c.id
    left join latest_review lr on lr.customer_id = c.id
    left join public.customer_reviews tr on tr.customer_id = c.id and tr.review_date = v_day
    left join lateral (
      select v.visited_at, v.notes from public.visits v where v.customer_id = c.id order by v.visited_at desc limit 1
    ) lv on true
    left join lateral (
      select f.created_at, f.content, f.objections from public.follow_ups f where f.customer_id = c.id order by f.created_at desc limit 1
    ) lf on true
   order by private.staff_name(coalesce(tr.consultant_id, c.owner_id)) nulls last, c.name;
end
$$;
comment on function public.customer_review_queue(uuid, date) is '客户分析会：当天接待的客户与追访时限已到的客户（经理）';
revoke execute on function public.customer_review_queue(uuid, date) from public, anon;
grant execute on function public.customer_review_queue(uuid, date) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- review_customer: the manager's judgement on one customer for the day (a second call the same
-- day corrects it). keep → a deadline between today and 30 days ahead; release → a reason, and the
-- customer falls into the public pool at once (not one with a 认购 or contract).
-- ---------------------------------------------------------------------------------------------
create function public.review_customer(
  p_customer_id uuid, p_grade text, p_decision text, p_next_contact_by date default null,
  p_quality text default null, p_objections text default null, p_advice text default null,
  p_reason text default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_customer public.customers;
  v_before public.customer_reviews;
  v_row public.customer_reviews;
  v_today date;
  v_released boolean := false;
begin
  select * into v_customer from public.customers where id = p_customer_id;
  if not found then
    perform private.fail('customer_not_found', '客户不存在', 'Customer not found');
  end if;
  perform private.require_role(v_customer.project_id, private.manager_roles());
  select * into v_customer from public.customers where id = p_customer_id for update;
  v_today := private.project_today(v_customer.project_id);

  if p_grade is null or p_grade not in ('A', 'B', 'C', 'D') then
    perform private.fail('invalid_grade', '请判定客户意向等级（A–D）', 'Choose an intent grade (A–D)');
  end if;
  if p_quality is not null and p_quality not in ('good', 'fair', 'poor') then
    perform private.fail('invalid_quality', '接访质量只能是 好 / 一般 / 差', 'Reception quality is good, fair or poor');
  end if;
  if p_decision is null or p_decision not in ('keep', 'release') then
    perform private.fail('invalid_decision', '请选择继续追访或放弃追访', 'Choose keep or release');
  end if;
  if v_customer.status = 'lost' then
    perform private.fail('customer_lost', '客户已流失，无需再评估', 'The customer is marked lost');
  end if;
  if p_decision = 'keep' then
    if p_next_contact_by is null then
      perform private.fail('deadline_required', '继续追访须定下追访时限', 'Keeping a customer needs a next-contact deadline');
    end if;
    if p_next_contact_by < v_today or p_next_contact_by > v_today + 30 then
      perform private.fail('invalid_deadline', '追访时限须在今天到30天之内', 'The deadline must be within the next 30 days');
    end if;
  else
    if length(trim(coalesce(p_reason, ''))) = 0 then
      perform private.fail('reason_required', '放弃追访须说明原因', 'Releasing a customer needs a reason');
    end if;
    if v_customer.status in ('subscribed', 'signed') then
      perform private.fail('customer_has_deal', '客户已认购或签约，不能放弃追访', 'The customer has a subscription or contract');
    end if;
  end if;

  select * into v_before from public.customer_reviews where customer_id = p_customer_id and review_date = v_today;
  insert into public.customer_reviews as r (project_id, customer_id, consultant_id, reviewed_by, review_date, quality,
      grade, objections, advice, decision, next_contact_by, reason)
  values (v_customer.project_id, p_customer_id, v_customer.owner_id, (select auth.uid()), v_today, p_quality,
      p_grade, nullif(trim(p_objections), ''), nullif(trim(p_advice), ''), p_decision,
      case when p_decision = 'keep' then p_next_contact_by end,
      case when p_decision = 'release' then trim(p_reason) end)
  on conflict (customer_id, review_date) do update
     set reviewed_by = excluded.reviewed_by, quality = excluded.quality, grade = excluded.grade,
         objections = excluded.objections, advice = excluded.advice, decision = excluded.decision,
         next_contact_by = excluded.next_contact_by, reason = excluded.reason, updated_at = now()
  returning * into v_row;

  if v_customer.grade is distinct from p_grade then
    update public.customers set grade = p_grade where id = p_customer_id;
  end if;
  if p_decision = 'release' and not private.in_pool(v_customer.owner_id, v_customer.ownership_expires_at) then
    update public.customers set owner_id = null where id = p_customer_id;
    v_released := true;
  end if;

  perform private.audit(case when v_before.id is null then 'customer.review' else 'customer.review_corrected' end,
    'customer_reviews', v_row.id, v_row.project_id,
    case when v_before.id is null then jsonb_build_object('grade', v_customer.grade) else to_jsonb(v_before) - 'updated_at' end,
    to_jsonb(v_row) - 'updated_at' || jsonb_build_object('released_to_pool', v_released));
  if v_customer.owner_id is not null and v_customer.owner_id <> (select auth.uid()) then
    perform private.notify(v_customer.owner_id, v_row.project_id, 'customer_review', jsonb_build_object(
      'customer_id', p_customer_id, 'customer_name', v_customer.name, 'grade', p_grade,
      'decision', p_decision, 'next_contact_by', v_row.next_contact_by, 'advice', v_row.advice,
      'reason', v_row.reason, 'reviewer_name', private.staff_name((select auth.uid()))));
  end if;
  return jsonb_build_object('review_id', v_row.id, 'customer_id', p_customer_id, 'grade', p_grade,
    'decision', p_decision, 'next_contact_by', v_row.next_contact_by, 'released_to_pool', v_released);
end
$$;
comment on function public.review_customer(uuid, text, text, date, text, text, text, text) is
  '客户分析会：经理判定意向、定追访时限，或放弃追访（释放到公客池）';
revoke execute on function public.review_customer(uuid, text, text, date, text, text, text, text) from public, anon;
grant execute on function public.review_customer(uuid, text, text, date, text, text, text, text) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- The deadline set in the meeting comes with no follow-up since: the consultant is reminded once.
-- ---------------------------------------------------------------------------------------------
create function private.remind_review_deadlines(p_now timestamptz)
returns int
language sql security definer set search_path = ''
as $$
  select count(*)::int from (
    select private.remind_once('review_deadline:' || r.id, c.owner_id, c.project_id, 'review_deadline',
             jsonb_build_object('customer_id', c.id, 'customer_name', c.name, 'phone', c.phone,
                                'next_contact_by', r.next_contact_by, 'advice', r.advice)) as sent
      from public.customer_reviews r
      join public.customers c on c.id = r.customer_id
      join public.projects p on p.id = c.project_id
      join public.staff s on s.id = c.owner_id and s.active
     where r.decision = 'keep'
       and r.next_contact_by <= (p_now at time zone p.timezone)::date
       and r.review_date = (select max(x.review_date) from public.customer_reviews x where x.customer_id = r.customer_id)
       and c.owner_id is not null and c.ownership_expires_at > p_now
       and c.status not in ('lost', 'signed')
       and not exists (
         select 1 from public.follow_ups f
          where f.customer_id = c.id and f.created_at >= (r.review_date::timestamp at time zone p.timezone))
  ) x where x.sent
$$;
