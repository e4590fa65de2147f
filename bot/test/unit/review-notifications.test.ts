import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.ts";
import { notificationText } from "../../src/notify/render.ts";

/** 客户分析会 reaches the consultant as a sentence they can act on, in their language. */
describe("customer review notifications", () => {
  const zh = translator("zh-CN");
  const en = translator("en");
  const kept = { customer_name: "王先生", grade: "A", decision: "keep", next_contact_by: "2026-12-10", advice: "周五前约二次到访", reviewer_name: "李经理" };

  it("a kept customer: who judged, the grade, the deadline and the advice", () => {
    const text = notificationText(zh, "zh-CN", "customer_review", kept);
    for (const part of ["李经理", "王先生", "A 类", "周五前约二次到访"]) expect(text).toContain(part);
    expect(text).not.toContain("2026-12-10T");
    expect(notificationText(en, "en", "customer_review", kept)).toContain("rated 王先生 A");
  });

  it("a released customer: the pool and the reason", () => {
    const text = notificationText(zh, "zh-CN", "customer_review", { ...kept, decision: "release", reason: "已在别处购房" });
    expect(text).toContain("公客池");
    expect(text).toContain("已在别处购房");
  });

  it("the deadline reminder masks the phone", () => {
    const text = notificationText(zh, "zh-CN", "review_deadline", { customer_name: "王先生", phone: "13812345678", next_contact_by: "2026-12-10", advice: "" });
    expect(text).toContain("138****5678");
    expect(text).not.toContain("13812345678");
  });
});
