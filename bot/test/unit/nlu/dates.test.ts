import { describe, expect, it } from "vitest";
import { addDays, isoWeekday, isYmd, localToday, mondayOf } from "../../../src/nlu/calendar.js";
import { findDates, findTime, formatTime } from "../../../src/nlu/dates.js";

const MONDAY = "2026-11-23";
const FRIDAY = "2026-11-27";
const SUNDAY = "2026-11-29";

function firstDate(text: string, today: string): string | null {
  return findDates(text, today)[0]?.date ?? null;
}

function timeOf(text: string): string | null {
  const time = findTime(text);
  return time ? formatTime(time) : null;
}

describe("calendar", () => {
  it("adds days across months and years", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("numbers weekdays from Monday and finds the week's Monday", () => {
    expect(isoWeekday(MONDAY)).toBe(1);
    expect(isoWeekday(SUNDAY)).toBe(7);
    expect(mondayOf(SUNDAY)).toBe(MONDAY);
    expect(mondayOf(MONDAY)).toBe(MONDAY);
  });

  it("validates YYYY-MM-DD", () => {
    expect(isYmd("2026-11-23")).toBe(true);
    expect(isYmd("2026-02-30")).toBe(false);
    expect(isYmd("2026/11/23")).toBe(false);
  });

  it("gives the local date of a Date", () => {
    expect(localToday(new Date(2026, 10, 23, 23, 59))).toBe("2026-11-23");
  });
});

describe("findDates", () => {
  it.each([
    ["今天", "2026-11-23"],
    ["明天", "2026-11-24"],
    ["后天", "2026-11-25"],
    ["大后天", "2026-11-26"],
    ["周五", "2026-11-27"],
    ["星期五", "2026-11-27"],
    ["礼拜五", "2026-11-27"],
    ["这周五", "2026-11-27"],
    ["本周日", "2026-11-29"],
    ["周末", "2026-11-28"],
    ["下周三", "2026-12-02"],
    ["下个星期三", "2026-12-02"],
    ["下下周一", "2026-12-07"],
    ["下周", "2026-11-30"],
    ["3天后", "2026-11-26"],
    ["三天以后", "2026-11-26"],
    ["一周后", "2026-11-30"],
    ["两个星期后", "2026-12-07"],
    ["12月5日", "2026-12-05"],
    ["十二月五号", "2026-12-05"],
    ["12/5", "2026-12-05"],
    ["1月5日", "2027-01-05"],
    ["2027年3月1日", "2027-03-01"],
    ["2026-12-03", "2026-12-03"],
    ["30号", "2026-11-30"],
    ["5号", "2026-12-05"],
  ])("%s on Monday 2026-11-23 → %s", (text, date) => {
    expect(firstDate(text, MONDAY)).toBe(date);
  });

  it("takes a bare weekday as its next occurrence on or after today", () => {
    expect(firstDate("周五", FRIDAY)).toBe(FRIDAY);
    expect(firstDate("周四", FRIDAY)).toBe("2026-12-03");
    expect(firstDate("周一", SUNDAY)).toBe("2026-11-30");
  });

  it("keeps 这周 within the current week, even when the day has passed", () => {
    expect(firstDate("这周一", FRIDAY)).toBe(MONDAY);
  });

  it("counts 下周 from the Monday-based week, so on Sunday it starts tomorrow", () => {
    expect(firstDate("下周三", SUNDAY)).toBe("2026-12-02");
    expect(firstDate("下周一", SUNDAY)).toBe("2026-11-30");
  });

  it("rolls month/day and day-of-month over the year end", () => {
    expect(firstDate("后天", "2026-12-30")).toBe("2027-01-01");
    expect(firstDate("12/5", "2026-12-30")).toBe("2027-12-05");
    expect(firstDate("3号", "2026-12-30")).toBe("2027-01-03");
  });

  it("does not mistake buildings, rooms or decimals for dates", () => {
    expect(findDates("3号楼1203室", MONDAY)).toEqual([]);
    expect(findDates("5号线地铁口", MONDAY)).toEqual([]);
    expect(findDates("2.8万/平", MONDAY)).toEqual([]);
  });

  it("returns all mentions in reading order with their spans", () => {
    const text = "周五下午3点 或者 下周三";
    const found = findDates(text, MONDAY);
    expect(found.map((f) => f.date)).toEqual(["2026-11-27", "2026-12-02"]);
    expect(text.slice(found[1]!.start, found[1]!.end)).toBe("下周三");
  });
});

describe("findTime", () => {
  it.each([
    ["下午3点", "15:00"],
    ["上午10点半", "10:30"],
    ["晚上7点", "19:00"],
    ["15:30", "15:30"],
    ["下午3:30", "15:30"],
    ["15点30", "15:30"],
    ["下午3点15分", "15:15"],
    ["下午三点一刻", "15:15"],
    ["中午12点", "12:00"],
    ["中午1点", "13:00"],
    ["早上9点", "09:00"],
    ["凌晨12点", "00:00"],
    ["今晚8点", "20:00"],
    ["下午两点半", "14:30"],
  ])("%s → %s", (text, time) => {
    expect(timeOf(text)).toBe(time);
  });

  it("reads a bare hour in sales-office hours", () => {
    expect(timeOf("3点")).toBe("15:00");
    expect(timeOf("7点")).toBe("19:00");
    expect(timeOf("9点")).toBe("09:00");
    expect(timeOf("10点半")).toBe("10:30");
  });

  it("gives a part of day without an hour its typical hour", () => {
    expect(timeOf("上午")).toBe("10:00");
    expect(timeOf("下午")).toBe("15:00");
    expect(timeOf("晚上")).toBe("19:00");
    expect(timeOf("明晚")).toBe("19:00");
  });

  it("ignores 一点 meaning 'a bit' and finds nothing in plain text", () => {
    expect(findTime("便宜一点")).toBeNull();
    expect(findTime("3个点")).toBeNull();
    expect(findTime("客户嫌贵")).toBeNull();
  });
});
