import { DEMO_PROJECT_ID, demoUserId } from "./accounts.ts";
import { seedCustomers } from "./customers.ts";
import { demoId, sqlText } from "./random.ts";

/**
 * Channel demo data: three agencies (two cooperating, one whose cooperation ended), their
 * stores and brokers (broker1 → 安居客源, broker2 → 家和地产), and 20 reports in every state,
 * ruled the way submit_report / confirm_visit would have ruled them. Visited reports created
 * their customers (source agency) and started the broker's protection.
 */

export const AGENCY_IDS = { anju: demoId("aa090000", 1), jiahe: demoId("aa090000", 2), lianxin: demoId("aa090000", 3) };
export const COOPERATION_IDS = { anju: demoId("aa0b0000", 1), jiahe: demoId("aa0b0000", 2), lianxin: demoId("aa0b0000", 3) };
export const BROKER_IDS = {
  broker1: demoId("aa0c0000", 1),
  broker2: demoId("aa0c0000", 2),
  zhou: demoId("aa0c0000", 3),
  wu: demoId("aa0c0000", 4),
  zheng: demoId("aa0c0000", 5),
};
const STORE_IDS = { wensan: demoId("aa0a0000", 1), gudun: demoId("aa0a0000", 2), jiangnan: demoId("aa0a0000", 3), lianxin: demoId("aa0a0000", 4) };
const BROKER_AGENCY: Record<string, [string, string, string | null]> = {
  [BROKER_IDS.broker1]: [AGENCY_IDS.anju, STORE_IDS.wensan, COOPERATION_IDS.anju],
  [BROKER_IDS.broker2]: [AGENCY_IDS.jiahe, STORE_IDS.jiangnan, COOPERATION_IDS.jiahe],
  [BROKER_IDS.zhou]: [AGENCY_IDS.anju, STORE_IDS.gudun, COOPERATION_IDS.anju],
  [BROKER_IDS.wu]: [AGENCY_IDS.jiahe, STORE_IDS.jiangnan, COOPERATION_IDS.jiahe],
  [BROKER_IDS.zheng]: [AGENCY_IDS.lianxin, STORE_IDS.lianxin, null],
};

const C1 = demoUserId("consultant1@demo.local");
const C2 = demoUserId("consultant2@demo.local");
const C3 = demoUserId("consultant3@demo.local");
const CHANNEL = demoUserId("channel@demo.local");
const DAY = 1440;
const GRACE_DAYS = 7; // projects.report_visit_grace_days default

/** Customers created by confirmed visits: ids aa030000-…-(500 + k), phones 1590000xxxx. */
export const channelCustomerId = (k: number) => demoId("aa030000", 500 + k);

type Reason = "already_customer" | "already_reported" | "too_late" | "cooperation_expired";
const REASON_TEXT: Record<Reason, string> = {
  already_customer: "该客户已是本项目在权属保护期内的客户",
  already_reported: "该客户已被其他经纪人报备，仍在保护期内",
  too_late: "报备须在预计到访前至少 60 分钟提交",
  cooperation_expired: "贵公司与本项目的合作协议不在有效期内",
};

interface Report {
  broker: string;
  name: string;
  phone: string; // full
  masked?: boolean;
  submittedMinutesAgo: number;
  /** minutes from now (negative: in the past) */
  expectedVisitIn: number;
  status: "valid" | "invalid" | "pending" | "visited";
  reason?: Reason;
  visit?: { minutesAgo: number; owner: string; customerK: number };
  note?: string;
}

const mask = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;

