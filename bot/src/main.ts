import { run } from "@grammyjs/runner";
import { loadEnvFile } from "@so/shared/env-file";
import type { Bot } from "grammy";
import { createBot } from "./bot.ts";
import { publishCommands } from "./commands.ts";
import { ConfigError, loadConfig } from "./config.ts";
import type { BotContext } from "./context.ts";
import { createDelivery, outboxApi } from "./notify/delivery.ts";
import { consoleLogger } from "./logger.ts";
import { reasoningFromEnv } from "./nlu/llm.ts";
import { ALLOWED_UPDATES, startWebhookServer } from "./webhook.ts";

/**
 * `npm run -w bot start`: the bot against Telegram. Long polling with the runner (chats in
 * parallel, each chat in order — see `sequentialize` in bot.ts), or a webhook server with /healthz
 * when BOT_WEBHOOK_URL is set. SIGINT / SIGTERM stop it cleanly.
 */
async function main() {
  loadEnvFile();
  const config = loadConfig();
  if (!config.telegramToken) {
    throw new ConfigError(
      "未设置 TELEGRAM_BOT_TOKEN。没有 Telegram 也可以在终端试用：npm run bot:console\n" +
        "TELEGRAM_BOT_TOKEN is not set. Try the bot in the terminal without Telegram: npm run bot:console",
    );
  }
  const bot = createBot({
    token: config.telegramToken,
    supabaseUrl: config.supabase.url,
    anonKey: config.supabase.anonKey,
    serviceRoleKey: config.supabase.serviceRoleKey,
    sessionKey: config.supabase.sessionKey,
    llm: config.llm,
    llmReasoning: reasoningFromEnv(process.env.LLM_REASONING),
  });
  await bot.init();
  await publishCommands(bot.api).catch((error) => console.warn("setMyCommands failed", error));
  // The outbox (notifications) and the morning digest: several bot instances may run them at once.
  const delivery = createDelivery({
    // Its own client and retry policy, not the replies' (see outboxApi).
    api: outboxApi(config.telegramToken),
    supabaseUrl: config.supabase.url,
    anonKey: config.supabase.anonKey,
    serviceRoleKey: config.supabase.serviceRoleKey,
    sessionKey: config.supabase.sessionKey,
    logger: consoleLogger,
  });
  delivery.start();

  let stop: () => Promise<void>;
  if (config.webhook) {
    if (!config.webhook.secret) {
      console.warn("未设置 BOT_WEBHOOK_SECRET，本次运行使用随机密钥。BOT_WEBHOOK_SECRET is unset: using a random one for this run.");
    }
    // BOT_WEBHOOK_TIMEOUT_MS: answer Telegram after this long at most (the update goes on); 5 s when unset.
    const timeoutMs = Number(process.env.BOT_WEBHOOK_TIMEOUT_MS) || undefined;
    const server = await startWebhookServer(bot, { ...config.webhook, timeoutMs, log: (line) => console.error(line) });
    console.log(`机器人 @${bot.botInfo.username} 已启动：webhook ${config.webhook.url}（端口 ${server.port}，/healthz）Bot started (webhook).`);
    stop = server.stop;
  } else {
    stop = await poll(bot);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，机器人正在停止… Received ${signal}, stopping the bot…`);
    await delivery.stop();
    await stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

async function poll(bot: Bot<BotContext>): Promise<() => Promise<void>> {
  await bot.api.deleteWebhook();
  const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  console.log(`机器人 @${bot.botInfo.username} 已启动（长轮询）Bot started (long polling).`);
  return async () => {
    if (runner.isRunning()) await runner.stop();
  };
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
