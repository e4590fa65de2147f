import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { planDifference, planKindsFor, suggestedPlan } from "../../src/resources/contracts/plan-editor.tsx";

/** The first plan the contract form offers, per payment method: it must add up to the price and never crash; amounts shown grouped (2,566,047.28). */
describe("suggestedPlan", () => {
  const kinds = (method: string, price: string, deposit: string) => suggestedPlan(method, price, deposit).map((r) => [r.kind, r.amount]);

  it("mortgage: 定金, 首付 30% in whole 万 less the 定金, 按揭放款 for the rest", () => {
    expect(kinds("mortgage", "2885142.85", "50000")).toEqual([
      ["deposit", "50,000.00"],
      ["down_payment", "810,000.00"],
      ["mortgage", "2,025,142.85"],
    ]);
  });

  it("full payment: 定金 and one 房款", () => {
    expect(kinds("full", "2616047.28", "50000")).toEqual([
      ["deposit", "50,000.00"],
      ["installment", "2,566,047.28"],
    ]);
  });

  it("instalments: 定金, 首付 and three 房款, the last taking the fen", () => {
    const plan = kinds("instalment", "2914285.71", "50000");
    expect(plan.map(([k]) => k)).toEqual(["deposit", "down_payment", "installment", "installment", "installment"]);
    expect(plan[1][1]).toBe("820,000.00");
  });

  it("公积金: 定金, the same 首付, 公积金放款 for the rest", () => {
    expect(kinds("provident_fund", "2885142.85", "50000")).toEqual([
      ["deposit", "50,000.00"],
      ["down_payment", "810,000.00"],
      ["provident_loan", "2,025,142.85"],
    ]);
  });

  it("组合贷: 首付, then 商贷 (按揭放款) and 公积金放款 — the 公积金 part half the loan in 万, at most 120 万", () => {
    expect(kinds("combined", "2885142.85", "50000")).toEqual([
      ["deposit", "50,000.00"],
      ["down_payment", "810,000.00"],
      ["mortgage", "1,015,142.85"],
      ["provident_loan", "1,010,000.00"],
    ]);
    expect(kinds("combined", "4000000.00", "50000").slice(2)).toEqual([
      ["mortgage", "1,600,000.00"],
      ["provident_loan", "1,200,000.00"],
    ]);
  });

  it("offers the loan kinds only to the methods that have that loan", () => {
    expect(planKindsFor("full")).toEqual(["deposit", "down_payment", "installment"]);
    expect(planKindsFor("instalment")).toEqual(["deposit", "down_payment", "installment"]);
    expect(planKindsFor("mortgage")).toEqual(["deposit", "down_payment", "installment", "mortgage"]);
    expect(planKindsFor("provident_fund")).toEqual(["deposit", "down_payment", "installment", "provident_loan"]);
    expect(planKindsFor("combined")).toEqual(["deposit", "down_payment", "installment", "mortgage", "provident_loan"]);
  });

  it.each(["full", "mortgage", "instalment", "provident_fund", "combined"])("%s adds up to the price to the fen, also for odd prices and large deposits", (method) => {
    for (const [price, deposit] of [["2914285.71", "50000"], ["1980000.00", "0"], ["99999.99", "100000"], ["1234567.89", "800000"]]) {
      const plan = suggestedPlan(method, price, deposit);
      expect(plan.every((r) => new Decimal(r.amount!.replace(/,/g, "")).gt(0))).toBe(true);
      expect(planDifference(plan, price)!.difference.toFixed(2)).toBe("0.00");
    }
  });
});
