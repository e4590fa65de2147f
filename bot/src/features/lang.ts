import { Composer } from "grammy";
import { isBound, type BotContext, type BoundContext } from "../context.ts";
import { parseLocale, translator, type Locale } from "../i18n/index.ts";
import { langData, langKeyboard } from "../keyboards/lang.ts";

/** `/lang`, `/lang en`, `/lang zh` and the 中文 / English buttons. The choice lives in the session. */
export const langFeature = new Composer<BotContext>();
const bound = langFeature.filter(isBound);

function choose(ctx: BoundContext, locale: Locale) {
  ctx.session.locale = locale;
  ctx.locale = locale;
  ctx.t = translator(locale);
}

bound.command("lang", async (ctx) => {
  const arg = ctx.match.trim();
  if (!arg) return void (await ctx.reply(ctx.t("lang.prompt"), { reply_markup: langKeyboard(ctx.locale) }));
  const locale = parseLocale(arg);
  if (!locale) return void (await ctx.reply(ctx.t("lang.usage")));
  choose(ctx, locale);
  await ctx.reply(ctx.t("lang.changed"));
});

bound.callbackQuery(langData.filter, async (ctx) => {
  const locale = parseLocale(langData.unpack(ctx.callbackQuery.data)?.locale ?? "");
  if (!locale) return void (await ctx.answerCallbackQuery({ text: ctx.t("button.stale") }));
  choose(ctx, locale);
  await ctx.answerCallbackQuery({ text: ctx.t("lang.changed") });
  await ctx.editMessageText(ctx.t("lang.changed"));
});
