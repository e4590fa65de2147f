import { session, type MiddlewareFn } from "grammy";
import type { BotContext, SessionData } from "../context.ts";
import type { Db } from "../db/clients.ts";
import { botSessionStorage } from "../db/bot-sessions.ts";
import { resolveLocale, translator } from "../i18n/index.ts";

/** Per-chat state in Postgres (`bot_sessions`, key `session:<chat id>`). */
export const sessionInPostgres = (service: Db): MiddlewareFn<BotContext> =>
  session<SessionData, BotContext>({
    initial: () => ({}),
    storage: botSessionStorage<SessionData>(service, "session"),
  });

/** The language chosen with /lang (kept in the session) wins over profile and Telegram app. */
export const applyChosenLocale: MiddlewareFn<BotContext> = (ctx, next) => {
  if (ctx.session.locale) {
    ctx.locale = resolveLocale({ chosen: ctx.session.locale });
    ctx.t = translator(ctx.locale);
  }
  return next();
};

/** Remember the Telegram app's language, so the outbox speaks it too (written only when it changes). */
export const rememberAppLanguage: MiddlewareFn<BotContext> = (ctx, next) => {
  const code = ctx.from?.language_code;
  if (code && ctx.session.appLanguage !== code) ctx.session.appLanguage = code;
  return next();
};
