import { describe, expect, it } from "vitest";
import {
  approvalChain, depthPct, formatWan, formatYuan, moneyText, orderPolicies, policiesStack, priceAfterPolicies,
  priceBuildup, roundFen, sumMoney, type ApprovalRule, type PolicyLike,
} from "../../src/money.ts";

const FULL: PolicyLike = { id: "p1", name: "一次性付款98折", kind: "factor", value: "0.98", stackable: false, sort: 1 };
const MORTGAGE: PolicyLike = { id: "p2", name: "按揭99折", kind: "factor", value: "0.99", stackable: false, sort: 2 };
const REFERRAL: PolicyLike = { id: "p3", name: "老带新99折", kind: "factor", value: "0.99", stackable: true, sort: 3 };
const CASH: PolicyLike = { id: "p4", name: "现金立减1万", kind: "amount", value: "10000", stackable: true, sort: 4 };
const MATRIX: ApprovalRule[] = [
  { max_depth_pct: null, chain: ["sales_manager", "marketing_director", "vp", "gm"] },
  { max_depth_pct: "2", chain: ["sales_manager"] },
  { max_depth_pct: 8, chain: ["sales_manager", "marketing_director", "vp"] },
  { max_depth_pct: "5", chain: ["sales_manager", "marketing_director"] },
];

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

  it("knows which policies stack", () => {
    expect(policiesStack([FULL, REFERRAL, CASH])).toBe(true);
    expect(policiesStack([FULL, MORTGAGE])).toBe(false);
    expect(orderPolicies([CASH, MORTGAGE, FULL]).map((p) => p.id)).toEqual(["p1", "p2", "p4"]);
  });
});

describe("depth and chain", () => {
  it("measures the special discount against the price after policies", () => {
    expect(depthPct("2856000", "2750000")).toBe("3.71");
    expect(depthPct("2827440", "2750000")).toBe("2.74");
    expect(depthPct("2856000", "2798880")).toBe("2.00");
    expect(depthPct("2856000", "2856000")).toBe("0.00");
    expect(depthPct("2856000", "2900000")).toBe("0.00");
  });

  it("picks the narrowest rule covering the depth", () => {
    expect(approvalChain(MATRIX, "0")).toEqual([]);
    expect(approvalChain(MATRIX, "0.001")).toEqual(["sales_manager"]);
    expect(approvalChain(MATRIX, "2.00")).toEqual(["sales_manager"]);
    expect(approvalChain(MATRIX, "2.01")).toEqual(["sales_manager", "marketing_director"]);
    expect(approvalChain(MATRIX, "7.00")).toEqual(["sales_manager", "marketing_director", "vp"]);
    expect(approvalChain(MATRIX, "12.46")).toEqual(["sales_manager", "marketing_director", "vp", "gm"]);
    expect(approvalChain([{ max_depth_pct: 5, chain: ["sales_manager"] }], "10.78")).toBeNull();
  });

  it("builds the same build-up the database returns", () => {
    expect(priceBuildup("2914285.71", [FULL, REFERRAL], "2750000", MATRIX)).toEqual({
      list_price: "2914285.71",
      steps: [
        { policy_id: "p1", policy: "一次性付款98折", kind: "factor", factor: "0.98", price_after: "2856000.00" },
        { policy_id: "p3", policy: "老带新99折", kind: "factor", factor: "0.99", price_after: "2827440.00" },
      ],
      price_after_policies: "2827440.00",
      requested_price: "2750000.00",
      special_discount_amount: "77440.00",
      depth_pct: "2.74",
      final_price: "2750000.00",
      total_discount_amount: "164285.71",
      needs_approval: true,
      beyond_authority: false,
      chain: ["sales_manager", "marketing_director"],
    });
    const plain = priceBuildup("1980000", [MORTGAGE]);
    expect(plain).toMatchObject({ price_after_policies: "1960200.00", final_price: "1960200.00", chain: [], needs_approval: false });
    expect(priceBuildup("2914285.71", [], "2600000", [{ max_depth_pct: 5, chain: ["sales_manager"] }])).toMatchObject({
      depth_pct: "10.78", beyond_authority: true, chain: null,
    });
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
