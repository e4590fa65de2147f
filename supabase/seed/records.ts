import { DEMO_PROJECT_ID, demoUserId } from "./accounts.ts";
import { demoId, sqlText } from "./random.ts";

/**
 * The sales office's own records for 云栖雅苑: this week's duty roster (排班), the last three
 * morning meetings (晨会), last week's meeting minutes (周例会纪要, with that week's numbers as the
 * database computes them and the items the meeting decided), duty log entries (值班记录) and work
 * diaries (工作笔记). Dates are relative to today in the project's time zone. Runs after the
 * deals seed so the minutes' numbers include the deals.
 */

const P = DEMO_PROJECT_ID;
const C1 = demoUserId("consultant1@demo.local");
const C2 = demoUserId("consultant2@demo.local");
const C3 = demoUserId("consultant3@demo.local");
const MANAGER = demoUserId("manager@demo.local");
const FINANCE = demoUserId("finance@demo.local");

const TODAY = "(now() at time zone 'Asia/Shanghai')::date";
/** Monday of this week (ISO), plus `days`. */
const weekDay = (days: number) => `(date_trunc('week', ${TODAY})::date ${days < 0 ? "-" : "+"} ${Math.abs(days)})`;
const daysAgo = (days: number) => `(${TODAY} - ${days})`;

type Shift = "early" | "late" | "full";
/** This week, Monday to Sunday: two consultants on each shift, the manager on duty most days. */
const ROSTER: [string, Shift[], string][] = [
  [C1, ["early", "late", "early", "late", "early", "full", "late"], "前台接待"],
  [C2, ["late", "early", "late", "early", "late", "early", "full"], "前台接待"],
  [C3, ["early", "early", "late", "late", "early", "full", "full"], "样板间讲解"],
  [MANAGER, ["full", "full", "full", "full", "full", "full", "early"], "值班经理"],
];
const REST_DAY: Record<string, number> = { [C1]: 3, [C2]: 1, [C3]: 2, [MANAGER]: 6 };

const MEETINGS: { daysAgo: number; attendance: string; content: string; targets: string }[] = [
  {
    daysAgo: 2,
    attendance: "应到5人，实到5人",
    content: "1. 通报昨日来访12组、来电6个，认购1套；\n2. 提醒周末客流高峰，样板间保洁和水吧物料提前到位；\n3. 强调接待礼仪：客户进门30秒内必须有人迎接。",
    targets: "今日目标：来访15组，认购1套。王芳、陈磊前台接待，刘婷负责样板间讲解。",
  },
  {
    daysAgo: 1,
    attendance: "应到5人，实到4人（刘婷调休）",
    content: "1. 复盘昨日撞单情况，重申客户权属确认办法：以首次登记为准；\n2. 财务提醒：2套认购定金未补足，相关顾问今日跟进；\n3. 渠道带看增加，带看确认须核对完整手机号。",
    targets: "今日目标：跟进A类客户8组，邀约周末到访10组。",
  },
  {
    daysAgo: 0,
    attendance: "应到5人，实到5人",
    content: "1. 公布上周业绩排名，王芳认购金额第一；\n2. 本周重点：2号楼加推房源的价格说辞统一口径；\n3. 逾期追访客户名单已发群里，今天下班前全部回访。",
    targets: "今日目标：来访12组，回访逾期客户全部完成，争取认购2套。",
  },
];

const MINUTE_ITEMS: { topic: string; decision: string; owner: string; dueDays: number; done: boolean }[] = [
  { topic: "上周业绩回顾：来访与认购未达周目标", decision: "周末增加外拓派单，来访目标提高到每日15组", owner: MANAGER, dueDays: 6, done: false },
  { topic: "A类客户跟进与逾期追访", decision: "逾期追访客户每天下班前清零，经理每日抽查", owner: C1, dueDays: 2, done: true },
  { topic: "2套认购超过签约期限", decision: "本周三前约客户签约，无法签约的提交退房申请", owner: C2, dueDays: 2, done: false },
  { topic: "定金与首付催收", decision: "财务每日发送应收清单，顾问当天电话提醒", owner: FINANCE, dueDays: 4, done: false },
  { topic: "新人带教", decision: "刘婷由王芳带教，转正前不单独接待", owner: C1, dueDays: 13, done: false },
];

const DIARIES: { who: string; daysAgo: number; content: string; plan: string }[] = [
  { who: C1, daysAgo: 2, content: "接待首访3组、复访1组；带李先生一家看了118㎡样板间，客户对南向户型很满意，约了周末带父母再来。", plan: "整理A类客户名单，逐一电话回访。" },
  { who: C1, daysAgo: 1, content: "回访A类客户6组，2组明确本周来认购；协助刘婷完成一次完整接待流程。", plan: "准备认购资料，确认两位客户的付款方式。" },
  { who: C2, daysAgo: 1, content: "来电接听4个，邀约到访2组；跟进逾期签约客户，客户答应本周三来签约。", plan: "周三前完成签约，跟进定金补足。" },
  { who: C3, daysAgo: 1, content: "学习价格体系和优惠政策，讲解样板间5次；跟着王芳学习逼定技巧。", plan: "熟悉3号楼户型图，练习沙盘讲解。" },
  { who: MANAGER, daysAgo: 1, content: "主持晨会，裁定1起撞单；审批2个优惠申请；检查逾期追访完成情况。", plan: "准备周例会数据，约财务核对应收。" },
];

