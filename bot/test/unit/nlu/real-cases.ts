/**
 * Issue 14: messages as staff really type them — spoken digits, 元 and 多, traditional text,
 * code-mixed verbs, stories about known customers, times and loose dates, every unit spelling,
 * typing slips, brokers' signatures, 尾号, search preferences. Part of the case table (tuned on);
 * the held-out set (held-out.ts) is separate and never tuned on.
 */
import type { ParseCase } from "./cases.js";

type E = ParseCase["expect"];
const c = (text: string, expect: E, today?: string): ParseCase => (today ? { text, today, expect } : { text, expect });
const R = (text: string, customer: NonNullable<Extract<E, { intent: "register_customer" }>["customer"]>, today?: string) => c(text, { intent: "register_customer", customer }, today);
const Q = (text: string, filter: NonNullable<Extract<E, { intent: "query_units" }>["filter"]>) => c(text, { intent: "query_units", filter });
const D = (text: string, request: NonNullable<Extract<E, { intent: "request_discount" }>["request"]>) => c(text, { intent: "request_discount", request });
const F = (text: string, follow_up: NonNullable<Extract<E, { intent: "log_follow_up" }>["follow_up"]>, today?: string) => c(text, { intent: "log_follow_up", follow_up }, today);
const P = (text: string, report: NonNullable<Extract<E, { intent: "report_customer" }>["report"]>, today?: string) => c(text, { intent: "report_customer", report }, today);
const U = (text: string) => c(text, { intent: "unknown" });

