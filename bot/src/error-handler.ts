import { BotError, GrammyError, HttpError } from "grammy";
import type { BotContext } from "./context.ts";
import { translator } from "./i18n/index.ts";
import type { Logger } from "./logger.ts";

/**
 * The bot's one error handler: the person gets a short plain answer in Chinese (出错了，请稍后再试)
 * — never a stack trace — and the log gets the detail with the update it came from.
 */
export function createErrorHandler(logger: Logger) {
  return async (error: BotError<BotContext>): Promise<void> => {
    const ctx = error.ctx;
    const cause = error.error;
    const kind = cause instanceof GrammyError ? "Telegram API" : cause instanceof HttpError ? "Telegram network" : "middleware";
    logger.error(`Error (${kind}) while handling update ${ctx.update.update_id} from ${ctx.from?.id ?? "?"}`, cause);

    const t = typeof ctx.t === "function" ? ctx.t : translator("zh-CN");
    const tell = async (what: string, send: () => Promise<unknown>) => {
      try {
        await send();
      } catch (replyError) {
        logger.warn(`Could not ${what} after the error for ${ctx.from?.id ?? "?"}`, replyError);
      }
    };
    // The button may have been answered already before the failure: that must not stop the reply.
    if (ctx.callbackQuery) await tell("answer the button", () => ctx.answerCallbackQuery({ text: t("error.generic") }));
    if (ctx.chat?.type === "private") await tell("reply", () => ctx.reply(t("error.generic")));
  };
}
