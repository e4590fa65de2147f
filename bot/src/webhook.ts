import crypto from "node:crypto";
import http from "node:http";
import { webhookCallback, type Bot } from "grammy";
import type { BotContext } from "./context.ts";

export const ALLOWED_UPDATES = ["message", "callback_query"] as const;

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
  opts: { url: string; secret?: string; port: number; register?: boolean; log?: (line: string) => void },
): Promise<WebhookServer> {
  const secretToken = opts.secret ?? crypto.randomBytes(32).toString("hex");
  const path = new URL(opts.url).pathname || "/";
  const handle = webhookCallback(bot, "http", { secretToken });

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
