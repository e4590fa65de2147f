import { Composer } from "grammy";
import { isBound, type BotContext } from "../context.ts";
import { refreshMenu } from "./help.ts";

/** `/start` for a bound person: a welcome and their own command menu; a code sent again changes nothing. */
export const startFeature = new Composer<BotContext>();
const bound = startFeature.filter(isBound);

bound.command("start", async (ctx) => {
  const name = ctx.staff.name;
  await ctx.reply(ctx.match.trim() ? ctx.t("start.alreadyBound", { name }) : ctx.t("start.welcome", { name }));
  await refreshMenu(ctx);
});
