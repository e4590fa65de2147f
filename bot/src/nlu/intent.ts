import { findArea } from "./area.js";
import type { Ymd } from "./calendar.js";
import { findCustomerName } from "./customer-name.js";
import { findDiscount } from "./discount.js";
import { findFloors } from "./floors.js";
import {
  CONTACT_WORDS,
  DISCOUNT_WORDS,
  FOLLOW_UP_WORDS,
  NARRATIVE_WORDS,
  QUERY_WORDS,
  REGISTER_WORDS,
  REPORT_WORDS,
  SOFT_DISCOUNT_WORDS,
} from "./keywords.js";
import { findAmounts } from "./money.js";
import { findPhones } from "./phones.js";
import { Remainder } from "./remainder.js";
import { findRooms } from "./rooms.js";
import type { Intent } from "./schema.js";
import { findBuilding, findUnit } from "./units.js";
import { findGenderWord, findGrade, findPhoneTail, findPurpose, findSource } from "./vocabulary.js";

/**
 * What the message is for, decided in this order:
 * 1. 报备 → report_customer
 * 2. a clear discount (97折, 3个点, 降到285万, 申请优惠, 特价) → request_discount
 * 3. a follow-up word (回访, 跟进, 再约…) about a named customer or phone → log_follow_up,
 *    unless the message says it registers a new customer (登记, 新客户); likewise a way of
 *    contact (微信, 打电话, 发了…) about a named customer when no phone number is given (with
 *    a number, 微信同号 and the like describe a new customer)
 *    — and any story about a named (or 尾号) customer with no new number and no needs listed:
 *    电话/没接/嫌贵/再打/明天来 (NARRATIVE_WORDS)
 * 4. vaguer price talk (再优惠, 便宜点, 打折) → request_discount, except a search for
 *    特价房 (有没有特价房), which is a unit search
 * 5. a phone number, or 登记/新客户 with a name → register_customer
 * 6. a search word (还有, 有没有, 查, 找…) with something to search by → query_units
 * 7. a name with customer details (来源, 等级, 需求) → register_customer
 * 8. search criteria alone → query_units
 * otherwise unknown.
 */
export function detectIntent(text: string, today: Ymd): Intent {
  if (REPORT_WORDS.test(text)) return "report_customer";
  if (findDiscount(text) !== null || DISCOUNT_WORDS.test(text)) return "request_discount";

  const hasPhone = findPhones(text).length > 0;
  const hasTail = findPhoneTail(text) !== null;
  const hasName = hasTail || findCustomerName(new Remainder(text), today) !== null;
  const registering = REGISTER_WORDS.test(text);
  if (FOLLOW_UP_WORDS.test(text) && (hasPhone || hasName) && !registering) return "log_follow_up";
  if (CONTACT_WORDS.test(text) && hasName && !hasPhone && !registering) return "log_follow_up";
  // A story about a named customer (张伟 电话 嫌贵 过两天再打, 魏国强没接电话): a follow-up,
  // unless it lists what a new customer wants (rooms, area, budget, grade).
  if (hasName && !hasPhone && !registering && NARRATIVE_WORDS.test(text) && !hasNeeds(text)) return "log_follow_up";

  const searching = QUERY_WORDS.test(text);
  if (SOFT_DISCOUNT_WORDS.test(text) && !(searching && /特价房/.test(text))) return "request_discount";
  if (hasPhone || (registering && hasName)) return "register_customer";

  const criteria = hasSearchCriteria(text);
  if (searching && (criteria || /房|套|户型/.test(text))) return "query_units";
  if (hasName && (criteria || hasCustomerDetails(text))) return "register_customer";
  if (criteria) return "query_units";
  return "unknown";
}

function hasSearchCriteria(text: string): boolean {
  return (
    findUnit(text)?.building != null ||
    findBuilding(text) !== null ||
    findRooms(text) !== null ||
    findArea(text) !== null ||
    findAmounts(text).some((amount) => amount.bound !== "min") ||
    hasFloorBound(text) ||
    /最便宜|最贵|朝[东南西北]|南北通透|(?:高|中间?|低)楼层/.test(text)
  );
}

function hasFloorBound(text: string): boolean {
  const floors = findFloors(text);
  return floors !== null && (floors.min !== null || floors.max !== null);
}

function hasNeeds(text: string): boolean {
  return findRooms(text) !== null || findArea(text) !== null || findGrade(text) !== null ||
    findAmounts(text).some((amount) => amount.bound !== "min" && !/到|至/.test(amount.before));
}

function hasCustomerDetails(text: string): boolean {
  return findSource(text) !== null || findGrade(text) !== null || findGenderWord(text) !== null || findPurpose(text) !== null;
}
