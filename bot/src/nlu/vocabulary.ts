import type { CustomerGrade, CustomerSource, FollowUpMethod, Gender, PaymentMethod, Purpose } from "./schema.js";
import { spanOf, type Found } from "./span.js";

/** Closed vocabularies: the words consultants use for each enum value. */

type Vocabulary<T> = ReadonlyArray<readonly [RegExp, T]>;

/**
 * Customer source (来源渠道). When several are named, the more specific channel wins
 * (老带新 来访 → referral), so the list is in priority order, not reading order.
 */
/** Brokerages (中介) consultants and brokers name, as a regex alternation. */
export const AGENCIES = "贝壳|链家|我爱我家|中原地产|中原|房天下|安居客|麦田|21世纪不动产|德佑|易居|合富|满堂红|Q房|太平洋房屋|58同城|乐有家";

const SOURCES: Vocabulary<CustomerSource> = [
  [/老带新|转介绍|老客户?介绍|老业主介绍|朋友介绍|亲戚介绍|介绍来的/, "referral"],
  [/渠道|中介|分销|经纪人|链家|贝壳|我爱我家/, "agency"],
  [/房展会|展会|房交会/, "expo"],
  [/活动/, "promotion"],
  [/网络|线上|网上|抖音|快手|小红书|安居客|视频号|直播|公众号|朋友圈广告/, "online"],
  [/来电|电话/, "call"],
  [/自然来访|自然到访|来访|到访|上门|路过|进店|到案场|来案场/, "walk_in"],
  [/其他渠道|其它渠道|来源其他|其他来源/, "other"],
];

const PURPOSES: Vocabulary<Purpose> = [
  [/投资|出租|收租/, "invest"],
  [/自住|刚需|改善|婚房|养老/, "self"],
];

/** Follow-up method. Reading order decides: the first way of contact named is how it happened. */
const METHODS: Vocabulary<FollowUpMethod> = [
  [/打了?个?电话|打过电话|电话|致电|通话|回电|打给/, "phone"],
  [/微信|vx|VX|wx|WX/, "wechat"],
  [/上门|到访|面谈|来访|复访|见面|拜访|来案场|到案场|来售楼处/, "visit"],
  [/短信/, "message"],
];
/** Signs of a way of contact that stay in the content as written (没接 is what happened). */
const METHOD_HINTS: Vocabulary<FollowUpMethod> = [
  [/没接|未接|打不通|不接|关机|占线|没人接/, "phone"],
  [/没回微信|微信没回/, "wechat"],
  [/来看了|来了案场|过来看了|带.{1,4}来看/, "visit"],
];

const GRADE = /(?<![A-Za-z])([A-Da-d])\s?(?:类|级)(?:客户?)?|(?:意向|等级|客户等级)\s?(?:等级)?\s?[:]?\s?([A-Da-d])(?![A-Za-z])/;
const GENDER_WORD = /(?<=^|[\s,，、;])(男|女)(?:性|士|客户|客|的)?(?=$|[\s,，、;])|男士|女士/;

export function findSource(text: string): Found<{ source: CustomerSource }> | null {
  for (const [pattern, source] of SOURCES) {
    const match = pattern.exec(text);
    if (match) return { source, ...spanOf(match) };
  }
  return null;
}

export function findPurpose(text: string): Found<{ purpose: Purpose }> | null {
  for (const [pattern, purpose] of PURPOSES) {
    const match = pattern.exec(text);
    if (match) return { purpose, ...spanOf(match) };
  }
  return null;
}

export function findMethod(text: string): Found<{ method: FollowUpMethod }> | null {
  let first: Found<{ method: FollowUpMethod }> | null = null;
  for (const [pattern, method] of [...METHODS, ...METHOD_HINTS]) {
    const match = pattern.exec(text);
    if (match && (first === null || match.index < first.start)) first = { method, ...spanOf(match) };
  }
  return first;
}

/**
 * How the buyer pays. 组合贷 names 公积金 and 商贷 too, so it is looked for first; then the
 * provident fund, then the other three.
 */
const PAYMENT_WORDS: Vocabulary<PaymentMethod> = [
  [/组合贷|组合贷款|商贷\s*[+＋加和]\s*公积金|公积金\s*[+＋加和]\s*商贷/, "combined"],
  [/公积金/, "provident_fund"],
  [/按揭|商贷|商业贷款|银行贷款/, "mortgage"],
  [/分期/, "instalment"],
  [/全款|一次性付款|一次性付清|一次付清|一次性/, "full"],
];

export function findPaymentMethod(text: string): Found<{ method: PaymentMethod }> | null {
  for (const [pattern, method] of PAYMENT_WORDS) {
    const match = pattern.exec(text);
    if (match) return { method, ...spanOf(match) };
  }
  return null;
}

export function findGrade(text: string): Found<{ grade: CustomerGrade }> | null {
  const match = GRADE.exec(text);
  if (!match) return null;
  const letter = (match[1] ?? match[2])!.toUpperCase() as CustomerGrade;
  return { grade: letter, ...spanOf(match) };
}

/** 男/女/男士/女士 as a word of its own; honorifics such as 王先生 are read with the name. */
export function findGenderWord(text: string): Found<{ gender: Gender }> | null {
  const match = GENDER_WORD.exec(text);
  if (!match) return null;
  return { gender: match[0].includes("男") ? "male" : "female", ...spanOf(match) };
}

/** Every source, purpose and method word, for blanking them all at once. */
export const VOCABULARY_WORDS = new RegExp(
  [...SOURCES, ...PURPOSES, ...METHODS].map(([pattern]) => pattern.source).join("|"),
  "g",
);

export const SOURCE_WORDS = new RegExp(SOURCES.map(([pattern]) => pattern.source).join("|"), "g");
export const METHOD_WORDS = new RegExp(METHODS.map(([pattern]) => pattern.source).join("|"), "g");

const OBJECTIONS: Vocabulary<"价格" | "面积" | "户型" | "楼层" | "位置" | "资金"> = [
  [/嫌.{0,3}贵|太贵|贵了|价格.{0,2}(?:高|贵|谈不拢|接受不了)|嫌价格|价格不合适|超预算|嫌.{0,2}价/, "价格"],
  [/嫌.{0,2}(?:面积|小)|面积.{0,2}(?:小|不够)/, "面积"],
  [/嫌?户型.{0,2}(?:不好|不满意|不喜欢|不行)|嫌户型/, "户型"],
  [/嫌?楼层.{0,2}(?:低|高|不好|不满意)|嫌楼层/, "楼层"],
  [/嫌?位置.{0,2}(?:偏|远|不好)|嫌远|太远|太偏/, "位置"],
  [/首付不够|资金.{0,2}(?:不够|紧|还在筹)|贷款.{0,3}(?:没批|批不下|不够)/, "资金"],
];

/** What the customer objects to, when the message says (嫌贵 → 价格). */
export function findObjection(text: string): Found<{ objection: (typeof OBJECTIONS)[number][1] }> | null {
  for (const [pattern, objection] of OBJECTIONS) {
    const match = pattern.exec(text);
    if (match) return { objection, ...spanOf(match) };
  }
  return null;
}

/** 尾号1234: a known customer by the last four digits of the mobile. */
export function findPhoneTail(text: string): Found<{ tail: string }> | null {
  const match = /(?:手机)?尾号(?:是|为)?\s?(\d{4})(?!\d)(?:的客户|的)?/.exec(text);
  return match ? { tail: match[1]!, ...spanOf(match) } : null;
}
