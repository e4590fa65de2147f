-- =============================================================================================
-- 准客户名录 (seed sales-office-workflow-and-standards: the 营销主管 keeps the list of key
-- prospects): a customer is marked 重点客户 with a reason, by whom and when, and later unmarked
-- with a reason. The supervisor's list shows each prospect's status, consultant, last contact and
-- the next deadline (追访时限 from the 客户分析会, or the date the consultant set in a follow-up).
--
-- The owning consultant or the project's managers mark and unmark; a mark is never deleted, so
-- the list's history stays readable. Brokers, finance and the channel team read none.
-- =============================================================================================

create table public.key_prospects (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  customer_id uuid not null references public.customers (id) on delete cascade,
  reason text not null check (length(trim(reason)) > 0),   -- 列为重点客户的原因
  marked_by uuid not null references public.staff (id),
  marked_at timestamptz not null default now(),
  unmarked_by uuid references public.staff (id),
  unmarked_at timestamptz,
  unmark_reason text,                                        -- 移出名录的原因
  check ((unmarked_at is null) = (unmarked_by is null)),
  check (unmarked_at is null or length(trim(coalesce(unmark_reason, ''))) > 0)
);
-- a customer is on the list at most once at a time
create unique index key_prospects_current_idx on public.key_prospects (customer_id) where unmarked_at is null;
create index key_prospects_project_idx on public.key_prospects (project_id, marked_at desc);
comment on table public.key_prospects is '准客户名录：重点客户的标记与移出（原因、操作人、时间）';

alter table public.key_prospects enable row level security;
grant select on public.key_prospects to authenticated;
create policy "managers read the project's key prospects" on public.key_prospects for select to authenticated
  using (project_id in (select private.my_projects(private.manager_roles())));
create policy "consultants read marks on their customers" on public.key_prospects for select to authenticated
  using (exists (select 1 from public.customers c where c.id = customer_id and c.owner_id = (select auth.uid())));

-- The customer, locked, when the caller is a manager of its project or its consultant; else refuse.
create function private.key_prospect_customer(p_customer_id uuid)
returns public.customers
language plpgsql security definer set search_path = ''
as $$
declare
  v_customer public.customers;
begin
  select * into v_customer from public.customers where id = p_customer_id;
  if not found then
    perform private.fail('customer_not_found', '客户不存在', 'Customer not found');
  end if;
  perform private.require_role(v_customer.project_id, private.sales_roles());
  select * into v_customer from public.customers where id = p_customer_id for update;
  if not private.has_role(v_customer.project_id, private.manager_roles())
     and (v_customer.owner_id is distinct from (select auth.uid())
          or private.in_pool(v_customer.owner_id, v_customer.ownership_expires_at)) then
    perform private.fail('forbidden', '只有客户的置业顾问或经理可以调整准客户名录', 'Only the customer''s consultant or a manager may change the key prospect list');
  end if;
  return v_customer;
