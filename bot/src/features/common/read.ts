import { normalizeText } from "../../nlu/normalize.ts";
import { buildDiscount } from "../../nlu/intents/discount.ts";
import { buildFollowUp } from "../../nlu/intents/follow-up.ts";
import { buildRegister } from "../../nlu/intents/register.ts";
import { buildReport } from "../../nlu/intents/report.ts";
import { findUnit } from "../../nlu/units.ts";
import { todayIn } from "./clock.ts";

/**
 * The rule parser's field readers applied to one answer in a dialogue ("三房 120平 300万",
 * "明天下午3点", "97折"): the question already says what the answer is about.
 */
export const readCustomerFields = (text: string) => buildRegister(normalizeText(text), todayIn()).customer;
export const readVisit = (text: string) => buildReport(normalizeText(text), todayIn()).report.expected_visit;
export const readNextDate = (text: string) => buildFollowUp(normalizeText(text), todayIn()).follow_up.next_date;
export const readPrice = (text: string) => {
  const r = buildDiscount(normalizeText(text), todayIn()).request;
  return { rate: r.discount_rate, targetWan: r.target_price_wan };
};
export const readUnit = (text: string) => findUnit(normalizeText(text));
