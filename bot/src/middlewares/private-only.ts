import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.ts";
import { translator, resolveLocale } from "../i18n/index.ts";
import { privateChatKeyboard } from "../keyboards/private-chat.ts";

/**
 * The bot works in private chats only: customer data stays out of groups. In a group it answers
 * what is addressed to it (a command, a mention, a reply to it, a button) with a pointer to the
 * private chat, and ignores the rest of the group's talk.
 */
export const privateOnly: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (ctx.chat?.type === "private") return next();
  if (!ctx.chat || ctx.chat.type === "channel") return;

  const t = translator(resolveLocale({ languageCode: ctx.from?.language_code }));
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: t("group.pointer"), show_alert: true });
    return;
  }
  const message = ctx.message;
  if (!message) return;
  const text = message.text ?? message.caption ?? "";
  const entities = message.entities ?? message.caption_entities ?? [];
  const mention = `@${ctx.me.username}`.toLowerCase();
  const addressed =
    entities.some((e) => e.type === "bot_command" && e.offset === 0) ||
    text.toLowerCase().includes(mention) ||
    message.reply_to_message?.from?.id === ctx.me.id;
  if (!addressed) return;
  await ctx.reply(t("group.pointer"), {
    reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true },
    reply_markup: privateChatKeyboard(ctx.me.username, t("group.openPrivate")),
  });
};
