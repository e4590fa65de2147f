/**
 * What consultants, approvers and brokers type to the bot, and what they mean.
 *
 * Each case gives the message, the day it is sent on (default MONDAY = 2026-11-23), and the
 * expected parse. `exact: true` compares the whole result; otherwise the listed fields are
 * checked (toMatchObject) and the intent always is.
 *
 * Calendar around the default day (weeks start on Monday):
 *   Mon 11-23 today · Tue 11-24 明天 · Wed 11-25 后天 · Thu 11-26 大后天 · Fri 11-27 周五
 *   Sat 11-28 周六/周末 · Sun 11-29 周日 · Mon 11-30 下周一 · Tue 12-01 · Wed 12-02 下周三
 *   Sat 12-05 下周六 · Mon 12-07 下下周一
 */

import type { PaymentMethod } from "@so/shared/schemas/deals";
import {
  moreRealCases,
  realDiscountCases,
  realFollowUpCases,
  realQueryCases,
  realRegisterCases,
  realReportCases,
  realUnknownCases,
} from "./real-cases.js";

export const MONDAY = "2026-11-23";
export const FRIDAY = "2026-11-27";
export const SUNDAY = "2026-11-29";
export const NEW_YEARS_EVE_EVE = "2026-12-30";

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object | null ? DeepPartial<T[K]> | null : T[K] };

type Expectation =
  | { intent: "register_customer"; customer?: DeepPartial<Customer> }
  | { intent: "query_units"; filter?: DeepPartial<Filter> }
  | { intent: "request_discount"; request?: DeepPartial<Discount> }
  | { intent: "log_follow_up"; follow_up?: DeepPartial<FollowUp> }
  | { intent: "report_customer"; report?: DeepPartial<Report> }
  | { intent: "unknown" };

interface Customer {
  name: string | null;
  phone: string | null;
  gender: "male" | "female" | null;
  source: "call" | "walk_in" | "agency" | "referral" | "expo" | "promotion" | "online" | "other" | null;
  grade: "A" | "B" | "C" | "D" | null;
  rooms: number | null;
  area_min: number | null;
  area_max: number | null;
  budget_max_wan: number | null;
  purpose: "self" | "invest" | null;
  note: string | null;
}
interface Filter {
  building: string | null;
  rooms: number | null;
  area_min: number | null;
  area_max: number | null;
  price_max_wan: number | null;
  floor_min: number | null;
  floor_max: number | null;
  unit?: string | null;
  orientation?: string | null;
  sort?: "price_asc" | "price_desc" | null;
  floor_band?: "low" | "middle" | "high" | null;
  unparsed?: string[];
}
interface Discount {
  unit: string | null;
  customer_name: string | null;
  customer_phone: string | null;
  discount_rate: number | null;
  target_price_wan: number | null;
  reason: string | null;
  customer_phone_tail?: string | null;
  payment_method?: PaymentMethod;
}
interface FollowUp {
  customer_name: string | null;
  customer_phone: string | null;
  method: "phone" | "wechat" | "visit" | "message" | null;
  content: string | null;
  next_date: string | null;
  customer_phone_tail?: string | null;
  objection?: string | null;
  next_time?: string | null;
  next_date_approx?: boolean | null;
  next_date_ask?: string | null;
}
interface Report {
  customer_name: string | null;
  customer_phone: string | null;
  expected_visit: string | null;
}

export interface ParseCase {
  text: string;
  today?: string;
  exact?: boolean;
  expect: Expectation;
}

const NO_FILTER: Filter = {
  building: null, rooms: null, area_min: null, area_max: null, price_max_wan: null, floor_min: null, floor_max: null,
};

