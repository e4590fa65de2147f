import type { Ymd } from "../calendar.js";
import { findCustomerName } from "../customer-name.js";
import { findDates, findTime, formatTime } from "../dates.js";
import { REPORT_FRAME } from "../keywords.js";
import { findHonorificName } from "../names.js";
import { findPhones } from "../phones.js";
import { Remainder } from "../remainder.js";
import type { ReportCustomer } from "../schema.js";

/**
 * 报备 李四 138****5678 明天下午3点到访 → a broker's customer report. A time with no date is
 * today; a date with no time is 00:00, meaning "time not given".
 */
export function buildReport(text: string, today: Ymd): ReportCustomer {
  const rest = new Remainder(text);
  const phones = findPhones(rest.text);
  phones.forEach((phone) => rest.drop(phone));
  const honorific = rest.drop(findHonorificName(rest.text));
  // Both read the same text: 明晚 is a date and a part of day at once.
  const date = findDates(rest.text, today)[0] ?? null;
  const time = findTime(rest.text);
  if (date) rest.blank(date);
  if (time) rest.blank(time);
  rest.blankAll(REPORT_FRAME);
  const name = honorific ?? findCustomerName(rest, today);

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