function reports(): Report[] {
  const known = seedCustomers().filter((c) => !c.inPool && c.status === "following" && c.n > 2);
  const protectedCustomer = known[3];
  const maskedMatch = known[7];
  return [
    // visited: the customer came, protection runs 30 days from the visit
    { broker: BROKER_IDS.broker1, name: "马晓峰", phone: "15900001001", submittedMinutesAgo: 5 * DAY + 300, expectedVisitIn: -5 * DAY, status: "visited",
      visit: { minutesAgo: 5 * DAY - 10, owner: C1, customerK: 1 }, note: "客户想看三房，预算350万" },
    { broker: BROKER_IDS.broker1, name: "郭雅婷", phone: "15900001002", submittedMinutesAgo: 12 * DAY + 200, expectedVisitIn: -12 * DAY, status: "visited",
      visit: { minutesAgo: 12 * DAY - 20, owner: C2, customerK: 2 } },
    { broker: BROKER_IDS.broker2, name: "邵建国", phone: "15900001003", masked: true, submittedMinutesAgo: 2 * DAY + 500, expectedVisitIn: -2 * DAY, status: "visited",
      visit: { minutesAgo: 2 * DAY - 15, owner: C1, customerK: 3 }, note: "改善型需求，关注143㎡" },
    { broker: BROKER_IDS.broker2, name: "戴丽华", phone: "15900001004", submittedMinutesAgo: 40 * DAY + 200, expectedVisitIn: -40 * DAY, status: "visited",
      visit: { minutesAgo: 40 * DAY - 30, owner: C2, customerK: 4 } },
    { broker: BROKER_IDS.zhou, name: "孔令辉", phone: "15900001005", submittedMinutesAgo: 8 * DAY + 240, expectedVisitIn: -8 * DAY, status: "visited",
      visit: { minutesAgo: 8 * DAY - 5, owner: C3, customerK: 5 } },
    { broker: BROKER_IDS.broker1, name: "蒋文静", phone: "15900001006", submittedMinutesAgo: 20 * DAY + 180, expectedVisitIn: -20 * DAY, status: "visited",
      visit: { minutesAgo: 20 * DAY - 25, owner: C2, customerK: 6 } },
    { broker: BROKER_IDS.broker1, name: "魏国强", phone: "15900001007", submittedMinutesAgo: DAY + 400, expectedVisitIn: -DAY, status: "visited",
      visit: { minutesAgo: DAY - 30, owner: C1, customerK: 7 } },
    // valid, visit ahead
    { broker: BROKER_IDS.broker1, name: "贾玉兰", phone: "15900001008", submittedMinutesAgo: 120, expectedVisitIn: DAY + 240, status: "valid", note: "明天下午两点带看" },
    { broker: BROKER_IDS.broker2, name: "叶志伟", phone: "15900001009", masked: true, submittedMinutesAgo: 60, expectedVisitIn: 180, status: "valid" },
    { broker: BROKER_IDS.broker1, name: "阎素芬", phone: "15900001010", masked: true, submittedMinutesAgo: 300, expectedVisitIn: 2 * DAY, status: "valid" },
    { broker: BROKER_IDS.wu, name: "余海涛", phone: "15900001011", submittedMinutesAgo: 30, expectedVisitIn: 3 * DAY, status: "valid" },
    // valid but never visited: lapsed (expired) 7 days after the expected visit
    { broker: BROKER_IDS.broker2, name: "潘德明", phone: "15900001012", submittedMinutesAgo: 10 * DAY + 300, expectedVisitIn: -10 * DAY, status: "valid" },
    { broker: BROKER_IDS.broker1, name: "杜秀珍", phone: "15900001013", submittedMinutesAgo: 15 * DAY + 200, expectedVisitIn: -15 * DAY, status: "valid" },
    // invalid
    { broker: BROKER_IDS.broker1, name: protectedCustomer.name, phone: protectedCustomer.phone, submittedMinutesAgo: 3 * DAY, expectedVisitIn: -3 * DAY + 300,
      status: "invalid", reason: "already_customer" },
    { broker: BROKER_IDS.broker2, name: "马晓峰", phone: "15900001001", submittedMinutesAgo: 3 * DAY, expectedVisitIn: -3 * DAY + 400, status: "invalid", reason: "already_reported" },
    { broker: BROKER_IDS.broker1, name: "范志刚", phone: "15900001014", submittedMinutesAgo: 6 * DAY, expectedVisitIn: -6 * DAY + 30, status: "invalid", reason: "too_late" },
    { broker: BROKER_IDS.zheng, name: "方建军", phone: "15900001015", submittedMinutesAgo: 4 * DAY, expectedVisitIn: -3 * DAY, status: "invalid", reason: "cooperation_expired" },
    { broker: BROKER_IDS.zhou, name: "石磊", phone: "15900001016", submittedMinutesAgo: 9 * DAY, expectedVisitIn: -9 * DAY + 20, status: "invalid", reason: "too_late" },
    // pending: masked numbers that match a known customer / another report, settled at the visit
    { broker: BROKER_IDS.broker2, name: maskedMatch.name, phone: maskedMatch.phone, masked: true, submittedMinutesAgo: 90, expectedVisitIn: DAY, status: "pending" },
    { broker: BROKER_IDS.broker1, name: "贾女士", phone: "15900001008", masked: true, submittedMinutesAgo: 45, expectedVisitIn: DAY + 300, status: "pending" },
  ];
}

