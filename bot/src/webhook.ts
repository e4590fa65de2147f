import crypto from "node:crypto";
import http from "node:http";
import { webhookCallback, type Bot } from "grammy";
import type { BotContext } from "./context.ts";

export const ALLOWED_UPDATES = ["message", "callback_query"] as const;

/**
 * How long Telegram waits for our answer before it counts the delivery as failed and sends the
 * update again is not documented precisely; grammY's default (10 s, then throw → HTTP 500 →
 * redelivery) is too close to an LLM reading (up to 8 s) plus the database. We answer 200 after
 * this long at the latest and let the update finish on its own (chats stay in order:
 * sequentialize in bot.ts), so Telegram never redelivers an update that is still being handled.
 */
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 5_000;

export interface WebhookServer {
  port: number;
  secretToken: string;
  stop(): Promise<void>;
}

/**
 * Webhook mode: Telegram POSTs updates to the path of BOT_WEBHOOK_URL with the secret token in
 * `X-Telegram-Bot-Api-Secret-Token` (anything else is refused); GET /healthz answers for load
 * balancers. `register` sets the webhook at Telegram with the same secret.
 */
export async function startWebhookServer(
  bot: Bot<BotContext>,
  opts: {
    url: string; secret?: string; port: number; register?: boolean; log?: (line: string) => void;
    /** Answer Telegram after this long even if the update is still being handled (DEFAULT_WEBHOOK_TIMEOUT_MS). */
    timeoutMs?: number;
  },
): Promise<WebhookServer> {
  const secretToken = opts.secret ?? crypto.randomBytes(32).toString("hex");
  const path = new URL(opts.url).pathname || "/";
  const timeoutMs = opts.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  const handle = webhookCallback(bot, "http", {
    secretToken,
    timeoutMilliseconds: timeoutMs,
    // Acknowledge and keep going: the update's own work (and its replies) continues after the 200.
    onTimeout: () => opts.log?.(`webhook: answered Telegram after ${timeoutMs} ms; the update is still being handled`),
  });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://bot.local");
    if (req.method === "GET" && url.pathname === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, bot: bot.botInfo.username }));
      return;
    }
    if (req.method === "POST" && url.pathname === path) {
      handle(req, res).catch((error: unknown) => {
        opts.log?.(`webhook update failed: ${(error as Error).message}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, () => resolve());
  });
  if (opts.register !== false) {
    await bot.api.setWebhook(opts.url, { secret_token: secretToken, allowed_updates: [...ALLOWED_UPDATES] });
  }
  return {
    port: (server.address() as { port: number }).port,
    secretToken,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
