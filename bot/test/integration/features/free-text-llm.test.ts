import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOpenAiStub, type OpenAiStub } from "../../support/openai-stub.ts";
import { testBot } from "../support/bot.ts";
import { person } from "../support/chat.ts";
import { freshPhone } from "../support/sales.ts";

let llm: OpenAiStub;
beforeAll(async () => {
  llm = await startOpenAiStub();
});
afterAll(() => llm.close());

const withLlm = (timeoutMs = 5_000) => testBot({ llm: { apiKey: "sk-test", baseUrl: llm.baseURL, model: "stub-model", timeoutMs } });

describe("free text through an LLM", () => {
  it("uses the LLM's reading when it is valid", async () => {
    const t = await withLlm();
    const me = await person(t, ["consultant"]);
    const phone = freshPhone();
    llm.respond({
      json: {
        intent: "register_customer",
        customer: {
          name: "张三", phone, gender: "male", source: "referral", grade: "B", rooms: 4, area_min: null, area_max: null,
          budget_max_wan: 500, purpose: "self", note: null,
        },
      },
    });
    const asked = llm.requests.length;
    const card = me.texts(await me.say(`帮我登记一下张先生，叫张三，电话${phone}，老客户介绍的，想要大四房自住，五百万以内`))[0];
    expect(llm.requests.length).toBe(asked + 1);
    expect(llm.requests.at(-1)!.body.response_format).toEqual({ type: "json_object" });
    expect(card).toContain("姓名：张三");
    expect(card).toContain("来源：老带新");
    expect(card).toContain("意向等级：B");
    expect(card).toContain("需求：4室 · 预算500万 · 自住");
    expect(card).toContain("性别：男");
  });

  it("falls back to the rules when the LLM answers garbage", async () => {
    const t = await withLlm();
    const me = await person(t, ["consultant"]);
    llm.respond({ text: "当然可以！这位客户的信息如下：……" });
    const phone = freshPhone();
    const card = me.texts(await me.say(`李四 ${phone} 来访 A类`))[0];
    expect(card).toContain("姓名：李四");
    expect(card).toContain("来源：来访");
    expect(card).toContain("意向等级：A");
    expect(t.logged.some((l) => l.message.startsWith("LLM not used, rules answered"))).toBe(true);
  });

  it("falls back to the rules when the LLM does not answer in time", async () => {
    const t = await withLlm(150);
    const me = await person(t, ["consultant"]);
    llm.respond({ hang: true });
    const text = me.texts(await me.say("3栋还有三房吗"))[0];
    expect(text).toMatch(/^(🏠 可售房源 \d+ 套（3栋 · 3室）|没有符合条件的可售房源（3栋 · 3室）)/);
    expect(t.logged.some((l) => /no answer within 150 ms/.test(l.message))).toBe(true);
    llm.respond({ json: { intent: "unknown" } });
  });
});
