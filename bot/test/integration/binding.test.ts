import { describe, expect, it } from "vitest";
import { Composer } from "grammy";
import { signedIn, sql } from "../../../supabase/tests/support/clients.ts";
import { isBound, type BotContext } from "../../src/context.ts";
import type { Db } from "../../src/db/clients.ts";
import { bindViaStart, testBot } from "./support/bot.ts";
import { boundTelegramId, ownCode, createStaff, unbindByAdmin } from "./support/staff.ts";
import { callbackQuery, telegramUser, textMessage } from "./support/telegram.ts";

const HOW_TO_BIND = "「我的绑定码」";

describe("binding a Telegram account with a one-time code", () => {
  it("answers /start from an unbound user with the explanation and nothing else", async () => {
    const t = await testBot();
    const user = telegramUser();
    const calls = await t.send(textMessage(user, "/start"));
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(calls[0].payload.chat_id).toBe(user.id);
    expect(calls[0].payload.text).toContain(HOW_TO_BIND);
    expect(calls[0].payload.text).toContain("/start 绑定码");
    expect(calls[0].payload.reply_markup).toBeUndefined();
  });

  it("gives an unbound user only the explanation, whatever they send", async () => {
    const t = await testBot();
    const user = telegramUser();
    for (const text of ["/help", "/whoami", "/lang en", "帮我登记客户张三 13812345678"]) {
      const calls = await t.send(textMessage(user, text));
      expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
      expect(calls[0].payload.text).toContain(HOW_TO_BIND);
    }
    const tap = await t.send(callbackQuery(user, "lang:en"));
    expect(tap.map((c) => c.method)).toEqual(["answerCallbackQuery", "sendMessage"]);
    expect(tap[1].payload.text).toContain(HOW_TO_BIND);
  });

  it("explains in English to a Telegram app in English", async () => {
    const t = await testBot();
    const calls = await t.send(textMessage(telegramUser({ language_code: "en" }), "hello"));
    expect(calls[0].payload.text).toContain("Your Telegram account is not bound");
  });

  it("binds with a code the administrator made, greeting the person by name with their roles", async () => {
    const staff = await createStaff(["consultant", "sales_manager"], "王测试");
    const t = await testBot();
    const user = telegramUser();
    const calls = await bindViaStart(t, user, staff.id);

    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
    const greeting = calls[0].payload.text as string;
    expect(greeting).toContain("绑定成功");
    expect(greeting).toContain("王测试");
    expect(greeting).toContain("云栖雅苑 · 置业顾问、销售经理");
    expect(await boundTelegramId(staff.id)).toBe(user.id);

    const audit = await sql<{ action: string; surface: string; after: { telegram_user_id: number } }>(
      "select action, surface, after from public.audit_log where record_id = $1 and action = 'telegram.bind'",
      [staff.id],
    );
    expect(audit).toEqual([{ action: "telegram.bind", surface: "bot", after: { telegram_user_id: user.id } }]);

    // Bound now: the features answer instead of the explanation.
    const help = await t.send(textMessage(user, "/help"));
    expect(help[0].payload.text).toContain("王测试");
    expect(help[0].payload.text).not.toContain(HOW_TO_BIND);
  });

  it("refuses a code that was already used", async () => {
    const staff = await createStaff(["consultant"]);
    const code = await ownCode(staff.id);
    const t = await testBot();
    const first = telegramUser();
    await t.send(textMessage(first, `/start ${code}`));
    expect(await boundTelegramId(staff.id)).toBe(first.id);

    const second = telegramUser();
    const calls = await t.send(textMessage(second, `/start ${code}`));
    expect(calls[0].payload.text).toContain("绑定失败：该绑定码已使用过");
    expect(await boundTelegramId(staff.id)).toBe(first.id);
    // The refused user is still unbound.
    const after = await t.send(textMessage(second, "/help"));
    expect(after[0].payload.text).toContain(HOW_TO_BIND);
  });

  it("refuses an expired code", async () => {
    const staff = await createStaff(["consultant"]);
    const code = await ownCode(staff.id);
    await sql("update public.telegram_bind_codes set expires_at = now() - interval '1 minute' where code = $1", [code]);
    const t = await testBot();
    const calls = await t.send(textMessage(telegramUser(), `/start ${code}`));
    expect(calls[0].payload.text).toContain("绑定失败：绑定码已过期");
    expect(calls[0].payload.text).toContain(HOW_TO_BIND);
    expect(await boundTelegramId(staff.id)).toBeNull();
  });

  it("refuses an unknown code, in English for an English app", async () => {
    const t = await testBot();
    const zh = await t.send(textMessage(telegramUser(), "/start ABCD2345"));
    expect(zh[0].payload.text).toContain("绑定失败：绑定码无效");
    const en = await t.send(textMessage(telegramUser({ language_code: "en-US" }), "/start ABCD2345"));
    expect(en[0].payload.text).toContain("Binding failed: Unknown binding code");
  });

  it("accepts the code typed in lower case with spaces", async () => {
    const staff = await createStaff(["finance"]);
    const code = await ownCode(staff.id);
    const t = await testBot();
    const user = telegramUser();
    const typed = `${code.slice(0, 4)} ${code.slice(4)}`.toLowerCase();
    const calls = await t.send(textMessage(user, `/start ${typed}`));
    expect(calls[0].payload.text).toContain("绑定成功");
    expect(await boundTelegramId(staff.id)).toBe(user.id);
  });

  it("cuts access with the next message after the administrator unbinds", async () => {
    const staff = await createStaff(["consultant"]);
    const t = await testBot();
    const user = telegramUser();
    await bindViaStart(t, user, staff.id);
    const before = await t.send(textMessage(user, "/whoami"));
    expect(before[0].payload.text).toContain(staff.name);

    await unbindByAdmin(staff.id);
    // told once that the binding ended, then only the explanation
    const after = await t.send(textMessage(user, "/whoami"));
    expect(after.map((c) => c.method)).toEqual(["sendMessage", "sendMessage"]);
    expect(after[0].payload.text).toContain("绑定已解除");
    expect(after[1].payload.text).toContain(HOW_TO_BIND);
    expect(after.map((c) => c.payload.text).join()).not.toContain(staff.name);
    const next = await t.send(textMessage(user, "/whoami"));
    expect(next.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(next[0].payload.text).toContain(HOW_TO_BIND);
  });

  it("tells a deactivated person their account is deactivated, and nothing else", async () => {
    const staff = await createStaff(["consultant"]);
    const t = await testBot();
    const user = telegramUser();
    await bindViaStart(t, user, staff.id);
    await sql("update public.staff set active = false where id = $1", [staff.id]);
    const calls = await t.send(textMessage(user, "/help"));
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(calls[0].payload.text).toContain("员工账号已停用");
  });

  it("on deactivation in the admin, the token the bot held for the person is refused and they get nothing", async () => {
    const staff = await createStaff(["consultant"]);
    let held: Db | null = null;
    const probe = new Composer<BotContext>();
    probe.filter(isBound).command("probe", async (ctx) => {
      held = ctx.db;
      await ctx.reply("ok");
    });
    const t = await testBot({ features: [probe] });
    const user = telegramUser();
    await bindViaStart(t, user, staff.id);
    await t.send(textMessage(user, "/probe"));
    expect((await held!.from("units").select("id").limit(1)).data).toHaveLength(1);

    const admin = await signedIn("admin");
    const off = await admin.rpc("update_staff", { p_staff_id: staff.id, p_name: staff.name, p_active: false });
    expect(off.error).toBeNull();
    const refused = await held!.from("units").select("id").limit(1);
    expect(refused.data ?? []).toEqual([]);
    expect(refused.error?.details).toBe("staff_inactive");
    const calls = await t.send(textMessage(user, "/probe"));
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(calls[0].payload.text).toContain("员工账号已停用");
  });

  it("keeps a bound person bound when they send /start with a code again", async () => {
    const staff = await createStaff(["consultant"]);
    const other = await createStaff(["consultant"]);
    const t = await testBot();
    const user = telegramUser();
    await bindViaStart(t, user, staff.id);
    const code = await ownCode(other.id);
    const calls = await t.send(textMessage(user, `/start ${code}`));
    expect(calls[0].payload.text).toContain(`已绑定为「${staff.name}」`);
    expect(await boundTelegramId(staff.id)).toBe(user.id);
    expect(await boundTelegramId(other.id)).toBeNull();
  });
});
