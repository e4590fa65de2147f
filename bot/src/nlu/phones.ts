import { normalizeMaskedMobile, normalizeMobile } from "@so/shared/phone";
import { matchAll, spanOf, type Found } from "./span.js";

/** A mobile number in a message: 11 digits, or `138****5678` when masked. */
export type PhoneMention = Found<{ phone: string; masked: boolean }>;

// A label such as 电话: belongs to the number, so it is part of the span (and is not read as the
// customer source 来电/电话 later).
const LABEL = "(?:(?:电话|手机号码|手机号|手机|联系方式|号码|tel|TEL|Tel)(?:号码?)?\\s?(?:是|:)?\\s?)?";
const COUNTRY = "(?:(?:\\+|00)?86[\\s-]?)?";
const FULL = new RegExp(`${LABEL}(?<![\\d*])${COUNTRY}1[3-9]\\d[\\s-]?\\d{4}[\\s-]?\\d{4}(?![\\d*])`);
const MASKED = new RegExp(`${LABEL}(?<![\\d*])${COUNTRY}1[3-9]\\d[\\s-]?[*xX×]{4}[\\s-]?\\d{4}(?![\\d*])`);

export function findPhones(text: string): PhoneMention[] {
  const found: PhoneMention[] = [];
  for (const match of matchAll(text, FULL)) {
    const phone = normalizeMobile(stripLabel(match[0]));
    if (phone !== null) found.push({ phone, masked: false, ...spanOf(match) });
  }
  for (const match of matchAll(text, MASKED)) {
    const phone = normalizeMaskedMobile(stripLabel(match[0]));
    if (phone !== null) found.push({ phone, masked: true, ...spanOf(match) });
  }
  return found.sort((a, b) => a.start - b.start);
}

function stripLabel(text: string): string {
  return text.replace(/^[^\d+]*/, "");
}
