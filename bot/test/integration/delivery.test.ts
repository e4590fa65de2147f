import { Composer } from "grammy";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { signedIn, sql, stack } from "../../../supabase/tests/support/clients.ts";
import { isBound, type BotContext } from "../../src/context.ts";
import { createDelivery, outboxApi } from "../../src/notify/delivery.ts";
import { startWebhookServer } from "../../src/webhook.ts";
import { startOpenAiStub, type OpenAiStub } from "../support/openai-stub.ts";
import { TEST_SESSION_KEY, testBot } from "./support/bot.ts";
import { person } from "./support/chat.ts";
import { customerOf, PROJECT, testName } from "./support/sales.ts";
import { createStaff } from "./support/staff.ts";
import { textMessage } from "./support/telegram.ts";

let llm: OpenAiStub;
beforeAll(async () => {
  llm = await startOpenAiStub();
});
afterAll(() => llm.close());

describe("delivery", () => {
  it("shows 正在输入 while the LLM reads a message, and not without an LLM", async () => {
    const t = await testBot({ llm: { apiKey: "sk-test", baseUrl: llm.baseURL, model: "stub-model", timeoutMs: 300 } });
    const me = await person(t, ["consultant"]);
    llm.respond({ hang: true });
    const calls = await me.say("3栋还有三房吗");
    llm.respond({ json: { intent: "unknown" } });
    const typing = calls.findIndex((c) => c.method === "sendChatAction" && c.payload.action === "typing" && c.payload.chat_id === me.chatId);
    const reply = calls.findIndex((c) => c.method === "sendMessage");
    expect(typing).toBeGreaterThanOrEqual(0);
    expect(typing).toBeLessThan(reply);
    // Commands are not read by the LLM: no indicator.
    expect((await me.say("/help")).some((c) => c.method === "sendChatAction")).toBe(false);

    const plain = await testBot();
    const other = await person(plain, ["consultant"]);
    expect((await other.say("3栋还有三房吗")).some((c) => c.method === "sendChatAction")).toBe(false);
  });

  it("answers Telegram's webhook call in time while a slow update goes on, then replies", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const slow = new Composer<BotContext>();
    slow.filter(isBound).hears("慢慢来", async (ctx) => {
      await gate;
      await ctx.reply("做完了");
      finished();
    });
    const t = await testBot({ features: [slow] });
    const me = await person(t, ["consultant"]);
    const lines: string[] = [];
    const server = await startWebhookServer(t.bot, {
      url: "https://bot.example.com/hook", secret: "s3cret", port: 0, register: false, timeoutMs: 100, log: (l) => lines.push(l),
    });
    onTestFinished(() => server.stop());

    const answer = await fetch(`http://127.0.0.1:${server.port}/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "s3cret" },
      body: JSON.stringify(textMessage(me.user, "慢慢来")),
    });
    // Telegram has its 200 while the update is still waiting.
    expect(answer.status).toBe(200);
    expect(t.telegram.texts(me.chatId)).not.toContain("做完了");
    expect(lines).toEqual(["webhook: answered Telegram after 100 ms; the update is still being handled"]);

    release();
    await done;
    expect(t.telegram.texts(me.chatId)).toContain("做完了");
  });

  it("sends the outbox through its own client: a flood limit fails the row once, kept for a retry after Telegram's wait", async () => {
    const t = await testBot();
    const owner = await person(t, ["consultant"]);
    const c = await customerOf(owner.staff.id, testName());
    const other = await createStaff(["consultant"]);
    const reg = await (await signedIn(other.email)).rpc("register_customer", { p_project_id: PROJECT, p_name: c.name, p_phone: c.phone, p_source: "walk_in" });
    expect(reg.error).toBeNull();

    const s = stack();
    const api = outboxApi("123456:TEST-TOKEN", { fetch: t.telegram.fetch as never });
    expect(api).not.toBe(t.bot.api);
    const { outbox } = createDelivery({
      api, supabaseUrl: s.url, anonKey: s.anonKey, serviceRoleKey: s.serviceRoleKey, sessionKey: TEST_SESSION_KEY, backoffSeconds: 30,
      recipientId: owner.staff.id, logger: { info: () => {}, warn: () => {}, error: () => {} },
    });
    t.telegram.failSendsTo(owner.chatId, { error_code: 429, description: "Too Many Requests: retry after 2", parameters: { retry_after: 2 } });
    const before = t.telegram.calls.length;
    await outbox.drain();
    // One try, no waiting out the flood limit inside the round (the replies' client would retry it).
    expect(t.telegram.calls.slice(before).filter((x) => x.method === "sendMessage")).toHaveLength(1);
    const [row] = await sql<{ id: string; status: string; attempts: number; wait: string }>(
      `select id::text, status, attempts, extract(epoch from next_attempt_at - now())::int::text as wait
         from public.notifications where recipient_id = $1 and kind = 'collision'`,
      [owner.staff.id],
    );
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(Number(row.wait)).toBeGreaterThan(20);

    // A longer flood wait than the back-off: the retry waits for Telegram's.
    await sql("update public.notifications set next_attempt_at = now() - interval '1 second' where id = $1", [row.id]);
    t.telegram.failSendsTo(owner.chatId, { error_code: 429, description: "Too Many Requests: retry after 600", parameters: { retry_after: 600 } });
    await outbox.drain();
    const [again] = await sql<{ attempts: number; wait: string }>(
      "select attempts, extract(epoch from next_attempt_at - now())::int::text as wait from public.notifications where id = $1",
      [row.id],
    );
    expect(again.attempts).toBe(2);
    expect(Number(again.wait)).toBeGreaterThan(1100); // 600 s × 2 (second try)

    // Telegram lets us again: delivered.
    t.telegram.failSendsTo(owner.chatId, null);
    await sql("update public.notifications set next_attempt_at = now() - interval '1 second' where id = $1", [row.id]);
    await outbox.drain();
    expect(owner.messages().at(-1)!.text).toContain(c.name);
  });
});
