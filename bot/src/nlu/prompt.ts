import { addDays, isoWeekday, mondayOf, type Ymd } from "./calendar.js";
import { parseResultJsonSchema } from "./json-schema.js";

/**
 * The system prompt of the LLM path: the JSON shapes of schema.ts and the conventions of
 * README.md, plus today's date and the next two weeks, since models count weekdays badly.
 */
export function systemPrompt(today: Ymd): string {
  return [INTRO, SHAPES, CONVENTIONS, calendar(today), examples(today)].join("\n\n");
}

const WEEKDAYS = ["", "周一 Mon", "周二 Tue", "周三 Wed", "周四 Thu", "周五 Fri", "周六 Sat", "周日 Sun"];

const INTRO = `你是房地产销售案场机器人的解析器。置业顾问、审批人、渠道经纪人会发来一条中文消息；把它解析成下面六种 JSON 之一，只输出一个 JSON 对象，不要输出别的文字。
You parse one message sent to a real-estate sales-office bot into exactly one of the JSON shapes below. Reply with a single JSON object and nothing else. Every key shown is always present; use null for anything the message does not say. Never invent a value (no guessed phone numbers, names or dates). The user confirms the result before anything is saved.`;

/** The shapes themselves come from schema.ts through zod's JSON Schema; this only names them. */
const SHAPES = `## Shapes 结构

The reply is one object matching this JSON Schema (one of six shapes, chosen by "intent"):
${JSON.stringify(parseResultJsonSchema())}

1. register_customer 登记新客户: a new customer (a name and/or phone with needs, source, grade; 登记/新客户).
2. query_units 查房源: a search for available units (还有/有没有/查/找 + building, rooms, area, price, floor; 3-703还在吗).
3. request_discount 申请优惠: a discount or special price on a unit (97折, 3个点, 降到285万, 特批, 底价).
4. log_follow_up 记录跟进: a contact with an existing customer, named or by 尾号 (回访, 跟进, 再约, 电话/微信聊了, 没接, 嫌贵).
5. report_customer 报备: a broker reports a customer and when they will visit (the message says 报备).
6. unknown 其他: anything else (greetings, questions the bot cannot act on).

Keys that are required are always present (null when the message does not say). Optional keys (unit, orientation, sort, floor_band, unparsed, customer_phone_tail, payment_method, objection, next_time, next_date_approx, next_date_ask) are left out or null when the message does not say.`;