export const registerCases: ParseCase[] = [
  {
    text: "张三 13812345678 来访 想要三房 预算300万 A类",
    exact: true,
    expect: {
      intent: "register_customer",
      customer: {
        name: "张三", phone: "13812345678", gender: null, source: "walk_in", grade: "A", rooms: 3,
        area_min: null, area_max: null, budget_max_wan: 300, purpose: null, note: null,
      },
    },
  },
  {
    text: "谢女士 13812345678 老客户介绍 三房 130平 预算350万 A类 自住",
    exact: true,
    expect: {
      intent: "register_customer",
      customer: {
        name: "谢女士", phone: "13812345678", gender: "female", source: "referral", grade: "A", rooms: 3,
        area_min: 120, area_max: 140, budget_max_wan: 350, purpose: "self", note: null,
      },
    },
  },
  {
    text: "王先生 13912345678 来电 两房 预算200万",
    expect: { intent: "register_customer", customer: { name: "王先生", phone: "13912345678", gender: "male", source: "call", rooms: 2, budget_max_wan: 200 } },
  },
  {
    text: "李女士 15800001111 渠道 三室两厅 120平左右 刚需",
    expect: {
      intent: "register_customer",
      customer: { name: "李女士", phone: "15800001111", gender: "female", source: "agency", rooms: 3, area_min: 110, area_max: 130, purpose: "self" },
    },
  },
  {
    text: "新客户 赵六 18612345678 老带新 B类 投资",
    expect: { intent: "register_customer", customer: { name: "赵六", phone: "18612345678", source: "referral", grade: "B", purpose: "invest" } },
  },
  {
    text: "陈小明 +86 138 1234 5678 抖音 四房 180平以上 预算500万以内",
    expect: {
      intent: "register_customer",
      customer: { name: "陈小明", phone: "13812345678", source: "online", rooms: 4, area_min: 180, area_max: null, budget_max_wan: 500 },
    },
  },
  {
    text: "刘女士 138-1234-5678 展会 意向A 改善",
    expect: { intent: "register_customer", customer: { name: "刘女士", phone: "13812345678", gender: "female", source: "expo", grade: "A", purpose: "self" } },
  },
  {
    text: "登记客户 孙七 13700001234 女 自然来访 C类",
    expect: { intent: "register_customer", customer: { name: "孙七", phone: "13700001234", gender: "female", source: "walk_in", grade: "C" } },
  },
  {
    text: "周先生 电话13612345678 活动来的 两房 90平",
    expect: {
      intent: "register_customer",
      customer: { name: "周先生", phone: "13612345678", gender: "male", source: "promotion", rooms: 2, area_min: 80, area_max: 100 },
    },
  },
  {
    text: "吴九 15912345678 网上看到的 三百万 三房",
    expect: { intent: "register_customer", customer: { name: "吴九", phone: "15912345678", source: "online", budget_max_wan: 300, rooms: 3 } },
  },
  {
    text: "郑十 13812345678 电话",
    expect: { intent: "register_customer", customer: { name: "郑十", phone: "13812345678", source: "call" } },
  },
  {
    text: "马先生 13812345678 一百二十平 预算两百五十万",
    expect: { intent: "register_customer", customer: { name: "马先生", area_min: 110, area_max: 130, budget_max_wan: 250 } },
  },
  {
    text: "欧阳娜娜 13512345678 转介绍",
    expect: { intent: "register_customer", customer: { name: "欧阳娜娜", phone: "13512345678", source: "referral" } },
  },
  {
    text: "客户黄磊 电话 0086 13812345678 意向B",
    expect: { intent: "register_customer", customer: { name: "黄磊", phone: "13812345678", grade: "B" } },
  },
  {
    text: "林先生 13812345678 中介带看 3房2厅 预算280w",
    expect: { intent: "register_customer", customer: { name: "林先生", source: "agency", rooms: 3, budget_max_wan: 280 } },
  },
  {
    text: "张三 13812345678 A级 男",
    expect: { intent: "register_customer", customer: { name: "张三", grade: "A", gender: "male" } },
  },
  {
    text: "何女士 13812345678 上门 婚房 两房",
    expect: { intent: "register_customer", customer: { name: "何女士", source: "walk_in", purpose: "self", rooms: 2 } },
  },
  {
    text: "13812345678 来访 三房",
    expect: { intent: "register_customer", customer: { name: null, phone: "13812345678", source: "walk_in", rooms: 3 } },
  },
  {
    text: "新客 高先生 13812345678",
    expect: { intent: "register_customer", customer: { name: "高先生", gender: "male", phone: "13812345678" } },
  },
  {
    text: "录入客户 许晴 13812345678 来源:网络 等级:B",
    expect: { intent: "register_customer", customer: { name: "许晴", source: "online", grade: "B", note: null } },
  },
  {
    text: "张三，13812345678，来访，三房，300万，A类",
    expect: {
      intent: "register_customer",
      customer: { name: "张三", phone: "13812345678", source: "walk_in", rooms: 3, budget_max_wan: 300, grade: "A", note: null },
    },
  },
  {
    text: "李雷 13912345678 预算250-300万 两房",
    expect: { intent: "register_customer", customer: { name: "李雷", budget_max_wan: 300, rooms: 2 } },
  },
  {
    text: "韩梅梅 13812345678 90多平 两房 刚需",
    expect: { intent: "register_customer", customer: { name: "韩梅梅", area_min: 90, area_max: 100, rooms: 2, purpose: "self" } },
  },
  {
    text: "王五 13812345678 三居室 140平 投资 D类",
    expect: { intent: "register_customer", customer: { name: "王五", rooms: 3, area_min: 130, area_max: 150, purpose: "invest", grade: "D" } },
  },
  {
    text: "杨女士 138 1234 5678 自然到访 改善型 四房 预算六百万",
    expect: {
      intent: "register_customer",
      customer: { name: "杨女士", phone: "13812345678", source: "walk_in", purpose: "self", rooms: 4, budget_max_wan: 600 },
    },
  },
  {
    text: "客户张伟 手机:13812345678 来访 关注学区",
    expect: { intent: "register_customer", customer: { name: "张伟", phone: "13812345678", source: "walk_in", note: "关注学区" } },
  },
  {
    text: "赵先生 13812345678 来电咨询 三房 预算不超过400万",
    expect: { intent: "register_customer", customer: { name: "赵先生", source: "call", rooms: 3, budget_max_wan: 400 } },
  },
  {
    // A down payment does not bound the total price; it is kept as a note.
    text: "孙女士 13812345678 A类 首付100万 想要两房",
    expect: { intent: "register_customer", customer: { name: "孙女士", grade: "A", rooms: 2, budget_max_wan: null, note: "首付100万" } },
  },
  {
    text: "张三 13812345678 预算300万以上",
    expect: { intent: "register_customer", customer: { name: "张三", budget_max_wan: null } },
  },
  {
    // A unit price is not a budget.
    text: "钱多多 13812345678 单价2.8万/平以内 三房",
    expect: { intent: "register_customer", customer: { name: "钱多多", rooms: 3, budget_max_wan: null } },
  },
  {
    text: "138xxxx5678 王先生 来访",
    expect: { intent: "register_customer", customer: { name: "王先生", phone: "138****5678", source: "walk_in" } },
  },
  {
    text: "新客户 李先生 来访 A类 三房",
    expect: { intent: "register_customer", customer: { name: "李先生", phone: null, source: "walk_in", grade: "A", rooms: 3 } },
  },
  {
    text: "王先生 来访 三房 预算300万",
    expect: { intent: "register_customer", customer: { name: "王先生", phone: null, source: "walk_in", rooms: 3, budget_max_wan: 300 } },
  },
  {
    text: "刘总 13812345678 投资",
    expect: { intent: "register_customer", customer: { name: "刘总", gender: null, purpose: "invest" } },
  },
  {
    text: "陈先生 15012345678 朋友介绍 两房 80-90平 预算150万",
    expect: { intent: "register_customer", customer: { name: "陈先生", source: "referral", rooms: 2, area_min: 80, area_max: 90, budget_max_wan: 150 } },
  },
  {
    // Several channels named: the more specific one (online) is the source.
    text: "张三 13812345678 抖音来电 三房",
    expect: { intent: "register_customer", customer: { name: "张三", source: "online", rooms: 3 } },
  },
  {
    text: "登记 小王 13812345678 来访",
    expect: { intent: "register_customer", customer: { name: "小王", source: "walk_in" } },
  },
  {
    text: "老陈 13812345678 电话 两房",
    expect: { intent: "register_customer", customer: { name: "老陈", source: "call", rooms: 2 } },
  },
  {
    text: "魏先生 13812345678 来访 一房 50平",
    expect: { intent: "register_customer", customer: { name: "魏先生", rooms: 1, area_min: 40, area_max: 60 } },
  },
  {
    text: "冯女士 8613812345678 来访",
    expect: { intent: "register_customer", customer: { name: "冯女士", phone: "13812345678" } },
  },
  {
    text: "蒋先生 13812345678 来访 大三房 预算三百五十万",
    expect: { intent: "register_customer", customer: { name: "蒋先生", rooms: 3, budget_max_wan: 350 } },
  },
  {
    text: "姓名：沈浩 电话：13812345678 来源：来访 意向：A",
    expect: { intent: "register_customer", customer: { name: "沈浩", phone: "13812345678", source: "walk_in", grade: "A", note: null } },
  },
  {
    text: "韦女士 13812345678 线上 120平出头 预算280",
    expect: { intent: "register_customer", customer: { name: "韦女士", source: "online", area_min: 120, area_max: 130, budget_max_wan: 280 } },
  },
  {
    text: "张三13812345678来访三房",
    expect: { intent: "register_customer", customer: { name: "张三", phone: "13812345678", source: "walk_in", rooms: 3 } },
  },
  {
    text: "新客户 邓超 １３８１２３４５６７８ 来访",
    expect: { intent: "register_customer", customer: { name: "邓超", phone: "13812345678", source: "walk_in" } },
  },
  {
    text: "潘女士 13812345678 小红书 两房 预算180万左右 想要低楼层",
    expect: { intent: "register_customer", customer: { name: "潘女士", source: "online", rooms: 2, budget_max_wan: 180, note: "想要低楼层" } },
  },
  {
    text: "客户 曾先生 13812345678 链家带过来的 意向C",
    expect: { intent: "register_customer", customer: { name: "曾先生", source: "agency", grade: "C" } },
  },
  {
    text: "田女士 13812345678 房展会 3室2厅2卫 出租用",
    expect: { intent: "register_customer", customer: { name: "田女士", source: "expo", rooms: 3, purpose: "invest" } },
  },
  {
    text: "给王五登记一下 13812345678 来访",
    expect: { intent: "register_customer", customer: { name: "王五", phone: "13812345678", source: "walk_in", note: null } },
  },
  {
    // 电话是 labels the number; it does not say the customer called in.
    text: "王五的电话是13812345678",
    expect: { intent: "register_customer", customer: { name: "王五", phone: "13812345678", source: null } },
  },
  {
    text: "张三 13812345678 微信同号 来访 两房",
    expect: { intent: "register_customer", customer: { name: "张三", source: "walk_in", rooms: 2, note: "微信同号" } },
  },
  {
    // A value read from inside a phrase leaves the phrase readable in the note.
    text: "客户王建国 13812345678 男 45岁 来访 看了样板间 对三房感兴趣 预算四百万 意向B",
    expect: {
      intent: "register_customer",
      customer: {
        name: "王建国", gender: "male", source: "walk_in", grade: "B", rooms: 3, budget_max_wan: 400,
        note: "45岁 看了样板间 对三房感兴趣",
      },
    },
  },
];

