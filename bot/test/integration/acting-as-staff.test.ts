import { Composer } from "grammy";
import { describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import type { BotContext } from "../../src/context.ts";
import { isBound } from "../../src/context.ts";
import { bindViaStart, testBot } from "./support/bot.ts";
import { createStaff } from "./support/staff.ts";
import { telegramUser, textMessage } from "./support/telegram.ts";

describe("the bot acts as the bound person, with their own JWT", () => {
  it("/whoami shows the person's own row read through RLS, and who the database thinks is calling", async () => {
    const staff = await createStaff(["sales_manager"], "李测试");
    const t = await testBot();
    const user = telegramUser();
    await bindViaStart(t, user, staff.id);

    const calls = await t.send(textMessage(user, "/whoami"));
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
    const text = calls[0].payload.text as string;
    expect(text).toContain("姓名：李测试");
    expect(text).toContain(`邮箱：${staff.email}`);
    expect(text).toContain("角色：云栖雅苑 · 销售经理");
    expect(text).toContain(`Telegram ID：${user.id}`);
    expect(text).toContain(`数据库识别的身份：${staff.email}`);
  });

  it("is refused by RLS and the functions exactly where the person would be", async () => {
    const consultant = await createStaff(["consultant"]);
    const colleague = await createStaff(["consultant"]);
    const probe = new Composer<BotContext>();
    probe.filter(isBound).command("probe", async (ctx) => {
      const own = await ctx.db.rpc("create_telegram_bind_code", { p_staff_id: ctx.staff.id });
      const other = await ctx.db.rpc("create_telegram_bind_code", { p_staff_id: colleague.id });
      const bind = await ctx.db.rpc("bind_telegram", { p_code: String(own.data), p_telegram_user_id: 42 });
      const sessions = await ctx.db.from("bot_sessions").select("key");
      await ctx.reply(
        JSON.stringify({
          own: own.error?.details ?? "ok",
          other: other.error?.details ?? "ok",
          bind: bind.error?.code ?? "ok",
          sessions: sessions.error?.code ?? "ok",
        }),
      );
    });
    const t = await testBot({ features: [probe] });
    const user = telegramUser();
    await bindViaStart(t, user, consultant.id);

    const calls = await t.send(textMessage(user, "/probe"));
    expect(JSON.parse(calls[0].payload.text)).toEqual({ own: "ok", other: "bind_code_self_only", bind: "42501", sessions: "42501" });

    // What the person did through the bot is audited as theirs, from the bot.
    const audit = await sql<{ actor: string; surface: string }>(
      // the latest: the code made in the bot (the one for /start was made by the person in the admin)
      "select actor, surface from public.audit_log where action = 'telegram.code_create' and record_id = $1 and actor = $1 order by id desc limit 1",
      [consultant.id],
    );
    expect(audit).toEqual([{ actor: consultant.id, surface: "bot" }]);
  });
});