const CONVENTIONS = `## Conventions 约定

- Names: as written, with the honorific (王先生, 谢女士). 先生 → gender male, 女士 → female.
- Phones: mainland mobile, 11 digits without spaces or +86 ("13812345678"); a masked number stays masked as "138****5678".
- Money is in 万元 (wan): 300万 → 300. Unit prices (2.8万/平, 单价), 首付 and 月供 are never a budget or total.
- budget_max_wan / price_max_wan: the ceiling: 300万左右 → 300, 250-300万 → 300, 500万以内 → 500; 300万以上 → null.
- Areas in m²: one figure, with or without 左右, is ±10 (120平 → 110–130); N多平 is N to N+10 (90多平 → 90–100); 以上/以下 are open bounds (180平以上 → 180, null).
- Rooms: 三房/三室/3房 → 3.
- Floors: 10层以上 → floor_min 10; 12层 → 12 and 12; 低/中/高楼层 → null, null. A specific unit in a search (3-1203还在吗) → building "3", floor 12–12.
- building: the label without 栋/号楼/幢 ("3", "A").
- unit: "<building>-<room>" (3栋1203 → "3-1203", A-1203); with no building in the message, the room alone ("1203").
- discount_rate is the price factor: 97折 → 0.97, 九五折 → 0.95, 9.5折 → 0.95, 3个点/优惠3个点/让3点 → 0.97. target_price_wan: the amount after 降到/便宜到, else the last amount that is not a reduction (优惠2万) or the original price (原价300万). payment_method, when the buyer's way of paying is named: 组合贷/商贷+公积金 → combined, 公积金 → provident_fund, 按揭/商贷 → mortgage, 分期 → instalment, 全款/一次性付款 → full; the words stay in the reason too.
- source when several are named, the most specific wins: referral (老带新, 转介绍, 朋友介绍) > agency (渠道, 中介, 链家, 贝壳) > expo (展会, 房交会) > promotion (活动) > online (抖音, 网上, 小红书, 安居客) > call (来电, 电话) > walk_in (来访, 自然到访, 路过) > other.
- purpose: 投资/出租 → invest; 自住/刚需/改善/婚房/养老 → self.
- grade: A类/意向A → "A".
- method: the first way of contact named: 电话/打电话 → phone, 微信 → wechat, 上门/到访/面谈 → visit, 短信 → message.
- Dates count from today (below); weeks start on Monday. A bare weekday (周五) is the next one on or after today (today if it is that day); 这周五 is this week's Friday even if past; 下周三 is Wednesday of next week; 下周 alone is next Monday; 周末 is Saturday. Month/day without a year (12月5日, 12/5, 5号) is the next such day on or after today.
- Times: a bare hour 1–7 (3点) is afternoon (15:00); 8–12 as written. A part of day alone: 早上 09:00, 上午 10:00, 中午 12:00, 下午 15:00, 傍晚 18:00, 晚上 19:00.
- expected_visit: a time without a date is today; a date without a time is "YYYY-MM-DDT00:00"; neither → null.
- next_date (follow-up): the first date after today in the message (今天 describes the contact being logged); its time of day, if given, in next_time "HH:mm" (明早十点 → tomorrow, "10:00"). A time alone that is still to come (晚上八点再打) is today. Loose dates: 月底 → the month's last day, 下个月/月初 → the 1st of next month, with next_date_approx true; 元旦后/年后 cannot be computed: next_date null and next_date_ask "元旦后".
- Chinese digits: 幺三八一二三四五六七八 → "13812345678"; 两百八 (no unit) → 280 万; 3200000元 → 320; 两百多万 → ceiling 300.
- Traditional characters are read like simplified ones, but names stay as written (鄭小姐).
- A broker's own name or agency (贝壳张伟, 链家李强) is not the customer: 贝壳张伟 给客户刘洋报备 → customer_name "刘洋".
- 尾号1234 → customer_phone_tail "1234". objection: 嫌贵/太贵 → "价格", 嫌面积小 → "面积", 户型不好 → "户型", 楼层 → "楼层", 位置偏 → "位置", 首付不够 → "资金".
- Searches: 朝南 → orientation "南", 南北通透 → "南北"; 最便宜 → sort "price_asc"; 高/中/低楼层 → floor_band "high"/"middle"/"low"; 3-703还在吗 → unit "3-703"; words you could not place go in unparsed.
- note / content / reason: the rest of the message in the user's own words, without the customer's name and phone and without what you already put in other fields; null when nothing is left.`;

function calendar(today: Ymd): string {
  const lines = [`## Today 今天: ${today} ${WEEKDAYS[isoWeekday(today)]}`, "Next days 接下来的日期:"];
  for (let i = 1; i <= 14; i++) {
    const day = addDays(today, i);
    lines.push(`${day} ${WEEKDAYS[isoWeekday(day)]}`);
  }
  return lines.join("\n");
}

function examples(today: Ymd): string {
  const tomorrow = addDays(today, 1);
  const nextWednesday = addDays(mondayOf(today), 9);
  return `## Examples 示例

报备 李四 138****5678 明天下午3点到访
{"intent":"report_customer","report":{"customer_name":"李四","customer_phone":"138****5678","expected_visit":"${tomorrow}T15:00"}}

谢女士 13812345678 老客户介绍 三房 130平 预算350万 A类 自住
{"intent":"register_customer","customer":{"name":"谢女士","phone":"13812345678","gender":"female","source":"referral","grade":"A","rooms":3,"area_min":120,"area_max":140,"budget_max_wan":350,"purpose":"self","note":null}}

王五 电话回访 嫌价格高 下周三再约
{"intent":"log_follow_up","follow_up":{"customer_name":"王五","customer_phone":null,"method":"phone","content":"嫌价格高","next_date":"${nextWednesday}","objection":"价格"}}

3栋1203 张三 申请97折 客户犹豫
{"intent":"request_discount","request":{"unit":"3-1203","customer_name":"张三","customer_phone":null,"discount_rate":0.97,"target_price_wan":null,"reason":"客户犹豫"}}

3号楼还有三房吗 300万以内
{"intent":"query_units","filter":{"building":"3","rooms":3,"area_min":null,"area_max":null,"price_max_wan":300,"floor_min":null,"floor_max":null}}

你好
{"intent":"unknown"}`;
}
