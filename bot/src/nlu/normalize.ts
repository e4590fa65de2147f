import { CN_NUMERALS, parseChineseInteger, parseNumber } from "./numbers.js";
import { toSimplified } from "./traditional.js";

/**
 * One spelling for things typed many ways, so the extractors need only one pattern each:
 * full-width characters become ASCII (NFKC), traditional characters simplified, every area unit
 * becomes 平, common typing slips and code-mixed words (call过, vx) become the usual word, phones
 * spoken in Chinese digits (幺三八…) become digits, amounts in 元 become 万 (3200000元 → 320万),
 * a spoken amount with no unit (两百八以内) gets its 万, "多" becomes a range (两百多万 →
 * 200-300万), and unit numbers written 21楼06室 or 号楼 一五零一 become 2106室 / 号楼1501.
 */
export function normalizeText(raw: string): string {
  let text = toSimplified(raw.normalize("NFKC"))
    .replace(/[“”"'‘’]/g, " ")
    .replace(new RegExp(`([\\d${CN_NUMERALS}])\\s*(?:平方米|平米|平方|m2|M2|㎡|sqm)`, "g"), "$1平");
  for (const [pattern, replacement] of SPELLINGS) text = text.replace(pattern, replacement);
  text = chinesePhoneDigits(text);
  text = text.replace(/\d{1,3}(?:,\d{3})+(?![\d,])/g, (m) => m.replace(/,/g, ""));
  text = yuanToWan(text);
  text = spokenAmounts(text);
  text = manyAsRange(text);
  text = unitForms(text);
  return text.replace(/\s+/g, " ").trim();
}

/** Typing slips (pinyin homophones) and code-mixed words, each to the word the rules know. */
const SPELLINGS: Array<[RegExp, string]> = [
  [/报[背被倍贝]|抱备|包备/g, "报备"],
  [/回[仿方放]|会访|汇访/g, "回访"],
  [/根进|跟近|跟紧|更进/g, "跟进"],
  [/电化|点话|店话|电活/g, "电话"],
  [/优[慧会汇]|忧惠/g, "优惠"],
  [/申情|申清/g, "申请"],
  [/预箅|预蒜/g, "预算"],
  [/折口|着扣/g, "折扣"],
  [/(?<![a-zA-Z])(?:vx|VX|Vx|vX|wx|WX|Wx|v信|V信|威信|薇信|微心|卫星)(?![a-zA-Z])/g, "微信"],
  [/(?<![a-zA-Z])(?:call|Call|CALL|打call)(?![a-zA-Z])/g, "电话"],
  [/(?<![a-zA-Z])(?:msg|sms|SMS)(?![a-zA-Z])/g, "短信"],
];

const PHONE_DIGITS: Record<string, string> = {
  幺: "1", 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9", 零: "0", 〇: "0", 洞: "0",
};
const SPOKEN_DIGIT = "[幺一二三四五六七八九零〇洞]";

/** 幺三八一二三四五六七八, 一八六 二二三三 四四五五: eleven spoken digits of a mobile number. */
function chinesePhoneDigits(text: string): string {
  const run = new RegExp(`(?<![${CN_NUMERALS}幺洞\\d])[一幺]${SPOKEN_DIGIT}(?:[\\s-]?${SPOKEN_DIGIT}){9}(?![${CN_NUMERALS}幺洞\\d])`, "g");
  return text.replace(run, (match) => {
    const digits = [...match].map((c) => PHONE_DIGITS[c] ?? c).join("");
    return /^1[3-9]/.test(digits.replace(/[\s-]/g, "")) ? digits : match;
  });
}

/** 3200000元 → 320万; 3.2百万 is left alone. */
function yuanToWan(text: string): string {
  return text.replace(/(?<![\d.])(\d{5,}(?:\.\d+)?)\s?(?:元|块钱?|rmb|RMB)/g, (match, amount: string) => {
    const wan = Number(amount) / 10_000;
    return `${Number(wan.toFixed(4))}万`;
  });
}

/**
 * 两百八 / 三百二十 / 两百八以内 with no unit: in a sales office that is 万. Followed by 平, 层 or a
 * unit word it is something else and is left alone. Arabic 280以内 / 300左右 likewise (150–5000).
 */
function spokenAmounts(text: string): string {
  const notMoney = `万wW平米层楼元块号栋幢室套个点多折年月天岁${CN_NUMERALS}\\d.`;
  text = text.replace(
    new RegExp(`(?<![${CN_NUMERALS}])([一二两三四五六七八九]百[零〇一二两三四五六七八九十]*)(?![${notMoney}])`, "g"),
    (match) => (parseChineseInteger(match) !== null ? `${match}万` : match),
  );
  return text.replace(/(?<![\d.\-#*])([1-9]\d{2,3})(?=\s?(?:以内|以下|之内|左右|上下|出头)(?!\s?[平米]))/g, (match) =>
    Number(match) >= 150 && Number(match) <= 5000 ? `${match}万` : match,
  );
}

/** 两百多万 → 200-300万, 280多万 → 280-290万: the next figure of the last place written. */
function manyAsRange(text: string): string {
  return text.replace(new RegExp(`(\\d+|[${CN_NUMERALS}]{1,8})多\\s?(万|[wW])`, "g"), (match, numeral: string) => {
    const value = parseNumber(numeral);
    if (value === null || value === 0) return match;
    let place = 1;
    if (/^\d+$/.test(numeral)) while (value % (place * 10) === 0) place *= 10;
    else {
      const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
      const last = numeral.at(-1)!;
      place = units[last] ?? (numeral.includes("百") ? 10 : numeral.includes("千") ? 100 : 1);
    }
    return `${value}-${value + place}万`;
  });
}

/** 7幢21楼06室 → 7幢2106室; 2号楼 一五零一 → 2号楼1501. */
function unitForms(text: string): string {
  return text
    .replace(/(\d{1,2})\s?(?:楼|层)\s?(\d{1,2})\s?(?:室|号房?|户)/g, (_m, floor: string, room: string) => `${floor}${room.padStart(2, "0")}室`)
    .replace(new RegExp(`(栋|幢|座|号楼|#楼?|-)\\s?([幺零〇一二三四五六七八九洞]{3,4})(?![十百千万${CN_NUMERALS}])`, "g"), (_m, word: string, room: string) =>
      `${word}${[...room].map((c) => PHONE_DIGITS[c] ?? c).join("")}`,
    );
}
