import { CN_NUMERALS } from "./numbers.js";

/**
 * One spelling for things typed many ways, so the extractors need only one pattern each:
 * full-width characters become ASCII (NFKC), every area unit becomes 平, whitespace collapses.
 */
export function normalizeText(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/[“”"'‘’]/g, " ")
    .replace(new RegExp(`([\\d${CN_NUMERALS}])\\s*(?:平方米|平米|平方|m2|M2|㎡|sqm)`, "g"), "$1平")
    .replace(/\s+/g, " ")
    .trim();
}
