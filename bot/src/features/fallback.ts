import { Composer } from "grammy";
import { isBound, type BotContext } from "../context.ts";

/** Whatever no feature took: a pointer to /help, and an answer for stale buttons. */
export const fallbackFeature = new Composer<BotContext>();
const bound = fallbackFeature.filter(isBound);

bound.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("button.stale") }));
bound.on("message", (ctx) => ctx.reply(ctx.t("fallback.unknown")));
