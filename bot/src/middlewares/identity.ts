import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.ts";
import { findStaffByTelegramId } from "../db/identity.ts";
import { resolveLocale, translator } from "../i18n/index.ts";

/**
 * Who is this? Looked up on every update (no cache), so an unbind in the admin ends access with
 * the next message. For a bound, active person the context gets their own database client.
 */
export const identify: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (!ctx.from || ctx.from.is_bot) return;
  const { service, staffClients } = ctx.services;
  const identity = await findStaffByTelegramId(service, ctx.from.id);
  ctx.identity = identity;
  ctx.staff = identity?.active ? identity : null;
  if (identity && !identity.active) staffClients.forget(identity.id);
  ctx.db = ctx.staff ? await staffClients.forStaff(ctx.staff) : null;
  ctx.locale = resolveLocale({ staffLocale: identity?.locale, languageCode: ctx.from.language_code });
  ctx.t = translator(ctx.locale);
  return next();
};