export const realRegisterCases: ParseCase[] = [
  // spoken phone digits
  R("王磊 幺三九一二三四五六七八", { name: "王磊", phone: "13912345678" }),
  R("李娜 一三八 一二三四 五六七八 来访", { name: "李娜", phone: "13812345678", source: "walk_in" }),
  R("张女士 电话幺八六幺二三四幺二三四 两房", { name: "张女士", phone: "18612341234", rooms: 2 }),
  R("赵强 一五九零零零零一一一一 投资", { name: "赵强", phone: "15900001111", purpose: "invest" }),
  R("钱先生 手机号 一三七 零零零零 一二三四", { name: "钱先生", phone: "13700001234" }),
  R("孙女士 幺七七 幺二三四 五六七八 自住", { name: "孙女士", phone: "17712345678", purpose: "self" }),
  R("周敏 一八八-一二三四-五六七八", { name: "周敏", phone: "18812345678" }),
  R("吴先生 一三五洞洞洞洞一二三四 三房", { name: "吴先生", phone: "13500001234", rooms: 3 }),
  // 元 ↔ 万, spoken amounts, ranges and 多
  R("郑女士 13812345678 预算3200000元", { name: "郑女士", budget_max_wan: 320 }),
  R("王先生 13812345678 预算2,800,000元 三房", { name: "王先生", budget_max_wan: 280, rooms: 3 }),
  R("冯丽 13812345678 总价2500000元以内", { name: "冯丽", budget_max_wan: 250 }),
  R("陈先生 13812345678 两百八以内", { name: "陈先生", budget_max_wan: 280 }),
  R("褚女士 13812345678 预算两百五", { name: "褚女士", budget_max_wan: 250 }),
  R("卫先生 13812345678 三百二十万 三房", { name: "卫先生", budget_max_wan: 320, rooms: 3 }),
  R("蒋女士 13812345678 两百多万 两房", { name: "蒋女士", budget_max_wan: 300, rooms: 2 }),
  R("沈先生 13812345678 预算280多万", { name: "沈先生", budget_max_wan: 290 }),
  R("韩女士 13812345678 200到250万 三房", { name: "韩女士", budget_max_wan: 250, rooms: 3 }),
  R("杨先生 13812345678 预算280以内 两房", { name: "杨先生", budget_max_wan: 280, rooms: 2 }),
  R("朱女士 13812345678 三百左右 一百二十平", { name: "朱女士", budget_max_wan: 300, area_min: 110, area_max: 130 }),
  R("秦先生 13812345678 四百多万 四房 改善", { name: "秦先生", budget_max_wan: 500, rooms: 4, purpose: "self" }),
  R("尤女士 13812345678 预算一百八十万到两百万", { name: "尤女士", budget_max_wan: 200 }),
  R("许先生 13812345678 300w以内 首付90万", { name: "许先生", budget_max_wan: 300 }),
  // traditional characters (names kept as written)
  R("陳先生 13812345678 預算三百萬 三房", { name: "陳先生", budget_max_wan: 300, rooms: 3 }),
  R("黃女士 13812345678 朋友介紹 兩房", { name: "黃女士", source: "referral", rooms: 2 }),
  R("劉偉 13812345678 來訪 投資", { name: "劉偉", source: "walk_in", purpose: "invest" }),
  R("張先生 13812345678 網上看到的 A類", { name: "張先生", source: "online", grade: "A" }),
  R("新客戶 楊麗 13812345678 兩百萬以內", { name: "楊麗", budget_max_wan: 200 }),
  // code-mixed and slips
  R("吕先生 13812345678 call进来的 两房", { name: "吕先生", source: "call", rooms: 2 }),
  R("施女士 13812345678 vx加了 三房 预算300", { name: "施女士", rooms: 3, budget_max_wan: 300 }),
  R("张敏 13812345678 预箅300万 三房", { name: "张敏", budget_max_wan: 300, rooms: 3 }),
  // shorthand the rules knew, kept working
  R("何先生 13812345678 来访 三房 120平 300万 A类", { name: "何先生", source: "walk_in", rooms: 3, area_min: 110, area_max: 130, budget_max_wan: 300, grade: "A" }),
  R("吕娜 13812345678 老带新 B类 自住", { name: "吕娜", source: "referral", grade: "B", purpose: "self" }),
  R("新客户 孔明 13812345678", { name: "孔明", phone: "13812345678" }),
  R("登记 曹女士 13812345678 展会 两房", { name: "曹女士", source: "expo", rooms: 2 }),
  R("严先生 13812345678 中介带看 预算四百万以内", { name: "严先生", source: "agency", budget_max_wan: 400 }),
  R("华女士 13812345678 抖音 两房 八十平", { name: "华女士", source: "online", rooms: 2, area_min: 70, area_max: 90 }),
  R("金先生 13812345678 活动来的 C类", { name: "金先生", source: "promotion", grade: "C" }),
  R("魏先生 13812345678 自然到访 三室 预算二百八十万", { name: "魏先生", source: "walk_in", rooms: 3, budget_max_wan: 280 }),
  R("陶女士 13812345678 婚房 两房 两百万左右", { name: "陶女士", purpose: "self", rooms: 2, budget_max_wan: 200 }),
];

export const realQueryCases: ParseCase[] = [
  Q("7幢21楼06室还在吗", { building: "7", unit: "7-2106", floor_min: 21, floor_max: 21 }),
  Q("2号楼 一五零一 还有没有", { building: "2", unit: "2-1501", floor_min: 15, floor_max: 15 }),
  Q("3#1502还在不在", { building: "3", unit: "3-1502" }),
  Q("5栋 一二零三 卖了没", { building: "5", unit: "5-1203" }),
  Q("6号楼18层02室还有吗", { building: "6", unit: "6-1802" }),
  Q("A座2101还在吗", { building: "A", unit: "A-2101" }),
  Q("8幢 9楼 3室 还有没", { building: "8", unit: "8-903" }),
  Q("查一下1#楼601", { building: "1", unit: "1-601" }),
  Q("还有280以内的两房吗", { rooms: 2, price_max_wan: 280 }),
  Q("两百多万的三房还有吗", { rooms: 3, price_max_wan: 300 }),
  Q("有没有200到250万的", { price_max_wan: 250 }),
  Q("3200000元以内的还有吗", { price_max_wan: 320 }),
  Q("還有三房嗎", { rooms: 3 }),
  Q("2棟還有兩房嗎", { building: "2", rooms: 2 }),
  Q("有沒有三百萬以內的", { price_max_wan: 300 }),
  Q("有没有南北通透的两房", { rooms: 2, orientation: "南北" }),
  Q("查一下最便宜的三房", { rooms: 3, sort: "price_asc" }),
  Q("最便宜的那套还在吗", { sort: "price_asc" }),
  Q("还有高楼层的三房吗", { rooms: 3, floor_band: "high", floor_min: null, floor_max: null }),
  Q("低楼层还有几套", { floor_band: "low" }),
  Q("3栋中间楼层的两房有没有", { building: "3", rooms: 2, floor_band: "middle" }),
  Q("有没有朝东的小两房 预算两百万以内", { rooms: 2, orientation: "东", price_max_wan: 200 }),
  Q("帮我找下5号楼最贵的那套", { building: "5", sort: "price_desc" }),
  Q("还有带花园的一楼吗", { unparsed: ["带花园"] }),
  Q("查查 有没有江景房 三房", { rooms: 3, unparsed: ["江景房"] }),
  Q("有没有 10层以上 朝南 三房", { floor_min: 10, orientation: "南", rooms: 3 }),
];

