import type { Message, Update, User } from "grammy/types";
import { readBotApiCall, standInBot } from "../../../src/bot-api-stand-in.ts";

/**
 * A Telegram Bot API stub at the grammY client level (`client.fetch`): records every call
 * (method + payload) and answers like Telegram — getMe, message objects with increasing ids for
 * sendMessage / editMessageText, `true` for the rest.
 */
export interface ApiCall {
  method: string;
  payload: Record<string, any>;
  /** What the stub answered (the message object for sendMessage / editMessageText). */
  result?: any;
}

/** A Bot API error the stub answers with, e.g. { error_code: 403, description: "Forbidden: bot was blocked by the user" }. */
export interface StubError {
  error_code: number;
  description: string;
  parameters?: Record<string, unknown>;
}

export const TEST_BOT = standInBot({ id: 6_000_000_001, username: "sales_office_test_bot", can_join_groups: true });

export function telegramStub() {
  const calls: ApiCall[] = [];
  /** sendMessage to these chats fails (as Telegram would answer). */
  const failing = new Map<number, StubError>();
  let nextMessageId = 100_000;
  const now = () => Math.floor(Date.now() / 1000);

  function answer(method: string, p: Record<string, any>): unknown {
    switch (method) {
      case "getMe":
        return TEST_BOT;
      case "sendMessage":
      case "editMessageText": {
        const chatId = Number(p.chat_id);
        return {
          message_id: method === "sendMessage" ? nextMessageId++ : Number(p.message_id),
          date: now(),
          ...(method === "editMessageText" ? { edit_date: now() } : {}),
          chat: chatId > 0 ? { id: chatId, type: "private", first_name: "Test" } : { id: chatId, type: "supergroup", title: "案场群" },
          from: TEST_BOT,
          text: p.text,
          ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
        };
      }
      default:
        return true;
    }
  }

  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const { method, payload } = readBotApiCall(input, init);
    const failure = method === "sendMessage" ? failing.get(Number(payload.chat_id)) : undefined;
    if (failure) {
      calls.push({ method, payload, result: { failed: failure } });
      return new Response(JSON.stringify({ ok: false, ...failure }), { headers: { "content-type": "application/json" } });
    }
    const result = answer(method, payload);
    calls.push({ method, payload, result });
    return new Response(JSON.stringify({ ok: true, result }), {
      headers: { "content-type": "application/json" },
    });
  };

  return {
    fetch,
    calls,
    /** Calls other than getMe, in order. */
    sent: () => calls.filter((c) => c.method !== "getMe"),
    /** Texts of the messages sent (and edited) to a chat. */
    texts: (chatId: number) =>
      calls
        .filter((c) => (c.method === "sendMessage" || c.method === "editMessageText") && Number(c.payload.chat_id) === chatId)
        .map((c) => String(c.payload.text)),
    clear: () => void calls.splice(0),
    /** Make every sendMessage to this chat fail with `error` (null: deliver again). */
    failSendsTo: (chatId: number, error: StubError | null) => void (error ? failing.set(chatId, error) : failing.delete(chatId)),
  };
}
export type TelegramStub = ReturnType<typeof telegramStub>;

// ---------------------------------------------------------------------------------------------
// Update factories
// ---------------------------------------------------------------------------------------------

let nextUpdateId = 1;
let nextIncomingMessageId = 1;
/** Telegram user ids unique to this test run, so parallel files never share one. */
let nextUserId = 5_000_000_000 + Math.floor(Math.random() * 900_000_000);

export function telegramUser(overrides: Partial<User> = {}): User {
  return { id: nextUserId++, is_bot: false, first_name: "测试", language_code: "zh-hans", ...overrides };
}

function commandEntities(text: string) {
  const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
  return command ? { entities: [{ type: "bot_command" as const, offset: 0, length: command[0].length }] } : {};
}

/** A text message in the private chat with the bot (commands get their bot_command entity). */
export function textMessage(from: User, text: string): Update {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextIncomingMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: "private", first_name: from.first_name },
      from,
      text,
      ...commandEntities(text),
    },
  };
}

/** A text message in a group the bot is in. */
export function groupMessage(from: User, text: string, groupId = -1_001_234_567_890): Update {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextIncomingMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: groupId, type: "supergroup", title: "案场群" },
      from,
      text,
      ...commandEntities(text),
    },
  };
}

/** A tap on an inline button of a message the bot sent (a private chat unless the message says otherwise). */
export function callbackQuery(from: User, data: string, message?: Message): Update {
  const msg =
    message ??
    ({
      message_id: nextIncomingMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: "private", first_name: from.first_name },
      from: TEST_BOT,
      text: "…",
    } as Message);
  return {
    update_id: nextUpdateId++,
    callback_query: { id: `cq-${nextUpdateId}`, from, chat_instance: `ci-${msg.chat.id}`, message: msg, data },
  };
}
