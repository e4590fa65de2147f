import { addDays, formatYmd, isoWeekday, isValidDate, mondayOf, parts, type Ymd } from "./calendar.js";
import { INT, parseNumber } from "./numbers.js";
import { matchAll, overlaps, spanOf, type Found } from "./span.js";

/**
 * Dates and clock times in consultants' messages, resolved against an explicit "today".
 *
 * Conventions:
 * - A bare weekday (周五, 星期五) is its next occurrence on or after today (today itself if today
 *   is that day). 这周五/本周五 is the Friday of the current Monday-based week, even if already
 *   past; 下周三 is Wednesday of next week; 下下周一 the Monday after that. 周末 means Saturday.
 *   下周 alone means next Monday.
 * - A month/day without a year (12月5日, 12/5) and a bare day of month (5号) is the next
 *   occurrence on or after today.
 * - A bare hour with no 上午/下午 (3点) is read in sales-office hours: 1–7 o'clock is afternoon
 *   (15:00 for 3点), 8–12 stays as written. A part of day with no hour gets a typical hour
 *   (上午 10:00, 中午 12:00, 下午 15:00, 傍晚 18:00, 晚上 19:00, 早上 09:00).
 */

export type DateMention = Found<{ date: Ymd }>;
export type TimeMention = Found<{ hour: number; minute: number }>;

const WEEKDAY_NUMBERS: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7,
};

type DateRule = { pattern: RegExp; resolve: (match: RegExpExecArray, today: Ymd) => Ymd | null };

