import { describe, expect, it } from "vitest";
import { layoutText } from "../../src/layout.js";

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
