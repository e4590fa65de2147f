import { describe, expect, it } from "vitest";
import { bindViaStart, testBot } from "./support/bot.ts";
import { createStaff } from "./support/staff.ts";
import { callbackQuery, groupMessage, TEST_BOT, telegramUser } from "./support/telegram.ts";

describe("private chats only", () => {
  it("answers a command in a group only with a pointer to the private chat", async () => {
    const t = await testBot();
    const staff = await createStaff(["consultant"]);
    const user = telegramUser();
    await bindViaStart(t, user, staff.id);

    for (const text of ["/help", "/start", `@${TEST_BOT.username} 帮我查一下 3 栋 1203`]) {
      const calls = await t.send(groupMessage(user, text));
      expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
      expect(calls[0].payload.chat_id).toBeLessThan(0);
      expect(calls[0].payload.text).toBe("为保护客户和房源信息，请在与我的私聊中使用本机器人。");
      expect(calls[0].payload.reply_markup.inline_keyboard[0][0]).toEqual({
        text: "打开私聊",
        url: `https://t.me/${TEST_BOT.username}`,
      });
      expect(JSON.stringify(calls)).not.toContain(staff.name);
    }
  });

  it("stays silent on group talk not addressed to it", async () => {
    const t = await testBot();
    const calls = await t.send(groupMessage(telegramUser(), "今天来访客户多吗？"));
    expect(calls).toEqual([]);
  });

  it("answers a button tapped in a group with the pointer as an alert", async () => {
    const t = await testBot();
    const user = telegramUser();
    const message = { message_id: 1, date: 0, chat: { id: -100123, type: "supergroup" as const, title: "案场群" }, from: TEST_BOT, text: "…" };
    const calls = await t.send(callbackQuery(user, "lang:en", message as never));
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(calls[0].payload).toMatchObject({ text: "为保护客户和房源信息，请在与我的私聊中使用本机器人。", show_alert: true });
  });
});
