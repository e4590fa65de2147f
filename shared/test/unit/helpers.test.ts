import { describe, expect, it } from "vitest";
import { decodeRefusal } from "../../src/db-error.ts";
import { wanToYuan } from "../../src/wan.ts";

describe("wanToYuan", () => {
  it("moves the decimal point four places exactly, as the database's string", () => {
    expect(wanToYuan(300)).toBe("3000000.00");
    expect(wanToYuan(285.5)).toBe("2855000.00");
    expect(wanToYuan(0.1 + 0.2)).toBe("3000.00"); // 0.30000000000000004 万 rounds to the fen
    expect(wanToYuan("417.2853")).toBe("4172853.00");
    expect(wanToYuan(1e-7)).toBe("0.00");
  });
  it("keeps nothing as nothing", () => {
    expect(wanToYuan(null)).toBeNull();
    expect(wanToYuan(undefined)).toBeNull();
    expect(wanToYuan("")).toBeNull();
  });
});

describe("decodeRefusal", () => {
  it("reads private.fail's code, Chinese and English", () => {
    expect(decodeRefusal({ code: "P0001", message: "手机号格式不正确", details: "invalid_phone", hint: "Not a valid mainland mobile number" }))
      .toEqual({ code: "invalid_phone", zh: "手机号格式不正确", en: "Not a valid mainland mobile number" });
    expect(decodeRefusal({ code: "P0001", message: "出错了", details: null, hint: null })).toEqual({ code: null, zh: "出错了", en: null });
  });
  it("is null for anything that is not a refusal", () => {
    expect(decodeRefusal({ code: "23505", message: "duplicate key", details: "Key (code)=(X) already exists." })).toBeNull();
    expect(decodeRefusal({ message: "fetch failed" })).toBeNull();
    expect(decodeRefusal(null)).toBeNull();
  });
});
