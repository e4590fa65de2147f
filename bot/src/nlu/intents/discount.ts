import type { Ymd } from "../calendar.js";
import { findCustomerName } from "../customer-name.js";
import { findDiscount } from "../discount.js";
import { DISCOUNT_FRAME, FILLER } from "../keywords.js";
import { findAmounts, type MoneyMention } from "../money.js";
import { findHonorificName } from "../names.js";
import { findPhones } from "../phones.js";
import { Remainder } from "../remainder.js";
import type { RequestDiscount } from "../schema.js";
import { findUnit, unitLabel } from "../units.js";
import { findPaymentMethod, findPhoneTail } from "../vocabulary.js";

/** 3-1203 王五 申请97折 / 3栋1203 降到285万 公积金 → a discount request for approval. */
export function buildDiscount(text: string, today: Ymd): RequestDiscount {
  // Read from the whole message and left in the reason as written (客户全款 is a reason too).
  const payment = findPaymentMethod(text);
  const rest = new Remainder(text);
  const phones = findPhones(rest.text);
  phones.forEach((phone) => rest.drop(phone));
  const tail = rest.drop(findPhoneTail(rest.text));
  const honorific = rest.drop(findHonorificName(rest.text));
  const discount = rest.take(findDiscount(rest.text));
  const target = rest.take(targetPrice(findAmounts(rest.text)));
  const unit = rest.take(findUnit(rest.text));
  rest.blankAll(DISCOUNT_FRAME);
  const name = honorific ?? rest.drop(findCustomerName(rest, today));

  const result: RequestDiscount = {
    intent: "request_discount",
    request: {
      unit: unit ? unitLabel(unit) : null,
      customer_name: name?.name ?? null,
      customer_phone: phones[0]?.phone ?? null,
      discount_rate: discount?.rate ?? null,
      target_price_wan: target?.value ?? null,
      reason: rest.leftover(FILLER),
    },
  };
  if (tail) result.request.customer_phone_tail = tail.tail;
  if (payment) result.request.payment_method = payment.method;
  return result;
}

const REDUCTION = /(?:优惠|便宜|让|少|减|降|原价|标价|从)\s*$/;
const TO_TARGET = /(?:到|至)\s*$/;

/**
 * The price asked for: an amount after 降到/便宜到 wins; otherwise the last amount, since the
 * list price usually comes first (总价300万 客户想285万). Reductions (优惠2万, 降2万) and the
 * original price (原价300万) are never targets and stay in the reason.
 */
function targetPrice(amounts: MoneyMention[]): MoneyMention | null {
  return (
    amounts.find((amount) => TO_TARGET.test(amount.before)) ??
    amounts.filter((amount) => !REDUCTION.test(amount.before)).at(-1) ??
    null
  );
}
