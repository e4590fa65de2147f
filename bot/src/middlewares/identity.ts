import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.ts";
import { DbFailure } from "../db/errors.ts";
import { findStaffByTelegramId } from "../db/identity.ts";
import { StaffNotBound } from "../db/staff-clients.ts";
import { resolveLocale, translator } from "../i18n/index.ts";

/**
 * Who is this? Looked up on every update (no cache), so an unbind in the admin ends access with
 * the next message. For a bound, active person the context gets their own database client (their
 * own Auth session, see StaffClients). Someone whose binding was ended since the bot last spoke
 * to them is told so once (the database ended the bot's session for them at the unbinding).
 */
export const identify: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (!ctx.from || ctx.from.is_bot) return;
  const { service, staffClients } = ctx.services;
  const identity = await findStaffByTelegramId(service, ctx.from.id);
  ctx.identity = identity;
  ctx.staff = identity?.active ? identity : null;
  if (identity && !identity.active) staffClients.forget(identity.id);
  ctx.db = null;
  if (ctx.staff) {
    try {
      ctx.db = await staffClients.forStaff(ctx.staff);
    } catch (error) {
      if (!(error instanceof StaffNotBound)) throw error;
      // unbound or deactivated between the look-up and the session: treated as not bound
      ctx.staff = null;
    }
  }
  ctx.locale = resolveLocale({ staffLocale: identity?.locale, languageCode: ctx.from.language_code });
  ctx.t = translator(ctx.locale);
  if (!identity) {
    const { data, error } = await service.rpc("bot_session_ended_binding", { p_telegram_user_id: ctx.from.id });
    if (error) throw new DbFailure("bot_session_ended_binding", error);
    if (data) await ctx.reply(ctx.t("unbound.ended"));
  }
  return next();
};