export const queryCases: ParseCase[] = [
  { text: "3栋还有三房吗", exact: true, expect: { intent: "query_units", filter: { ...NO_FILTER, building: "3", rooms: 3 } } },
  {
    text: "300万以内 120平左右",
    exact: true,
    expect: { intent: "query_units", filter: { ...NO_FILTER, price_max_wan: 300, area_min: 110, area_max: 130 } },
  },
  { text: "有没有两房", exact: true, expect: { intent: "query_units", filter: { ...NO_FILTER, rooms: 2 } } },
  { text: "A栋还有哪些房源", expect: { intent: "query_units", filter: { building: "A" } } },
  {
    text: "查一下3号楼10层以上的房子",
    exact: true,
    expect: { intent: "query_units", filter: { ...NO_FILTER, building: "3", floor_min: 10 } },
  },
  { text: "5#还有房吗", expect: { intent: "query_units", filter: { building: "5" } } },
  { text: "找一套90到110平的两房", expect: { intent: "query_units", filter: { area_min: 90, area_max: 110, rooms: 2 } } },
  { text: "三号楼还有几套三房", expect: { intent: "query_units", filter: { building: "3", rooms: 3 } } },
  { text: "200万以内的房子有哪些", expect: { intent: "query_units", filter: { price_max_wan: 200 } } },
  { text: "有没有一百四十平左右的四房", expect: { intent: "query_units", filter: { area_min: 130, area_max: 150, rooms: 4 } } },
  { text: "2号楼15层以下还有吗", expect: { intent: "query_units", filter: { building: "2", floor_min: null, floor_max: 15 } } },
  { text: "查下B座三房", expect: { intent: "query_units", filter: { building: "B", rooms: 3 } } },
  {
    text: "6幢10到20层有没有两房",
    expect: { intent: "query_units", filter: { building: "6", floor_min: 10, floor_max: 20, rooms: 2 } },
  },
  { text: "还有120平米的吗", expect: { intent: "query_units", filter: { area_min: 110, area_max: 130 } } },
  { text: "120㎡三房还有吗", expect: { intent: "query_units", filter: { area_min: 110, area_max: 130, rooms: 3 } } },
  { text: "预算350万能买几房", expect: { intent: "query_units", filter: { price_max_wan: 350 } } },
  {
    // A specific unit asks about its building and floor.
    text: "3-1203还在吗",
    expect: { intent: "query_units", filter: { building: "3", floor_min: 12, floor_max: 12 } },
  },
  { text: "有没有总价300万以下的三房", expect: { intent: "query_units", filter: { price_max_wan: 300, rooms: 3 } } },
  {
    // Only a total price can be filtered on; a unit price is ignored.
    // A unit price is no filter: said as not understood, not dropped.
    text: "单价2.8万以内的房源有吗",
    exact: true,
    expect: { intent: "query_units", filter: { ...NO_FILTER, unparsed: ["单价2.8万以内"] } },
  },
  {
    text: "3栋120平左右 2.8万一平",
    exact: true,
    expect: { intent: "query_units", filter: { ...NO_FILTER, building: "3", area_min: 110, area_max: 130, unparsed: ["2.8万一平"] } },
  },
  { text: "10楼以上的三房", expect: { intent: "query_units", filter: { floor_min: 10, floor_max: null, rooms: 3 } } },
  {
    // 高楼层 depends on the building's height: no floor bounds, a band.
    text: "高楼层三房还有吗",
    exact: true,
    expect: { intent: "query_units", filter: { ...NO_FILTER, rooms: 3, floor_band: "high" } },
  },
  { text: "低楼层的两房有没有", expect: { intent: "query_units", filter: { rooms: 2, floor_min: null, floor_max: null } } },
  { text: "十层以上", exact: true, expect: { intent: "query_units", filter: { ...NO_FILTER, floor_min: 10 } } },
  { text: "两房", exact: true, expect: { intent: "query_units", filter: { ...NO_FILTER, rooms: 2 } } },
  { text: "3栋", exact: true, expect: { intent: "query_units", filter: { ...NO_FILTER, building: "3" } } },
  { text: "90平以下的小两房", expect: { intent: "query_units", filter: { area_min: null, area_max: 90, rooms: 2 } } },
  { text: "150平以上大平层", expect: { intent: "query_units", filter: { area_min: 150, area_max: null, floor_min: null } } },
  { text: "推荐几套300万左右的三房", expect: { intent: "query_units", filter: { price_max_wan: 300, rooms: 3 } } },
  { text: "帮我找下8号楼的四房", expect: { intent: "query_units", filter: { building: "8", rooms: 4 } } },
  { text: "有没有三室两厅两卫的", expect: { intent: "query_units", filter: { rooms: 3 } } },
  { text: "查询1号楼5到10层", expect: { intent: "query_units", filter: { building: "1", floor_min: 5, floor_max: 10 } } },
  { text: "300w以内", exact: true, expect: { intent: "query_units", filter: { ...NO_FILTER, price_max_wan: 300 } } },
  {
    text: "还有没有250万以下 100平左右的房子",
    expect: { intent: "query_units", filter: { price_max_wan: 250, area_min: 90, area_max: 110 } },
  },
  { text: "3栋二十层以上", expect: { intent: "query_units", filter: { building: "3", floor_min: 20 } } },
  { text: "12层的两房还有吗", expect: { intent: "query_units", filter: { floor_min: 12, floor_max: 12, rooms: 2 } } },
  { text: "有没有80-100平的", expect: { intent: "query_units", filter: { area_min: 80, area_max: 100 } } },
  {
    text: "400万以内的四房 最好10层以上",
    expect: { intent: "query_units", filter: { price_max_wan: 400, rooms: 4, floor_min: 10 } },
  },
  { text: "3#楼三房", expect: { intent: "query_units", filter: { building: "3", rooms: 3 } } },
  {
    text: "一百二十平三房 三百万以内",
    expect: { intent: "query_units", filter: { area_min: 110, area_max: 130, rooms: 3, price_max_wan: 300 } },
  },
  { text: "a栋有没有两房", expect: { intent: "query_units", filter: { building: "A", rooms: 2 } } },
  { text: "3栋12层有房吗", expect: { intent: "query_units", filter: { building: "3", floor_min: 12, floor_max: 12 } } },
  { text: "江景三房还有吗", expect: { intent: "query_units", filter: { rooms: 3, building: null } } },
  { text: "11号楼100到120平的", expect: { intent: "query_units", filter: { building: "11", area_min: 100, area_max: 120 } } },
  {
    // Looking for special-offer units is a search, not a discount request.
    text: "帮我查下还有几套特价房",
    exact: true,
    expect: { intent: "query_units", filter: { ...NO_FILTER, unparsed: ["特价房"] } },
  },
  {
    text: "5栋15楼以上 三房 350万以内",
    expect: { intent: "query_units", filter: { building: "5", floor_min: 15, floor_max: null, rooms: 3, price_max_wan: 350 } },
  },
  {
    text: "2栋还有120平左右的三房吗？300万以内",
    exact: true,
    expect: { intent: "query_units", filter: { ...NO_FILTER, building: "2", rooms: 3, area_min: 110, area_max: 130, price_max_wan: 300 } },
  },
];

