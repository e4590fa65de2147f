import { DEMO_PROJECT_ID, demoUserId } from "./accounts.ts";
import { createRandom, demoId, sqlText } from "./random.ts";

/**
 * ~150 customers of 云栖雅苑 over the last 60 days with their visits, calls and follow-ups,
 * kept consistent with the ownership rules:
 *   last_follow_up_at = the owner's latest visit or follow-up; status new until the first contact;
 *   about a dozen customers lapsed into the public pool (no owner contact for 30+ days);
 *   consultant3 (hired 20 days ago) owns only customers of the last 20 days.
 * Plus two collisions (撞单), three complaints and today's reception queue.
 * Times are relative to now() so the demo always shows recent activity.
 */

const C1 = demoUserId("consultant1@demo.local");
const C2 = demoUserId("consultant2@demo.local");
const C3 = demoUserId("consultant3@demo.local");
const MANAGER = demoUserId("manager@demo.local");

export const seedCustomerId = (n: number) => demoId("aa030000", n);

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "志强", "晓东", "雪梅", "海燕", "俊杰", "文博", "思远", "佳怡", "子涵", "浩然", "雨欣", "一鸣", "欣怡", "宇轩", "梓萱", "家豪", "晨阳"];
const SOURCES = [
  ["walk_in", 35], ["call", 25], ["referral", 10], ["online", 10], ["expo", 8], ["promotion", 7], ["other", 5],
] as const;
const SHOWN = ["沙盘、样板间", "沙盘、118㎡样板间", "区位图、样板间、园林", "89㎡样板间、交付标准", "沙盘、143㎡样板间、会所", "工地现场、样板间"];
const QUESTIONS = ["学区划分？", "交房时间？", "物业费多少？", "首付比例和贷款利率？", "离地铁站多远？", "车位配比和价格？", "得房率多少？", "有没有优惠活动？"];
const FOLLOW_UP_CONTENT = [
  "电话回访，客户对118㎡户型比较满意，正在比较周边楼盘",
  "微信发送了最新价目表和优惠政策",
  "邀约周末来看样板间，客户答应考虑",
  "客户询问贷款政策，已介绍公积金组合贷",
  "客户家人想再看一次现场，约了时间",
  "发送工程进度照片，客户反馈不错",
  "客户在等年终奖，预计下月决定",
  "短信通知开盘加推信息",
  "客户想要高楼层南北通透，推荐了1栋",
  "回访客户对价格的顾虑，说明了一次性付款98折",
];
const OBJECTIONS = ["价格偏高", "离地铁较远", "担心交房时间", "户型不够方正", "首付压力大", "学区不确定", "周边配套未成熟", null, null];
const RESULTS = ["考虑中", "约下周来访", "已发户型图", "需和家人商量", "意向增强", "暂无明确意向"];
const LOST_REASONS = ["已在其他楼盘购房", "预算不足，暂缓购房", "工作调动离开杭州", "家人不同意，放弃购买"];
const METHODS = ["phone", "wechat", "visit", "message"] as const;

export interface SeedCustomer {
  n: number;
  id: string;
  name: string;
  phone: string;
  owner: string;
  status: "new" | "following" | "lost";
  grade: "A" | "B" | "C" | "D";
  inPool: boolean;
  /** customer_source (policies may depend on it, e.g. 老带新). */
  source: string;
}

interface Event {
  kind: "visit" | "follow_up" | "call";
  minutesAgo: number;
  by: string;
  method?: (typeof METHODS)[number];
}

interface Plan extends SeedCustomer {
  gender: "male" | "female";
  rooms: number;
  areaMin: number;
  areaMax: number;
  budget: number;
  purpose: "self" | "invest";
  createdMinutesAgo: number;
  events: Event[];
  lastNextDate: number | null; // days from today for the latest follow-up
  lostReason: string | null;
  lastOwnerContactMinutesAgo: number | null;
}

const DAY = 1440;

