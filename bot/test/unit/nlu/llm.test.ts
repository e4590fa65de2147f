import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createNlu } from "../../../src/nlu/index.js";
import { parseRules } from "../../../src/nlu/rules.js";
import { startOpenAiStub, type OpenAiStub } from "../../support/openai-stub.js";
import { MONDAY } from "./cases.js";

const TEXT = "报备 李四 138****5678 明天下午3点到访";
/** Differs from the rules' reading (15:00), so the tests can tell which one answered. */
const LLM_READING = {
  intent: "report_customer",
  report: { customer_name: "李四", customer_phone: "138****5678", expected_visit: "2026-11-24T15:30" },
};
const RULES_READING = parseRules(TEXT, { today: MONDAY });

let stub: OpenAiStub;
beforeAll(async () => {
  stub = await startOpenAiStub();
});
afterAll(async () => {
  await stub.close();
});
beforeEach(() => {
  stub.requests.length = 0;
});

const nlu = (timeoutMs = 5_000) => createNlu({ apiKey: "test", baseURL: stub.baseURL, timeoutMs });

describe("nlu with an LLM", () => {
  it("uses a valid answer and asks in JSON mode with the user's text", async () => {
    stub.respond({ json: LLM_READING });
    const parsed = await nlu().parseWithSource(TEXT, { today: MONDAY });

    expect(parsed).toEqual({ result: LLM_READING, source: "llm" });
    expect(stub.requests).toHaveLength(1);
    const body = stub.requests[0]!.body;
    expect(body.model).toBe("gpt-4o-mini");
    expect(body.response_format).toEqual({ type: "json_object" });
    expect(body.messages.at(-1)).toEqual({ role: "user", content: TEXT });
    expect(body.messages[0].role).toBe("system");
    expect(body.messages[0].content).toContain("2026-11-23");
    expect(stub.requests[0]!.headers.authorization).toBe("Bearer test");
  });

  it("sends the configured model", async () => {
    stub.respond({ json: LLM_READING });
    await createNlu({ apiKey: "test", baseURL: stub.baseURL, model: "deepseek-chat" }).parse(TEXT, { today: MONDAY });
    expect(stub.requests[0]!.body.model).toBe("deepseek-chat");
  });

  it("tidies phone and time spellings and fills missing keys", async () => {
    stub.respond({ json: { intent: "report_customer", report: { customer_name: "李四", customer_phone: "138 xxxx 5678", expected_visit: "2026-11-24 15:30" } } });
    expect(await nlu().parseWithSource(TEXT, { today: MONDAY })).toEqual({ result: LLM_READING, source: "llm" });

    stub.respond({ json: { intent: "report_customer", report: { customer_name: "李四" } } });
    expect(await nlu().parse(TEXT, { today: MONDAY })).toEqual({
      intent: "report_customer",
      report: { customer_name: "李四", customer_phone: null, expected_visit: null },
    });
  });

  it("falls back to the rules on a reply that is not JSON", async () => {
    stub.respond({ text: "好的！这是解析结果：报备李四" });
    const parsed = await nlu().parseWithSource(TEXT, { today: MONDAY });
    expect(parsed.source).toBe("rules");
    expect(parsed.result).toEqual(RULES_READING);
    expect(parsed.fallbackReason).toMatch(/not JSON/);
  });

  it.each([
    ["an unknown intent", { intent: "buy_house" }],
    ["a wrong type", { intent: "report_customer", report: { customer_name: 42, customer_phone: null, expected_visit: null } }],
    ["a visit that is not YYYY-MM-DDTHH:mm", { ...LLM_READING, report: { ...LLM_READING.report, expected_visit: "明天下午" } }],
    ["an impossible visit time", { ...LLM_READING, report: { ...LLM_READING.report, expected_visit: "2026-11-24T25:00" } }],
    ["a phone that is not in the message", { ...LLM_READING, report: { ...LLM_READING.report, customer_phone: "13812345678" } }],
    ["a name that is not in the message", { ...LLM_READING, report: { ...LLM_READING.report, customer_name: "张三" } }],
  ])("falls back to the rules on %s", async (_, reply) => {
    stub.respond({ json: reply });
    const parsed = await nlu().parseWithSource(TEXT, { today: MONDAY });
    expect(parsed.source).toBe("rules");
    expect(parsed.result).toEqual(RULES_READING);
    expect(parsed.fallbackReason).toBeTruthy();
    expect(stub.requests).toHaveLength(1);
  });

  it("retries once on HTTP 500, then falls back to the rules", async () => {
    stub.respond({ status: 500, message: "overloaded" });
    const parsed = await nlu().parseWithSource(TEXT, { today: MONDAY });
    expect(stub.requests).toHaveLength(2);
    expect(parsed).toMatchObject({ result: RULES_READING, source: "rules" });
    expect(parsed.fallbackReason).toMatch(/500/);
  });

  it("does not retry a refused request (HTTP 401)", async () => {
    stub.respond({ status: 401, message: "invalid api key" });
    const parsed = await nlu().parseWithSource(TEXT, { today: MONDAY });
    expect(stub.requests).toHaveLength(1);
    expect(parsed).toMatchObject({ result: RULES_READING, source: "rules" });
  });

  it("falls back to the rules when the LLM does not answer in time", async () => {
    stub.respond({ hang: true });
    const parsed = await nlu(300).parseWithSource(TEXT, { today: MONDAY });
    expect(parsed).toMatchObject({ result: RULES_READING, source: "rules" });
    expect(parsed.fallbackReason).toMatch(/300 ms|timed out/);
    expect(stub.requests).toHaveLength(1);
  });

  it("uses the rules without any request when there is no key", async () => {
    stub.respond({ json: LLM_READING });
    const rulesOnly = createNlu({ baseURL: stub.baseURL });
    expect(rulesOnly.llm).toBe(false);
    expect(await rulesOnly.parseWithSource(TEXT, { today: MONDAY })).toEqual({ result: RULES_READING, source: "rules" });
    expect(stub.requests).toHaveLength(0);
  });
});
