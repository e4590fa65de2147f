import type { Ymd } from "../calendar.js";
import { findCustomerName } from "../customer-name.js";
import { findDates, findLooseDate, findTime, formatTime, type TimeMention } from "../dates.js";
import { FILLER, FOLLOW_UP_FRAME } from "../keywords.js";
import { findHonorificName } from "../names.js";
import { findPhones } from "../phones.js";
import { Remainder } from "../remainder.js";
import type { LogFollowUp } from "../schema.js";
import { findMethod, findObjection, findPhoneTail, METHOD_WORDS } from "../vocabulary.js";

/** A time followed by 过/了 (下午call过他了) describes the contact being logged, not the next one. */
const PAST_AFTER = /^\s?(?:电话|打|聊|发|来|去|见)?\s?(?:过(?![来去])|了)/;

/**
 * 王五 电话回访 嫌价格高 下周三再约 → a follow-up record. The next date is the first date after
 * today that the message names: "today" describes the contact being logged, not the next one.
 * A clock time next to that date (明早十点, 周五下午) is its time; a time alone that is not in
 * the past (晚上八点再打) is later today. Loose dates (月底, 下个月) give an approximate date,
 * those that cannot be computed (元旦后) are returned to ask about; 嫌贵 and the like give the
 * objection, 尾号1234 the phone tail — all of it still stays in the content as written.
 */
export function buildFollowUp(text: string, today: Ymd): LogFollowUp {
  const rest = new Remainder(text);
  const phones = findPhones(rest.text);
  phones.forEach((phone) => rest.drop(phone));
  const tail = rest.drop(findPhoneTail(rest.text));
  const honorific = rest.drop(findHonorificName(rest.text));
  const objection = findObjection(rest.text);
  const method = findMethod(rest.text);
  rest.blankAll(METHOD_WORDS);
  const dateText = rest.text;
  const dates = findDates(dateText, today);
  const times = findTimes(dateText);
  const loose = findLooseDate(dateText, today);
  dates.forEach((date) => rest.blank(date));
  times.forEach((time) => rest.blank(time));
  if (loose) rest.blank(loose);
  rest.blankAll(FOLLOW_UP_FRAME);
  const name = honorific ?? rest.drop(findCustomerName(rest, today));

  const nextDate = dates.find((date) => date.date > today) ?? null;
  const future = times.filter((time) => !PAST_AFTER.test(dateText.slice(time.end)));
  let next: { date: Ymd; time: TimeMention | null; approx?: boolean } | null = null;
  if (nextDate) {
    const time = future.find((t) => t.start <= nextDate.end + 2 && t.end >= nextDate.start) ?? null;
    next = { date: nextDate.date, time };
  } else if (loose?.date) {
    next = { date: loose.date, time: null, approx: true };
  } else if (!dates.some((date) => date.date < today) && future.length > 0 && !loose) {
    next = { date: today, time: future[0]! };
  }

  const followUp: LogFollowUp["follow_up"] = {
    customer_name: name?.name ?? null,
    customer_phone: phones[0]?.phone ?? null,
    method: method?.method ?? null,
    content: rest.leftover(FILLER),
    next_date: next?.date ?? null,
  };
  if (tail) followUp.customer_phone_tail = tail.tail;
  if (objection) followUp.objection = objection.objection;
  if (next?.time) followUp.next_time = formatTime(next.time);
  if (next?.approx) followUp.next_date_approx = true;
  if (!next && loose?.ask) followUp.next_date_ask = loose.ask;
  return { intent: "log_follow_up", follow_up: followUp };
}

/** Every clock time in the text, in reading order. */
function findTimes(text: string): TimeMention[] {
  const scratch = new Remainder(text);
  const found: TimeMention[] = [];
  for (let time = findTime(scratch.text), guard = 0; time && guard < 6; time = findTime(scratch.text), guard++) {
    found.push(time);
    scratch.blank(time);
  }
  return found.sort((a, b) => a.start - b.start);
}
