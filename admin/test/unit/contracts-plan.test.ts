import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { planDifference, suggestedPlan } from "../../src/resources/contracts/plan-editor.tsx";

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

  it.each(["full", "mortgage", "instalment"])("%s adds up to the price to the fen, also for odd prices and large deposits", (method) => {
    for (const [price, deposit] of [["2914285.71", "50000"], ["1980000.00", "0"], ["99999.99", "100000"], ["1234567.89", "800000"]]) {
      const plan = suggestedPlan(method, price, deposit);
      expect(plan.every((r) => new Decimal(r.amount!.replace(/,/g, "")).gt(0))).toBe(true);
      expect(planDifference(plan, price)!.difference.toFixed(2)).toBe("0.00");
    }
  });
});
