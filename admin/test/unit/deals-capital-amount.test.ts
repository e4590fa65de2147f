import { describe, expect, it } from "vitest";
import { capitalAmount } from "../../src/components/deals/capital-amount.ts";

describe("大写金额 capitalAmount", () => {
  it.each([
    ["0", "零元整"],
    ["10", "壹拾元整"],
    ["1010", "壹仟零壹拾元整"],
    ["1004.5", "壹仟零肆元伍角整"],
    ["1680.32", "壹仟陆佰捌拾元叁角贰分"],
    ["16409.02", "壹万陆仟肆佰零玖元零贰分"],
    ["325.04", "叁佰贰拾伍元零肆分"],
    ["100100", "壹拾万零壹佰元整"],
    ["107000.53", "壹拾万零柒仟元伍角叁分"],
    ["2856000", "贰佰捌拾伍万陆仟元整"],
    ["2914285.71", "贰佰玖拾壹万肆仟贰佰捌拾伍元柒角壹分"],
    ["20000000", "贰仟万元整"],
    ["100000001", "壹亿零壹元整"],
    ["100010000", "壹亿零壹万元整"],
    ["1000000001", "壹拾亿零壹元整"],
    ["999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"],
    ["0.5", "伍角整"],
    ["0.05", "伍分"],
    ["-50000", "负伍万元整"],
  ])("%s → %s", (amount, expected) => {
    expect(capitalAmount(amount)).toBe(expected);
  });

  it("rounds half-up to the fen like the database, and takes numbers as strings", () => {
    expect(capitalAmount("2856000.005")).toBe("贰佰捌拾伍万陆仟元零壹分");
    expect(capitalAmount(2856000.5)).toBe("贰佰捌拾伍万陆仟元伍角整");
  });

  it("refuses amounts beyond 9999亿", () => {
    expect(() => capitalAmount("1000000000000")).toThrow(RangeError);
  });
});
