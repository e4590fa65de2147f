import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { valueText } from "../../src/components/staff/audit-labels.ts";
import { yuanText } from "../../src/components/money.tsx";

/** Stored values of the audit trail as people say them (the zh-CN words the admin ships). */
const words: Record<string, string> = {
  "inventory.status.held": "预留", "inventory.status.subscribed": "已认购", "deals.paymentMethods.provident_fund": "公积金贷款",
  "deals.paymentMethods.combined": "组合贷款", "finance.paymentKinds.provident_loan": "公积金放款", "deals.subscriptionStatus.active": "有效",
  "audit_trail.fieldLabels.list_price": "表价总价", "audit_trail.fieldLabels.final_price": "成交价",
};
const t = ((key: string, opts?: { defaultValue?: string }) => words[key] ?? opts?.defaultValue ?? key) as unknown as TFunction;

describe("audit valueText", () => {
  it("says status and kind words of the record's table, money as yuan, lists joined", () => {
    expect(valueText(t, "units", "status", "held", yuanText)).toBe("预留");
    expect(valueText(t, "subscriptions", "status", "active", yuanText)).toBe("有效");
    expect(valueText(t, "payments", "kind", "provident_loan", yuanText)).toBe("公积金放款");
    expect(valueText(t, "policies", "payment_methods", ["provident_fund", "combined"], yuanText)).toBe("公积金贷款、组合贷款");
    expect(valueText(t, "subscriptions", "price", 2616047.28, yuanText)).toBe("¥2,616,047.28");
    expect(valueText(t, "subscriptions", "note", "客户要求", yuanText)).toBeNull();
  });

  it("reads a price build-up in one line", () => {
    const buildup = { list_price: "2669436.00", steps: [{ policy: "一次性付款98折", factor: "0.98", price_after: "2616047.28" }], final_price: "2616047.28" };
    expect(valueText(t, "subscriptions", "buildup", buildup, yuanText)).toBe("表价总价 ¥2,669,436.00 → 一次性付款98折 ×0.98 = ¥2,616,047.28 → 成交价 ¥2,616,047.28");
  });
});
