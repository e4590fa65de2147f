import { DEMO_PROJECT_ID, demoUserId } from "./accounts.ts";
import { sqlText } from "./random.ts";

/**
 * 可比楼盘 and 准客户名录 for 云栖雅苑: the consultants' visits to three competing projects over the
 * last weeks (this week's show in the weekly minutes, this month's in the monthly report), and a
 * few key prospects marked by their consultants with a reason.
 */

const TODAY = "(now() at time zone 'Asia/Shanghai')::date";
const c = (n: number) => demoUserId(`consultant${n}@demo.local`);

const SURVEYS: {
  competitor: string; location: string; daysAgo: number; by: string; avg: string; min: string; max: string;
  offers: string; sales: number; pace: string; product: string; source: string;
}[] = [
  { competitor: "滨江·春语江南", location: "余杭区未来科技城文一西路", daysAgo: 1, by: c(1), avg: "38500.00", min: "36000.00", max: "42000.00",
    offers: "总价97折，首付可分两期", sales: 45, pace: "二期去化约七成", product: "89–143㎡三至四房，精装交付", source: "visit" },
  { competitor: "万科·未来之光", location: "余杭区良渚", daysAgo: 3, by: c(2), avg: "35200.00", min: "33000.00", max: "37800.00",
    offers: "认购送车位使用权两年", sales: 32, pace: "首开去化五成，加推放缓", product: "98–125㎡三房，毛坯", source: "visit" },
  { competitor: "绿城·桂语朝阳", location: "余杭区仓前", daysAgo: 9, by: c(3), avg: "40800.00", min: "39000.00", max: "44500.00",
    offers: "老带新各奖物业费一年", sales: 28, pace: "剩余高楼层，去化九成", product: "120–160㎡改善，精装", source: "phone" },
  { competitor: "滨江·春语江南", location: "余杭区未来科技城文一西路", daysAgo: 16, by: c(1), avg: "38800.00", min: "36500.00", max: "42000.00",
    offers: "总价98折", sales: 51, pace: "二期去化约六成", product: "89–143㎡三至四房，精装交付", source: "visit" },
];

const PROSPECTS: { by: string; reason: string; daysAgo: number }[] = [
  { by: c(1), reason: "预算充足，意向南向三房，已看样板间两次", daysAgo: 3 },
  { by: c(2), reason: "改善型客户，等老房出售后付首付", daysAgo: 2 },
  { by: c(3), reason: "已交诚意金，家人周末来定户型", daysAgo: 1 },
];

export function surveysSql(): string {
  const surveys = SURVEYS.map(
    (s) =>
      `('${DEMO_PROJECT_ID}', ${sqlText(s.competitor)}, ${sqlText(s.location)}, ${TODAY} - ${s.daysAgo}, '${s.by}', ${s.avg}, ${s.min}, ${s.max}, ` +
      `${sqlText(s.offers)}, ${s.sales}, ${sqlText(s.pace)}, ${sqlText(s.product)}, '${s.source}')`,
  ).join(",\n  ");
  const prospects = PROSPECTS.map((p) => `('${p.by}', ${sqlText(p.reason)}, ${p.daysAgo})`).join(",\n  ");
  return `
-- 可比楼盘: the consultants' visits to competing projects.
insert into public.market_surveys (project_id, competitor, location, survey_date, surveyed_by, avg_price, price_min, price_max,
  offers, monthly_sales, sales_pace, product_notes, source) values
  ${surveys};

-- 准客户名录: each consultant's first customer still being followed, marked by them.
with marks (by_id, reason, days_ago) as (values
  ${prospects}
), picked as (
  select c.id, c.owner_id, row_number() over (partition by c.owner_id order by c.created_at, c.id) as k
    from public.customers c
   where c.project_id = '${DEMO_PROJECT_ID}' and c.status in ('new', 'following')
)
insert into public.key_prospects (project_id, customer_id, reason, marked_by, marked_at)
select '${DEMO_PROJECT_ID}', p.id, m.reason, m.by_id::uuid, now() - make_interval(days => m.days_ago)
  from marks m join picked p on p.owner_id = m.by_id::uuid and p.k = 1;
`;
}
