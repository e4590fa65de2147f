/**
 * Calendar arithmetic on plain `YYYY-MM-DD` strings. Computed in UTC so the host's time zone
 * can never shift a day; weeks start on Monday.
 */

export type Ymd = string;

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isYmd(text: string): boolean {
  const match = YMD.exec(text);
  if (!match) return false;
  return isValidDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function formatYmd(year: number, month: number, day: number): Ymd {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

export function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

export function parts(ymd: Ymd): { year: number; month: number; day: number } {
  const match = YMD.exec(ymd);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${ymd}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function addDays(ymd: Ymd, days: number): Ymd {
  const { year, month, day } = parts(ymd);
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return formatYmd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(ymd: Ymd): number {
  const { year, month, day } = parts(ymd);
  const sundayZero = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

export function mondayOf(ymd: Ymd): Ymd {
  return addDays(ymd, 1 - isoWeekday(ymd));
}

/** The host's current local date, for callers that have no explicit "today". */
export function localToday(now: Date = new Date()): Ymd {
  return formatYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
