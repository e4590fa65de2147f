import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.ts";
import { notificationText } from "../../src/notify/render.ts";

/** The 催款 ladder reaches people as sentences they can act on: a report at a week, a letter at a month. */
describe("催款 ladder notifications", () => {
  const zh = translator("zh-CN");
  const en = translator("en");
  const payload = {
    unit_label: "3-1201", customer_name: "王先生", contract_no: "YQ-2026-0002", outstanding: "1234567.8",
    overdue_days: 8, consultant_name: "陈置业",
  };

  it("a week overdue: the manager is told the 未回款报告单 is due, with the amount and the days", () => {
    const text = notificationText(zh, "zh-CN", "collection_report", payload);
    for (const part of ["未回款报告单", "3-1201 · 王先生", "合同 YQ-2026-0002", "123.46万", "8 天", "陈置业"]) expect(text).toContain(part);
    expect(notificationText(en, "en", "collection_report", payload)).toContain("unpaid report");
  });

  it("a month overdue: send the 逾期回款函; a 定金 without a contract says so", () => {
    const text = notificationText(zh, "zh-CN", "collection_letter", { ...payload, contract_no: null, overdue_days: 31 });
    for (const part of ["逾期回款函", "认购定金", "31 天"]) expect(text).toContain(part);
    expect(notificationText(en, "en", "collection_letter", payload)).toContain("overdue payment letter");
  });
});
