import type { Message, User } from "grammy/types";
import { expect } from "vitest";
import { createDelivery, type Delivery } from "../../../src/notify/delivery.ts";
import { stack } from "../../../../supabase/tests/support/clients.ts";
import type { StaffRole } from "../../../src/i18n/roles.ts";
import { bindViaStart, TEST_SESSION_KEY, type TestBot } from "./bot.ts";
import { createStaff, type TestStaff } from "./staff.ts";
import { callbackQuery, TEST_BOT, telegramUser, textMessage, type ApiCall } from "./telegram.ts";

/**
 * A person talking to the bot in a test: what they see in their chat (each message with its
 * current text and buttons, edits applied), typing, and tapping buttons by their label.
 */
export interface Button {
  text: string;
  data: string;
}

export interface Shown {
  messageId: number;
  text: string;
  buttons: Button[];
}

const buttonsOf = (markup: any): Button[] =>
  (markup?.inline_keyboard ?? []).flat().filter((b: any) => b.callback_data).map((b: any) => ({ text: b.text, data: b.callback_data }));

/** Every message the bot has in this chat, as it looks now. */
export function chatState(calls: ApiCall[], chatId: number): Shown[] {
  const messages = new Map<number, Shown>();
  for (const c of calls) {
    if (Number(c.payload.chat_id) !== chatId) continue;
    if (c.method === "sendMessage" && c.result?.message_id) {
      messages.set(c.result.message_id, { messageId: c.result.message_id, text: c.payload.text, buttons: buttonsOf(c.payload.reply_markup) });
    } else if (c.method === "editMessageText") {
      const m = messages.get(Number(c.payload.message_id));
      if (m) Object.assign(m, { text: c.payload.text, buttons: buttonsOf(c.payload.reply_markup) });
    } else if (c.method === "editMessageReplyMarkup") {
      const m = messages.get(Number(c.payload.message_id));
      if (m) m.buttons = buttonsOf(c.payload.reply_markup);
    }
  }
  return [...messages.values()];
}

export class Person {
  constructor(
    readonly t: TestBot,
    readonly user: User,
    readonly staff: TestStaff,
  ) {}

  get chatId() {
    return this.user.id;
  }

  /** Send a text message; returns the API calls it caused. */
  say(text: string): Promise<ApiCall[]> {
    return this.t.send(textMessage(this.user, text));
  }

  /** Texts the bot sent to this chat in these calls (new messages and edits). */
  texts(calls: ApiCall[]): string[] {
    return calls
      .filter((c) => (c.method === "sendMessage" || c.method === "editMessageText") && Number(c.payload.chat_id) === this.chatId)
      .map((c) => String(c.payload.text));
  }

  /** The chat as it looks now. */
  messages(): Shown[] {
    return chatState(this.t.telegram.calls, this.chatId);
  }

  last(): Shown {
    const all = this.messages();
    expect(all.length, "the bot has said nothing here").toBeGreaterThan(0);
    return all[all.length - 1];
  }

  /** The newest message showing a button with this label. */
  withButton(label: string | RegExp): { message: Shown; button: Button } {
    const all = this.messages().reverse();
    for (const message of all) {
      const button = message.buttons.find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
      if (button) return { message, button };
    }
    throw new Error(`no button ${label} in chat ${this.chatId}; last messages:\n${all.slice(0, 3).map((m) => `${m.text} [${m.buttons.map((b) => b.text).join("|")}]`).join("\n---\n")}`);
  }

  /** Tap the newest button with this label. */
  tap(label: string | RegExp): Promise<ApiCall[]> {
    const { message, button } = this.withButton(label);
    return this.tapData(button.data, message);
  }

  /** Tap a button with any payload (a forged one too) on a message. */
  tapData(data: string, on?: Shown): Promise<ApiCall[]> {
    const message = on
      ? ({
          message_id: on.messageId, date: Math.floor(Date.now() / 1000), chat: { id: this.chatId, type: "private", first_name: "Test" },
          from: TEST_BOT, text: on.text,
          ...(on.buttons.length ? { reply_markup: { inline_keyboard: on.buttons.map((b) => [{ text: b.text, callback_data: b.data }]) } } : {}),
        } as Message)
      : undefined;
    return this.t.send(callbackQuery(this.user, data, message));
  }
}

/** What a tap was answered with (answerCallbackQuery's text). */
export const answerOf = (calls: ApiCall[]) => calls.find((c) => c.method === "answerCallbackQuery")?.payload.text as string | undefined;

/** A fresh staff member with these roles, bound through /start <code> to a fresh Telegram user. */
export async function person(t: TestBot, roles: StaffRole[], opts: { name?: string; languageCode?: string } = {}): Promise<Person> {
  const staff = await createStaff(roles, opts.name);
  const user = telegramUser(opts.languageCode ? { language_code: opts.languageCode } : {});
  await bindViaStart(t, user, staff.id);
  return new Person(t, user, staff);
}

/** The outbox worker and digest clock against the test stack, sending through the test bot's API. */
export function delivery(t: TestBot, opts: { maxAttempts?: number; backoffSeconds?: number } = {}): Delivery {
  const s = stack();
  return createDelivery({
    api: t.bot.api, supabaseUrl: s.url, anonKey: s.anonKey, serviceRoleKey: s.serviceRoleKey, sessionKey: TEST_SESSION_KEY,
    logger: { info: () => {}, warn: (m) => void t.logged.push({ level: "warn", message: m, detail: undefined }), error: (m, d) => void t.logged.push({ level: "error", message: m, detail: d }) },
    ...opts,
  });
}
