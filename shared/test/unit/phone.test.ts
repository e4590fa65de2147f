import { describe, expect, it } from "vitest";
import { maskMobile, normalizeMaskedMobile, normalizeMobile } from "../../src/phone.js";

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

describe("maskMobile", () => {
  it("masks the middle four digits", () => {
    expect(maskMobile("13812345678")).toBe("138****5678");
    expect(maskMobile("+86 138-1234-5678")).toBe("138****5678");
    expect(maskMobile("123")).toBeNull();
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
