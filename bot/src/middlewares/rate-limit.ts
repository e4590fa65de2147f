import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.ts";
import { translator, resolveLocale } from "../i18n/index.ts";

export interface RateLimitOptions {
  /** Window in milliseconds. */
  timeFrame: number;
  /** Updates a person may send per window; the next one is answered once, the rest ignored. */
  limit: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { timeFrame: 10_000, limit: 20 };

/** Per-person rate limit (in memory, per bot process). */
export function rateLimit(options: RateLimitOptions): MiddlewareFn<BotContext> {
  return limit<BotContext, never>({
    timeFrame: options.timeFrame,
    limit: options.limit,
    keyGenerator: (ctx) => (ctx.from ? String(ctx.from.id) : undefined),
    onLimitExceeded: async (ctx) => {
      const t = translator(resolveLocale({ languageCode: ctx.from?.language_code }));
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t("error.rateLimited") });
      else if (ctx.chat?.type === "private") await ctx.reply(t("error.rateLimited"));
    },
  });
}
