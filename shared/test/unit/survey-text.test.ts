import { describe, expect, it } from "vitest";
import { parseSurveyText } from "../../src/survey-text.ts";

describe("可比楼盘 notes typed in the bot", () => {
  it("reads the name, prices in yuan or 万, offers, monthly sales, pace and product", () => {
    expect(parseSurveyText("可比楼盘 滨江春语江南 均价3.85万 3.6-4.2万 97折首付分期 月销45套 二期去化七成 89–143㎡精装")).toEqual({
      competitor: "滨江春语江南", avgPrice: "38500.00", priceMin: "36000.00", priceMax: "42000.00", offers: "97折首付分期",
      monthlySales: 45, salesPace: "二期去化七成", productNotes: "89–143㎡精装",
    });
    expect(parseSurveyText("万科未来之光，均价35200，送车位")).toMatchObject({ competitor: "万科未来之光", avgPrice: "35200.00", offers: "送车位", priceMin: null });
  });

  it("adds an answer to what was given before; a field given again replaces it", () => {
    const first = parseSurveyText("绿城桂语朝阳");
    expect(first).toMatchObject({ competitor: "绿城桂语朝阳", avgPrice: null, offers: null });
    expect(parseSurveyText("均价40800 老带新奖物业费", first)).toMatchObject({ competitor: "绿城桂语朝阳", avgPrice: "40800.00", offers: "老带新奖物业费" });
    expect(parseSurveyText("均价41000", { ...first, avgPrice: "40800.00" }).avgPrice).toBe("41000.00");
  });
});
