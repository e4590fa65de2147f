import { describe, expect, it } from "vitest";
import { isMaskedMobile, maskedMatches, maskMobile, normalizeMaskedMobile, normalizeMobile } from "../../src/phone.js";

describe("normalizeMobile", () => {
  it.each([
    ["13812345678", "13812345678"],
    [" 138 1234 5678 ", "13812345678"],
    ["138-1234-5678", "13812345678"],
    ["+86 138 1234 5678", "13812345678"],
    ["+8613812345678", "13812345678"],
    ["008613812345678", "13812345678"],
    ["8613812345678", "13812345678"],
    ["(138)1234-5678", "13812345678"],
    ["19912345678", "19912345678"],
  ])("%j → %s", (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected);
  });

  it.each(["", "12812345678", "1381234567", "138123456789", "138****5678", "abc", "+1 138 1234 5678", "010-12345678"])(
    "rejects %j",
    (input) => {
      expect(normalizeMobile(input)).toBeNull();
    },
  );
});

describe("maskMobile / isMaskedMobile", () => {
  it("masks the middle four digits", () => {
    expect(maskMobile("13812345678")).toBe("138****5678");
    expect(maskMobile("+86 138-1234-5678")).toBe("138****5678");
    expect(maskMobile("123")).toBeNull();
  });

  it("recognises only the canonical masked form", () => {
    expect(isMaskedMobile("138****5678")).toBe(true);
    expect(isMaskedMobile("138xxxx5678")).toBe(false);
    expect(isMaskedMobile("13812345678")).toBe(false);
    expect(isMaskedMobile("128****5678")).toBe(false);
  });
});

describe("normalizeMaskedMobile", () => {
  it.each([
    ["138****5678", "138****5678"],
    ["138xxxx5678", "138****5678"],
    ["138XXXX5678", "138****5678"],
    ["138 **** 5678", "138****5678"],
    ["138-****-5678", "138****5678"],
    ["+86 138****5678", "138****5678"],
  ])("%j → %s", (input, expected) => {
    expect(normalizeMaskedMobile(input)).toBe(expected);
  });

  it.each(["13812345678", "138***5678", "138*****5678", "118****5678", ""])("rejects %j", (input) => {
    expect(normalizeMaskedMobile(input)).toBeNull();
  });
});

describe("maskedMatches", () => {
  it("matches on the first three and last four digits", () => {
    expect(maskedMatches("138****5678", "13812345678")).toBe(true);
    expect(maskedMatches("138xxxx5678", "138 9999 5678")).toBe(true);
    expect(maskedMatches("138****5678", "13912345678")).toBe(false);
    expect(maskedMatches("138****5679", "13812345678")).toBe(false);
  });

  it("compares a full number exactly", () => {
    expect(maskedMatches("13812345678", "13812345678")).toBe(true);
    expect(maskedMatches("13812345679", "13812345678")).toBe(false);
  });

  it("is false when either side is not a phone", () => {
    expect(maskedMatches("138****5678", "not a phone")).toBe(false);
    expect(maskedMatches("garbage", "13812345678")).toBe(false);
  });
});
