-- =============================================================================================
-- 可比楼盘 market surveys (seed greentown-sales-office-manual 第三部分 市场调研; the weekly meeting
-- agenda's 竞争楼盘动态): the sales staff visit competing projects and note what they saw —
-- prices, offers, how fast they sell, their product — so the weekly minutes and the monthly
-- analysis report can say what the competition is doing.
--
-- Any sales staff member of the project (consultants and managers) records a survey; the author
-- corrects their own, managers correct any. Brokers, finance and the channel team read none.
-- =============================================================================================

create table public.market_surveys (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  competitor text not null check (length(trim(competitor)) between 1 and 100),   -- 可比楼盘名称
  location text,                                      -- 地址 / 板块
  survey_date date not null,                          -- 踩盘日期
  surveyed_by uuid not null references public.staff (id),
  avg_price numeric(12, 2) check (avg_price >= 0),    -- 均价（元/㎡）
  price_min numeric(12, 2) check (price_min >= 0),    -- 单价区间下限（元/㎡）
  price_max numeric(12, 2) check (price_max >= 0),    -- 单价区间上限（元/㎡）
  offers text,                                        -- 优惠 / 折扣
  monthly_sales int check (monthly_sales >= 0),       -- 月销套数
  sales_pace text,                                    -- 去化情况（如 一期去化八成）
  product_notes text,                                 -- 产品：户型、面积段、装修、配套
  source text not null default 'visit' check (source in ('visit', 'phone', 'online', 'other')),  -- 信息来源
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (price_min is null or price_max is null or price_min <= price_max),
  -- one record per person, competitor and day: a second tap on "save" does not make a twin
  unique (project_id, surveyed_by, competitor, survey_date)
);
create index market_surveys_project_idx on public.market_surveys (project_id, survey_date desc);
comment on table public.market_surveys is '可比楼盘：竞品踩盘记录（价格、优惠、去化、产品），供周例会纪要与月度分析报告引用';

alter table public.market_surveys enable row level security;
grant select on public.market_surveys to authenticated;
create policy "sales staff read the project's surveys" on public.market_surveys for select to authenticated
  using (project_id in (select private.my_projects(private.sales_roles())));

-- ---------------------------------------------------------------------------------------------
-- save_market_survey: records a survey (p_id null) or corrects one (the author, or a manager).
-- ---------------------------------------------------------------------------------------------
create function public.save_market_survey(
  p_project_id uuid, p_competitor text, p_survey_date date,
  p_avg_price numeric default null, p_price_min numeric default null, p_price_max numeric default null,
  p_offers text default null, p_monthly_sales int default null, p_sales_pace text default null,
  p_product_notes text default null, p_location text default null, p_source text default 'visit',
  p_id uuid default null
)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_before public.market_surveys;
  v_row public.market_surveys;
  v_today date;
  v_competitor text := trim(coalesce(p_competitor, ''));
begin
  perform private.require_role(p_project_id, private.sales_roles());
  v_today := private.project_today(p_project_id);
  if p_id is not null then
    select * into v_before from public.market_surveys where id = p_id and project_id = p_project_id for update;
    if not found then
      perform private.fail('survey_not_found', '踩盘记录不存在', 'Survey not found');
    end if;
    if v_before.surveyed_by <> (select auth.uid()) and not private.has_role(p_project_id, private.manager_roles()) then
      perform private.fail('forbidden', '只有记录人或经理可以修改这条踩盘记录', 'Only the author or a manager may change this survey');
    end if;
  end if;

  if length(v_competitor) = 0 or length(v_competitor) > 100 then
    perform private.fail('competitor_required', '请填写可比楼盘名称（100字以内）', 'Name the competing project (up to 100 characters)');
  end if;
  if p_survey_date is null or p_survey_date > v_today or p_survey_date < v_today - 366 then
    perform private.fail('invalid_survey_date', '踩盘日期须在今天及之前一年内', 'The survey date must be within the past year, not in the future');
  end if;
  if coalesce(p_avg_price, 0) < 0 or coalesce(p_price_min, 0) < 0 or coalesce(p_price_max, 0) < 0
     or p_avg_price <> round(p_avg_price, 2) or p_price_min <> round(p_price_min, 2) or p_price_max <> round(p_price_max, 2)
     or coalesce(p_avg_price, 0) > 10000000 or coalesce(p_price_max, 0) > 10000000 then
    perform private.fail('invalid_price', '价格须为不小于0的金额（元/㎡，精确到分）', 'Prices are non-negative amounts per m², in fen');
  end if;
  if p_price_min > p_price_max then
    perform private.fail('invalid_price_range', '单价区间的下限不能高于上限', 'The lowest price cannot exceed the highest');
  end if;
  if p_avg_price is null and p_price_min is null and p_price_max is null and length(trim(coalesce(p_offers, ''))) = 0 then
    perform private.fail('price_required', '请至少填写均价、单价区间或优惠之一', 'Give the average price, a price range or the offers');
  end if;
  if p_monthly_sales < 0 or p_monthly_sales > 100000 then
    perform private.fail('invalid_monthly_sales', '月销套数须为不小于0的整数', 'Monthly sales must be a whole number, not negative');
  end if;
  if coalesce(p_source, '') not in ('visit', 'phone', 'online', 'other') then
    perform private.fail('invalid_source', '信息来源只能是 实地踩盘 / 电话 / 网络 / 其他', 'The source is visit, phone, online or other');
  end if;
  if exists (
    select 1 from public.market_surveys s
     where s.project_id = p_project_id and s.competitor = v_competitor and s.survey_date = p_survey_date
       and s.surveyed_by = coalesce(v_before.surveyed_by, (select auth.uid())) and s.id is distinct from p_id
  ) then
    perform private.fail('survey_exists', '该日期已登记过这个楼盘的踩盘记录，请修改原记录', 'This competitor already has a survey by this person on that day; edit it instead');
  end if;

  if p_id is null then
    begin
      insert into public.market_surveys (project_id, competitor, location, survey_date, surveyed_by, avg_price, price_min,
          price_max, offers, monthly_sales, sales_pace, product_notes, source)
      values (p_project_id, v_competitor, nullif(trim(p_location), ''), p_survey_date, (select auth.uid()), p_avg_price,
          p_price_min, p_price_max, nullif(trim(p_offers), ''), p_monthly_sales, nullif(trim(p_sales_pace), ''),
          nullif(trim(p_product_notes), ''), p_source)
      returning * into v_row;
    exception when unique_violation then
      -- the same save sent twice at once: the first one wins
      perform private.fail('survey_exists', '该日期已登记过这个楼盘的踩盘记录，请修改原记录', 'This competitor already has a survey by this person on that day; edit it instead');
    end;
  else
    update public.market_surveys
       set competitor = v_competitor, location = nullif(trim(p_location), ''), survey_date = p_survey_date,
           avg_price = p_avg_price, price_min = p_price_min, price_max = p_price_max, offers = nullif(trim(p_offers), ''),
           monthly_sales = p_monthly_sales, sales_pace = nullif(trim(p_sales_pace), ''),
           product_notes = nullif(trim(p_product_notes), ''), source = p_source, updated_at = now()
     where id = p_id
    returning * into v_row;
  end if;

  perform private.audit(case when p_id is null then 'market_survey.create' else 'market_survey.update' end,
    'market_surveys', v_row.id, p_project_id,
    case when p_id is null then null else to_jsonb(v_before) - 'updated_at' - 'created_at' end,
    to_jsonb(v_row) - 'updated_at' - 'created_at');
  return jsonb_build_object('survey_id', v_row.id, 'competitor', v_row.competitor, 'survey_date', v_row.survey_date);
end
$$;
comment on function public.save_market_survey(uuid, text, date, numeric, numeric, numeric, text, int, text, text, text, text, uuid) is
  '登记或修改可比楼盘踩盘记录（本项目销售人员；修改限记录人或经理）';
revoke execute on function public.save_market_survey(uuid, text, date, numeric, numeric, numeric, text, int, text, text, text, text, uuid) from public, anon;
grant execute on function public.save_market_survey(uuid, text, date, numeric, numeric, numeric, text, int, text, text, text, text, uuid) to authenticated;