const at = (minutesFromNow: number) =>
  minutesFromNow >= 0 ? `now() + interval '${minutesFromNow} minutes'` : `now() - interval '${-minutesFromNow} minutes'`;

export function channelSql(): string {
  const list = reports();
  const reportRows = list.map((r, i) => {
    const [agency, store, coop] = BROKER_AGENCY[r.broker];
    const input = r.masked ? mask(r.phone) : r.phone;
    const knownPhone = !r.masked || r.visit ? r.phone : null;
    const v = r.visit;
    return (
      `  (${sqlText(demoId("aa0d0000", i + 1))}, ${sqlText(r.broker)}, ${sqlText(agency)}, ${sqlText(store)}, ` +
      `${sqlText(r.reason === "cooperation_expired" ? null : coop)}, ${sqlText(r.name)}, ${sqlText(input)}, ${sqlText(knownPhone)}, ` +
      `${sqlText(r.phone.slice(0, 3))}, ${sqlText(r.phone.slice(7))}, ${at(r.expectedVisitIn)}, ${sqlText(r.note ?? null)}, ` +
      `${sqlText(r.status)}, ${sqlText(r.reason ?? null)}, ${sqlText(r.reason ? REASON_TEXT[r.reason] : null)}, ` +
      `${v ? at(-v.minutesAgo) : at(-r.submittedMinutesAgo)}, ${v ? sqlText(CHANNEL) : "null"}, ` +
      `${at(r.expectedVisitIn + GRACE_DAYS * DAY)}, ${v ? sqlText(channelCustomerId(v.customerK)) : "null"}, ` +
      `${v ? sqlText(v.owner) : "null"}, ${v ? at(-v.minutesAgo) : "null"}, ${v ? sqlText(CHANNEL) : "null"}, ` +
      `${v ? 30 : "null"}, ${v ? at(-v.minutesAgo + 30 * DAY) : "null"}, ${at(-r.submittedMinutesAgo)})`
    );
  });
  const visited = list.filter((r) => r.visit);
  const customerRows = visited.map((r) => {
    const v = r.visit!;
    return (
      `  (${sqlText(channelCustomerId(v.customerK))}, ${sqlText(r.name)}, ${sqlText(r.phone)}, ${sqlText(v.owner)}, ` +
      `${at(-v.minutesAgo)})`
    );
  });
  const visitRows = visited.map((r, i) => {
    const v = r.visit!;
    return (
      `  (${sqlText(demoId("aa040000", 900 + i + 1))}, ${sqlText(channelCustomerId(v.customerK))}, ${sqlText(v.owner)}, ` +
      `${at(-v.minutesAgo)}, ${sqlText(r.note ?? "经纪人带看，介绍了沙盘和样板间")})`
    );
  });

  return `-- Channel: agencies, cooperations, brokers, ${list.length} reports.
insert into public.agencies (id, name, contact_name, contact_phone, active)
values
  (${sqlText(AGENCY_IDS.anju)}, '安居客源', '韩店长', '13600001111', true),
  (${sqlText(AGENCY_IDS.jiahe)}, '家和地产', '许经理', '13600002222', true),
  (${sqlText(AGENCY_IDS.lianxin)}, '链信置业', '何总', '13600003333', true);

insert into public.agency_stores (id, agency_id, name, address)
values
  (${sqlText(STORE_IDS.wensan)}, ${sqlText(AGENCY_IDS.anju)}, '文三路店', '杭州市西湖区文三路 258 号'),
  (${sqlText(STORE_IDS.gudun)}, ${sqlText(AGENCY_IDS.anju)}, '古墩路店', '杭州市西湖区古墩路 702 号'),
  (${sqlText(STORE_IDS.jiangnan)}, ${sqlText(AGENCY_IDS.jiahe)}, '江南大道店', '杭州市滨江区江南大道 3850 号'),
  (${sqlText(STORE_IDS.lianxin)}, ${sqlText(AGENCY_IDS.lianxin)}, '城西店', '杭州市余杭区五常大道 181 号');

-- 安居客源: 1.5% of the contract price, 30 days protection; 家和地产: ¥20,000 per unit, project default
-- protection; 链信置业: cooperation ended 10 days ago.
insert into public.cooperations (id, agency_id, project_id, commission_type, commission_value, protection_days, valid_from, valid_to, note)
values
  (${sqlText(COOPERATION_IDS.anju)}, ${sqlText(AGENCY_IDS.anju)}, ${sqlText(DEMO_PROJECT_ID)}, 'percent', 1.5, 30, current_date - 120, current_date + 245, '成交总价1.5%'),
  (${sqlText(COOPERATION_IDS.jiahe)}, ${sqlText(AGENCY_IDS.jiahe)}, ${sqlText(DEMO_PROJECT_ID)}, 'fixed', 20000, null, current_date - 60, null, '每套2万元'),
  (${sqlText(COOPERATION_IDS.lianxin)}, ${sqlText(AGENCY_IDS.lianxin)}, ${sqlText(DEMO_PROJECT_ID)}, 'percent', 1.0, 30, current_date - 400, current_date - 10, '合作已到期');

insert into public.brokers (id, user_id, agency_id, store_id, name, phone)
values
  (${sqlText(BROKER_IDS.broker1)}, ${sqlText(demoUserId("broker1@demo.local"))}, ${sqlText(AGENCY_IDS.anju)}, ${sqlText(STORE_IDS.wensan)}, '黄经纪', '13700000011'),
  (${sqlText(BROKER_IDS.broker2)}, ${sqlText(demoUserId("broker2@demo.local"))}, ${sqlText(AGENCY_IDS.jiahe)}, ${sqlText(STORE_IDS.jiangnan)}, '林经纪', '13700000012'),
  (${sqlText(BROKER_IDS.zhou)}, null, ${sqlText(AGENCY_IDS.anju)}, ${sqlText(STORE_IDS.gudun)}, '周小川', '13700000013'),
  (${sqlText(BROKER_IDS.wu)}, null, ${sqlText(AGENCY_IDS.jiahe)}, ${sqlText(STORE_IDS.jiangnan)}, '吴敏', '13700000014'),
  (${sqlText(BROKER_IDS.zheng)}, null, ${sqlText(AGENCY_IDS.lianxin)}, ${sqlText(STORE_IDS.lianxin)}, '郑立', '13700000015');

-- Customers created by confirmed visits (source agency), with the visit that created them.
insert into public.customers (id, project_id, name, phone, source, owner_id, owned_since, last_follow_up_at, status, created_at, created_by)
select v.id::uuid, ${sqlText(DEMO_PROJECT_ID)}, v.name, v.phone, 'agency', v.owner_id::uuid, v.at, v.at, 'following', v.at, ${sqlText(CHANNEL)}
from (values
${customerRows.join(",\n")}
) as v(id, name, phone, owner_id, at);

insert into public.visits (id, project_id, customer_id, consultant_id, visited_at, is_first, party_size, shown, notes)
select v.id::uuid, ${sqlText(DEMO_PROJECT_ID)}, v.customer_id::uuid, v.consultant_id::uuid, v.visited_at, true, 2, '沙盘、样板间', v.notes
from (values
${visitRows.join(",\n")}
) as v(id, customer_id, consultant_id, visited_at, notes);

insert into public.channel_reports (id, project_id, broker_id, agency_id, store_id, cooperation_id, customer_name, phone_input,
  customer_phone, phone_prefix, phone_suffix, expected_visit_at, note, status, invalid_reason, invalid_reason_text, ruled_at,
  ruled_by, lapses_at, customer_id, consultant_id, visited_at, confirmed_by, protection_days, protected_until, created_at)
select v.id::uuid, ${sqlText(DEMO_PROJECT_ID)}, v.broker_id::uuid, v.agency_id::uuid, v.store_id::uuid, v.cooperation_id::uuid,
       v.customer_name, v.phone_input, v.customer_phone, v.phone_prefix, v.phone_suffix, v.expected_visit_at, v.note,
       v.status::public.report_status, v.invalid_reason, v.invalid_reason_text, v.ruled_at, v.ruled_by::uuid, v.lapses_at,
       v.customer_id::uuid, v.consultant_id::uuid, v.visited_at, v.confirmed_by::uuid, v.protection_days, v.protected_until, v.created_at
from (values
${reportRows.join(",\n")}
) as v(id, broker_id, agency_id, store_id, cooperation_id, customer_name, phone_input, customer_phone, phone_prefix, phone_suffix,
       expected_visit_at, note, status, invalid_reason, invalid_reason_text, ruled_at, ruled_by, lapses_at, customer_id,
       consultant_id, visited_at, confirmed_by, protection_days, protected_until, created_at);
`;
}
