import type { InlineKeyboardButton, Message } from "grammy/types";
import type { ConsoleEvent } from "./fake-telegram.ts";

export interface TappableButton {
  messageId: number;
  label: string;
  data: string;
}

const indent = (text: string) => text.split("\n").map((line) => `   ${line}`).join("\n");

/**
 * What the bot said, as terminal text: its messages, their inline keyboards as numbered buttons
 * (`[1] 同意  [2] 驳回`), button answers as 提示 lines. Returns the buttons now tappable by number.
 */
export function renderEvent(event: ConsoleEvent): { text: string; buttons?: TappableButton[] } {
  if (event.kind === "alert") return { text: `   （提示 notice）${event.text}` };
  if (event.kind === "unsupported") return { text: `   （控制台暂不支持 ${event.method} / not shown in the console）` };

  const message = event.message as Message & { text?: string };
  const head = event.edited ? "🤖（已更新 edited）" : "🤖";
  const lines = [`${head}\n${indent(message.text ?? "")}`];
  const markup = message.reply_markup;
  if (!markup?.inline_keyboard?.length) return { text: lines.join("\n"), buttons: event.edited ? [] : undefined };

  const buttons: TappableButton[] = [];
  for (const row of markup.inline_keyboard as InlineKeyboardButton[][]) {
    const cells = row.map((button) => {
      if ("callback_data" in button && button.callback_data) {
        buttons.push({ messageId: message.message_id, label: button.text, data: button.callback_data });
        return `[${buttons.length}] ${button.text}`;
      }
      if ("url" in button && button.url) return `[🔗 ${button.text}: ${button.url}]`;
      return `[${button.text}]`;
    });
    lines.push(`   ${cells.join("  ")}`);
  }
  if (buttons.length > 0) lines.push("   （输入按钮编号即可点击 Type a number to tap a button）");
  return { text: lines.join("\n"), buttons };
}
