import type { Ymd } from "../calendar.js";
import { findCustomerName } from "../customer-name.js";
import { findDates, findTime } from "../dates.js";
import { FILLER, FOLLOW_UP_FRAME } from "../keywords.js";
import { findHonorificName } from "../names.js";
import { findPhones } from "../phones.js";
import { Remainder } from "../remainder.js";
import type { LogFollowUp } from "../schema.js";
import { findMethod, METHOD_WORDS } from "../vocabulary.js";

/**
 * 王五 电话回访 嫌价格高 下周三再约 → a follow-up record. The next date is the first date after
 * today that the message names: "today" describes the contact being logged, not the next one.
 */
export function buildFollowUp(text: string, today: Ymd): LogFollowUp {
  const rest = new Remainder(text);
  const phones = findPhones(rest.text);
  phones.forEach((phone) => rest.drop(phone));
  const honorific = rest.drop(findHonorificName(rest.text));
  const method = findMethod(rest.text);
  rest.blankAll(METHOD_WORDS);
  const dates = findDates(rest.text, today);
  dates.forEach((date) => rest.blank(date));
  for (let time = findTime(rest.text); time; time = findTime(rest.text)) rest.blank(time);
  rest.blankAll(FOLLOW_UP_FRAME);
  const name = honorific ?? rest.drop(findCustomerName(rest, today));

  return {
    intent: "log_follow_up",
    follow_up: {
      customer_name: name?.name ?? null,
      customer_phone: phones[0]?.phone ?? null,
      method: method?.method ?? null,
      content: rest.leftover(FILLER),
      next_date: dates.find((date) => date.date > today)?.date ?? null,
    },
  };
}
