import type { InlineKeyboardMarkup, Message } from "grammy/types";
import { readBotApiCall, standInBot } from "../bot-api-stand-in.ts";

export const CONSOLE_BOT = standInBot({ id: 7_000_000_001, username: "sales_office_console_bot", can_join_groups: false });

export type ConsoleEvent =
  | { kind: "message"; message: Message; edited: boolean }
  | { kind: "alert"; text: string }
  | { kind: "unsupported"; method: string };

type Payload = Record<string, unknown>;

/**
 * The Telegram Bot API answered in process, at the grammY client level (`client.fetch`): what the
 * bot sends becomes console events; message ids and message objects look like Telegram's.
 */
export class FakeTelegram {
  private nextMessageId = 1;
  private readonly messages = new Map<number, Message>();

  constructor(
    private readonly chat: { id: number; first_name: string },
    private readonly emit: (event: ConsoleEvent) => void,
  ) {}

  /** A message id for something the person typed (ids are shared with the bot's messages). */
  takeMessageId(): number {
    return this.nextMessageId++;
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const { method, payload } = readBotApiCall(input, init);
    const result = this.call(method, payload);
    return new Response(JSON.stringify({ ok: true, result }), { headers: { "content-type": "application/json" } });
  };

  private call(method: string, p: Payload): unknown {
    switch (method) {
      case "getMe":
        return CONSOLE_BOT;
      case "sendMessage": {
        const message = {
          message_id: this.takeMessageId(),
          date: Math.floor(Date.now() / 1000),
          chat: { id: this.chat.id, type: "private", first_name: this.chat.first_name },
          from: CONSOLE_BOT,
          text: String(p.text ?? ""),
          ...(p.reply_markup ? { reply_markup: p.reply_markup as InlineKeyboardMarkup } : {}),
        } as Message.TextMessage;
        this.messages.set(message.message_id, message);
        this.emit({ kind: "message", message, edited: false });
        return message;
      }
      case "editMessageText":
      case "editMessageReplyMarkup": {
        const old = this.messages.get(Number(p.message_id));
        if (!old) return true;
        const message = {
          ...old,
          edit_date: Math.floor(Date.now() / 1000),
          ...(method === "editMessageText" ? { text: String(p.text ?? "") } : {}),
          reply_markup: p.reply_markup as InlineKeyboardMarkup | undefined,
        } as Message;
        this.messages.set(message.message_id, message);
        this.emit({ kind: "message", message, edited: true });
        return message;
      }
      case "answerCallbackQuery":
        if (typeof p.text === "string" && p.text) this.emit({ kind: "alert", text: p.text });
        return true;
      case "deleteMessage":
        this.messages.delete(Number(p.message_id));
        return true;
      case "sendChatAction":
      case "setMyCommands":
      case "deleteWebhook":
      case "setWebhook":
        return true;
      default:
        this.emit({ kind: "unsupported", method });
        return true;
    }
  }

  message(id: number): Message | undefined {
    return this.messages.get(id);
  }
}
