import crypto from "node:crypto";
import { Composer } from "grammy";
import { describe, expect, it } from "vitest";
import { signedIn, sql, stack } from "../../../supabase/tests/support/clients.ts";
import { isBound, type BotContext } from "../../src/context.ts";
import { createServiceClient, type Db } from "../../src/db/clients.ts";
import { StaffClients } from "../../src/db/staff-clients.ts";
import { bindViaStart, TEST_SESSION_KEY, testBot } from "./support/bot.ts";
import { answerOf, delivery, person } from "./support/chat.ts";
import { customerOf, freshPhone, testBuilding, testName } from "./support/sales.ts";
import { createStaff, unbindByAdmin } from "./support/staff.ts";

/** The bot's kept session for a person: which Auth session, and whether it still exists. */
async function botSession(staffId: string) {
  const [row] = await sql<{ session_id: string | null; alive: boolean; ended: string | null }>(
    `select b.session_id, exists (select 1 from auth.sessions s where s.id = b.session_id) as alive,
            b.ended_telegram_user_id::text as ended
       from private.bot_auth_sessions b where b.staff_id = $1`,
    [staffId],
  );
  return row ?? null;
}

const sessionsOf = (staffId: string) =>
  sql<{ id: string }>("select id from auth.sessions where user_id = $1 order by created_at", [staffId]).then((r) => r.map((x) => x.id));

/** A feature that hands out the client the bot made for the person (to use it after a change). */
function holder() {
  const held: { db: Db | null } = { db: null };
  const probe = new Composer<BotContext>();
  probe.filter(isBound).command("probe", async (ctx) => {
    held.db = ctx.db;
    await ctx.reply("ok");
  });
  return { held, probe };
}

const staffClients = () =>
  new StaffClients({
    url: stack().url, anonKey: stack().anonKey, serviceKey: stack().serviceRoleKey, sessionKey: TEST_SESSION_KEY,
    service: createServiceClient(stack().url, stack().serviceRoleKey),
  });

