import { Composer } from "grammy";
import { isBound, type BotContext } from "../context.ts";

/** `/cancel` with no dialogue waiting (a waiting dialogue takes it itself and says 已取消). */
export const cancelFeature = new Composer<BotContext>();
cancelFeature.filter(isBound).command("cancel", (ctx) => ctx.reply(ctx.t("dialog.nothingToCancel")));
