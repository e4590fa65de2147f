import { describe, expect, it, onTestFinished } from "vitest";
import { startWebhookServer } from "../../src/webhook.ts";
import { testBot } from "./support/bot.ts";
import { telegramUser, textMessage } from "./support/telegram.ts";

describe("webhook mode", () => {
  it("registers with a secret token, takes updates that carry it, refuses others, and answers /healthz", async () => {
    const t = await testBot();
    const server = await startWebhookServer(t.bot, { url: "https://bot.example.com/telegram/hook", secret: "s3cret-token", port: 0 });
    onTestFinished(() => server.stop());
    const base = `http://127.0.0.1:${server.port}`;

    const setWebhook = t.telegram.calls.find((c) => c.method === "setWebhook");
    expect(setWebhook?.payload).toMatchObject({ url: "https://bot.example.com/telegram/hook", secret_token: "s3cret-token" });

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, bot: "sales_office_test_bot" });

    const user = telegramUser();
    const post = (secret: string) =>
      fetch(`${base}/telegram/hook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
        body: JSON.stringify(textMessage(user, "/start")),
      });

    const forged = await post("wrong");
    expect(forged.status).toBe(401);
    expect(t.telegram.texts(user.id)).toEqual([]);

    const real = await post("s3cret-token");
    expect(real.status).toBe(200);
    expect(t.telegram.texts(user.id)).toHaveLength(1);
    expect(t.telegram.texts(user.id)[0]).toContain("「我的绑定码」");
  });
});
