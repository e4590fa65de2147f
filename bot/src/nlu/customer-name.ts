import { findArea } from "./area.js";
import type { Ymd } from "./calendar.js";
import { findDates, findTime } from "./dates.js";
import { findDiscount } from "./discount.js";
import { findFloors } from "./floors.js";
import { NAME_NOISE } from "./keywords.js";
import { findAmounts } from "./money.js";
import { findHonorificName, findPlainName, type NameMention } from "./names.js";
import { findPhones } from "./phones.js";
import type { Remainder } from "./remainder.js";
import { findRooms } from "./rooms.js";
import type { Span } from "./span.js";
import { findBuilding, findUnit } from "./units.js";
import { findGenderWord, findGrade, VOCABULARY_WORDS } from "./vocabulary.js";

/**
 * The customer's name in what is left of a message. Works on a scratch copy on which everything
 * else the parser knows has been blanked, so the caller's remainder only loses the name itself.
 */
export function findCustomerName(remainder: Remainder, today: Ymd): NameMention | null {
  const honorific = findHonorificName(remainder.text);
  if (honorific) return honorific;

  const scratch = remainder.fork();
  const blankEach = (found: Span[]) => found.forEach((span) => scratch.blank(span));
  const blankWhileFound = (find: (text: string) => Span | null) => {
    for (let found = find(scratch.text), guard = 0; found && guard < 20; found = find(scratch.text), guard++) {
      scratch.blank(found);
    }
  };

  blankEach(findPhones(scratch.text));
  blankEach(findDates(scratch.text, today));
  blankWhileFound(findTime);
  blankWhileFound(findDiscount);
  blankEach(findAmounts(scratch.text));
  blankWhileFound(findUnit);
  blankWhileFound(findBuilding);
  blankWhileFound(findArea);
  blankWhileFound(findRooms);
  blankWhileFound(findFloors);
  blankWhileFound(findGrade);
  blankWhileFound(findGenderWord);
  scratch.blankAll(VOCABULARY_WORDS);
  scratch.blankAll(NAME_NOISE);
  return findPlainName(scratch.text);
}
