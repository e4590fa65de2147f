import { RECEPTION_QUALITIES, SHIFTS, SURVEY_SOURCES } from "@so/shared/schemas/office";
import { describe, expect, it } from "vitest";
import { allowedValues } from "./support/checks.ts";

// The admin offers these lists from shared/: each must be what the table's check allows, in its order.
describe("the office records' value lists in shared/ are the database's", () => {
  it("班次: the duty roster and the duty log", async () => {
    expect(await allowedValues("public.duty_roster", "shift")).toEqual([...SHIFTS]);
    expect(await allowedValues("public.duty_logs", "shift")).toEqual([...SHIFTS]);
  });

  it("接访质量 of a customer review and 信息来源 of a market survey", async () => {
    expect(await allowedValues("public.customer_reviews", "quality")).toEqual([...RECEPTION_QUALITIES]);
    expect(await allowedValues("public.market_surveys", "source")).toEqual([...SURVEY_SOURCES]);
  });
});
