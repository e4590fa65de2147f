import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { createNlu, isReasoningModel } from "../../../src/nlu/index.js";
import { parseResultJsonSchema, strictResponseFormat } from "../../../src/nlu/json-schema.js";
import { readReply } from "../../../src/nlu/llm-reply.js";
import { parseRules } from "../../../src/nlu/rules.js";
import { MONDAY } from "./cases.js";

const TEXT = "刘洋 明早十点再打个电话";
const READING = {
  intent: "log_follow_up",
  follow_up: { customer_name: "刘洋", customer_phone: null, method: "phone", content: null, next_date: "2026-11-24", next_time: "10:00" },
};

type Body = Record<string, any>;
/**
 * An OpenAI-compatible service behind the SDK's own fetch: `answer` sees each request body and
 * returns the status and JSON the service would.
 */
function service(answer: (body: Body, n: number) => { status: number; body: unknown }) {
  const bodies: Body[] = [];
  const fetch = async (_input: string | URL | Request, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as Body;
    bodies.push(body);
    const reply = answer(body, bodies.length);
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { "content-type": "application/json" } });
  };
  return { bodies, fetch };
}
const completion = (content: unknown) => ({
  status: 200,
  body: {
    id: "c", object: "chat.completion", created: 0, model: "m",
    choices: [{ index: 0, message: { role: "assistant", content: JSON.stringify(content), refusal: null }, finish_reason: "stop" }],
  },
});
const refusal = (message: string) => ({ status: 400, body: { error: { message, type: "invalid_request_error", code: null } } });

