import { DEMO_PROJECT_ID, demoUserId } from "./accounts.ts";
import { sqlText } from "./random.ts";

/**
 * Yesterday's 客户分析会 for 云栖雅苑: the manager judged some of the consultants' customers who
 * are still being followed — a grade, the objections, advice and a deadline. The first one's
 * deadline is today, so today's meeting lists it again until the consultant follows up.
 */

const MANAGER = demoUserId("manager@demo.local");
const TODAY = "(now() at time zone 'Asia/Shanghai')::date";

const REVIEWS: { grade: string; quality: string; objections: string; advice: string; dueDays: number }[] = [
  { grade: "A", quality: "good", objections: "总价超出预算约20万", advice: "推荐分期付款方案，今天电话约周末二次到访", dueDays: 0 },
  { grade: "B", quality: "fair", objections: "担心学区划分", advice: "整理学区政策资料发给客户，约看样板间", dueDays: 2 },
  { grade: "A", quality: "good", objections: "家人意见不统一", advice: "约客户与父母一起来，重点讲南向户型采光", dueDays: 1 },
  { grade: "C", quality: "poor", objections: "对比隔壁楼盘价格", advice: "首访介绍不充分，下次由经理陪同讲解", dueDays: 3 },
  { grade: "B", quality: "fair", objections: "等年底优惠", advice: "说明加推房源价格只升不降，强调现房少", dueDays: 5 },
];

export function reviewsSql(): string {
  const values = REVIEWS.map(
    (r, i) => `(${i + 1}, ${sqlText(r.grade)}, ${sqlText(r.quality)}, ${sqlText(r.objections)}, ${sqlText(r.advice)}, ${r.dueDays})`,
  ).join(",\n  ");
  return `
-- 客户分析会: yesterday's reviews of customers still being followed.
with picked as (
  select c.id, c.owner_id, row_number() over (order by c.created_at, c.id) as n
    from public.customers c
   where c.project_id = '${DEMO_PROJECT_ID}' and c.owner_id is not null and c.status in ('new', 'following')
   limit ${REVIEWS.length}
), texts (n, grade, quality, objections, advice, due_days) as (values
  ${values}
)
insert into public.customer_reviews (project_id, customer_id, consultant_id, reviewed_by, review_date, quality, grade,
  objections, advice, decision, next_contact_by, created_at)
select '${DEMO_PROJECT_ID}', p.id, p.owner_id, '${MANAGER}', ${TODAY} - 1, t.quality, t.grade, t.objections, t.advice,
       'keep', ${TODAY} + t.due_days, now() - interval '1 day'
  from picked p join texts t on t.n = p.n;
`;
}