const DUTY_LOGS: { who: string; daysAgo: number; shift: Shift; content: string; issues: string | null; handover: string | null }[] = [
  { who: MANAGER, daysAgo: 2, shift: "full", content: "全天客流正常，来访12组，样板间秩序良好。", issues: "下午空调故障30分钟，已报物业维修。", handover: "明早检查样板间空调是否恢复。" },
  { who: C2, daysAgo: 1, shift: "late", content: "晚班接待复访2组，闭场前检查门窗水电。", issues: null, handover: "一位客户预约明早10点看房，已登记。" },
  { who: MANAGER, daysAgo: 1, shift: "full", content: "来访10组，1组渠道带看已确认；下午财务收定金2笔。", issues: "一组客户投诉排队时间长，已安排专人接待并致歉。", handover: "周末增加一名前台接待。" },
];

export function recordsSql(): string {
  const roster = ROSTER.flatMap(([who, shifts, post], i) =>
    shifts.flatMap((shift, day) =>
      day === REST_DAY[who]
        ? []
        : [`  (${sqlText(demoId("cc010000", i * 7 + day + 1))}, ${sqlText(P)}, ${weekDay(day)}, ${sqlText(who)}, ${sqlText(shift)}, ${sqlText(post)}, ${sqlText(MANAGER)})`],
    ),
  );
  const meetings = MEETINGS.map(
    (m, i) =>
      `  (${sqlText(demoId("cc020000", i + 1))}, ${sqlText(P)}, ${daysAgo(m.daysAgo)}, ${sqlText(MANAGER)}, ${sqlText(m.attendance)}, ` +
      `${sqlText(m.content)}, ${sqlText(m.targets)}, ${sqlText(MANAGER)})`,
  );
  const minutesId = demoId("cc030000", 1);
  const lastMonday = weekDay(-7);
  const items = MINUTE_ITEMS.map(
    (item, i) =>
      `  (${sqlText(demoId("cc040000", i + 1))}, ${sqlText(minutesId)}, ${sqlText(P)}, ${i + 1}, ${sqlText(item.topic)}, ` +
      `${sqlText(item.decision)}, ${sqlText(item.owner)}, ${lastMonday} + 7 + ${item.dueDays}, ${item.done})`,
  );
  const diaries = DIARIES.map(
    (d, i) => `  (${sqlText(demoId("cc050000", i + 1))}, ${sqlText(P)}, ${daysAgo(d.daysAgo)}, ${sqlText(d.who)}, ${sqlText(d.content)}, ${sqlText(d.plan)})`,
  );
  const logs = DUTY_LOGS.map(
    (d, i) =>
      `  (${sqlText(demoId("cc060000", i + 1))}, ${sqlText(P)}, ${daysAgo(d.daysAgo)}, ${sqlText(d.who)}, ${sqlText(d.shift)}, ` +
      `${sqlText(d.content)}, ${sqlText(d.issues)}, ${sqlText(d.handover)})`,
  );

  return `-- Office records: this week's roster (${roster.length} shifts), morning meetings, last week's minutes, diaries, duty logs.
insert into public.duty_roster (id, project_id, day, staff_id, shift, post, created_by)
values
${roster.join(",\n")};

insert into public.morning_meetings (id, project_id, held_on, host_id, attendance, content, targets, created_by)
values
${meetings.join(",\n")};

insert into public.weekly_minutes (id, project_id, week_start, title, held_on, host_id, attendees, summary, next_focus,
                                   figures, figures_at, created_by, created_at)
values
  (${sqlText(minutesId)}, ${sqlText(P)}, ${lastMonday},
   format('%s周例会纪要（%s—%s）', to_char(${lastMonday}, 'IYYY年第IW'), to_char(${lastMonday}, 'MM.DD'), to_char(${lastMonday} + 6, 'MM.DD')),
   ${lastMonday} + 6, ${sqlText(MANAGER)}, '李经理、王芳、陈磊、刘婷、赵会计',
   '本周来访量基本稳定，认购集中在3室户型；渠道带看转化偏低，需要加强与中介门店的沟通。',
   '1. 周末外拓派单和老业主回访；2. 超期认购全部落实签约或退房；3. 新人带教，刘婷本周完成独立讲解考核。',
   private.week_figures(${sqlText(P)}, ${lastMonday}), now(), ${sqlText(MANAGER)}, now());

insert into public.weekly_minute_items (id, minutes_id, project_id, seq, topic, decision, owner_id, due_date, done)
values
${items.join(",\n")};

insert into public.work_diaries (id, project_id, day, staff_id, content, plan)
values
${diaries.join(",\n")};

insert into public.duty_logs (id, project_id, day, staff_id, shift, content, issues, handover)
values
${logs.join(",\n")};
`;
}
