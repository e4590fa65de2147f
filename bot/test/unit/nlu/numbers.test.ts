import { describe, expect, it } from "vitest";
import { parseChineseInteger, parseNumber, roundTo } from "../../../src/nlu/numbers.js";

describe("parseChineseInteger", () => {
  it.each([
    ["一", 1],
    ["两", 2],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["一百二十", 120],
    ["一百零五", 105],
    ["三百", 300],
    ["两百五十", 250],
    ["一千二百", 1200],
    ["三千五百", 3500],
    ["一千零二", 1002],
  ])("%s → %d", (text, value) => {
    expect(parseChineseInteger(text)).toBe(value);
  });

  it("reads the spoken shortcut after a unit as the next lower unit", () => {
    expect(parseChineseInteger("两百五")).toBe(250);
    expect(parseChineseInteger("一百二")).toBe(120);
    expect(parseChineseInteger("一千二")).toBe(1200);
  });

  it("reads digits without units one by one (discounts, years)", () => {
    expect(parseChineseInteger("九七")).toBe(97);
    expect(parseChineseInteger("九五")).toBe(95);
    expect(parseChineseInteger("二零二六")).toBe(2026);
  });

  it.each(["", "万", "三万", "百十", "十十", "五五十", "张三"])("rejects %j", (text) => {
    expect(parseChineseInteger(text)).toBeNull();
  });
});

describe("parseNumber", () => {
  it("accepts Arabic integers and decimals", () => {
    expect(parseNumber("120")).toBe(120);
    expect(parseNumber("2.8")).toBe(2.8);
    expect(parseNumber(" 300 ")).toBe(300);
  });

  it("accepts Chinese numerals with a 点 decimal", () => {
    expect(parseNumber("三百")).toBe(300);
    expect(parseNumber("二点八")).toBe(2.8);
    expect(parseNumber("九点五")).toBe(9.5);
  });

  it.each(["", "abc", "2.", "点五", "二点", "3万"])("rejects %j", (text) => {
    expect(parseNumber(text)).toBeNull();
  });
});

describe("roundTo", () => {
  it("removes binary noise", () => {
    expect(roundTo(1 - 0.03, 4)).toBe(0.97);
    expect(roundTo(1 - 0.015, 4)).toBe(0.985);
  });
});