export const realDiscountCases: ParseCase[] = [
  D("7幢21楼06室 王芳 申请九五折", { unit: "7-2106", customer_name: "王芳", discount_rate: 0.95 }),
  D("2号楼 一五零一 李女士 想降到两百八十五万", { unit: "2-1501", customer_name: "李女士", target_price_wan: 285 }),
  D("3#1502 陈先生 砍到两百七", { unit: "3-1502", customer_name: "陈先生", target_price_wan: 270 }),
  D("5-1801 刘洋 总价降到3100000元", { unit: "5-1801", customer_name: "刘洋", target_price_wan: 310 }),
  D("1-602 周杰 申請97折", { unit: "1-602", customer_name: "周杰", discount_rate: 0.97 }),
  D("2-1203 尾号5678的客户 申请96折", { unit: "2-1203", customer_phone_tail: "5678", discount_rate: 0.96 }),
  D("6-801 吴敏 让两个点", { unit: "6-801", customer_name: "吴敏", discount_rate: 0.98 }),
  D("8-1203 何伟 九六折能拿下", { unit: "8-1203", customer_name: "何伟", discount_rate: 0.96 }),
  D("4-1101 孙丽 申请优慧 97折", { unit: "4-1101", customer_name: "孙丽", discount_rate: 0.97 }),
  D("A-1801 林小姐 一次性付款 申请98折", { unit: "A-1801", customer_name: "林小姐", discount_rate: 0.98 }),
  D("9-1601 梁静 按揭 申请99折", { unit: "9-1601", customer_name: "梁静", discount_rate: 0.99 }),
  D("10-1203 马丽 特批到285w", { unit: "10-1203", customer_name: "马丽", target_price_wan: 285 }),
  D("3栋1102 钱先生 要优惠3个点", { unit: "3-1102", customer_name: "钱先生", discount_rate: 0.97 }),
  D("5号楼 二零零一 黄先生 申请特价 两百九十八万", { unit: "5-2001", customer_name: "黄先生", target_price_wan: 298 }),
];

