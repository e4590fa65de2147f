import { describe, expect, it } from "vitest";
import { formatWan, formatYuan, moneyText, priceAfterPolicies, roundFen, sumMoney, type PolicyLike } from "../../src/money.ts";

const FULL: PolicyLike = { id: "p1", name: "一次性付款98折", kind: "factor", value: "0.98", stackable: false, sort: 1 };
const MORTGAGE: PolicyLike = { id: "p2", name: "按揭99折", kind: "factor", value: "0.99", stackable: false, sort: 2 };
const REFERRAL: PolicyLike = { id: "p3", name: "老带新99折", kind: "factor", value: "0.99", stackable: true, sort: 3 };
const CASH: PolicyLike = { id: "p4", name: "现金立减1万", kind: "amount", value: "10000", stackable: true, sort: 4 };

describe("rounding", () => {
  it("rounds half-up to the fen without binary-float drift", () => {
    expect(roundFen("1.005").toFixed(2)).toBe("1.01");
    expect(roundFen("2.675").toFixed(2)).toBe("2.68");        // 2.675 is 2.67499… as a float
    expect(roundFen("43714.28565").toFixed(2)).toBe("43714.29");
    expect(moneyText(0.1 + 0.2)).toBe("0.30");
    expect(roundFen("-1.005").toFixed(2)).toBe("-1.01");       // away from zero, like Postgres round()
  });

  it("sums exactly", () => {
    expect(sumMoney(["0.10", "0.20", "2856000.00"])).toBe("2856000.30");
  });
});

describe("price after policies", () => {
  it("applies policies in the project's order, rounding after each step", () => {
    const { steps, price } = priceAfterPolicies("2914285.71", [REFERRAL, FULL]);
    expect(steps).toEqual([
      { policy_id: "p1", policy: "一次性付款98折", kind: "factor", factor: "0.98", price_after: "2856000.00" },
      { policy_id: "p3", policy: "老带新99折", kind: "factor", factor: "0.99", price_after: "2827440.00" },
    ]);
    expect(price).toBe("2827440.00");
  });

  it("rounds at every step, not once at the end", () => {
    // 1,000,000.01 × 0.99 = 990,000.0099 → 990,000.01; × 0.99 = 980,100.0099 → 980,100.01
    expect(priceAfterPolicies("1000000.01", [MORTGAGE, REFERRAL]).price).toBe("980100.01");
  });

  it("subtracts amount policies and refuses a price that is no longer positive", () => {
    expect(priceAfterPolicies("2914285.71", [CASH]).steps[0]).toMatchObject({ amount: "10000.00", price_after: "2904285.71" });
    expect(() => priceAfterPolicies("5000", [CASH])).toThrow(RangeError);
  });
});

describe("formatting", () => {
  it("formats yuan with grouping and two decimals", () => {
    expect(formatYuan("2856000")).toBe("¥2,856,000.00");
    expect(formatYuan(999.5)).toBe("¥999.50");
    expect(formatYuan("-1000")).toBe("-¥1,000.00");
    expect(formatYuan("0")).toBe("¥0.00");
  });

  it("formats 万 the way prices are spoken", () => {
    expect(formatWan("2856000")).toBe("285.6万");
    expect(formatWan("1000000")).toBe("100万");
    expect(formatWan("2914285.71")).toBe("291.43万");
    expect(formatWan("5000")).toBe("0.5万");
  });
});