/** The customers, deterministic. */
function plan(): Plan[] {
  const random = createRandom(60_150);
  const phones = new Set<string>();
  const phone = () => {
    for (;;) {
      const p = `1${random.pick(["3", "5", "7", "8"])}${random.int(0, 9)}${String(random.int(0, 99_999_999)).padStart(8, "0")}`;
      // 159… is left to the channel seed; 139000000xx/137000000xx are staff
      if (p.startsWith("159") || p.startsWith("13900000") || p.startsWith("13700000") || phones.has(p)) continue;
      phones.add(p);
      return p;
    }
  };
  const weighted = () => {
    let roll = random.int(1, 100);
    for (const [source, weight] of SOURCES) {
      roll -= weight;
      if (roll <= 0) return source;
    }
    return "other";
  };

  const customers: Plan[] = [];
  for (let n = 1; n <= 150; n++) {
    // Customers 1 and 2: consultant1's hot prospects (the seed holds units for them).
    const hot = n <= 2;
    // 13..24: lapsed into the pool — registered 36–60 days ago, the owner stopped following up.
    const lapsed = n >= 13 && n <= 24;
    const createdDays = hot ? 2 + n : lapsed ? random.int(36, 60) : random.int(0, 59);
    const owner = hot ? C1 : createdDays < 20 ? random.pick([C1, C2, C3]) : random.pick([C1, C2]);
    const createdMinutesAgo = createdDays * DAY + random.int(-240, 240) + (createdDays === 0 ? 300 : 0);
    const source = hot ? "walk_in" : weighted();
    const rooms = random.pick([2, 3, 3, 3, 4]);
    const areaMin = rooms === 2 ? 85 : rooms === 3 ? 110 : 135;
    const grade = hot ? "A" : random.pick(["A", "B", "B", "C", "C", "C", "D"] as const);
    const surname = random.pick(SURNAMES);
    const gender = random.chance(0.5) ? "male" : "female";

    const events: Event[] = [];
    // First contact: a visit for walk-ins and the like; a call for callers and online leads.
    if (source === "call" || source === "online") {
      events.push({ kind: "call", minutesAgo: createdMinutesAgo, by: owner });
    } else {
      events.push({ kind: "visit", minutesAgo: createdMinutesAgo, by: owner });
    }
    // Follow-ups every few days; lapsed customers stop more than 30 days ago; some new ones have none.
    const quiet = !hot && !lapsed && createdDays <= 2 && random.chance(0.5);
    let t = createdMinutesAgo - random.int(1, 4) * DAY;
    const stopAt = lapsed ? 31 * DAY + random.int(0, 4) * DAY : 0;
    while (!quiet && t > stopAt) {
      events.push({ kind: "follow_up", minutesAgo: t, by: owner, method: random.pick(METHODS) });
      if (random.chance(0.15)) events.push({ kind: "visit", minutesAgo: t - 60, by: owner });
      t -= random.int(3, 10) * DAY;
    }
    const lost = !hot && !lapsed && createdDays > 15 && random.chance(0.07);
    const ownerContacts = events.filter((e) => e.by === owner && e.kind !== "call").map((e) => e.minutesAgo);
    const lastOwnerContact = ownerContacts.length ? Math.min(...ownerContacts) : null;
    const contacted = events.some((e) => e.kind !== "call");
    const followUps = events.filter((e) => e.kind === "follow_up");
    // The latest follow-up's next date: some overdue, some today, most ahead.
    const lastDaysAgo = followUps.length ? Math.floor(Math.min(...followUps.map((e) => e.minutesAgo)) / DAY) : 0;
    const lastNextDate = followUps.length && !lost ? Math.max(-lastDaysAgo, random.pick([-5, -2, 0, 1, 2, 3, 4, 5, 7, 10])) : null;

    customers.push({
      n,
      id: seedCustomerId(n),
      name: surname + random.pick(GIVEN),
      phone: phone(),
      owner,
      status: lost ? "lost" : contacted ? "following" : "new",
      grade,
      inPool: lapsed,
      source,
      gender,
      rooms,
      areaMin,
      areaMax: areaMin + 20,
      budget: rooms * 1_200_000 + random.int(0, 10) * 100_000,
      purpose: random.chance(0.8) ? "self" : "invest",
      createdMinutesAgo,
      events,
      lastNextDate,
      lostReason: lost ? random.pick(LOST_REASONS) : null,
      lastOwnerContactMinutesAgo: lastOwnerContact,
    });
  }
  return customers;
}

/** For the deals seed: who the customers are (ids aa030000-…-<n>). */
export function seedCustomers(): SeedCustomer[] {
  return plan().map(({ n, id, name, phone, owner, status, grade, inPool, source }) => ({ n, id, name, phone, owner, status, grade, inPool, source }));
}

const ago = (minutes: number) => `now() - interval '${minutes} minutes'`;

