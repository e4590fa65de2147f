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

/**
 * What the format helpers show for a moment that is no moment: Postgres `infinity` (a subscribed
 * customer's protection never ends), `-infinity`, null or anything unreadable. Never a throw: a
 * reply after a successful save must not turn into "出错了".
 */
export function noMoment(value: string | null | undefined, locale: Locale): string | null {
  if (value === null || value === undefined || value === "") return "—";
  const v = value.trim().toLowerCase();
  if (v === "infinity" || v === "+infinity") return locale === "en" ? "no end" : "长期";
  if (v === "-infinity") return "—";
  return Number.isNaN(new Date(value.length === 10 ? `${value}T00:00:00Z` : value).getTime()) ? "—" : null;
}

/** True for a real instant or date (not null, not ±infinity, not garbage). */
export const isMoment = (value: string | null | undefined): value is string => noMoment(value, "zh-CN") === null;

/** A calendar day as people write it: 12月2日（周三） / Wed 2 Dec. */
export function formatDay(ymd: string | null, locale: Locale): string {
  const none = noMoment(ymd, locale);
  if (none !== null || ymd === null) return none ?? "—";
  const [y, m, d] = ymd.slice(0, 10).split("-").map(Number);
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
export function formatDateTime(iso: string | null, locale: Locale, timeZone = OFFICE_TIME_ZONE): string {
  const none = noMoment(iso, locale);
  if (none !== null || iso === null) return none ?? "—";
  const { ymd, hm } = officeParts(iso, timeZone);
  return `${formatDay(ymd, locale)}${locale === "en" ? " " : ""}${hm}`;
}

/** Only the office time of day: 15:00. */
export function formatClock(iso: string | null, timeZone = OFFICE_TIME_ZONE): string {
  const none = noMoment(iso, "zh-CN");
  if (none !== null || iso === null) return none ?? "—";
  return officeParts(iso, timeZone).hm;
}

/** A local `YYYY-MM-DDTHH:mm` as people read it. */
export function formatLocal(local: string | null, locale: Locale): string {
  const none = noMoment(local, locale);
  if (none !== null || local === null) return none ?? "—";
  const [ymd, hm] = local.split("T");
  return `${formatDay(ymd, locale)}${locale === "en" ? " " : ""}${hm}`;
}