end
$$;
revoke execute on function private.key_prospect_customer(uuid) from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- mark_key_prospect / unmark_key_prospect: each with a reason, audited.
-- ---------------------------------------------------------------------------------------------
create function public.mark_key_prospect(p_customer_id uuid, p_reason text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_customer public.customers := private.key_prospect_customer(p_customer_id);
  v_row public.key_prospects;
begin
  if length(trim(coalesce(p_reason, ''))) = 0 or length(trim(p_reason)) > 500 then
    perform private.fail('reason_required', '请说明列为重点客户的原因（500字以内）', 'Say why this customer is a key prospect (up to 500 characters)');
  end if;
  if v_customer.status in ('lost', 'signed') then
    perform private.fail('customer_closed', '客户已签约或已流失，不能列为重点客户', 'The customer has signed or is lost');
  end if;
  if exists (select 1 from public.key_prospects k where k.customer_id = p_customer_id and k.unmarked_at is null) then
    perform private.fail('already_key_prospect', '该客户已在准客户名录中', 'The customer is already a key prospect');
  end if;
  insert into public.key_prospects (project_id, customer_id, reason, marked_by)
  values (v_customer.project_id, p_customer_id, trim(p_reason), (select auth.uid()))
  returning * into v_row;
  perform private.audit('key_prospect.mark', 'key_prospects', v_row.id, v_row.project_id, null, to_jsonb(v_row));
  return jsonb_build_object('key_prospect_id', v_row.id, 'customer_id', p_customer_id, 'marked_at', v_row.marked_at);
end
$$;
comment on function public.mark_key_prospect(uuid, text) is '列为重点客户（准客户名录；客户的置业顾问或经理）';

create function public.unmark_key_prospect(p_customer_id uuid, p_reason text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_customer public.customers := private.key_prospect_customer(p_customer_id);
  v_before public.key_prospects;
  v_row public.key_prospects;
begin
  if length(trim(coalesce(p_reason, ''))) = 0 or length(trim(p_reason)) > 500 then
    perform private.fail('reason_required', '请说明移出准客户名录的原因（500字以内）', 'Say why the customer leaves the key prospect list (up to 500 characters)');
  end if;
  select * into v_before from public.key_prospects k where k.customer_id = p_customer_id and k.unmarked_at is null for update;
  if not found then
    perform private.fail('not_key_prospect', '该客户不在准客户名录中', 'The customer is not a key prospect');
  end if;
  update public.key_prospects
     set unmarked_by = (select auth.uid()), unmarked_at = now(), unmark_reason = trim(p_reason)
   where id = v_before.id
  returning * into v_row;
  perform private.audit('key_prospect.unmark', 'key_prospects', v_row.id, v_row.project_id, to_jsonb(v_before), to_jsonb(v_row));
  return jsonb_build_object('key_prospect_id', v_row.id, 'customer_id', v_customer.id, 'unmarked_at', v_row.unmarked_at);
end
$$;
comment on function public.unmark_key_prospect(uuid, text) is '移出准客户名录（须说明原因）';

-- ---------------------------------------------------------------------------------------------
-- key_prospect_list: the current list for the supervisor — managers all, a consultant their own
-- customers — with status, consultant, last contact (follow-up or visit) and the next deadline:
-- whichever was set last of the 客户分析会's 追访时限 and the follow-up's 下次跟进日期.
-- ---------------------------------------------------------------------------------------------
create function public.key_prospect_list(p_project_id uuid)
returns table (
  key_prospect_id uuid, customer_id uuid, customer_name text, phone text, status public.customer_status, grade text,
  consultant_id uuid, consultant_name text, in_pool boolean,
  reason text, marked_by_name text, marked_at timestamptz,
  last_contact_at timestamptz, last_contact text, next_deadline date, overdue boolean
)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  v_manager boolean;
  v_today date;
  v_tz text;
begin
  perform private.require_role(p_project_id, private.sales_roles());
  v_manager := private.has_role(p_project_id, private.manager_roles());
  v_today := private.project_today(p_project_id);
  select p.timezone into v_tz from public.projects p where p.id = p_project_id;
  return query
  select k.id, c.id, c.name, c.phone, c.status, c.grade,
         c.owner_id, private.staff_name(c.owner_id), private.in_pool(c.owner_id, c.ownership_expires_at),
         k.reason, private.staff_name(k.marked_by), k.marked_at,
         lc.at, lc.what, nd.deadline,
         nd.deadline < v_today and (lc.at is null or lc.at < (nd.deadline::timestamp at time zone v_tz))
    from public.key_prospects k
    join public.customers c on c.id = k.customer_id
    left join lateral (
      select x.at, x.what from (
        select f.created_at as at, f.content as what from public.follow_ups f where f.customer_id = c.id
        union all
        select v.visited_at, coalesce('到访：' || v.notes, '到访') from public.visits v where v.customer_id = c.id
      ) x order by x.at desc limit 1
    ) lc on true
    left join lateral (
      select d.deadline from (
        select r.next_contact_by as deadline, (r.review_date::timestamp at time zone v_tz) as set_at
          from public.customer_reviews r
         where r.customer_id = c.id and r.decision = 'keep'
           and r.review_date = (select max(x.review_date) from public.customer_reviews x where x.customer_id = c.id)
        union all
        select f.next_date, f.created_at from public.follow_ups f
         where f.customer_id = c.id and f.next_date is not null
      ) d order by d.set_at desc limit 1
    ) nd on true
   where k.project_id = p_project_id and k.unmarked_at is null
     and (v_manager or c.owner_id = (select auth.uid()))
   order by nd.deadline nulls last, k.marked_at;
end
$$;
comment on function public.key_prospect_list(uuid) is '准客户名录：当前重点客户及其状态、顾问、最近联系与下一追访时限';

revoke execute on function public.mark_key_prospect(uuid, text), public.unmark_key_prospect(uuid, text),
  public.key_prospect_list(uuid) from public, anon;
grant execute on function public.mark_key_prospect(uuid, text), public.unmark_key_prospect(uuid, text),
  public.key_prospect_list(uuid) to authenticated;
