import { describe, expect, it } from "vitest";
import { parseRules } from "../../../src/nlu/rules.js";
import { ParseResult } from "../../../src/nlu/schema.js";
import {
  allCases,
  discountCases,
  followUpCases,
  MONDAY,
  queryCases,
  registerCases,
  reportCases,
  unknownCases,
  type ParseCase,
} from "./cases.js";

function check(testCase: ParseCase) {
  const result = parseRules(testCase.text, { today: testCase.today ?? MONDAY });
  expect(ParseResult.safeParse(result).success, "result fits the schema").toBe(true);
  expect(result.intent).toBe(testCase.expect.intent);
  if (testCase.exact) expect(result).toEqual(testCase.expect);
  else expect(result).toMatchObject(testCase.expect);
}

const groups: Array<[string, ParseCase[]]> = [
  ["register_customer", registerCases],
  ["query_units", queryCases],
  ["request_discount", discountCases],
  ["log_follow_up", followUpCases],
  ["report_customer", reportCases],
  ["unknown", unknownCases],
];

describe("parseRules", () => {
  for (const [intent, cases] of groups) {
    describe(intent, () => {
      it.each(cases.map((c) => [c.text, c] as const))("%s", (_text, testCase) => check(testCase));
    });
  }

  it("has a big enough table", () => {
    expect(allCases.length).toBeGreaterThanOrEqual(170);
  });

  it("always returns every key, in the documented order (optional keys after them)", () => {
    const order: Record<string, string[]> = {
      register_customer: ["name", "phone", "gender", "source", "grade", "rooms", "area_min", "area_max", "budget_max_wan", "purpose", "note"],
      query_units: ["building", "rooms", "area_min", "area_max", "price_max_wan", "floor_min", "floor_max"],
      request_discount: ["unit", "customer_name", "customer_phone", "discount_rate", "target_price_wan", "reason"],
      log_follow_up: ["customer_name", "customer_phone", "method", "content", "next_date"],
      report_customer: ["customer_name", "customer_phone", "expected_visit"],
    };
    for (const testCase of allCases) {
      const result = parseRules(testCase.text, { today: testCase.today ?? MONDAY }) as Record<string, unknown>;
      const keys = Object.keys(result);
      if (result.intent === "unknown") {
        expect(keys).toEqual(["intent"]);
        continue;
      }
      expect(keys).toHaveLength(2);
      expect(keys[0]).toBe("intent");
      const expected = order[result.intent as string]!;
      expect(Object.keys(result[keys[1]!] as object).slice(0, expected.length)).toEqual(expected);
    }
  });

  it("rejects a malformed today", () => {
    expect(() => parseRules("明天", { today: "2026/11/23" })).toThrow(RangeError);
  });
});
