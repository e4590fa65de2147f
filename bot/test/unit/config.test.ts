import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, localSessionKey } from "../../src/config.ts";

const KEY = "k".repeat(64);

describe("bot config", () => {
  it("uses the local stack's defaults only when SUPABASE_URL is unset", () => {
    const local = loadConfig({ BOT_SESSION_KEY: KEY });
    expect(local.supabase).toMatchObject({ url: "http://127.0.0.1:54321", sessionKey: KEY, local: true });
    expect(local.supabase).not.toHaveProperty("jwtSecret");
    expect(local.telegramToken).toBeUndefined();
    expect(local.webhook).toBeUndefined();
    expect(local.llm).toBeUndefined();
  });

  it("requires every key with a hosted SUPABASE_URL, never mixing in local ones", () => {
    expect(() => loadConfig({ SUPABASE_URL: "https://x.supabase.co", SUPABASE_ANON_KEY: "a" })).toThrow(
      /SUPABASE_SECRET_KEY、BOT_SESSION_KEY/,
    );
    const hosted = loadConfig({
      SUPABASE_URL: "https://x.supabase.co/",
      SUPABASE_ANON_KEY: "a",
      SUPABASE_SERVICE_ROLE_KEY: "s",
      BOT_SESSION_KEY: KEY,
      SUPABASE_JWT_SECRET: "ignored: the bot never reads it",
    });
    expect(hosted.supabase).toEqual({ url: "https://x.supabase.co", anonKey: "a", serviceRoleKey: "s", sessionKey: KEY, local: false });
    expect(() =>
      loadConfig({ SUPABASE_URL: "https://x.supabase.co", SUPABASE_ANON_KEY: "a", SUPABASE_SERVICE_ROLE_KEY: "s", BOT_SESSION_KEY: "short" }),
    ).toThrow(/BOT_SESSION_KEY 太短/);
  });

  it("makes the local stack's session key once and keeps it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bot-key-"));
    const file = path.join(dir, "nested", "bot-session-key");
    const first = localSessionKey(file);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(localSessionKey(file)).toBe(first);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    fs.rmSync(dir, { recursive: true });
  });

  it("reads the new key names first and the legacy names still", () => {
    const both = loadConfig({
      SUPABASE_URL: "https://x.supabase.co",
      SUPABASE_PUBLISHABLE_KEY: "sb_publishable_p",
      SUPABASE_SECRET_KEY: "sb_secret_s",
      SUPABASE_ANON_KEY: "legacy-anon",
      SUPABASE_SERVICE_ROLE_KEY: "legacy-service",
      BOT_SESSION_KEY: "k".repeat(32),
    });
    expect(both.supabase).toMatchObject({ anonKey: "sb_publishable_p", serviceRoleKey: "sb_secret_s" });
    const mixed = loadConfig({ SUPABASE_URL: "https://x.supabase.co", SUPABASE_PUBLISHABLE_KEY: "sb_publishable_p", SUPABASE_SERVICE_ROLE_KEY: "legacy-service", BOT_SESSION_KEY: "k".repeat(32) });
    expect(mixed.supabase).toMatchObject({ anonKey: "sb_publishable_p", serviceRoleKey: "legacy-service" });
  });

  it("reads Telegram, webhook and LLM settings", () => {
    const c = loadConfig({
      TELEGRAM_BOT_TOKEN: "1:abc",
      BOT_WEBHOOK_URL: "https://bot.example.com/telegram",
      BOT_WEBHOOK_SECRET: "s3cret",
      BOT_PORT: "9000",
      OPENAI_API_KEY: "sk-x",
      OPENAI_BASE_URL: "https://api.deepseek.com/v1",
      OPENAI_MODEL: "deepseek-chat",
    });
    expect(c.telegramToken).toBe("1:abc");
    expect(c.webhook).toEqual({ url: "https://bot.example.com/telegram", secret: "s3cret", port: 9000 });
    expect(c.llm).toEqual({ apiKey: "sk-x", baseUrl: "https://api.deepseek.com/v1", model: "deepseek-chat" });
  });
});
