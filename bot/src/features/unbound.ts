import { Composer } from "grammy";
import { isBound, type BotContext } from "../context.ts";
import { bindTelegram } from "../db/bind.ts";
import { DbRefusal } from "../db/errors.ts";
import { describeRoles } from "../i18n/roles.ts";

/**
 * Everyone not bound (or deactivated) gets exactly one thing: how to bind. The only action open to
 * them is `/start <code>`. Nothing passes on to the features.
 */
export const unboundFeature = new Composer<BotContext>();
const unbound = unboundFeature.drop(isBound);

unbound.command("start", async (ctx, next) => {
  const code = ctx.match.trim();
  if (!code || ctx.identity) return next();
  try {
    const bound = await bindTelegram(ctx.services.service, code, ctx.from!.id);
    ctx.services.logger.info(`Telegram ${ctx.from!.id} bound to staff ${bound.staffId}`);
    await ctx.reply(ctx.t("bind.success", { name: bound.name, roles: describeRoles(ctx.t, bound.roles) }));
  } catch (error) {
    if (!(error instanceof DbRefusal)) throw error;
    await ctx.reply(ctx.t("bind.failed", { reason: error.text(ctx.locale) }));
  }
});

unbound.use(async (ctx) => {
  const text = ctx.identity && !ctx.identity.active ? ctx.t("unbound.inactive") : ctx.t("unbound.explain");
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery();
    await ctx.reply(text);
  } else if (ctx.message) {
    await ctx.reply(text);
  }
  // Edited messages, reactions, chat-member changes…: no answer at all.
});
