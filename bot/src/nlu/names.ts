import type { Gender } from "./schema.js";
import { spanOf, type Found } from "./span.js";

/**
 * Customer names: 张三, 欧阳娜娜, 王先生, 李女士, 刘总, 小王, 老陈.
 *
 * A plain name is a 2–4 character token starting with a common surname; it is looked for only
 * after every other recognised piece (phone, dates, keywords) has been blanked out of the text, so
 * the tokens left over are mostly the name and free text. The first such token wins: people
 * write the customer first.
 */

export type NameMention = Found<{ name: string; gender: Gender | null }>;

const COMPOUND_SURNAMES = "欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|夏侯|长孙|宇文|司徒|端木|独孤|南宫|西门";
// Common single-character surnames, minus a few that mostly start ordinary words (房, 查, 和,
// 全, 单, 时, 应, 向, 明, 成, 车, 景, 常, 路, 包, 文, 关, 解, 商, 师, 司, 连, 简, 代).
const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤温康施牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍华喻祁蒲滕屈饶牟艾尤阳穆农卓古吉缪褚娄窦戚岑党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池麻苑迟邝";
const SURNAME = `(?:${COMPOUND_SURNAMES}|[${SURNAMES}])`;

const MALE_TITLES = "先生|大哥|哥|叔叔|叔|大爷|老板";
const FEMALE_TITLES = "女士|小姐|大姐|姐|阿姨|太太";
const NEUTRAL_TITLES = "总(?![价额共体])|老师|经理|医生|律师";
const HONORIFIC = new RegExp(`${SURNAME}(?:${MALE_TITLES}|${FEMALE_TITLES}|${NEUTRAL_TITLES})`);

const PLAIN_NAME = new RegExp(`^(?:${SURNAME}[\\u4e00-\\u9fff]{1,2}|${COMPOUND_SURNAMES}[\\u4e00-\\u9fff]{1,2}|[小老阿]${SURNAME})$`);
const LEADING_PARTICLE = /^[了的和跟给帮把对被与同向约叫是]/;
const TRAILING_PARTICLE = /[的了呢吧啊说]$/;
const TOKEN_SEPARATORS = /[\s,，。.;；、!！?？:：()（）\[\]【】<>《》~\-+/]+/;

/** Everyday words in sales messages that start with a surname character but are not names. */
const NOT_NAMES = new Set(
  (
    "江景 江景房 江边 湖景 高层 高楼 高端 高价 高铁 高速 毛坯 方便 方案 方式 方向 金额 金融 安静 安排 安家 安全 " +
    "周末 周边 周围 周期 马上 马路 许多 许可 余款 余额 于是 温馨 齐全 左右 左边 申请 舒适 舒服 凌晨 管家 管理 " +
    "游泳池 卫生间 卫浴 边户 边套 沙盘 沙发 麻烦 迟到 孙子 孙女 阳台 阳光 顾问 顾客 严格 费用 冷静 谢谢 何时 " +
    "何况 曾经 任何 范围 陆续 龙湖 万科 万达 万一 华润 付款 白天 夏天 田园 农村 尤其 宁愿 尚未 符合 辛苦 " +
    "黄金 胡同 钱款 岳父 岳母 欧式 韩式 焦虑 熊孩子 程度 颜值 施工 小米"
  ).split(" "),
);

/** 王先生, 李女士, 刘总: the title is part of the name and may give the gender. */
export function findHonorificName(text: string): NameMention | null {
  const match = HONORIFIC.exec(text);
  if (!match) return null;
  const title = match[0].replace(new RegExp(`^${SURNAME}`), "");
  return { name: match[0], gender: genderOfTitle(title), ...spanOf(match) };
}

/** The first token that looks like a personal name, in text whose other words were blanked out. */
export function findPlainName(text: string): NameMention | null {
  let offset = 0;
  for (const token of text.split(new RegExp(`(${TOKEN_SEPARATORS.source})`))) {
    offset += token.length;
    // 回访了张三, 跟李四, 王五的: a particle glued to the name.
    const lead = LEADING_PARTICLE.exec(token)?.[0].length ?? 0;
    const trail = TRAILING_PARTICLE.exec(token)?.[0].length ?? 0;
    const candidates: Array<[number, number]> = [[lead, trail], [lead, 0], [0, trail], [0, 0]];
    for (const [cutStart, cutEnd] of candidates) {
      const candidate = token.slice(cutStart, token.length - cutEnd);
      if (PLAIN_NAME.test(candidate) && !NOT_NAMES.has(candidate)) {
        const start = offset - token.length + cutStart;
        return { name: candidate, gender: null, start, end: start + candidate.length };
      }
    }
  }
  return null;
}

function genderOfTitle(title: string): Gender | null {
  if (new RegExp(`^(?:${MALE_TITLES})$`).test(title)) return "male";
  if (new RegExp(`^(?:${FEMALE_TITLES})$`).test(title)) return "female";
  return null;
}
