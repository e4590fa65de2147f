import type { Locale } from "../../i18n/index.ts";

/** The sales offices' time zone (projects.timezone); dates people say are read in it. */
export const OFFICE_TIME_ZONE = "Asia/Shanghai";

const ymdFormat = (timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });

/** Today in the office's time zone, `YYYY-MM-DD`. */
export function todayIn(timeZone = OFFICE_TIME_ZONE, now: Date = new Date()): string {
  return ymdFormat(timeZone).format(now);
}

/** The UTC offset of a time zone at an instant, e.g. "+08:00". */
function offsetAt(timeZone: string, at: Date): string {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name ?? "");
  return m ? `${m[1]}:${m[2] ?? "00"}` : "+00:00";
}

/** A wall-clock time in the office, `2026-11-24T15:00`, as an ISO instant with its offset. */
export function officeTimeToIso(local: string, timeZone = OFFICE_TIME_ZONE): string {
  const guess = new Date(`${local}:00Z`);
  return `${local}:00${offsetAt(timeZone, guess)}`;
}

const WEEKDAYS_ZH = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

/** A calendar day as people write it: 12月2日（周三） / Wed 2 Dec. */
export function formatDay(ymd: string, locale: Locale): string {
  const [y, m, d] = ymd.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (locale === "en") {
    return date.toLocaleDateString("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" });
  }
  return `${m}月${d}日（${WEEKDAYS_ZH[date.getUTCDay()]}）`;
}

function officeParts(iso: string, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return { ymd: `${get("year")}-${get("month")}-${get("day")}`, hm: `${get("hour")}:${get("minute")}` };
}

/** An instant as office time: 11月24日（周二）15:00 / Tue 24 Nov 15:00. */
export function formatDateTime(iso: string, locale: Locale, timeZone = OFFICE_TIME_ZONE): string {
  const { ymd, hm } = officeParts(iso, timeZone);
  return `${formatDay(ymd, locale)}${locale === "en" ? " " : ""}${hm}`;
}

/** Only the office time of day: 15:00. */
export function formatClock(iso: string, timeZone = OFFICE_TIME_ZONE): string {
  return officeParts(iso, timeZone).hm;
}

/** A local `YYYY-MM-DDTHH:mm` as people read it. */
export function formatLocal(local: string, locale: Locale): string {
  const [ymd, hm] = local.split("T");
  return `${formatDay(ymd, locale)}${locale === "en" ? " " : ""}${hm}`;
}
