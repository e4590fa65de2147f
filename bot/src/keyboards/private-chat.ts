import { InlineKeyboard } from "grammy";

/** One button that opens the private chat with the bot. */
export const privateChatKeyboard = (botUsername: string, label: string) =>
  new InlineKeyboard().url(label, `https://t.me/${botUsername}`);
