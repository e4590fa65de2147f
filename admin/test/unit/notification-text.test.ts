import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { loadChinese, loadEnglish } from "../../src/i18n/messages.ts";
import { notificationLink, notificationText, type MyNotification } from "../../src/components/notifications/notification-text.ts";

const note = (kind: string, payload: Record<string, unknown>): MyNotification => ({
  id: 1, project_id: "p", kind, payload, created_at: "2026-12-06T02:00:00Z", read_at: null,
});

describe("notification centre texts and links", () => {
  const t = i18next.createInstance();
  beforeAll(async () => {
    await t.init({ lng: "zh-CN", resources: { "zh-CN": { translation: await loadChinese() }, en: { translation: await loadEnglish() } } });
  });

  it("renders an approval waiting in zh-CN and English from its kind and payload", async () => {
    const n = note("approval_waiting", { approval_id: "a1", unit_label: "9-1001", customer_name: "孙先生", requester: "王置业" });
    expect(notificationText(t.t, n)).toEqual({ title: "待您审批", detail: "9-1001 · 孙先生 · 申请人：王置业" });
    await t.changeLanguage("en");
    expect(notificationText(t.t, n).title).toBe("Approval waiting for you");
    await t.changeLanguage("zh-CN");
    expect(notificationText(t.t, note("something_new", {})).title).toBe("通知");
  });

  it("links each notification to its record", () => {
    expect(notificationLink(note("approval_decided", { approval_id: "a1", subject_id: "d1" }))).toBe("/approvals/a1");
    expect(notificationLink(note("payment_overdue", { contract_id: "c1" }))).toBe("/receivables");
    expect(notificationLink(note("report_received", { report_id: "r1" }))).toBe("/report_board/show/r1");
    expect(notificationLink(note("report_ruled", { report_id: "r1" }))).toBe("/broker_reports/show/r1");
    expect(notificationLink(note("follow_up_due", { customer_id: "k1" }))).toBe("/customers/show/k1");
    expect(notificationLink(note("daily_digest", {}))).toBeNull();
  });
});
