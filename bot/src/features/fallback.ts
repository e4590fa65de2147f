import { Composer } from "grammy";
import { isBound, type BotContext } from "../context.ts";
import { followUpIfMine } from "./follow-up/index.ts";

/** Whatever no feature took: a pointer to /help, and an answer for stale buttons. */
export const fallbackFeature = new Composer<BotContext>();
const bound = fallbackFeature.filter(isBound);

bound.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("button.stale") }));
bound.on("message", async (ctx) => {
  // Not understood as a request — but a story about one of my customers (魏国强没接电话, 刚才那个 发了价格表) is a follow-up.
  const text = ctx.message.text;
  if (text && (await followUpIfMine(ctx, text))) return;
  await ctx.reply(ctx.t("fallback.unknown"));
});
