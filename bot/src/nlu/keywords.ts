import { DEC } from "./numbers.js";

/** The words that announce what a message is for, and the filler around them. */

const words = (list: string): string[] => list.trim().split(/\s+/);
const anyOf = (list: string[], flags = ""): RegExp => new RegExp(list.join("|"), flags);

const REPORT = words("报备");
const REGISTER = words("登记 新客户 新增客户 新客 录入 建档 加个客户 添加客户 客户信息");
/** Unmistakable discount requests: they win over follow-up words. */
const DISCOUNT = [
  ...words("特批 底价 折上折"),
  "特价(?!房)",
  "申请(?:优惠|折扣|特价|特批|底价)",
  `(?:降到|降至|降价到|便宜到|少到|做到|谈到|砍到|砍价到|还价到|议价到|压到)\\s?${DEC}`,
  `(?:优惠|便宜|让|降|少)\\s?${DEC}\\s?(?:万|[wW])`,
  `${DEC}\\s?(?:万|[wW])\\s?(?:拿下|能卖|能不能卖|卖不卖|可以卖|能签|能不能签|成交)`,
];
/** Vaguer price talk: a discount request unless the message logs a follow-up. */
const SOFT_DISCOUNT = words("让利 折扣 打折 再优惠 多优惠 优惠点 优惠一点 便宜点 便宜一点 能不能优惠 能优惠 特价房");
const FOLLOW_UP = words(
  "回访 跟进 追访 再约 复访 回电 再联系 联系了 沟通了 聊了 约了 打了电话 回复说 面谈 拜访 电话沟通 微信沟通 已沟通 已联系",
);
/** Ways of contacting someone: with a named customer and no new number, a follow-up. */
const CONTACT = words("微信 短信 打电话 打过电话 通了电话 发了 见了");
/** What a story about a known customer says: how the contact went and what comes next. */
const NARRATIVE = words(
  "电话 没接 未接 打不通 没回 关机 来案场 到访 上门 复访 看了 来看 面谈 嫌 太贵 考虑 商量 满意 兴趣 感兴趣 " +
    "再打 再约 再来 再说 再看 再问 再谈 再跟 再联系 来签 签约 交定金 过来 回复 反馈 等他 等她 比较 犹豫 出差",
);
const QUERY_PHRASES = words("还有 还在吗 还在不在 卖了没 有没有 有无 有吗 查一下 查查 帮我查 查询 看看 房源 在售 可售 还剩 剩下 推荐 筛选 哪些 哪几套 哪套");
const QUERY_SINGLE = words("查 找 剩");

export const REPORT_WORDS = anyOf(REPORT);
export const REGISTER_WORDS = anyOf(REGISTER);
export const DISCOUNT_WORDS = anyOf(DISCOUNT);
export const SOFT_DISCOUNT_WORDS = anyOf(SOFT_DISCOUNT);
export const FOLLOW_UP_WORDS = anyOf(FOLLOW_UP);
export const QUERY_WORDS = anyOf([...QUERY_PHRASES, ...QUERY_SINGLE]);
export const CONTACT_WORDS = anyOf(CONTACT);
export const NARRATIVE_WORDS = anyOf(NARRATIVE);

/** Words that only frame a discount request; removed from its reason. */
export const DISCOUNT_FRAME = anyOf(
  [
    ...words("申请 帮忙 帮我 能不能 可不可以 可以吗 行吗 能否 打个 降到 降至 降价到 便宜到 少到 做到 谈到 砍到 砍价到 还价到 议价到 压到 特批 特价 底价 折扣"),
    "优惠(?!\\s?\\d)",
  ],
  "g",
);

/** Words that only frame a follow-up record; removed from its content. */
export const FOLLOW_UP_FRAME = anyOf([...FOLLOW_UP, ...words("再跟进 再打 再聊 沟通 联系 记录 跟进记录")], "g");

/** Words that only frame a report. */
export const REPORT_FRAME = anyOf(words("报备 预计 预约 来访 到访 来看房 看房 过来 到案场 来案场 带看"), "g");

/** Words that only frame a registration; removed from its note. */
export const REGISTER_FRAME = anyOf(REGISTER, "g");

/**
 * A leftover word that is exactly one of these is dropped from note / content / reason. Single
 * characters are safe here because only whole words are compared.
 */
export const FILLER = anyOf(
  words(
    "客户 顾客 想要 想买 想看 需要 预算 意向 需求 面积 总价 左右 以内 以下 上下 大概 姓名 名字 性别 来源 等级 户型 房子 " +
      "一套 一下 帮忙 帮我 麻烦 请问 好的 收到 已经 今天 今日 刚才 刚刚 叫 要 想 买 看 的 了 吗 呢 啊 吧 嗯 哦 呀 在 是 " +
      "有 和 及 还 也 请 套 房 约 再 已 说 打 客 型 用 给 跟",
  ),
);

/**
 * Removed before looking for a plain name, so a token such as 王五电话回访 shrinks to 王五.
 * Single characters only where they practically never occur in given names.
 */
export const NAME_NOISE = anyOf(
  [
    ...REPORT,
    ...REGISTER,
    ...DISCOUNT,
    ...SOFT_DISCOUNT,
    ...FOLLOW_UP,
    ...CONTACT,
    ...NARRATIVE,
    ...QUERY_PHRASES,
    DISCOUNT_FRAME.source,
    FOLLOW_UP_FRAME.source,
    REPORT_FRAME.source,
    ...words(
      "客户 顾客 业主 想要 想买 想看 需要 预算 意向 需求 面积 总价 左右 以内 以下 以上 大概 姓名 名字 性别 来源 等级 户型 " +
        "房子 一套 一下 帮忙 帮我 麻烦 请问 好的 收到 已经 刚才 刚刚 觉得 考虑 感觉 表示 反馈 嫌 说 问 叫",
    ),
  ],
  "g",
);