export const discountCases: ParseCase[] = [
  // The way the buyer pays, when named, preselects it in the dialog; the words stay in the reason.
  {
    text: "3-1203 王五 申请98折 公积金贷款",
    expect: { intent: "request_discount", request: { unit: "3-1203", customer_name: "王五", discount_rate: 0.98, payment_method: "provident_fund" } },
  },
  {
    text: "5栋802 李四 组合贷 商贷加公积金 申请97折",
    expect: { intent: "request_discount", request: { unit: "5-802", customer_name: "李四", discount_rate: 0.97, payment_method: "combined" } },
  },
  {
    text: "2-502 按揭客户 降到285万",
    expect: { intent: "request_discount", request: { unit: "2-502", target_price_wan: 285, payment_method: "mortgage" } },
  },
  {
    // No building named: the unit is just the room number.
    text: "1203 王五 申请97折",
    exact: true,
    expect: {
      intent: "request_discount",
      request: { unit: "1203", customer_name: "王五", customer_phone: null, discount_rate: 0.97, target_price_wan: null, reason: null },
    },
  },
  {
    text: "3-1203 降到285万",
    exact: true,
    expect: {
      intent: "request_discount",
      request: { unit: "3-1203", customer_name: null, customer_phone: null, discount_rate: null, target_price_wan: 285, reason: null },
    },
  },
  {
    text: "2栋502 张三 13812345678 申请九五折",
    exact: true,
    expect: {
      intent: "request_discount",
      request: { unit: "2-502", customer_name: "张三", customer_phone: "13812345678", discount_rate: 0.95, target_price_wan: null, reason: null },
    },
  },
  {
    text: "3栋1203 张女士 申请九五折 全款",
    expect: { intent: "request_discount", request: { unit: "3-1203", customer_name: "张女士", discount_rate: 0.95, reason: "全款", payment_method: "full" } },
  },
  {
    text: "3号楼1203室 客户李四 优惠3个点",
    expect: { intent: "request_discount", request: { unit: "3-1203", customer_name: "李四", discount_rate: 0.97 } },
  },
  { text: "5#802 让2个点", expect: { intent: "request_discount", request: { unit: "5-802", discount_rate: 0.98 } } },
  { text: "3幢1203 9.5折", expect: { intent: "request_discount", request: { unit: "3-1203", discount_rate: 0.95 } } },
  {
    text: "A栋1203 王先生 九七折",
    expect: { intent: "request_discount", request: { unit: "A-1203", customer_name: "王先生", discount_rate: 0.97 } },
  },
  {
    text: "2-1501 赵六 13812345678 申请98折 客户一次性付款",
    expect: {
      intent: "request_discount",
      request: { unit: "2-1501", customer_name: "赵六", customer_phone: "13812345678", discount_rate: 0.98, reason: "客户一次性付款", payment_method: "full" },
    },
  },
  {
    text: "帮3-1203的陈先生申请一下九八折",
    expect: { intent: "request_discount", request: { unit: "3-1203", customer_name: "陈先生", discount_rate: 0.98 } },
  },
  {
    // The list price comes first, the price the customer asks for after it.
    text: "1203 总价300万 客户想285万拿下",
    expect: { intent: "request_discount", request: { unit: "1203", target_price_wan: 285 } },
  },
  {
    text: "3-1203 特价申请",
    expect: { intent: "request_discount", request: { unit: "3-1203", discount_rate: null, target_price_wan: null } },
  },
  {
    text: "1502 刘女士 申请优惠 想再让1个点",
    expect: { intent: "request_discount", request: { unit: "1502", customer_name: "刘女士", discount_rate: 0.99 } },
  },
  { text: "8栋601 降价到二百八十万", expect: { intent: "request_discount", request: { unit: "8-601", target_price_wan: 280 } } },
  { text: "3栋1203 客户要求打九折", expect: { intent: "request_discount", request: { unit: "3-1203", discount_rate: 0.9 } } },
  {
    text: "6-2301 李总 让3个点",
    expect: { intent: "request_discount", request: { unit: "6-2301", customer_name: "李总", discount_rate: 0.97 } },
  },
  {
    text: "3-1203 王五 优惠1.5个点",
    expect: { intent: "request_discount", request: { unit: "3-1203", customer_name: "王五", discount_rate: 0.985 } },
  },
  {
    text: "3-1203 孙先生 138****5678 申请96折",
    expect: {
      intent: "request_discount",
      request: { unit: "3-1203", customer_name: "孙先生", customer_phone: "138****5678", discount_rate: 0.96 },
    },
  },
  {
    text: "12-1803 申请底价",
    expect: { intent: "request_discount", request: { unit: "12-1803", discount_rate: null, target_price_wan: null, reason: null } },
  },
  {
    // An amount off has no field of its own; it stays readable in the reason.
    text: "3-1203 张三 申请优惠2万",
    expect: {
      intent: "request_discount",
      request: { unit: "3-1203", customer_name: "张三", discount_rate: null, target_price_wan: null, reason: "申请优惠2万" },
    },
  },
  {
    text: "3栋1203 原价320万 申请降到300万",
    expect: { intent: "request_discount", request: { unit: "3-1203", target_price_wan: 300 } },
  },
  {
    text: "3-1203 客户嫌贵 能不能打个98折",
    expect: { intent: "request_discount", request: { unit: "3-1203", discount_rate: 0.98, reason: "客户嫌贵" } },
  },
  {
    text: "3-1203 九七折 王五 老带新客户",
    expect: { intent: "request_discount", request: { unit: "3-1203", customer_name: "王五", discount_rate: 0.97, reason: "老带新客户" } },
  },
  { text: "7栋1101 让两个点", expect: { intent: "request_discount", request: { unit: "7-1101", discount_rate: 0.98 } } },
  { text: "1203 申请9折", expect: { intent: "request_discount", request: { unit: "1203", discount_rate: 0.9 } } },
  {
    text: "3-1203 客户要求降到270万 否则不签",
    expect: { intent: "request_discount", request: { unit: "3-1203", target_price_wan: 270, reason: "客户要求降到270万 否则不签" } },
  },
  { text: "3#1203 便宜到290万", expect: { intent: "request_discount", request: { unit: "3-1203", target_price_wan: 290 } } },
  { text: "3栋1203 八八折", expect: { intent: "request_discount", request: { unit: "3-1203", discount_rate: 0.88 } } },
  {
    text: "申请97折",
    exact: true,
    expect: {
      intent: "request_discount",
      request: { unit: null, customer_name: null, customer_phone: null, discount_rate: 0.97, target_price_wan: null, reason: null },
    },
  },
  {
    text: "5栋1203 赵女士 少3个点",
    expect: { intent: "request_discount", request: { unit: "5-1203", customer_name: "赵女士", discount_rate: 0.97 } },
  },
  {
    text: "3-1203 王五 98.5折",
    expect: { intent: "request_discount", request: { unit: "3-1203", customer_name: "王五", discount_rate: 0.985 } },
  },
  {
    text: "A座1802 客户周芳 优惠三个点 签约当天付全款",
    expect: { intent: "request_discount", request: { unit: "A-1802", customer_name: "周芳", discount_rate: 0.97, reason: "签约当天付全款" } },
  },
  {
    text: "3-1203 总价从300万降到285万",
    expect: { intent: "request_discount", request: { unit: "3-1203", target_price_wan: 285 } },
  },
  {
    text: "9栋301 杨先生 申请九点五折",
    expect: { intent: "request_discount", request: { unit: "9-301", customer_name: "杨先生", discount_rate: 0.95 } },
  },
  { text: "3-1203 客户砍价到280万", expect: { intent: "request_discount", request: { unit: "3-1203", target_price_wan: 280 } } },
  {
    text: "3-1203 能不能再优惠一点",
    expect: { intent: "request_discount", request: { unit: "3-1203", discount_rate: null, target_price_wan: null } },
  },
  {
    text: "5-1801 客户陈女士 申请95折 理由：一次性付款",
    expect: { intent: "request_discount", request: { unit: "5-1801", customer_name: "陈女士", discount_rate: 0.95, reason: "一次性付款" } },
  },
  {
    text: "3栋1203 客户说总价能做到290万就签",
    expect: { intent: "request_discount", request: { unit: "3-1203", target_price_wan: 290 } },
  },
];