describe("the bot's staff sessions are real Auth sessions (no JWT secret)", () => {
  it("registers a customer and approves by tap with nothing but the API keys and its session key", async () => {
    expect(process.env.SUPABASE_JWT_SECRET).toBeUndefined();
    const t = await testBot();
    const consultant = await person(t, ["consultant"]);
    const manager = await person(t, ["sales_manager"]);
    const phone = freshPhone();
    await consultant.say(`王五 ${phone} 来访 A类`);
    expect(consultant.texts(await consultant.tap("✅ 确认")).at(-1)).toContain("已登记新客户：王五");

    const b = await testBuilding(1);
    const c = await customerOf(consultant.staff.id, testName());
    await consultant.say(`${b.units[0].label} ${c.name} 申请94折 客户全款`);
    await consultant.tap("📨 提交申请");
    await delivery(t).outbox.drain();
    expect(answerOf(await manager.tap("✅ 同意"))).toBe("已同意。");

    const [created] = await sql<{ owner_id: string }>("select owner_id from public.customers where phone = $1", [phone]);
    expect(created.owner_id).toBe(consultant.staff.id);
    const audit = await sql<{ actor: string; surface: string }>(
      `select actor, surface from public.audit_log
        where (action = 'customer.register' and actor = $1) or (action = 'approval.decide' and actor = $2) order by id`,
      [consultant.staff.id, manager.staff.id],
    );
    expect(audit).toEqual([
      { actor: consultant.staff.id, surface: "bot" },
      { actor: manager.staff.id, surface: "bot" },
    ]);
    // each acted on a session of their own, which Auth knows; the refresh token is not readable at rest
    for (const p of [consultant, manager]) {
      const kept = await botSession(p.staff.id);
      expect(kept).toMatchObject({ alive: true });
      expect(await sessionsOf(p.staff.id)).toContain(kept!.session_id);
      const [plain] = await sql<{ leaked: boolean }>(
        `select exists (select 1 from auth.refresh_tokens r where r.session_id = b.session_id
                          and position(convert_to(r.token, 'utf8') in b.secret) > 0) as leaked
           from private.bot_auth_sessions b where b.staff_id = $1`,
        [p.staff.id],
      );
      expect(plain.leaked).toBe(false);
    }
  }, 120_000);

  it("refreshes a token about to run out once, however many bot processes ask at the same moment", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    await me.say("/whoami");
    const before = await botSession(me.staff.id);
    await sql("update private.bot_auth_sessions set access_expires_at = now() + interval '30 seconds' where staff_id = $1", [me.staff.id]);

    const processes = [staffClients(), staffClients(), staffClients()];
    const subject = { id: me.staff.id, email: me.staff.email, name: me.staff.name };
    const clients = await Promise.all(processes.flatMap((p) => [p.forStaff(subject), p.forStaff(subject)]));
    for (const db of clients) expect((await db.from("units").select("id").limit(1)).error).toBeNull();

    const after = await botSession(me.staff.id);
    expect(after).toMatchObject({ session_id: before!.session_id, alive: true });
    const tokens = await sql<{ revoked: boolean }>("select revoked from auth.refresh_tokens where session_id = $1 order by id", [before!.session_id]);
    expect(tokens.map((r) => r.revoked)).toEqual([true, false]);
  });

  it("keeps the session across a restart with the same key, and starts over with another key", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    await me.say("/whoami");
    const first = (await botSession(me.staff.id))!.session_id;
    const subject = { id: me.staff.id, email: me.staff.email, name: me.staff.name };
    const others = (await sessionsOf(me.staff.id)).filter((id) => id !== first); // e.g. the sign-in that made the binding code

    await (await staffClients().forStaff(subject)).from("units").select("id").limit(1);
    expect((await botSession(me.staff.id))!.session_id).toBe(first);

    const otherKey = new StaffClients({
      url: stack().url, anonKey: stack().anonKey, serviceKey: stack().serviceRoleKey, sessionKey: "another-key-0123456789abcdef0123456789",
      service: createServiceClient(stack().url, stack().serviceRoleKey),
    });
    expect((await (await otherKey.forStaff(subject)).from("units").select("id").limit(1)).error).toBeNull();
    const now = await botSession(me.staff.id);
    expect(now!.session_id).not.toBe(first);
    expect((await sessionsOf(me.staff.id)).sort()).toEqual([...others, now!.session_id].sort());
  });

  it("ends the bot's session when the person is deactivated", async () => {
    const { held, probe } = holder();
    const t = await testBot({ features: [probe] });
    const me = await person(t, ["consultant"]);
    await me.say("/probe");
    const kept = (await botSession(me.staff.id))!.session_id;

    const admin = await signedIn("admin");
    expect((await admin.rpc("update_staff", { p_staff_id: me.staff.id, p_name: me.staff.name, p_active: false })).error).toBeNull();
    expect(await sql("select 1 from auth.sessions where id = $1", [kept])).toEqual([]);
    expect(await botSession(me.staff.id)).toBeNull();
    expect((await held.db!.from("units").select("id").limit(1)).error?.details).toBe("staff_inactive");
    expect(me.texts(await me.say("/probe"))).toEqual([expect.stringContaining("员工账号已停用")]);
    expect(await sessionsOf(me.staff.id)).toEqual([]); // and no new one was made
  });

  it("ends the bot's session when the person is unbound, and tells them once", async () => {
    const { held, probe } = holder();
    const t = await testBot({ features: [probe] });
    const me = await person(t, ["consultant"]);
    await me.say("/probe");
    const kept = (await botSession(me.staff.id))!.session_id;
    const others = (await sessionsOf(me.staff.id)).filter((id) => id !== kept);

    await unbindByAdmin(me.staff.id);
    expect(await sql("select 1 from auth.sessions where id = $1", [kept])).toEqual([]);
    expect(await botSession(me.staff.id)).toMatchObject({ session_id: null, ended: String(me.user.id) });
    // the token the bot held is refused, and no new session is made for an unbound person
    const refused = await held.db!.from("units").select("id").limit(1);
    expect(refused.error?.details).toBe("session_ended");
    expect(await sessionsOf(me.staff.id)).toEqual(others);

    const told = me.texts(await me.say("/whoami"));
    expect(told).toHaveLength(2);
    expect(told[0]).toBe("您的 Telegram 与员工账号的绑定已解除，机器人已退出您的登录。如需继续使用，请重新绑定。");
    expect(told[1]).toContain("「我的绑定码」");
    expect(me.texts(await me.say("/whoami"))).toEqual([expect.stringContaining("「我的绑定码」")]);
    expect(await botSession(me.staff.id)).toBeNull();
  });

  it("tells an unbound person right away from the delivery loop, once, and nobody who was bound again", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const other = await person(t, ["consultant"], { languageCode: "en" });
    await me.say("/whoami");
    await other.say("/whoami");
    await unbindByAdmin(me.staff.id);
    await unbindByAdmin(other.staff.id);
    // the other Telegram account is bound again (to another person) before the bot gets round to it
    const third = await createStaff(["consultant"]);
    await bindViaStart(t, other.user, third.id);
    const otherBefore = other.messages().length;

    // (other tests' unbound people may be told in the same round: only these two chats are looked at)
    const d = delivery(t);
    await d.farewells();
    const told = me.messages().length;
    expect(me.messages().at(-1)!.text).toBe("您的 Telegram 与员工账号的绑定已解除，机器人已退出您的登录。如需继续使用，请重新绑定。");
    expect(other.messages()).toHaveLength(otherBefore);
    await d.farewells();
    expect(me.messages()).toHaveLength(told);
    expect(me.texts(await me.say("/whoami"))).toEqual([expect.stringContaining("「我的绑定码」")]);
  });

  it("replaces a session ended elsewhere (signed out everywhere) without the person noticing", async () => {
    const { held, probe } = holder();
    const t = await testBot({ features: [probe] });
    const me = await person(t, ["consultant"]);
    await me.say("/probe");
    const kept = (await botSession(me.staff.id))!.session_id;
    await sql("delete from auth.sessions where user_id = $1", [me.staff.id]);

    const again = await held.db!.from("units").select("id").limit(1);
    expect(again.error).toBeNull();
    expect(again.data).toHaveLength(1);
    const now = await botSession(me.staff.id);
    expect(now).toMatchObject({ alive: true });
    expect(now!.session_id).not.toBe(kept);
    expect(me.texts(await me.say("/probe"))).toEqual(["ok"]);
  });

  it("refuses the session calls to anyone but the service role", async () => {
    const consultant = await signedIn("consultant1");
    const take = await consultant.rpc("bot_session_take", { p_staff_id: crypto.randomUUID(), p_key: TEST_SESSION_KEY });
    expect(take.error?.code).toBe("42501");
    const ended = await consultant.rpc("bot_session_ended_binding", { p_telegram_user_id: 1 });
    expect(ended.error?.code).toBe("42501");
  });
});