export const realFollowUpCases: ParseCase[] = [
  // stories about a named customer
  F("王芳 没接", { customer_name: "王芳", method: "phone" }),
  F("李明 电话打不通", { customer_name: "李明", method: "phone" }),
  F("赵磊 嫌贵 还在考虑", { customer_name: "赵磊", objection: "价格" }),
  F("陈先生 说要跟老婆商量一下", { customer_name: "陈先生" }),
  F("刘洋 来案场看了样板间 很满意", { customer_name: "刘洋", method: "visit" }),
  F("周杰 上门了 嫌面积小", { customer_name: "周杰", method: "visit", objection: "面积" }),
  F("孙丽 电话 嫌位置偏", { customer_name: "孙丽", method: "phone", objection: "位置" }),
  F("黄先生 到访 觉得户型不好", { customer_name: "黄先生", method: "visit", objection: "户型" }),
  F("吴敏 电话 首付不够 再等等", { customer_name: "吴敏", method: "phone", objection: "资金" }),
  F("郭先生 电话 嫌楼层低", { customer_name: "郭先生", method: "phone", objection: "楼层" }),
  // code-mixed verbs
  F("王芳 下午call过她了", { customer_name: "王芳", method: "phone", next_date: null }),
  F("李女士 vx上发了价格单", { customer_name: "李女士", method: "wechat" }),
  F("赵先生 微信发了户型图", { customer_name: "赵先生", method: "wechat" }),
  F("陈敏 VX聊了 下周三再约", { customer_name: "陈敏", method: "wechat", next_date: "2026-12-02" }),
  F("何伟 call了没接", { customer_name: "何伟", method: "phone" }),
  F("马丽 wx发了样板间视频", { customer_name: "马丽", method: "wechat" }),
  // dates with times
  F("王芳 明天上午十点再约", { customer_name: "王芳", next_date: "2026-11-24", next_time: "10:00" }),
  F("张伟 回访 下午三点再打", { customer_name: "张伟", next_date: "2026-11-23", next_time: "15:00" }),
  F("李明 电话 周五下午再联系", { customer_name: "李明", method: "phone", next_date: "2026-11-27", next_time: "15:00" }),
  F("赵磊 微信 后天下午两点半来看房", { customer_name: "赵磊", method: "wechat", next_date: "2026-11-25", next_time: "14:30" }),
  F("陈先生 明晚八点回访", { customer_name: "陈先生", next_date: "2026-11-24", next_time: "20:00" }),
  F("周杰 下周一上午9点来签", { customer_name: "周杰", next_date: "2026-11-30", next_time: "09:00" }),
  F("孙丽 回访 12月5号下午再约", { customer_name: "孙丽", next_date: "2026-12-05", next_time: "15:00" }),
  F("吴敏 上午call过 晚上再打", { customer_name: "吴敏", method: "phone", next_date: "2026-11-23", next_time: "19:00" }),
  F("黄先生 回访 明天再约", { customer_name: "黄先生", next_date: "2026-11-24" }),
  // loose dates
  F("马丽 回访 月底再联系", { customer_name: "马丽", next_date: "2026-11-30", next_date_approx: true }),
  F("何伟 电话 下个月再说", { customer_name: "何伟", method: "phone", next_date: "2026-12-01", next_date_approx: true }),
  F("郭先生 跟进 下个月初再约", { customer_name: "郭先生", next_date: "2026-12-01", next_date_approx: true }),
  F("梁静 回访 说元旦后再看", { customer_name: "梁静", next_date: null, next_date_ask: "元旦后" }),
  F("宋先生 电话 年后再说", { customer_name: "宋先生", method: "phone", next_date: null, next_date_ask: "年后" }),
  F("唐女士 回访 春节后再联系", { customer_name: "唐女士", next_date: null, next_date_ask: "春节后" }),
  F("韩磊 跟进 月底前回复", { customer_name: "韩磊", next_date: "2026-11-30", next_date_approx: true }),
  F("冯女士 回访 月底再约", { customer_name: "冯女士", next_date: "2026-12-31", next_date_approx: true }, "2026-11-30"),
  F("曹先生 跟进 过几天再联系", { customer_name: "曹先生", next_date: "2026-11-26", next_date_approx: true }),
  F("袁女士 回访 年底再看", { customer_name: "袁女士", next_date: "2026-12-31", next_date_approx: true }),
  // 尾号
  F("尾号5678 电话回访 明天再打", { customer_phone_tail: "5678", method: "phone", next_date: "2026-11-24" }),
  F("手机尾号0001的客户 微信跟进", { customer_phone_tail: "0001", method: "wechat" }),
  F("尾号8888没接电话", { customer_phone_tail: "8888", method: "phone" }),
  // traditional and slips
  F("陳先生 電話回訪 下週三再聯繫", { customer_name: "陳先生", method: "phone", next_date: "2026-12-02" }),
  F("鄭小姐 嫌貴 過兩天再打", { customer_name: "鄭小姐", objection: "价格", next_date: "2026-11-25" }),
  F("王芳 回仿 明天再约", { customer_name: "王芳", next_date: "2026-11-24" }),
  F("李明 根进 周五再联系", { customer_name: "李明", next_date: "2026-11-27" }),
  F("赵磊 电化回访 下周再约", { customer_name: "赵磊", method: "phone", next_date: "2026-11-30" }),
  F("周杰 微心聊了", { customer_name: "周杰", method: "wechat" }),
];