export const followUpCases: ParseCase[] = [
  {
    text: "王五 电话回访 嫌价格高 下周三再约",
    exact: true,
    expect: {
      intent: "log_follow_up",
      follow_up: { customer_name: "王五", customer_phone: null, method: "phone", content: "嫌价格高", next_date: "2026-12-02", objection: "价格" },
    },
  },
  {
    text: "张三 微信跟进 考虑中 周五再联系",
    exact: true,
    expect: {
      intent: "log_follow_up",
      follow_up: { customer_name: "张三", customer_phone: null, method: "wechat", content: "考虑中", next_date: "2026-11-27" },
    },
  },
  {
    text: "李四 13812345678 回访 已看房 明天再打",
    expect: {
      intent: "log_follow_up",
      follow_up: { customer_name: "李四", customer_phone: "13812345678", content: "已看房", next_date: "2026-11-24" },
    },
  },
  {
    text: "王先生复访 带家人看了3-1203",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "王先生", method: "visit", content: "带家人看了3-1203", next_date: null } },
  },
  {
    text: "赵六 短信跟进 没回复",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "赵六", method: "message", content: "没回复" } },
  },
  {
    text: "陈女士 上门拜访 意向很强 下下周一签约",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "陈女士", method: "visit", next_date: "2026-12-07" } },
  },
  {
    text: "刘总 电话沟通 资金还没到位 3天后再联系",
    expect: {
      intent: "log_follow_up",
      follow_up: { customer_name: "刘总", method: "phone", content: "资金还没到位", next_date: "2026-11-26" },
    },
  },
  {
    text: "孙七 面谈 对2栋1502感兴趣 12月5日再约",
    expect: {
      intent: "log_follow_up",
      follow_up: { customer_name: "孙七", method: "visit", content: "对2栋1502感兴趣", next_date: "2026-12-05" },
    },
  },
  {
    text: "周先生 微信回访 周末带老婆来看",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "周先生", method: "wechat", next_date: "2026-11-28" } },
  },
  {
    text: "跟进 吴九 13912345678 电话 没接",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "吴九", customer_phone: "13912345678", method: "phone", content: "没接" } },
  },
  {
    text: "郑十 回访 说要跟家里商量 12/5再跟进",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "郑十", content: "说要跟家里商量", next_date: "2026-12-05" } },
  },
  {
    text: "老王 电话回访 还在比较其他楼盘 后天再约",
    expect: {
      intent: "log_follow_up",
      follow_up: { customer_name: "老王", method: "phone", content: "还在比较其他楼盘", next_date: "2026-11-25" },
    },
  },
  {
    text: "杨女士 跟进 贷款审批中",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "杨女士", method: null, content: "贷款审批中", next_date: null } },
  },
  {
    text: "何先生 追访 已交定金",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "何先生", content: "已交定金" } },
  },
  {
    text: "王五 138-1234-5678 回访 嫌户型小 这周五再约",
    expect: {
      intent: "log_follow_up",
      follow_up: { customer_name: "王五", customer_phone: "13812345678", content: "嫌户型小", next_date: "2026-11-27" },
    },
  },
  {
    text: "李四 约了周六来看房",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "李四", next_date: "2026-11-28" } },
  },
  {
    text: "张女士 电话回访 不接 下周一再打",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "张女士", method: "phone", content: "不接", next_date: "2026-11-30" } },
  },
  {
    text: "黄先生 微信聊了 对价格满意 大后天来签约",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "黄先生", method: "wechat", next_date: "2026-11-26" } },
  },
  {
    text: "王五 回访 周一再约",
    today: FRIDAY,
    expect: { intent: "log_follow_up", follow_up: { customer_name: "王五", next_date: "2026-11-30" } },
  },
  {
    // On a Sunday, 下周三 is in the week starting tomorrow.
    text: "张三 跟进 下周三再联系",
    today: SUNDAY,
    expect: { intent: "log_follow_up", follow_up: { customer_name: "张三", next_date: "2026-12-02" } },
  },
  {
    text: "李四 回访 后天再约",
    today: NEW_YEARS_EVE_EVE,
    expect: { intent: "log_follow_up", follow_up: { customer_name: "李四", next_date: "2027-01-01" } },
  },
  {
    text: "李四 回访 1月5日再约",
    today: NEW_YEARS_EVE_EVE,
    expect: { intent: "log_follow_up", follow_up: { customer_name: "李四", next_date: "2027-01-05" } },
  },
  {
    text: "陆先生 电话跟进 明天上午10点再打",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "陆先生", method: "phone", next_date: "2026-11-24" } },
  },
  {
    text: "复访 马女士 带父母来看了样板间",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "马女士", method: "visit", content: "带父母来看了样板间" } },
  },
  {
    text: "客户韩梅梅 回访 想等年底优惠",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "韩梅梅", content: "想等年底优惠" } },
  },
  {
    // 便宜一点 is "a bit cheaper", not a discount of one point.
    text: "王五 回访 觉得3-1203太贵 希望便宜一点",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "王五", content: "觉得3-1203太贵 希望便宜一点" } },
  },
  {
    // The first way of contact is how it happened; 到访 is what was agreed.
    text: "刘女士 电话回访 约了下周六到访",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "刘女士", method: "phone", next_date: "2026-12-05" } },
  },
  {
    text: "孙先生 13812345678 微信回访 已发户型图",
    expect: {
      intent: "log_follow_up",
      follow_up: { customer_name: "孙先生", customer_phone: "13812345678", method: "wechat", content: "已发户型图" },
    },
  },
  {
    // Today is the contact being logged, not the next one.
    text: "今天电话回访了张三 客户还在犹豫",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "张三", method: "phone", next_date: null } },
  },
  {
    // Glued into one word, the text is kept as written, minus the name.
    text: "王五电话回访嫌价格高",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "王五", method: "phone", content: "电话回访嫌价格高" } },
  },
  {
    text: "跟进 138****5678 微信 发了价格表",
    expect: { intent: "log_follow_up", follow_up: { customer_name: null, customer_phone: "138****5678", method: "wechat" } },
  },
  {
    text: "唐先生 回访 一周后再联系",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "唐先生", next_date: "2026-11-30" } },
  },
  {
    // No follow-up word, but a way of contact about a known customer.
    text: "李四 微信 发了户型图 明天下午3点来看房",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "李四", method: "wechat", next_date: "2026-11-24" } },
  },
  {
    text: "今天给李四打电话 他说还在考虑 下周二再联系",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "李四", method: "phone", next_date: "2026-12-01" } },
  },
  {
    // The customer asking about a discount is still a follow-up record.
    text: "赵六 微信回访 问能不能打折",
    expect: { intent: "log_follow_up", follow_up: { customer_name: "赵六", method: "wechat", content: "问能不能打折" } },
  },
];

