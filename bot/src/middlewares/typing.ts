import { autoChatAction, type AutoChatActionFlavor } from "@grammyjs/auto-chat-action";
import { Composer, type Middleware } from "grammy";
import type { BotContext } from "../context.ts";

/**
 * "正在输入…" while an LLM may be reading the message (up to OPENAI_TIMEOUT_MS): for a free-text
 * message that no dialogue is waiting for, when an LLM is configured. The plugin repeats the
 * chat action every 5 s and stops when the update is done; Telegram clears it at our reply.
 */
const typingForFreeText: Middleware<BotContext & AutoChatActionFlavor> = (ctx, next) => {
  const text = ctx.message?.text;
  const free = text !== undefined && !text.startsWith("/") && Object.keys(ctx.conversation.active()).length === 0;
  if (free && ctx.services.nlu.llm) ctx.chatAction = "typing";
  return next();
};

export const typingDuringLlm = new Composer<BotContext>(
  autoChatAction() as unknown as Middleware<BotContext>,
  typingForFreeText as unknown as Middleware<BotContext>,
);
