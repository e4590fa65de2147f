import type { Composer } from "grammy";
import type { Update, User } from "grammy/types";
import { stack } from "../../../../supabase/tests/support/clients.ts";
import { createBot } from "../../../src/bot.ts";
import type { BotContext } from "../../../src/context.ts";
import type { LlmConfig } from "../../../src/config.ts";
import type { Logger } from "../../../src/logger.ts";
import type { RateLimitOptions } from "../../../src/middlewares/rate-limit.ts";
import { ownCode } from "./staff.ts";
import { telegramStub, textMessage, type TelegramStub } from "./telegram.ts";

/**
 * The bots under test keep their staff sessions encrypted with this key (BOT_SESSION_KEY); they get
 * no JWT secret at all.
 */
export const TEST_SESSION_KEY = "bot-test-session-key-0123456789abcdef0123456789";

export interface LoggedLine {
  level: "info" | "warn" | "error";
  message: string;
  detail: unknown;
}

export interface TestBot {
  bot: ReturnType<typeof createBot>;
  telegram: TelegramStub;
  logged: LoggedLine[];
  /** Feed one update and return the API calls it caused. */
  send(update: Update): Promise<TelegramStub["calls"]>;
}

/**
 * The real bot against the test stack, with Telegram answered by the stub. A second testBot()
 * over the same database is the bot after a restart.
 */
export async function testBot(
  opts: {
    features?: Composer<BotContext>[]; rateLimit?: RateLimitOptions | false; telegram?: TelegramStub; llm?: LlmConfig;
    /** A fixed clock for "today". */
    now?: () => Date;
  } = {},
): Promise<TestBot> {
  const s = stack();
  const telegram = opts.telegram ?? telegramStub();
  const logged: LoggedLine[] = [];
  const logger: Logger = {
    info: (message, detail) => void logged.push({ level: "info", message, detail }),
    warn: (message, detail) => void logged.push({ level: "warn", message, detail }),
    error: (message, detail) => void logged.push({ level: "error", message, detail }),
  };
  const bot = createBot({
    token: "123456:TEST-TOKEN",
    supabaseUrl: s.url,
    anonKey: s.anonKey,
    serviceRoleKey: s.serviceRoleKey,
    sessionKey: TEST_SESSION_KEY,
    clientFetch: telegram.fetch,
    features: opts.features,
    rateLimit: opts.rateLimit ?? false,
    logger,
    llm: opts.llm,
    now: opts.now,
  });
  await bot.init();
  return {
    bot,
    telegram,
    logged,
    async send(update) {
      const before = telegram.calls.length;
      await bot.handleUpdate(update);
      return telegram.calls.slice(before);
    },
  };
}

/** Bind a Telegram user to a staff member the way a person does: code from the admin, /start <code>. */
export async function bindViaStart(t: TestBot, user: User, staffId: string) {
  const code = await ownCode(staffId);
  return t.send(textMessage(user, `/start ${code}`));
}
