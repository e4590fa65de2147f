import { createConversation, type Conversation } from "@grammyjs/conversations";
import { Composer, type Context } from "grammy";
import { describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import type { BotContext } from "../../src/context.ts";
import { isBound } from "../../src/context.ts";
import { bindViaStart, testBot } from "./support/bot.ts";
import { createStaff, unbindByAdmin } from "./support/staff.ts";
import { telegramStub, telegramUser, textMessage } from "./support/telegram.ts";

/** A two-step dialogue, as features will build them. */
function askFeature() {
  async function ask(conversation: Conversation<BotContext, Context>, ctx: Context) {
    await ctx.reply("客户姓名？");
    const name = await conversation.form.text();
    await ctx.reply("客户手机号？");
    const phone = await conversation.form.text();
    await ctx.reply(`已记下：${name} ${phone}`);
  }
  const feature = new Composer<BotContext>();
  const bound = feature.filter(isBound);
  bound.use(createConversation(ask, "ask"));
  bound.command("ask", (ctx) => ctx.conversation.enter("ask"));
  return feature;
}

const sessionKeys = (telegramId: number) =>
  sql<{ key: string }>("select key from public.bot_sessions where key like $1 order by key", [`%:${telegramId}`]).then((rows) =>
    rows.map((r) => r.key),
  );

describe("state in Postgres", () => {
  it("continues a dialogue after a restart of the bot", async () => {
    const staff = await createStaff(["consultant"]);
    const telegram = telegramStub();
    const user = telegramUser();
    const first = await testBot({ features: [askFeature()], telegram });
    await bindViaStart(first, user, staff.id);

    expect((await first.send(textMessage(user, "/ask")))[0].payload.text).toBe("客户姓名？");
    expect((await first.send(textMessage(user, "张三")))[0].payload.text).toBe("客户手机号？");
    expect(await sessionKeys(user.id)).toEqual([`session:${user.id}`]);

    // A new process: nothing in memory, only the database.
    const second = await testBot({ features: [askFeature()], telegram });
    const calls = await second.send(textMessage(user, "13812345678"));
    expect(calls.map((c) => c.payload.text)).toEqual(["已记下：张三 13812345678"]);

    // Finished: nothing of the dialogue is left behind.
    const [row] = await sql<{ value: Record<string, unknown> }>("select value from public.bot_sessions where key = $1", [`session:${user.id}`]);
    expect(row.value.conversations).toBeUndefined();
  });

  it("keeps the language chosen with /lang across a restart", async () => {
    const staff = await createStaff(["consultant"], "陈测试");
    const user = telegramUser();
    const first = await testBot();
    await bindViaStart(first, user, staff.id);
    expect((await first.send(textMessage(user, "/lang en")))[0].payload.text).toBe("Language set to English.");

    const second = await testBot();
    const help = await second.send(textMessage(user, "/help"));
    expect(help[0].payload.text).toContain("陈测试 (云栖雅苑 · Consultant), here is what I can do for you:");

    const back = await second.send(textMessage(user, "/lang 中文"));
    expect(back[0].payload.text).toBe("已切换为中文。");
  });

  it("offers the languages as buttons and switches on a tap", async () => {
    const staff = await createStaff(["consultant"]);
    const user = telegramUser();
    const t = await testBot();
    await bindViaStart(t, user, staff.id);
    const prompt = await t.send(textMessage(user, "/lang"));
    const buttons = prompt[0].payload.reply_markup.inline_keyboard[0] as { text: string; callback_data: string }[];
    expect(buttons.map((b) => b.text)).toEqual(["✓ 中文", "English"]);

    const { callbackQuery } = await import("./support/telegram.ts");
    const tap = await t.send(callbackQuery(user, buttons[1].callback_data));
    expect(tap.map((c) => c.method)).toEqual(["answerCallbackQuery", "editMessageText"]);
    expect(tap[1].payload.text).toBe("Language set to English.");
    expect((await t.send(textMessage(user, "hm?")))[0].payload.text).toContain("Send /help");
  });

  it("forgets a chat's state when the binding is removed", async () => {
    const staff = await createStaff(["consultant"]);
    const user = telegramUser();
    const t = await testBot({ features: [askFeature()] });
    await bindViaStart(t, user, staff.id);
    await t.send(textMessage(user, "/ask"));
    expect(await sessionKeys(user.id)).toEqual([`session:${user.id}`]);

    await unbindByAdmin(staff.id);
    expect(await sessionKeys(user.id)).toEqual([]);
  });
});
