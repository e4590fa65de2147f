import { Composer } from "grammy";
import { describe, expect, it } from "vitest";
import { stack } from "../../../supabase/tests/support/clients.ts";
import { createBot } from "../../src/bot.ts";
import type { BotContext } from "../../src/context.ts";
import { freePort } from "../../../supabase/local/index.ts";
import { isBound } from "../../src/context.ts";
import { bindViaStart, TEST_SESSION_KEY, testBot } from "./support/bot.ts";
import { createStaff } from "./support/staff.ts";
import { callbackQuery, telegramStub, telegramUser, textMessage } from "./support/telegram.ts";

function throwingFeature() {
  const feature = new Composer<BotContext>();
  const bound = feature.filter(isBound);
  bound.command("boom", () => {
    throw new Error("secret detail: relation \"units\" does not exist at boom.ts:12");
  });
  bound.callbackQuery("boom", () => {
    throw new Error("button failure detail");
  });
  return feature;
}

describe("the one error handler", () => {
  it("answers in plain Chinese when a feature throws, and logs the detail", async () => {
    const staff = await createStaff(["consultant"]);
    const t = await testBot({ features: [throwingFeature()] });
    const user = telegramUser();
    await bindViaStart(t, user, staff.id);

    const calls = await t.send(textMessage(user, "/boom"));
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(calls[0].payload).toMatchObject({ chat_id: user.id, text: "出错了，请稍后再试。" });
    expect(JSON.stringify(calls)).not.toContain("secret detail");

    const errors = t.logged.filter((l) => l.level === "error");
    expect(errors).toHaveLength(1);
    expect(String((errors[0].detail as Error).message)).toContain("secret detail");
  });

  it("answers a failed button tap too", async () => {
    const staff = await createStaff(["consultant"]);
    const t = await testBot({ features: [throwingFeature()] });
    const user = telegramUser();
    await bindViaStart(t, user, staff.id);

    const calls = await t.send(callbackQuery(user, "boom"));
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery", "sendMessage"]);
    expect(calls[0].payload.text).toBe("出错了，请稍后再试。");
    expect(calls[1].payload.text).toBe("出错了，请稍后再试。");
  });

  it("answers in Chinese when the database cannot be reached", async () => {
    const telegram = telegramStub();
    const errors: unknown[] = [];
    const bot = createBot({
      token: "123456:TEST-TOKEN",
      supabaseUrl: `http://127.0.0.1:${await freePort()}`, // nothing listens there
      anonKey: stack().anonKey,
      serviceRoleKey: stack().serviceRoleKey,
      sessionKey: TEST_SESSION_KEY,
      clientFetch: telegram.fetch,
      logger: { info: () => {}, warn: () => {}, error: (_message, detail) => void errors.push(detail) },
    });
    await bot.init();
    const user = telegramUser();
    await bot.handleUpdate(textMessage(user, "/start"));
    expect(telegram.texts(user.id)).toEqual(["出错了，请稍后再试。"]);
    expect(errors).toHaveLength(1);
  });
});
