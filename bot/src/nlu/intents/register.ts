import { findArea } from "../area.js";
import type { Ymd } from "../calendar.js";
import { findCustomerName } from "../customer-name.js";
import { FILLER, REGISTER_FRAME } from "../keywords.js";
import { findAmounts } from "../money.js";
import { findHonorificName } from "../names.js";
import { findPhones } from "../phones.js";
import { Remainder } from "../remainder.js";
import { findRooms } from "../rooms.js";
import type { RegisterCustomer } from "../schema.js";
import { findGenderWord, findGrade, findPurpose, findSource, SOURCE_WORDS } from "../vocabulary.js";

/** 张三 13812345678 来访 想要三房 预算300万 A类 → a new customer record. */
export function buildRegister(text: string, today: Ymd): RegisterCustomer {
  const rest = new Remainder(text);
  const phones = findPhones(rest.text);
  phones.forEach((phone) => rest.drop(phone));
  const honorific = rest.drop(findHonorificName(rest.text));
  const grade = rest.take(findGrade(rest.text));
  const source = findSource(rest.text);
  rest.blankAll(SOURCE_WORDS);
  const purpose = rest.take(findPurpose(rest.text));
  const genderWord = rest.take(findGenderWord(rest.text));
  const rooms = rest.take(findRooms(rest.text));
  const area = rest.take(findArea(rest.text));
  // 300万以上 sets no ceiling, so such an amount stays in the note.
  const budget = rest.take(findAmounts(rest.text).find((amount) => amount.bound !== "min") ?? null);
  rest.blankAll(REGISTER_FRAME);
  const name = honorific ?? rest.drop(findCustomerName(rest, today));

  return {
    intent: "register_customer",
    customer: {
      name: name?.name ?? null,
      phone: phones[0]?.phone ?? null,
      gender: honorific?.gender ?? genderWord?.gender ?? null,
      source: source?.source ?? null,
      grade: grade?.grade ?? null,
      rooms: rooms?.rooms ?? null,
      area_min: area?.min ?? null,
      area_max: area?.max ?? null,
      budget_max_wan: budget?.value ?? null,
      purpose: purpose?.purpose ?? null,
      note: rest.leftover(FILLER),
    },
  };
}