describe("LLM request shapes", () => {
  it("asks OpenAI in strict json_schema mode with the zod shapes, and unwraps the answer", async () => {
    const svc = service(() => completion({ result: { ...READING, follow_up: { ...READING.follow_up, objection: null } } }));
    const nlu = createNlu({ apiKey: "k", fetch: svc.fetch }); // OpenAI's own endpoint
    const parsed = await nlu.parseWithSource(TEXT, { today: MONDAY });

    expect(parsed).toEqual({ result: READING, source: "llm" });
    const format = svc.bodies[0]!.response_format;
    expect(format.type).toBe("json_schema");
    expect(format.json_schema.strict).toBe(true);
    expect(format).toEqual(strictResponseFormat());
  });

  it("strict schema: every object lists all its keys as required and allows no others", () => {
    const check = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(check);
      if (typeof node !== "object" || node === null) return;
      const record = node as Record<string, unknown>;
      expect(record).not.toHaveProperty("oneOf");
      if (record.type === "object" && record.properties) {
        expect(record.required).toEqual(Object.keys(record.properties as object));
        expect(record.additionalProperties).toBe(false);
      }
      Object.values(record).forEach(check);
    };
    const schema = strictResponseFormat().json_schema.schema;
    expect(schema.type).toBe("object");
    check(schema);
    // The readable schema in the prompt is zod's own: optional fields stay optional.
    const followUp = JSON.stringify(parseResultJsonSchema());
    expect(followUp).toContain('"next_time"');
    expect(followUp).toContain('"next_date_ask"');
  });

  it("uses json_object on other services, and with OPENAI_RESPONSE_FORMAT=json_object", async () => {
    const svc = service(() => completion(READING));
    await createNlu({ apiKey: "k", baseURL: "https://api.deepseek.com/v1", fetch: svc.fetch }).parse(TEXT, { today: MONDAY });
    await createNlu({ apiKey: "k", responseFormat: "json_object", fetch: svc.fetch }).parse(TEXT, { today: MONDAY });
    expect(svc.bodies.map((b) => b.response_format)).toEqual([{ type: "json_object" }, { type: "json_object" }]);
  });

  it("falls back to json_object once a service refuses json_schema, and remembers it", async () => {
    const svc = service((body) =>
      body.response_format.type === "json_schema" ? refusal("response_format type json_schema is not supported") : completion(READING),
    );
    const nlu = createNlu({ apiKey: "k", responseFormat: "json_schema", baseURL: "https://llm.example/v1", fetch: svc.fetch });
    expect(await nlu.parseWithSource(TEXT, { today: MONDAY })).toEqual({ result: READING, source: "llm" });
    await nlu.parse(TEXT, { today: MONDAY });
    expect(svc.bodies.map((b) => b.response_format.type)).toEqual(["json_schema", "json_object", "json_object"]);
  });

  it("sends no temperature to reasoning models; others get temperature 0", async () => {
    const svc = service(() => completion(READING));
    for (const model of ["o3-mini", "gpt-5-mini", "deepseek-reasoner", "gpt-4o-mini"]) {
      await createNlu({ apiKey: "k", model, baseURL: "https://llm.example/v1", fetch: svc.fetch }).parse(TEXT, { today: MONDAY });
    }
    expect(svc.bodies.map((b) => [b.model, "temperature" in b ? b.temperature : "absent"])).toEqual([
      ["o3-mini", "absent"],
      ["gpt-5-mini", "absent"],
      ["deepseek-reasoner", "absent"],
      ["gpt-4o-mini", 0],
    ]);
    expect(isReasoningModel("qwq-32b")).toBe(true);
    expect(isReasoningModel("deepseek-chat")).toBe(false);
  });

  it("drops temperature for a model that refuses it, instead of falling back for ever", async () => {
    const svc = service((body) =>
      "temperature" in body ? refusal("Unsupported parameter: 'temperature' is not supported with this model.") : completion(READING),
    );
    const nlu = createNlu({ apiKey: "k", model: "new-model", baseURL: "https://llm.example/v1", fetch: svc.fetch });
    expect((await nlu.parseWithSource(TEXT, { today: MONDAY })).source).toBe("llm");
    expect((await nlu.parseWithSource(TEXT, { today: MONDAY })).source).toBe("llm");
    expect(svc.bodies.map((b) => "temperature" in b)).toEqual([true, false, false]);
  });

  it("tells why it fell back, once per message", async () => {
    const reasons: string[] = [];
    const svc = service(() => completion({ intent: "buy_house" }));
    const nlu = createNlu({ apiKey: "k", baseURL: "https://llm.example/v1", fetch: svc.fetch, onFallback: (r) => reasons.push(r) });
    const parsed = await nlu.parseWithSource(TEXT, { today: MONDAY });
    expect(parsed).toMatchObject({ source: "rules", result: parseRules(TEXT, { today: MONDAY }) });
    expect(reasons).toEqual([parsed.fallbackReason]);
    expect(reasons[0]).toMatch(/schema/);
  });

  it("accepts a phone the message spoke in Chinese digits", () => {
    const reading = readReply(
      JSON.stringify({ intent: "register_customer", customer: { name: "刘洋", phone: "13812345678" } }),
      "刘洋 幺三八一二三四五六七八 两房",
    );
    expect(reading.ok).toBe(true);
  });
});

describe("LLM settings from the environment", () => {
  const base = { OPENAI_API_KEY: "sk-x" };
  it("reads the timeout, model, base URL and response format", () => {
    const c = loadConfig({
      ...base,
      OPENAI_BASE_URL: "https://dashscope.aliyuncs.com/compatible-mode/v1",
      OPENAI_MODEL: "qwen-plus",
      OPENAI_TIMEOUT_MS: "12000",
      OPENAI_RESPONSE_FORMAT: "json_schema",
    });
    expect(c.llm).toEqual({
      apiKey: "sk-x",
      baseUrl: "https://dashscope.aliyuncs.com/compatible-mode/v1",
      model: "qwen-plus",
      timeoutMs: 12000,
      responseFormat: "json_schema",
    });
  });

  it.each([["OPENAI_TIMEOUT_MS", "8s"], ["OPENAI_TIMEOUT_MS", "0"], ["OPENAI_RESPONSE_FORMAT", "xml"]])("refuses %s=%s", (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(name);
  });
});
