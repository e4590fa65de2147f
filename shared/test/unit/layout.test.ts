import { describe, expect, it } from "vitest";
import { layoutText, parseLayoutText } from "../../src/layout.js";

describe("layoutText", () => {
  it("writes rooms, halls and bathrooms", () => {
    expect(layoutText({ rooms: 3, halls: 2, baths: 2 })).toBe("3室2厅2卫");
    expect(layoutText({ rooms: 1, halls: 0, baths: 1 })).toBe("1室0厅1卫");
  });

  it("rejects counts that are not non-negative integers", () => {
    expect(() => layoutText({ rooms: -1, halls: 1, baths: 1 })).toThrow(RangeError);
    expect(() => layoutText({ rooms: 2.5, halls: 1, baths: 1 })).toThrow(RangeError);
  });
});

describe("parseLayoutText", () => {
  it("round-trips layoutText", () => {
    const layout = { rooms: 4, halls: 2, baths: 3 };
    expect(parseLayoutText(layoutText(layout))).toEqual(layout);
  });

  it.each([
    ["3室2厅2卫", { rooms: 3, halls: 2, baths: 2 }],
    ["三室两厅一卫", { rooms: 3, halls: 2, baths: 1 }],
    ["3房2厅1厨2卫", { rooms: 3, halls: 2, baths: 2 }],
    [" 2 室 1 厅 1 卫 ", { rooms: 2, halls: 1, baths: 1 }],
  ])("%j", (text, layout) => {
    expect(parseLayoutText(text)).toEqual(layout);
  });

  it.each(["3室2厅", "三房", "", "3室2厅2卫带花园"])("rejects %j", (text) => {
    expect(parseLayoutText(text)).toBeNull();
  });
});
