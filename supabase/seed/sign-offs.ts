import { DEMO_PROJECT_ID, demoUserId } from "./accounts.ts";

/**
 * Sign-offs for 云栖雅苑: the manager has read (已阅) the consultants' older diary entries with a
 * comment on one, and last month's analysis report was submitted on the 4th, before its deadline;
 * last week's 周例会纪要 was signed by 李经理、王芳、陈磊 (刘婷 and 赵会计's signatures pending —
 * finance does not sign) and submitted by the manager the evening of the meeting; 王芳 reported
 * taking one of her customers to the 样板房 yesterday afternoon, back on time (外出带看报备).
 */
const MANAGER = demoUserId("manager@demo.local");

export function signOffsSql(): string {
  return `
-- 工作笔记批阅: the manager read every consultant's entry older than today.
insert into public.work_diary_reviews (diary_id, reviewed_by, project_id, comment, reviewed_at)
select d.id, '${MANAGER}', d.project_id,
       case when row_number() over (order by d.day desc, d.id) = 1 then '回访记录很细，继续保持；A类客户本周内要约到二次到访' end,
       (d.day + 1)::timestamp at time zone 'Asia/Shanghai' + interval '9 hours'
  from public.work_diaries d
 where d.project_id = '${DEMO_PROJECT_ID}' and d.staff_id <> '${MANAGER}'
   and d.day < (now() at time zone 'Asia/Shanghai')::date;

-- 月度分析报告上报: last month's, on the 4th.
insert into public.monthly_report_submissions (project_id, month, submitted_by, submitted_at, due_on, late)
select '${DEMO_PROJECT_ID}', m, '${MANAGER}', (m + interval '1 month 3 days')::timestamp at time zone 'Asia/Shanghai' + interval '17 hours',
       (m + interval '1 month 4 days')::date, false
  from (select (date_trunc('month', (now() at time zone 'Asia/Shanghai')) - interval '1 month')::date as m) x;

-- 周例会纪要 会签 and 提交: the evening of the meeting (a Sunday, so always in the past).
insert into public.weekly_minutes_signatures (minutes_id, staff_id, project_id, signed_at)
select m.id, s.id, m.project_id, m.held_on::timestamp at time zone 'Asia/Shanghai' + make_interval(hours => 19, mins => n::int * 10)
  from public.weekly_minutes m,
       unnest(array['${MANAGER}', '${demoUserId("consultant1@demo.local")}', '${demoUserId("consultant2@demo.local")}']::uuid[]) with ordinality as s(id, n)
 where m.project_id = '${DEMO_PROJECT_ID}';
insert into public.weekly_minutes_submissions (minutes_id, project_id, submitted_by, submitted_at, due_on, late)
select m.id, m.project_id, '${MANAGER}', m.held_on::timestamp at time zone 'Asia/Shanghai' + interval '21 hours', m.held_on + 2, false
  from public.weekly_minutes m
 where m.project_id = '${DEMO_PROJECT_ID}';

-- 外出带看报备: yesterday 14:00–16:00 (project time), back at 15:50.
insert into public.outings (project_id, customer_id, staff_id, destination, planned_out_at, expected_back_at, returned_at, created_at)
select c.project_id, c.id, c.owner_id, '样板房', d + interval '14 hours', d + interval '16 hours', d + interval '15 hours 50 minutes', d + interval '13 hours 55 minutes'
  from (select * from public.customers where project_id = '${DEMO_PROJECT_ID}' and owner_id = '${demoUserId("consultant1@demo.local")}'
         order by created_at, id limit 1) c,
       (select ((now() at time zone 'Asia/Shanghai')::date - 1)::timestamp at time zone 'Asia/Shanghai' as d) x;
`;
}