export const realReportCases: ParseCase[] = [
  P("链家李强报备客户陈敏 138****5678 后天", { customer_name: "陈敏", customer_phone: "138****5678", expected_visit: "2026-11-25T00:00" }),
  P("我爱我家 王经纪 报备 客户周杰 13900008888", { customer_name: "周杰", customer_phone: "13900008888" }),
  P("中原地产小刘 给客户徐女士报备 13612341234", { customer_name: "徐女士", customer_phone: "13612341234" }),
  P("安居客张经理 帮客户宋先生报备 139 0011 2233", { customer_name: "宋先生", customer_phone: "13900112233" }),
  P("贝壳经纪人赵六报备 何伟 13312345678", { customer_name: "何伟", customer_phone: "13312345678" }),
  P("贝壳刘芳报备 冯女士 15912345678 周五上午十点", { customer_name: "冯女士", expected_visit: "2026-11-27T10:00" }),
  P("报备 王芳 幺三九 一二三四 五六七八 周六上午十点", { customer_name: "王芳", customer_phone: "13912345678", expected_visit: "2026-11-28T10:00" }),
  P("報備 陳先生 13711112222 明天上午來看房", { customer_name: "陳先生", customer_phone: "13711112222", expected_visit: "2026-11-24T10:00" }),
  P("报背 李四 138****5678 明天下午3点", { customer_name: "李四", expected_visit: "2026-11-24T15:00" }),
  P("报备 孙丽 159****1234 明早十点", { customer_name: "孙丽", expected_visit: "2026-11-24T10:00" }),
  P("报备客户 黄磊 一五零 一二三四 五六七八", { customer_name: "黄磊", customer_phone: "15012345678" }),
];

