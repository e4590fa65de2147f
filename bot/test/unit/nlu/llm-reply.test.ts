import { describe, expect, it } from "vitest";
import { readReply } from "../../../src/nlu/llm-reply.js";
import { systemPrompt } from "../../../src/nlu/prompt.js";
import { LogFollowUp, QueryUnits, RegisterCustomer, ReportCustomer, RequestDiscount } from "../../../src/nlu/schema.js";

describe("readReply", () => {
  it("reads JSON inside a Markdown fence", () => {
    expect(readReply('```json\n{"intent":"unknown"}\n```', "你好")).toEqual({ ok: true, result: { intent: "unknown" } });
  });

  it("normalises phones, buildings and dates, and drops blank strings and extra keys", () => {
    const reply = {
      intent: "log_follow_up",
      extra: 1,
      follow_up: { customer_name: "王五", customer_phone: "+86 139-1234-5678", method: "phone", content: " ", next_date: "2026-12-02T00:00:00" },
    };
    expect(readReply(JSON.stringify(reply), "王五 13912345678 电话回访 下周三再约")).toEqual({
      ok: true,
      result: {
        intent: "log_follow_up",
        follow_up: { customer_name: "王五", customer_phone: "13912345678", method: "phone", content: null, next_date: "2026-12-02" },
      },
    });
    const query = { intent: "query_units", filter: { building: "3号楼", rooms: 3 } };
    expect(readReply(JSON.stringify(query), "3号楼还有三房吗")).toMatchObject({ ok: true, result: { filter: { building: "3", rooms: 3, area_min: null } } });
  });

  it("gives a date without a time T00:00", () => {
    const reply = { intent: "report_customer", report: { customer_name: "李四", customer_phone: null, expected_visit: "2026-11-24" } };
    expect(readReply(JSON.stringify(reply), "报备 李四 明天到访")).toMatchObject({ ok: true, result: { report: { expected_visit: "2026-11-24T00:00" } } });
  });

  it.each([
    ["", "empty reply"],
    ["[]", "not a JSON object"],
    ['{"intent":"log_follow_up","follow_up":{"customer_name":"王五","next_date":"2026-02-30"}}', "not a real date"],
    ['{"intent":"register_customer","customer":{"name":"王五","phone":"12345"}}', "schema"],
  ])("rejects %j", (content, reason) => {
    const reading = readReply(content, "王五 12345");
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.reason).toContain(reason);
  });
});

describe("systemPrompt", () => {
  it("names every field of every shape, and today", () => {
    const prompt = systemPrompt("2026-11-23");
    const payloads = [
      RegisterCustomer.shape.customer,
      QueryUnits.shape.filter,
      RequestDiscount.shape.request,
      LogFollowUp.shape.follow_up,
      ReportCustomer.shape.report,
    ];
    for (const payload of payloads) {
      for (const key of Object.keys(payload.shape)) expect(prompt).toContain(`"${key}":`);
    }
    for (const intent of ["register_customer", "query_units", "request_discount", "log_follow_up", "report_customer", "unknown"]) {
      expect(prompt).toContain(`"intent":"${intent}"`);
    }
    expect(prompt).toContain("2026-11-23 周一 Mon");
    expect(prompt).toContain("2026-12-02 周三 Wed");
  });
});
