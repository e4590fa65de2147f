import { describe, expect, it } from "vitest";
import { formatClock, formatDateTime, formatDay, formatLocal, isMoment } from "../../src/features/common/clock.ts";

describe("format helpers never throw on a moment that is no moment", () => {
  it("shows infinity (a subscribed customer's protection) as 长期 / no end", () => {
    expect(formatDateTime("infinity", "zh-CN")).toBe("长期");
    expect(formatDateTime("infinity", "en")).toBe("no end");
    expect(formatDay("infinity", "zh-CN")).toBe("长期");
    expect(formatClock("infinity")).toBe("长期");
    expect(formatLocal("infinity", "zh-CN")).toBe("长期");
  });

  it("shows null, -infinity and garbage as a dash", () => {
    for (const v of [null, "-infinity", "", "not a date"]) {
      expect(formatDateTime(v, "zh-CN")).toBe("—");
      expect(formatDay(v, "en")).toBe("—");
      expect(formatClock(v)).toBe("—");
    }
    expect(isMoment("infinity")).toBe(false);
    expect(isMoment(null)).toBe(false);
  });

  it("still formats real instants and days in the office's time zone", () => {
    expect(isMoment("2026-11-24T07:00:00Z")).toBe(true);
    expect(formatDateTime("2026-11-24T07:00:00Z", "zh-CN")).toBe("11月24日（周二）15:00");
    expect(formatDay("2026-12-02", "zh-CN")).toBe("12月2日（周三）");
    expect(formatClock("2026-11-24T07:00:00+00:00")).toBe("15:00");
  });
});