export const reportCases: ParseCase[] = [
  {
    text: "报备 李四 138****5678 明天下午3点到访",
    exact: true,
    expect: { intent: "report_customer", report: { customer_name: "李四", customer_phone: "138****5678", expected_visit: "2026-11-24T15:00" } },
  },
  {
    text: "报备 王五 13812345678 周六上午10点到访",
    exact: true,
    expect: { intent: "report_customer", report: { customer_name: "王五", customer_phone: "13812345678", expected_visit: "2026-11-28T10:00" } },
  },
  {
    // 下午 without an hour: a typical afternoon hour.
    text: "报备客户 张女士 139****1234 今天下午到",
    expect: { intent: "report_customer", report: { customer_name: "张女士", customer_phone: "139****1234", expected_visit: "2026-11-23T15:00" } },
  },
  {
    // A date with no time: 00:00 stands for "time not given".
    text: "报备 赵六 138xxxx5678 后天",
    expect: { intent: "report_customer", report: { customer_name: "赵六", customer_phone: "138****5678", expected_visit: "2026-11-25T00:00" } },
  },
  {
    text: "报备：陈先生 186****0001 预计下周三下午2点半到访",
    expect: { intent: "report_customer", report: { customer_name: "陈先生", customer_phone: "186****0001", expected_visit: "2026-12-02T14:30" } },
  },
  {
    text: "报备 刘一 13800001111",
    exact: true,
    expect: { intent: "report_customer", report: { customer_name: "刘一", customer_phone: "13800001111", expected_visit: null } },
  },
  {
    text: "报备 孙七 138****5678 晚上7点",
    expect: { intent: "report_customer", report: { customer_name: "孙七", expected_visit: "2026-11-23T19:00" } },
  },
  {
    text: "报备 周八 138****5678 大后天上午九点",
    expect: { intent: "report_customer", report: { customer_name: "周八", expected_visit: "2026-11-26T09:00" } },
  },
  {
    text: "报备 吴先生 138****5678 12月5日下午2点来看房",
    expect: { intent: "report_customer", report: { customer_name: "吴先生", expected_visit: "2026-12-05T14:00" } },
  },
  {
    text: "报备 郑女士 138****5678 15:30到",
    expect: { intent: "report_customer", report: { customer_name: "郑女士", expected_visit: "2026-11-23T15:30" } },
  },
  {
    text: "报备 黄晓明 138 **** 5678 这周五下午",
    expect: { intent: "report_customer", report: { customer_name: "黄晓明", customer_phone: "138****5678", expected_visit: "2026-11-27T15:00" } },
  },
  {
    text: "报备 李四 +86 138 1234 5678 明天10点",
    expect: { intent: "report_customer", report: { customer_name: "李四", customer_phone: "13812345678", expected_visit: "2026-11-24T10:00" } },
  },
  {
    text: "报备 客户钱七 139XXXX1234 3天后",
    expect: { intent: "report_customer", report: { customer_name: "钱七", customer_phone: "139****1234", expected_visit: "2026-11-26T00:00" } },
  },
  {
    text: "报备 王五 138****5678 下下周一上午10点半",
    expect: { intent: "report_customer", report: { expected_visit: "2026-12-07T10:30" } },
  },
  {
    // Nobody visits a sales office at 3 a.m.: a bare 3点 is in the afternoon.
    text: "报备 何女士 138****5678 明天3点",
    expect: { intent: "report_customer", report: { customer_name: "何女士", expected_visit: "2026-11-24T15:00" } },
  },
  {
    text: "报备 韩先生 138****5678 明天中午12点",
    expect: { intent: "report_customer", report: { expected_visit: "2026-11-24T12:00" } },
  },
  {
    text: "报备 冯女士 138****5678 12/5 上午",
    expect: { intent: "report_customer", report: { customer_name: "冯女士", expected_visit: "2026-12-05T10:00" } },
  },
  {
    text: "报备 董先生 138****5678 周日下午三点半",
    expect: { intent: "report_customer", report: { customer_name: "董先生", expected_visit: "2026-11-29T15:30" } },
  },
  {
    text: "报备 曹女士 138****5678 明晚",
    expect: { intent: "report_customer", report: { customer_name: "曹女士", expected_visit: "2026-11-24T19:00" } },
  },
  {
    // On a Friday, 周五 is today.
    text: "报备 张三 138****5678 周五下午",
    today: FRIDAY,
    expect: { intent: "report_customer", report: { expected_visit: "2026-11-27T15:00" } },
  },
  {
    text: "报备 张三 138****5678 周一上午",
    today: SUNDAY,
    expect: { intent: "report_customer", report: { expected_visit: "2026-11-30T10:00" } },
  },
  {
    text: "报备 李四 138****5678 明天下午",
    today: "2026-12-31",
    expect: { intent: "report_customer", report: { expected_visit: "2027-01-01T15:00" } },
  },
  {
    text: "报备 2026年12月1日 上午10点 客户张三 138****5678",
    expect: { intent: "report_customer", report: { customer_name: "张三", customer_phone: "138****5678", expected_visit: "2026-12-01T10:00" } },
  },
  {
    text: "报备 宋女士 138-****-5678 明天 上午10:00",
    expect: { intent: "report_customer", report: { customer_name: "宋女士", customer_phone: "138****5678", expected_visit: "2026-11-24T10:00" } },
  },
  {
    text: "报备 许先生 138****5678 下午三点一刻",
    expect: { intent: "report_customer", report: { customer_name: "许先生", expected_visit: "2026-11-23T15:15" } },
  },
  {
    text: "报备李四138****5678明天上午到访",
    expect: { intent: "report_customer", report: { customer_name: "李四", customer_phone: "138****5678", expected_visit: "2026-11-24T10:00" } },
  },
  {
    text: "帮我报备一个客户 欧阳先生 135****2468 周六带看",
    expect: { intent: "report_customer", report: { customer_name: "欧阳先生", customer_phone: "135****2468", expected_visit: "2026-11-28T00:00" } },
  },
  {
    text: "报备客户：李四，电话：138****1234，预计明天上午10点到访",
    exact: true,
    expect: { intent: "report_customer", report: { customer_name: "李四", customer_phone: "138****1234", expected_visit: "2026-11-24T10:00" } },
  },
  {
    text: "渠道报备 李女士 13912341234 下午4点到",
    expect: { intent: "report_customer", report: { customer_name: "李女士", customer_phone: "13912341234", expected_visit: "2026-11-23T16:00" } },
  },
  {
    text: "报备 何先生 138****5678 下周末",
    expect: { intent: "report_customer", report: { customer_name: "何先生", expected_visit: "2026-12-05T00:00" } },
  },
  {
    text: "报备 周女士 138****5678 11月30日 14:00",
    expect: { intent: "report_customer", report: { customer_name: "周女士", expected_visit: "2026-11-30T14:00" } },
  },
];

