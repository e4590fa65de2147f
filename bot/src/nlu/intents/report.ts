import type { Ymd } from "../calendar.js";
import { findCustomerName } from "../customer-name.js";
import { findDates, findTime, formatTime } from "../dates.js";
import { REPORT_FRAME } from "../keywords.js";
import { findHonorificName } from "../names.js";
import { findPhones } from "../phones.js";
import { Remainder } from "../remainder.js";
import type { ReportCustomer } from "../schema.js";
import type { NameMention } from "../names.js";
import { AGENCIES } from "../vocabulary.js";

/**
 * 报备 李四 138****5678 明天下午3点到访 → a broker's customer report. A time with no date is
 * today; a date with no time is 00:00, meaning "time not given".
 */
export function buildReport(text: string, today: Ymd): ReportCustomer {
  const rest = new Remainder(text);
  const phones = findPhones(rest.text);
  phones.forEach((phone) => rest.drop(phone));
  const honorific = findHonorificName(rest.text);
  // Both read the same text: 明晚 is a date and a part of day at once.
  const date = findDates(rest.text, today)[0] ?? null;
  const time = findTime(rest.text);
  if (date) rest.blank(date);
  if (time) rest.blank(time);
  rest.blankAll(REPORT_FRAME);
  const name = afterCustomerWord(rest, today) ?? honorific ?? findCustomerName(withoutBroker(rest), today);

  const expectedVisit = date || time ? `${date?.date ?? today}T${time ? formatTime(time) : "00:00"}` : null;
  return {
    intent: "report_customer",
    report: {
      customer_name: name?.name ?? null,
      customer_phone: phones[0]?.phone ?? null,
      expected_visit: expectedVisit,
    },
  };
}

/** 给客户刘洋报备, 报备客户陈敏: the name after 客户 is the customer's, whoever is named before. */
function afterCustomerWord(rest: Remainder, today: Ymd): NameMention | null {
  const word = /客户\s?[:]?\s?/.exec(rest.text);
  if (!word) return null;
  const scratch = rest.fork();
  scratch.blank({ start: 0, end: word.index + word[0].length });
  return findCustomerName(scratch, today);
}

/** Agencies whose brokers sign their reports (贝壳张伟 报备 …). */
const BROKER = new RegExp(
  `(?:${AGENCIES})(?:地产|经纪人|经纪|置业顾问)?\\s?(?:[\\u4e00-\\u9fff]{1,3}?)(?=\\s|给|帮|替|报备|$)|[\\u4e00-\\u9fff]{1,3}?(?:经纪人|经纪)(?=\\s|给|帮|替|报备|$)|(?:经纪人|经纪)\\s?[\\u4e00-\\u9fff]{2,3}?(?=\\s|给|帮|替|报备|$)`,
  "g",
);

/** The broker's own signature blanked, so the customer's name is the one left. */
function withoutBroker(rest: Remainder): Remainder {
  const scratch = rest.fork();
  scratch.blankAll(BROKER);
  return scratch;
}