export function customersSql(): string {
  const random = createRandom(7_777);
  const customers = plan();
  const rows = customers.map((c) =>
    `  (${sqlText(c.id)}, ${sqlText(c.name)}, ${sqlText(c.phone)}, ${sqlText(c.gender)}, ${sqlText(c.source)}, ${sqlText(c.grade)}, ` +
    `${c.rooms}, ${c.areaMin}, ${c.areaMax}, ${c.budget}, ${sqlText(c.purpose)}, ${sqlText(c.owner)}, ` +
    `${ago(c.createdMinutesAgo)}, ${c.lastOwnerContactMinutesAgo === null ? "null" : ago(c.lastOwnerContactMinutesAgo)}, ` +
    `${sqlText(c.status)}, ${sqlText(c.lostReason)}, ${ago(c.createdMinutesAgo)})`,
  );

  const visits: string[] = [];
  const calls: string[] = [];
  const followUps: string[] = [];
  for (const c of customers) {
    const sorted = [...c.events].sort((a, b) => b.minutesAgo - a.minutesAgo);
    let firstVisit = true;
    const lastFollowUp = sorted.filter((e) => e.kind === "follow_up").at(-1);
    for (const e of sorted) {
      if (e.kind === "visit") {
        visits.push(
          `  (${sqlText(demoId("aa040000", visits.length + 1))}, ${sqlText(c.id)}, ${sqlText(e.by)}, ${ago(e.minutesAgo)}, ${firstVisit}, ` +
          `${random.int(1, 4)}, ${sqlText(random.pick(SHOWN))}, ${sqlText(random.pick(QUESTIONS))}, ${sqlText(c.grade)}, ` +
          `${sqlText(firstVisit ? "首次到访，留了电话" : "复访，带家人再看样板间")})`,
        );
        firstVisit = false;
      } else if (e.kind === "call") {
        calls.push(
          `  (${sqlText(demoId("aa050000", calls.length + 1))}, ${sqlText(c.name.slice(0, 1) + (c.gender === "male" ? "先生" : "女士"))}, ` +
          `${sqlText(c.phone)}, array[${random.pick(["'price','area'", "'location','price'", "'layout','loans'", "'progress','price'"])}], ` +
          `${random.chance(0.6)}, ${sqlText(e.by)}, ${sqlText(c.id)}, ${ago(e.minutesAgo)})`,
        );
      } else {
        const next =
          e === lastFollowUp && c.lastNextDate !== null
            ? `current_date + ${c.lastNextDate}`
            : `(${ago(e.minutesAgo)})::date + ${random.int(3, 7)}`;
        followUps.push(
          `  (${sqlText(demoId("aa060000", followUps.length + 1))}, ${sqlText(c.id)}, ${sqlText(e.by)}, ${sqlText(e.method!)}, ` +
          `${sqlText(random.pick(FOLLOW_UP_CONTENT))}, ${sqlText(random.pick(OBJECTIONS))}, ${sqlText(random.pick(RESULTS))}, ` +
          `${next}, ${ago(e.minutesAgo)})`,
        );
      }
    }
  }
  // Callers who never became customers.
  for (let i = 0; i < 25; i++) {
    const days = random.int(0, 59);
    const by = days < 20 ? random.pick([C1, C2, C3]) : random.pick([C1, C2]);
    calls.push(
      `  (${sqlText(demoId("aa050000", calls.length + 1))}, ${sqlText(random.pick(SURNAMES) + random.pick(["先生", "女士"]))}, ` +
      `${random.chance(0.5) ? "null" : sqlText(`18${random.int(0, 9)}${String(random.int(0, 99_999_999)).padStart(8, "0")}`)}, ` +
      `array[${random.pick(["'price'", "'location'", "'area','layout'", "'loans'", "'progress'"])}], false, ${sqlText(by)}, null, ` +
      `${ago(days * DAY + random.int(0, 400))})`,
    );
  }

  // Two collisions: one open, one ruled (owner kept).
  const ofOwner = (owner: string) => customers.find((c) => c.owner === owner && !c.inPool && c.status === "following" && c.n > 2)!;
  const k1 = ofOwner(C1);
  const k2 = ofOwner(C2);

  return `-- Customers (${customers.length}), visits (${visits.length}), calls (${calls.length}), follow-ups (${followUps.length}).
insert into public.customers (id, project_id, name, phone, gender, source, grade, rooms, area_min, area_max, budget_max,
                              purpose, owner_id, owned_since, last_follow_up_at, status, lost_reason, created_at, created_by)
select v.id::uuid, ${sqlText(DEMO_PROJECT_ID)}, v.name, v.phone, v.gender, v.source::public.customer_source, v.grade, v.rooms,
       v.area_min, v.area_max, v.budget_max, v.purpose, v.owner_id::uuid, v.owned_since, v.last_follow_up_at,
       v.status::public.customer_status, v.lost_reason, v.created_at, v.owner_id::uuid
from (values
${rows.join(",\n")}
) as v(id, name, phone, gender, source, grade, rooms, area_min, area_max, budget_max, purpose, owner_id, owned_since,
       last_follow_up_at, status, lost_reason, created_at);

insert into public.visits (id, project_id, customer_id, consultant_id, visited_at, is_first, party_size, shown, questions, intent, notes)
select v.id::uuid, ${sqlText(DEMO_PROJECT_ID)}, v.customer_id::uuid, v.consultant_id::uuid, v.visited_at, v.is_first, v.party_size,
       v.shown, v.questions, v.intent, v.notes
from (values
${visits.join(",\n")}
) as v(id, customer_id, consultant_id, visited_at, is_first, party_size, shown, questions, intent, notes);

insert into public.calls (id, project_id, caller_name, phone, topics, invited, consultant_id, customer_id, called_at)
select v.id::uuid, ${sqlText(DEMO_PROJECT_ID)}, v.caller_name, v.phone, v.topics, v.invited, v.consultant_id::uuid,
       v.customer_id::uuid, v.called_at
from (values
${calls.join(",\n")}
) as v(id, caller_name, phone, topics, invited, consultant_id, customer_id, called_at);

insert into public.follow_ups (id, project_id, customer_id, staff_id, method, content, objections, result, next_date, created_at)
select v.id::uuid, ${sqlText(DEMO_PROJECT_ID)}, v.customer_id::uuid, v.staff_id::uuid, v.method, v.content, v.objections,
       v.result, v.next_date, v.created_at
from (values
${followUps.join(",\n")}
) as v(id, customer_id, staff_id, method, content, objections, result, next_date, created_at);

-- 撞单: 陈磊 registered ${k1.name} (王芳's customer) two days ago — open; 王芳 registered ${k2.name} (陈磊's) — ruled, owner kept.
insert into public.customer_collisions (id, project_id, customer_id, owner_id, claimant_id, claimant_name, source, note, status,
                                        decided_by, decided_at, decision_reason, created_at)
values
  (${sqlText(demoId("aa080000", 1))}, ${sqlText(DEMO_PROJECT_ID)}, ${sqlText(k1.id)}, ${sqlText(C1)}, ${sqlText(C2)}, ${sqlText(k1.name)},
   'walk_in', '客户自称第一次来，接待后发现已登记', 'open', null, null, null, ${ago(2 * DAY + 90)}),
  (${sqlText(demoId("aa080000", 2))}, ${sqlText(DEMO_PROJECT_ID)}, ${sqlText(k2.id)}, ${sqlText(C2)}, ${sqlText(C1)}, ${sqlText(k2.name)},
   'call', '来电登记时发现号码已存在', 'kept', ${sqlText(MANAGER)}, ${ago(9 * DAY)}, '原顾问一直在跟进，维持原归属', ${ago(10 * DAY)});

-- Complaints: open, handling, resolved.
insert into public.complaints (id, project_id, customer_id, complainant_name, phone, channel, content, handler_id, status,
                               resolution, follow_up, created_by, created_at, updated_at, resolved_at)
values
  (${sqlText(demoId("aa070000", 1))}, ${sqlText(DEMO_PROJECT_ID)}, null, '赵先生', '13812345678', 'phone',
   '周末来访排队太久，没人接待', null, 'open', null, null, ${sqlText(C2)}, ${ago(DAY / 2)}, ${ago(DAY / 2)}, null),
  (${sqlText(demoId("aa070000", 2))}, ${sqlText(DEMO_PROJECT_ID)}, ${sqlText(customers[40].id)}, ${sqlText(customers[40].name)}, ${sqlText(customers[40].phone)}, 'visit',
   '样板间交付标准与宣传册不一致', ${sqlText(MANAGER)}, 'handling', null, null, ${sqlText(customers[40].owner)}, ${ago(3 * DAY)}, ${ago(2 * DAY)}, null),
  (${sqlText(demoId("aa070000", 3))}, ${sqlText(DEMO_PROJECT_ID)}, ${sqlText(customers[60].id)}, ${sqlText(customers[60].name)}, ${sqlText(customers[60].phone)}, 'phone',
   '置业顾问承诺的优惠没有兑现', ${sqlText(MANAGER)}, 'resolved', '核实为沟通误会，已向客户解释优惠政策并致歉', '客户表示理解', ${sqlText(MANAGER)},
   ${ago(12 * DAY)}, ${ago(10 * DAY)}, ${ago(10 * DAY)});

-- Today's reception queue: 王芳 and 陈磊 on duty (刘婷 is in her first month and may not receive alone).
insert into public.reception_queue (project_id, day, staff_id, queue_pos, checked_in_at, turns, last_assigned_at)
values
  (${sqlText(DEMO_PROJECT_ID)}, (now() at time zone 'Asia/Shanghai')::date, ${sqlText(C2)}, 2, least(now() - interval '30 minutes', date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai' + interval '8 hours 50 minutes'), 0, null),
  (${sqlText(DEMO_PROJECT_ID)}, (now() at time zone 'Asia/Shanghai')::date, ${sqlText(C1)}, 3, least(now() - interval '35 minutes', date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai' + interval '8 hours 45 minutes'), 1, now() - interval '20 minutes');
`;
}
