import { describe, expect, it } from "vitest";
import { createNlu, reasoningFromEnv } from "../../../src/nlu/index.js";
import { MONDAY } from "./cases.js";

type Body = Record<string, any>;

/** An OpenAI-compatible service behind the SDK's fetch that records each request body. */
function service() {
  const bodies: Body[] = [];
  const fetch = async (_input: string | URL | Request, init?: RequestInit) => {
    bodies.push(JSON.parse(String(init?.body)) as Body);
    const content = JSON.stringify({ intent: "unknown" });
    const body = { id: "c", object: "chat.completion", created: 0, model: "m", choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop" }] };
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  };
  return { bodies, fetch };
}

describe("LLM_REASONING", () => {
  it("reads 1/true/yes and 0/false/no; anything else leaves it to the model's name", () => {
    expect(["1", "true", "YES", " yes "].map(reasoningFromEnv)).toEqual([true, true, true, true]);
    expect(["0", "false", "no"].map(reasoningFromEnv)).toEqual([false, false, false]);
    expect([undefined, "", "maybe"].map(reasoningFromEnv)).toEqual([undefined, undefined, undefined]);
  });

  it("sends no temperature to a model declared a reasoning one, whatever its name; declared not, it gets temperature 0", async () => {
    const svc = service();
    const ask = (model: string, reasoning: boolean | undefined) =>
      createNlu({ apiKey: "k", model, baseURL: "https://llm.example/v1", fetch: svc.fetch, reasoning }).parse("你好", { today: MONDAY });
    await ask("my-house-model", true);
    await ask("my-house-model", undefined);
    await ask("o3-mini", undefined);
    await ask("o3-mini", false);
    expect(svc.bodies.map((b) => ("temperature" in b ? b.temperature : "absent"))).toEqual(["absent", 0, "absent", 0]);
  });
});