/** More of the same kinds, in other words, so each kind has several cases. */
export const moreRealCases: ParseCase[] = [
  R("倪先生 幺三六 幺幺幺幺 二二二二 来电 两房", { name: "倪先生", phone: "13611112222", source: "call", rooms: 2 }),
  R("葛女士 13812345678 预算一百五十万以内 小两房", { name: "葛女士", budget_max_wan: 150, rooms: 2 }),
  R("范先生 13812345678 预算350万左右 四室两厅 180平", { name: "范先生", budget_max_wan: 350, rooms: 4, area_min: 170, area_max: 190 }),
  R("彭女士 13812345678 预算1800000元 两房", { name: "彭女士", budget_max_wan: 180, rooms: 2 }),
  R("鲁先生 13812345678 三百多万 大三房", { name: "鲁先生", budget_max_wan: 400, rooms: 3 }),
  R("韦女士 13812345678 來電 兩百萬左右", { name: "韦女士", source: "call", budget_max_wan: 200 }),
  R("苗先生 一三九 一一一一 二二二二 朋友介绍的", { name: "苗先生", phone: "13911112222", source: "referral" }),
  R("方女士 13812345678 老客户介绍 预算二百六", { name: "方女士", source: "referral", budget_max_wan: 260 }),
  Q("4栋 二三零一 还在吗", { building: "4", unit: "4-2301" }),
  Q("9幢11楼01室还有没有", { building: "9", unit: "9-1101" }),
  Q("还有两百五以内的两房吗", { rooms: 2, price_max_wan: 250 }),
  Q("有没有三百多万的四房", { rooms: 4, price_max_wan: 400 }),
  Q("查下朝南的 高楼层", { orientation: "南", floor_band: "high" }),
  Q("2#楼1203还在吗", { building: "2", unit: "2-1203" }),
  Q("有没有 总价最低的 两房", { rooms: 2, sort: "price_asc" }),
  D("6-1203 李强 电话里说96折就定", { unit: "6-1203", customer_name: "李强", discount_rate: 0.96 }),
  D("2栋 一五零二 吴先生 申请九七折", { unit: "2-1502", customer_name: "吴先生", discount_rate: 0.97 }),
  D("尾号4321的 3-802 想降到两百六", { unit: "3-802", customer_phone_tail: "4321", target_price_wan: 260 }),
  F("李强 电话 嫌贵 过三天再打", { customer_name: "李强", method: "phone", objection: "价格", next_date: "2026-11-26" }),
  F("王建国没接电话 明天再打", { customer_name: "王建国", method: "phone", next_date: "2026-11-24" }),
  F("杨洋 明早九点半再打", { customer_name: "杨洋", next_date: "2026-11-24", next_time: "09:30" }),
  F("尾号4321的 微信发了户型图 下周回访", { customer_phone_tail: "4321", method: "wechat", next_date: "2026-11-30" }),
  F("张丽 call过了 说在外地 下个月再联系", { customer_name: "张丽", method: "phone", next_date: "2026-12-01", next_date_approx: true }),
  F("胡先生 电话 说过完年再看", { customer_name: "胡先生", method: "phone", next_date: null, next_date_ask: "过完年" }),
  F("许女士 到访 嫌总价太高", { customer_name: "许女士", method: "visit", objection: "价格" }),
  F("高先生 回访 周四下午四点带家人来", { customer_name: "高先生", next_date: "2026-11-26", next_time: "16:00" }),
  F("林峰 微信 嫌贵 下周再说", { customer_name: "林峰", method: "wechat", objection: "价格", next_date: "2026-11-30" }),
  F("郝女士 電話 沒接", { customer_name: "郝女士", method: "phone" }),
  F("牛先生 vx发了活动海报 周末来", { customer_name: "牛先生", method: "wechat", next_date: "2026-11-28" }),
  F("欧阳娜娜 回访 明天中午再打", { customer_name: "欧阳娜娜", next_date: "2026-11-24", next_time: "12:00" }),
  // A budget in 万 right before an area; 过来 after a time is the next visit, not a past one.
  R("柳先生 13812345678 预算300万 140平以上", { name: "柳先生", budget_max_wan: 300, area_min: 140, area_max: null }),
  R("齐女士 13812345678 两百万 90平左右", { name: "齐女士", budget_max_wan: 200, area_min: 80, area_max: 100 }),
  F("甘先生 电话 后天下午过来看房", { customer_name: "甘先生", method: "phone", next_date: "2026-11-25", next_time: "15:00" }),
  F("祝女士 微信 明天上午过来签", { customer_name: "祝女士", method: "wechat", next_date: "2026-11-24", next_time: "10:00" }),
  P("链家王强 给客户赵丽报备 13912345678 周三下午", { customer_name: "赵丽", customer_phone: "13912345678", expected_visit: "2026-11-25T15:00" }),
  P("麦田小张报备 客户钱多多 一三八 一二三四 五六七八 明天", { customer_name: "钱多多", customer_phone: "13812345678", expected_visit: "2026-11-24T00:00" }),
  P("報備 黃先生 138****1234 後天上午", { customer_name: "黃先生", expected_visit: "2026-11-25T10:00" }),
];

export const realUnknownCases: ParseCase[] = [
  U("各位辛苦了 今天冲一波"),
  U("系统怎么登录"),
  U("开会了开会了"),
  U("谢谢经理"),
  U("收到 马上处理"),
];

export const realCases: ParseCase[] = [
  ...realRegisterCases,
  ...realQueryCases,
  ...realDiscountCases,
  ...realFollowUpCases,
  ...realReportCases,
  ...realUnknownCases,
  ...moreRealCases,
];