export const unknownCases: ParseCase[] = [
  "你好",
  "今天天气不错",
  "谢谢",
  "在吗",
  "收到",
  "今天回访了10个客户",
  "帮我看看",
  "明天开会",
  "张三",
  "好的",
  "月底冲业绩加油",
  "怎么用",
  "下午3点开会",
  "ok",
  "？",
  "",
  "这个月业绩怎么样",
  "今天来了5组客户",
  "这周成交了3套",
  "样板间几点开门",
  "周报发一下",
].map((text) => ({ text, exact: true, expect: { intent: "unknown" } }));

// Issue 14's messages as staff really type them (real-cases.ts), in their intent's group.
registerCases.push(...realRegisterCases);
queryCases.push(...realQueryCases);
discountCases.push(...realDiscountCases);
followUpCases.push(...realFollowUpCases);
reportCases.push(...realReportCases);
unknownCases.push(...realUnknownCases);
for (const testCase of moreRealCases) {
  const group = { register_customer: registerCases, query_units: queryCases, request_discount: discountCases, log_follow_up: followUpCases, report_customer: reportCases, unknown: unknownCases };
  group[testCase.expect.intent].push(testCase);
}

export const allCases: ParseCase[] = [
  ...registerCases,
  ...queryCases,
  ...discountCases,
  ...followUpCases,
  ...reportCases,
  ...unknownCases,
];
