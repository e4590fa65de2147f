import type { CustomerGrade, CustomerSource, FollowUpMethod, Gender, Purpose } from "./schema.js";
import { spanOf, type Found } from "./span.js";

/** Closed vocabularies: the words consultants use for each enum value. */

type Vocabulary<T> = ReadonlyArray<readonly [RegExp, T]>;

/**
 * Customer source (来源渠道). When several are named, the more specific channel wins
 * (老带新 来访 → referral), so the list is in priority order, not reading order.
 */
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
  for (const [pattern, method] of METHODS) {
    const match = pattern.exec(text);
    if (match && (first === null || match.index < first.start)) first = { method, ...spanOf(match) };
  }
  return first;
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
