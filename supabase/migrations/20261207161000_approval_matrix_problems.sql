-- The authority matrix's rules checked in one place: approval_matrix_problems() lists every problem
-- of a matrix being edited (the admin form marks each row before saving), and set_approval_matrix
-- refuses with the first of the same list.

/*
  Every problem of a matrix as [{index, field, key, message, hint}]: index is the rule's position
  from 0 (-1 for the whole matrix), field 'max_depth_pct' or 'chain' (null for the whole matrix),
  key one of empty, malformed, openNotLast, depthRange, ascending, chainEmpty, chainRoles,
  chainDuplicate; message in zh-CN, hint in English. [] when the matrix may be saved.
*/
create function private.approval_matrix_problems(p_rules jsonb)
returns jsonb
language plpgsql stable set search_path = ''
as $$
declare
  v_problems jsonb := '[]';
  v_rule jsonb;
  v_depth numeric;
  v_prev numeric;
  v_chain public.staff_role[];
  v_index int := 0;
  v_count int;
  v_malformed boolean;
begin
  if p_rules is null or jsonb_typeof(p_rules) <> 'array' or jsonb_array_length(p_rules) = 0 then
    return jsonb_build_array(jsonb_build_object('index', -1, 'field', null, 'key', 'empty',
      'message', '审批权限至少需要一条规则', 'hint', 'The matrix needs at least one rule'));
  end if;

  v_count := jsonb_array_length(p_rules);
  for v_rule in select value from jsonb_array_elements(p_rules) loop
    v_index := v_index + 1;
    v_malformed := false;
    begin
      v_depth := nullif(v_rule ->> 'max_depth_pct', '')::numeric;
      select array_agg(x::public.staff_role) into v_chain from jsonb_array_elements_text(v_rule -> 'chain') x;
    exception when others then
      v_malformed := true;
    end;
    if v_malformed then
      v_problems := v_problems || jsonb_build_object('index', v_index - 1, 'field', null, 'key', 'malformed',
        'message', format('第%s条规则格式不正确', v_index), 'hint', format('Rule %s is malformed', v_index));
      continue;
    end if;
    if v_depth is null and v_index < v_count then
      v_problems := v_problems || jsonb_build_object('index', v_index - 1, 'field', 'max_depth_pct', 'key', 'openNotLast',
        'message', '只有最后一条规则可以不设上限', 'hint', 'Only the last rule may be open-ended');
    elsif v_depth is not null and (v_depth <= 0 or v_depth > 100 or v_depth <> round(v_depth, 2)) then
      v_problems := v_problems || jsonb_build_object('index', v_index - 1, 'field', 'max_depth_pct', 'key', 'depthRange',
        'message', format('第%s条规则的幅度必须在0到100之间（最多两位小数）', v_index),
        'hint', format('Rule %s: depth must be within (0, 100] with at most two decimals', v_index));
    elsif v_depth is not null and v_prev is not null and v_depth <= v_prev then
      v_problems := v_problems || jsonb_build_object('index', v_index - 1, 'field', 'max_depth_pct', 'key', 'ascending',
        'message', '规则的幅度必须从小到大递增', 'hint', 'Depths must be strictly ascending');
    end if;
    if v_chain is null or cardinality(v_chain) = 0 then
      v_problems := v_problems || jsonb_build_object('index', v_index - 1, 'field', 'chain', 'key', 'chainEmpty',
        'message', format('第%s条规则的审批链不能为空', v_index), 'hint', format('Rule %s: the chain is empty', v_index));
    elsif not v_chain <@ private.approver_roles() then
      v_problems := v_problems || jsonb_build_object('index', v_index - 1, 'field', 'chain', 'key', 'chainRoles',
        'message', '审批链只能由销售经理、营销部长、主管副总、总经理组成',
        'hint', 'A chain is made of sales_manager, marketing_director, vp, gm');
    elsif cardinality(v_chain) <> (select count(distinct r) from unnest(v_chain) r) then
      v_problems := v_problems || jsonb_build_object('index', v_index - 1, 'field', 'chain', 'key', 'chainDuplicate',
        'message', format('第%s条规则的审批链有重复角色', v_index), 'hint', format('Rule %s: a role appears twice', v_index));
    end if;
    if v_depth is not null and (v_prev is null or v_depth > v_prev) then
      v_prev := v_depth;
    end if;
  end loop;
  return v_problems;
end
$$;
revoke execute on function private.approval_matrix_problems(jsonb) from public, anon, authenticated;

-- The check the admin form asks before saving; it reads nothing and changes nothing.
create function public.approval_matrix_problems(p_rules jsonb)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  return private.approval_matrix_problems(p_rules);
end
$$;
comment on function public.approval_matrix_problems(jsonb) is '审批权限矩阵的问题清单（保存前检查，不改动数据）';
revoke execute on function public.approval_matrix_problems(jsonb) from public, anon;
grant execute on function public.approval_matrix_problems(jsonb) to authenticated;

-- set_approval_matrix: as in 20261123060000_pricing, refusing with the first problem of the list above,
-- and for the administrators of this project only (as every other project setting).
create or replace function public.set_approval_matrix(p_project_id uuid, p_rules jsonb)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_before jsonb;
  v_after jsonb;
  v_problem jsonb;
begin
  if (select auth.uid()) is null then
    perform private.fail('not_signed_in', '请先登录', 'Please sign in first');
  end if;
  if not exists (select 1 from public.projects where id = p_project_id) then
    perform private.fail('project_not_found', '项目不存在', 'Project not found');
  end if;
  if not private.is_admin(p_project_id) then
    perform private.fail('forbidden', '只有本项目的系统管理员可以修改审批权限', 'Only an administrator of this project may change the authority matrix');
  end if;
  v_problem := private.approval_matrix_problems(p_rules) -> 0;
  if v_problem is not null then
    perform private.fail('matrix_invalid', v_problem ->> 'message', v_problem ->> 'hint');
  end if;

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