const DATE_RULES: DateRule[] = [
  {
    pattern: /(\d{4})\s?[年\-/.]\s?(\d{1,2})\s?[月\-/.]\s?(\d{1,2})\s?[日号]?/,
    resolve: (m) => validDate(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    pattern: new RegExp(`(${INT})\\s?月\\s?(${INT})\\s?[日号]?`),
    resolve: (m, today) => nextMonthDay(today, parseNumber(m[1]!), parseNumber(m[2]!)),
  },
  {
    pattern: /(?<![\d./-])(\d{1,2})\/(\d{1,2})(?![\d/])/,
    resolve: (m, today) => nextMonthDay(today, Number(m[1]), Number(m[2])),
  },
  {
    pattern: /大后天|后天|明天|明日|明早|明晚|今天|今日|今早|今晚|昨天|前天/,
    resolve: (m, today) => addDays(today, RELATIVE_DAYS[m[0]]!),
  },
  {
    pattern: /(下下|下|这|本|上)?个?(?:周|星期|礼拜)([一二三四五六日天1-7])/,
    resolve: (m, today) => weekday(today, m[1], WEEKDAY_NUMBERS[m[2]!]!),
  },
  {
    pattern: /(下下|下|这|本|上)?个?周末/,
    resolve: (m, today) => weekday(today, m[1], 6),
  },
  {
    pattern: new RegExp(`(${INT})\\s?(天|日|个?(?:星期|礼拜)|周)\\s?(?:后|以后|之后)`),
    resolve: (m, today) => {
      const count = parseNumber(m[1]!);
      if (count === null) return null;
      return addDays(today, /天|日/.test(m[2]!) ? count : count * 7);
    },
  },
  {
    // 过两天, 过三天: that many days from today.
    pattern: new RegExp(`过\\s?(${INT})\\s?天`),
    resolve: (m, today) => {
      const count = parseNumber(m[1]!);
      return count === null || count > 60 ? null : addDays(today, count);
    },
  },
  {
    pattern: /(下下|下)个?(?:周|星期|礼拜)(?![一二三四五六日天1-7末])/,
    resolve: (m, today) => addDays(mondayOf(today), m[1] === "下下" ? 14 : 7),
  },
  {
    // 5号 / 18日 on its own; not 3号楼, 5号线, 12号房.
    pattern: /(?<![\d月/.-])(\d{1,2})\s?[号日](?![楼院室栋线铺房\d])/,
    resolve: (m, today) => nextDayOfMonth(today, Number(m[1])),
  },
];

const RELATIVE_DAYS: Record<string, number> = {
  前天: -2, 昨天: -1, 今天: 0, 今日: 0, 今早: 0, 今晚: 0, 明天: 1, 明日: 1, 明早: 1, 明晚: 1, 后天: 2, 大后天: 3,
};

/** All date expressions in reading order; overlapping later rules lose to earlier ones. */
export function findDates(text: string, today: Ymd): DateMention[] {
  const found: DateMention[] = [];
  for (const rule of DATE_RULES) {
    for (const match of matchAll(text, rule.pattern)) {
      const span = spanOf(match);
      if (found.some((f) => overlaps(f, span))) continue;
      const date = rule.resolve(match, today);
      if (date !== null) found.push({ date, ...span });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const PERIOD = "凌晨|早上|早晨|上午|中午|午后|下午|傍晚|晚上|夜里|今早|今晚|明早|明晚|晚";
const PERIOD_DEFAULT_HOURS: Record<string, number> = {
  早上: 9, 早晨: 9, 今早: 9, 明早: 9, 上午: 10, 中午: 12, 午后: 15, 下午: 15, 傍晚: 18, 晚上: 19, 今晚: 19, 明晚: 19,
};
const CLOCK = new RegExp(`(${PERIOD})?\\s?(\\d{1,2})\\s?:\\s?(\\d{2})`);
const SPOKEN = new RegExp(`(${PERIOD})?\\s?(${INT})\\s?[点时](?:\\s?(半|一刻|三刻|(${INT})\\s?分?))?`);
const PERIOD_ONLY = new RegExp(`${Object.keys(PERIOD_DEFAULT_HOURS).join("|")}`);

/** The first clock time in the message (15:30, 下午3点, 上午10点半), or a part of day alone. */
export function findTime(text: string): TimeMention | null {
  const clock = CLOCK.exec(text);
  if (clock) {
    const hour = withPeriod(clock[1], Number(clock[2]));
    const minute = Number(clock[3]);
    if (hour !== null && minute < 60) return { hour, minute, ...spanOf(clock) };
  }
  for (const spoken of matchAll(text, SPOKEN)) {
    const [, period, hourText, minuteText, minuteNumber] = spoken;
    // 便宜一点 / 快一点 mean "a bit", not one o'clock.
    if (!period && !minuteText && hourText === "一") continue;
    const rawHour = parseNumber(hourText!);
    if (rawHour === null || rawHour > 24) continue;
    const hour = withPeriod(period, rawHour);
    const minute = minuteOf(minuteText, minuteNumber);
    if (hour !== null && minute !== null) return { hour, minute, ...spanOf(spoken) };
  }
  const periodOnly = PERIOD_ONLY.exec(text);
  if (periodOnly) return { hour: PERIOD_DEFAULT_HOURS[periodOnly[0]]!, minute: 0, ...spanOf(periodOnly) };
  return null;
}

export function formatTime(time: { hour: number; minute: number }): string {
  return `${String(time.hour).padStart(2, "0")}:${String(time.minute).padStart(2, "0")}`;
}

function minuteOf(minuteText: string | undefined, minuteNumber: string | undefined): number | null {
  if (!minuteText) return 0;
  if (minuteText === "半") return 30;
  if (minuteText === "一刻") return 15;
  if (minuteText === "三刻") return 45;
  const minute = parseNumber(minuteNumber ?? "");
  return minute !== null && minute < 60 ? minute : null;
}

function withPeriod(period: string | undefined, hour: number): number | null {
  if (hour > 24) return null;
  if (hour === 24) return 0;
  if (!period) return hour >= 1 && hour <= 7 ? hour + 12 : hour;
  if (/凌晨|早|上午/.test(period)) return hour === 12 ? 0 : hour;
  if (period === "中午") return hour <= 3 ? hour + 12 : hour;
  return hour < 12 ? hour + 12 : hour; // 下午, 傍晚, 晚上, 夜里
}

function validDate(year: number, month: number, day: number): Ymd | null {
  return isValidDate(year, month, day) ? formatYmd(year, month, day) : null;
}

/** The first month/day on or after today (this year, else next year). */
function nextMonthDay(today: Ymd, month: number | null, day: number | null): Ymd | null {
  if (month === null || day === null) return null;
  const { year } = parts(today);
  const thisYear = validDate(year, month, day);
  if (thisYear !== null && thisYear >= today) return thisYear;
  return validDate(year + 1, month, day);
}

/** The first date on or after today that has this day of month. */
function nextDayOfMonth(today: Ymd, day: number): Ymd | null {
  const { year, month } = parts(today);
  for (let ahead = 0; ahead <= 12; ahead++) {
    const date = validDate(year + Math.floor((month - 1 + ahead) / 12), ((month - 1 + ahead) % 12) + 1, day);
    if (date !== null && date >= today) return date;
  }
  return null;
}

function weekday(today: Ymd, prefix: string | undefined, target: number): Ymd {
  const monday = mondayOf(today);
  switch (prefix) {
    case "这":
    case "本":
      return addDays(monday, target - 1);
    case "下":
      return addDays(monday, 7 + target - 1);
    case "下下":
      return addDays(monday, 14 + target - 1);
    case "上":
      return addDays(monday, -7 + target - 1);
    default: {
      const ahead = (target - isoWeekday(today) + 7) % 7;
      return addDays(today, ahead);
    }
  }
}

export type LooseDate = Found<{ date: Ymd | null; approx: boolean; ask: string | null }>;

/**
 * Loose dates: 月底 (the month's last day, or next month's when today is it), 下个月 / 月初 (the
 * first of next month), 年底 (31 Dec), 过几天 (in three days) are approximate dates the user should
 * confirm; 元旦后, 年后, 春节后, 节后 cannot be computed and are returned to ask about.
 */
export function findLooseDate(text: string, today: Ymd): LooseDate | null {
  const ask = /(?:元旦|春节|过年|新年|年|节|国庆|五一|中秋|清明|端午)(?:假期)?(?:以?后|之后|过后)|过完年|年后/.exec(text);
  if (ask) return { date: null, approx: true, ask: ask[0], ...spanOf(ask) };
  const { year, month } = parts(today);
  const endOfMonth = /(?<!下个?)月底|月末/.exec(text);
  if (endOfMonth) {
    const last = lastDayOfMonth(year, month);
    return { date: last > today ? last : lastDayOfMonth(month === 12 ? year + 1 : year, (month % 12) + 1), approx: true, ask: null, ...spanOf(endOfMonth) };
  }
  const nextEnd = /下个?月底|下个?月末/.exec(text);
  if (nextEnd) return { date: lastDayOfMonth(month === 12 ? year + 1 : year, (month % 12) + 1), approx: true, ask: null, ...spanOf(nextEnd) };
  const nextMonth = /下个?月(?:初|中)?|月初/.exec(text);
  if (nextMonth) {
    const first = formatYmd(month === 12 ? year + 1 : year, (month % 12) + 1, 1);
    return { date: nextMonth[0].endsWith("中") ? addDays(first, 14) : first, approx: true, ask: null, ...spanOf(nextMonth) };
  }
  const yearEnd = /年底|年末/.exec(text);
  if (yearEnd) return { date: formatYmd(year, 12, 31) > today ? formatYmd(year, 12, 31) : formatYmd(year + 1, 12, 31), approx: true, ask: null, ...spanOf(yearEnd) };
  const fewDays = /过几天|过些天|过段时间|这几天/.exec(text);
  if (fewDays) return { date: addDays(today, 3), approx: true, ask: null, ...spanOf(fewDays) };
  return null;
}

function lastDayOfMonth(year: number, month: number): Ymd {
  return addDays(formatYmd(month === 12 ? year + 1 : year, (month % 12) + 1, 1), -1);
}
