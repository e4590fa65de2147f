-- Pricing as project data: preferential policies (优惠政策), the discount authority matrix
-- (审批权限), and price_buildup() — the one computation of a price that the admin, the bot,
-- discount requests and subscriptions all share. Amounts are numeric(14,2), rounded half-up to
-- the fen after every step; build-ups travel as jsonb with amounts as strings (exact decimals).

-- ---------------------------------------------------------------------------------------------
-- Small shared helpers for the deal functions
-- ---------------------------------------------------------------------------------------------

-- (private.project_today(project) — today in the project's time zone — comes from the reception migration.)

-- The label everyone says and the board shows: building code + room number, e.g. 3-1203.
create function private.unit_label(p_unit_id uuid)
returns text
language sql stable security definer set search_path = ''
as $$
  select b.code || '-' || u.number from public.units u join public.buildings b on b.id = u.building_id where u.id = p_unit_id
$$;

-- Money as an exact string for jsonb payloads ('2856000.00'); null stays null.
create function private.money_text(p_amount numeric)
returns text
language sql immutable set search_path = ''
as $$ select case when p_amount is null then null else round(p_amount, 2)::text end $$;

-- Staff roles that approve (the chain of the authority matrix is made of these).
create function private.approver_roles()
returns public.staff_role[]
language sql immutable set search_path = ''
as $$ select array['sales_manager', 'marketing_director', 'vp', 'gm']::public.staff_role[] $$;

-- ---------------------------------------------------------------------------------------------
-- Preferential policies: a consultant may apply them without approval.
-- ---------------------------------------------------------------------------------------------

create table public.policies (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  name text not null check (length(trim(name)) > 0),          -- 一次性付款98折, 按揭99折, 老带新优惠1%
  kind text not null check (kind in ('factor', 'amount')),     -- factor: price × value; amount: price − value
  value numeric(14, 4) not null,
  -- Stackable policies combine with anything; at most one non-stackable policy per deal
  -- (一次性付款 and 按揭 exclude each other, 老带新 stacks on either).
  stackable boolean not null default false,
  active boolean not null default true,
  sort int not null default 0,                                 -- order of application in the build-up
  note text,
  created_at timestamptz not null default now(),
  unique (project_id, name),
  check (
    (kind = 'factor' and value > 0 and value <= 1)
    or (kind = 'amount' and value > 0 and value = round(value, 2))
  )
);
comment on table public.policies is '优惠政策：顾问可直接使用、无需审批的标准优惠';
create index policies_project_idx on public.policies (project_id, sort);

create trigger policies_audit after insert or update or delete on public.policies
  for each row execute function private.audit_row_change();   -- from the channel tables migration

-- ---------------------------------------------------------------------------------------------
-- Authority matrix: by depth of the special discount beyond policies, who approves, in order.
-- ---------------------------------------------------------------------------------------------

create table public.approval_rules (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  -- Up to this depth (percent of the price after policies) this rule applies; null = no limit.
  max_depth_pct numeric(5, 2) check (max_depth_pct is null or (max_depth_pct > 0 and max_depth_pct <= 100)),
  chain public.staff_role[] not null check (
    cardinality(chain) between 1 and 8
    and chain <@ array['sales_manager', 'marketing_director', 'vp', 'gm']::public.staff_role[]
  ),
  created_at timestamptz not null default now(),
  unique nulls not distinct (project_id, max_depth_pct)
);
comment on table public.approval_rules is '审批权限矩阵：特殊优惠幅度 → 审批链';

-- Every project starts with the usual matrix (审批权限): ≤2% sales manager; ≤5% + marketing
-- director; ≤8% + VP; beyond + GM. Admins change it with set_approval_matrix.
create function private.default_approval_matrix(p_project_id uuid)
returns void
language sql security definer set search_path = ''
as $$
  insert into public.approval_rules (project_id, max_depth_pct, chain)
  values (p_project_id, 2, '{sales_manager}'),
         (p_project_id, 5, '{sales_manager,marketing_director}'),
         (p_project_id, 8, '{sales_manager,marketing_director,vp}'),
         (p_project_id, null, '{sales_manager,marketing_director,vp,gm}')
  on conflict do nothing
$$;

create function private.projects_default_matrix()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.default_approval_matrix(new.id);
  return null;
end
$$;
create trigger projects_default_matrix after insert on public.projects
  for each row execute function private.projects_default_matrix();
select private.default_approval_matrix(id) from public.projects;

-- The chain for a depth: the narrowest rule covering it; null when beyond every rule.
create function private.approval_chain(p_project_id uuid, p_depth_pct numeric)
returns public.staff_role[]
language sql stable security definer set search_path = ''
as $$
  select r.chain
    from public.approval_rules r
   where r.project_id = p_project_id and (r.max_depth_pct is null or r.max_depth_pct >= p_depth_pct)
   order by r.max_depth_pct asc nulls last
   limit 1
$$;

/*
  Replace a project's matrix in one go (admin). p_rules: [{max_depth_pct: 2, chain: ["sales_manager"]},
  …, {max_depth_pct: null, chain: [… "gm"]}] — depths strictly ascending, only the last may be
  open-ended, every chain non-empty, made of approver roles, no role twice.
*/
create function public.set_approval_matrix(p_project_id uuid, p_rules jsonb)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_before jsonb;
  v_after jsonb;
  v_rule jsonb;
  v_depth numeric;
  v_prev numeric;
  v_chain public.staff_role[];
  v_index int := 0;
  v_count int;
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if not private.is_admin() then
    perform private.fail('forbidden', '只有系统管理员可以修改审批权限', 'Only an administrator may change the authority matrix');
  end if;
  if not exists (select 1 from public.projects where id = p_project_id) then
    perform private.fail('project_not_found', '项目不存在', 'Project not found');
  end if;
  if p_rules is null or jsonb_typeof(p_rules) <> 'array' or jsonb_array_length(p_rules) = 0 then
    perform private.fail('matrix_invalid', '审批权限至少需要一条规则', 'The matrix needs at least one rule');
  end if;

  v_count := jsonb_array_length(p_rules);
  for v_rule in select value from jsonb_array_elements(p_rules) loop
    v_index := v_index + 1;
    begin
      v_depth := nullif(v_rule ->> 'max_depth_pct', '')::numeric;
      select array_agg(x::public.staff_role) into v_chain from jsonb_array_elements_text(v_rule -> 'chain') x;
    exception when others then
      perform private.fail('matrix_invalid', format('第%s条规则格式不正确', v_index), format('Rule %s is malformed', v_index));
    end;
    if v_depth is null and v_index < v_count then
      perform private.fail('matrix_invalid', '只有最后一条规则可以不设上限', 'Only the last rule may be open-ended');
    end if;
    if v_depth is not null and (v_depth <= 0 or v_depth > 100 or v_depth <> round(v_depth, 2)) then
      perform private.fail('matrix_invalid', format('第%s条规则的幅度必须在0到100之间（最多两位小数）', v_index),
        format('Rule %s: depth must be within (0, 100] with at most two decimals', v_index));
    end if;
    if v_depth is not null and v_prev is not null and v_depth <= v_prev then
      perform private.fail('matrix_invalid', '规则的幅度必须从小到大递增', 'Depths must be strictly ascending');
    end if;
    if v_chain is null or cardinality(v_chain) = 0 then
      perform private.fail('matrix_invalid', format('第%s条规则的审批链不能为空', v_index), format('Rule %s: the chain is empty', v_index));
    end if;
    if not v_chain <@ private.approver_roles() then
      perform private.fail('matrix_invalid', '审批链只能由销售经理、营销部长、主管副总、总经理组成',
        'A chain is made of sales_manager, marketing_director, vp, gm');
    end if;
    if cardinality(v_chain) <> (select count(distinct r) from unnest(v_chain) r) then
      perform private.fail('matrix_invalid', format('第%s条规则的审批链有重复角色', v_index), format('Rule %s: a role appears twice', v_index));
    end if;
    v_prev := v_depth;
  end loop;

  select jsonb_agg(jsonb_build_object('max_depth_pct', max_depth_pct, 'chain', chain) order by max_depth_pct nulls last)
    into v_before from public.approval_rules where project_id = p_project_id;
  delete from public.approval_rules where project_id = p_project_id;
  insert into public.approval_rules (project_id, max_depth_pct, chain)
  select p_project_id, nullif(r ->> 'max_depth_pct', '')::numeric,
         (select array_agg(x::public.staff_role) from jsonb_array_elements_text(r -> 'chain') x)
    from jsonb_array_elements(p_rules) r;
  select jsonb_agg(jsonb_build_object('max_depth_pct', max_depth_pct, 'chain', chain) order by max_depth_pct nulls last)
    into v_after from public.approval_rules where project_id = p_project_id;

  perform private.audit('approval_matrix.set', 'approval_rules', null, p_project_id, v_before, v_after);
  return jsonb_build_object('project_id', p_project_id, 'rules', v_after);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- The price build-up
-- ---------------------------------------------------------------------------------------------

/*
  List price → each chosen policy in the project's order (rounded to the fen after each step) →
  price after policies → the requested price, the special discount beyond policies, its depth
  (percent of the price after policies, 2 decimals half-up) and the approval chain for it.
  No caller check here: the public wrapper and the deal functions check who may see it.
*/
create function private.compute_buildup(
  p_project_id uuid, p_list_price numeric, p_policy_ids uuid[], p_requested_price numeric
)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_ids uuid[] := coalesce(p_policy_ids, '{}');
  v_price numeric(14, 2) := p_list_price;
  v_steps jsonb := '[]'::jsonb;
  v_policies jsonb := '[]'::jsonb;
  v_special numeric(14, 2) := 0;
  v_depth numeric(7, 2) := 0;
  v_chain public.staff_role[] := '{}';
  p record;
begin
  if array_position(v_ids, null) is not null
     or cardinality(v_ids) <> (select count(distinct x) from unnest(v_ids) x) then
    perform private.fail('policy_not_applicable', '优惠政策重复或为空', 'A policy is empty or chosen twice');
  end if;
  if (select count(*) from public.policies where id = any (v_ids) and project_id = p_project_id and active) <> cardinality(v_ids) then
    perform private.fail('policy_not_applicable', '所选优惠政策不存在、已停用或不属于本项目',
      'A chosen policy does not exist, is inactive or belongs to another project');
  end if;
  if (select count(*) from public.policies where id = any (v_ids) and not stackable) > 1 then
    perform private.fail('policies_not_stackable', '所选优惠政策不可叠加使用', 'These policies cannot be combined');
  end if;

  for p in select * from public.policies where id = any (v_ids) order by sort, name, id loop
    if p.kind = 'factor' then
      v_price := round(v_price * p.value, 2);
    else
      v_price := v_price - p.value;
    end if;
    if v_price <= 0 then
      perform private.fail('invalid_price', '优惠后价格必须大于零', 'The price after policies must be positive');
    end if;
    v_steps := v_steps || jsonb_strip_nulls(jsonb_build_object(
      'policy_id', p.id, 'policy', p.name, 'kind', p.kind,
      'factor', case when p.kind = 'factor' then rtrim(rtrim(p.value::text, '0'), '.') end,
      'amount', case when p.kind = 'amount' then private.money_text(p.value) end,
      'price_after', private.money_text(v_price)
    ));
    v_policies := v_policies || jsonb_build_object('id', p.id, 'name', p.name);
  end loop;

  if p_requested_price is not null then
    if p_requested_price <= 0 or p_requested_price <> round(p_requested_price, 2) then
      perform private.fail('invalid_price', '申请价格必须大于零且最多精确到分', 'The requested price must be positive, in fen');
    end if;
    if p_requested_price > v_price then
      perform private.fail('invalid_price', '申请价格高于优惠后价格，无需特殊优惠',
        'The requested price is above the price after policies');
    end if;
    v_special := v_price - p_requested_price;
    v_depth := round(v_special / v_price * 100, 2);
    if v_special > 0 then
      -- A discount of less than 0.005% still needs someone's approval.
      v_chain := private.approval_chain(p_project_id, greatest(v_depth, 0.01));
    end if;
  end if;

  return jsonb_build_object(
    'list_price', private.money_text(p_list_price),
    'steps', v_steps,
    'policies', v_policies,
    'price_after_policies', private.money_text(v_price),
    'requested_price', private.money_text(p_requested_price),
    'special_discount_amount', private.money_text(v_special),
    'depth_pct', v_depth::text,
    'final_price', private.money_text(coalesce(p_requested_price, v_price)),
    'total_discount_amount', private.money_text(p_list_price - coalesce(p_requested_price, v_price)),
    'needs_approval', v_special > 0,
    'beyond_authority', v_special > 0 and v_chain is null,
    'chain', to_jsonb(v_chain)
  );
end
$$;

/*
  What the admin and the bot show before anything is submitted: the build-up for a unit, the
  chosen policies and an optional requested price, with the approval chain it would need.
  Readable by the project's staff (brokers excluded).
*/
create function public.price_buildup(p_unit_id uuid, p_policy_ids uuid[] default '{}', p_requested_price numeric default null)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_unit public.units;
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  select * into v_unit from public.units where id = p_unit_id;
  if not found then
    perform private.fail('unit_not_found', '房源不存在', 'Unit not found');
  end if;
  if not (private.is_member(v_unit.project_id) or private.is_admin()) then
    perform private.fail('forbidden', '您没有权限查看该项目的价格', 'You may not see prices of this project');
  end if;
  return jsonb_build_object('unit_id', v_unit.id, 'unit_label', private.unit_label(v_unit.id), 'project_id', v_unit.project_id)
         || private.compute_buildup(v_unit.project_id, v_unit.list_price, p_policy_ids, p_requested_price);
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Row-level security
-- ---------------------------------------------------------------------------------------------

alter table public.policies enable row level security;
alter table public.approval_rules enable row level security;

create policy "project staff read policies" on public.policies for select to authenticated
  using (private.is_member(project_id) or (select private.is_admin()));
create policy "admins add policies" on public.policies for insert to authenticated
  with check ((select private.is_admin()));
create policy "admins edit policies" on public.policies for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete policies" on public.policies for delete to authenticated
  using ((select private.is_admin()));

-- The matrix changes only through set_approval_matrix (validated as a whole).
create policy "project staff read the matrix" on public.approval_rules for select to authenticated
  using (private.is_member(project_id) or (select private.is_admin()));
revoke insert, update, delete, truncate on public.approval_rules from anon, authenticated;

revoke all on public.policies, public.approval_rules from anon;
revoke execute on function public.set_approval_matrix(uuid, jsonb), public.price_buildup(uuid, uuid[], numeric) from anon, public;
grant execute on function public.set_approval_matrix(uuid, jsonb), public.price_buildup(uuid, uuid[], numeric) to authenticated;

-- Internal steps of the functions above: not for callers (PostgREST does not expose private anyway).
revoke execute on function private.default_approval_matrix(uuid) from public, anon, authenticated;
revoke execute on function private.projects_default_matrix() from public, anon, authenticated;
revoke execute on function private.compute_buildup(uuid, numeric, uuid[], numeric) from public, anon, authenticated;
