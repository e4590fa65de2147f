import type { Conversation } from "@grammyjs/conversations";
import type { Context } from "grammy";
import type { BotContext, BoundContext } from "../../context.ts";
import type { Rpc, RpcArgs } from "../../db/clients.ts";
import { translator, type Locale, type Translate } from "../../i18n/index.ts";
import { dialogData } from "../../keyboards/dialog.ts";
import { QUEUE_LIMIT } from "./queue.ts";
import { attempt, type Outcome } from "./rpc.ts";

/**
 * Dialogues (grammY conversations). Their state lives in the session row in Postgres, so a
 * restart continues where the person was. Inside, the context is a plain grammY Context; the
 * person's database client and language are reached through `conversation.external`, which also
 * keeps every database call out of the replay.
 */
export type Dialog = Conversation<BotContext, Context>;
export type DialogCtx = Context;

export interface Said {
  kind: "text";
  ctx: DialogCtx;
  text: string;
}
export interface Tapped {
  kind: "tap";
  ctx: DialogCtx;
  action: string;
  value: string;
}

/** The person's language at the start of the dialogue, and its translator. */
export async function dialogLocale(conversation: Dialog): Promise<{ locale: Locale; t: Translate }> {
  const locale = await conversation.external((outer) => outer.locale);
  return { locale, t: translator(locale) };
}

/** A database function called as the person, outside the replay. */
export function call<T, F extends Rpc = Rpc>(conversation: Dialog, fn: F, args: RpcArgs<F>): Promise<Outcome<T>> {
  return conversation.external((outer) => attempt<T, F>((outer as BoundContext).db, fn, args));
}

/** Any read as the person, outside the replay (the result must be JSON). */
export function read<T>(conversation: Dialog, task: (ctx: BoundContext) => Promise<T>): Promise<T> {
  return conversation.external((outer) => task(outer as BoundContext));
}

const isCommand = (text: string) => text.startsWith("/");
const isCancel = (text: string) => /^\/cancel(@\w+)?(\s|$)/i.test(text) || /^(取消|算了)$/.test(text.trim());

/**
 * The next thing the person does in this dialogue: a text message, or a tap on one of the
 * buttons of `messageId` (the question or card the dialogue is waiting on). /cancel (取消) ends
 * the dialogue; other commands and taps on other messages pass on to the rest of the bot while
 * the dialogue keeps waiting.
 */
export async function nextAnswer(conversation: Dialog, t: Translate, messageId?: number): Promise<Said | Tapped> {
  const ctx = await conversation.wait();
  const query = ctx.callbackQuery;
  if (query) {
    const data = dialogData.unpack(query.data);
    if (data && messageId !== undefined && query.message?.message_id === messageId) {
      if (data.action === "cancel") {
        await ctx.answerCallbackQuery();
        await finishMessage(ctx, t("dialog.cancelled"));
        return conversation.halt();
      }
      await ctx.answerCallbackQuery();
      return { kind: "tap", ctx, action: data.action, value: data.value };
    }
    return conversation.skip({ next: true });
  }
  const text = ctx.message?.text;
  if (text === undefined) return conversation.skip({ next: true });
  if (isCancel(text)) {
    await ctx.reply(t("dialog.cancelled"));
    return conversation.halt();
  }
  if (isCommand(text)) return conversation.skip({ next: true });
  return { kind: "text", ctx, text: text.trim() };
}

/**
 * Wait for a tap on `messageId`. Something typed meanwhile is never dropped: it is queued (the
 * person is told) and handled as soon as this dialogue ends — the card stays open.
 */
export async function waitTap(conversation: Dialog, t: Translate, messageId: number): Promise<Tapped> {
  for (;;) {
    const answer = await nextAnswer(conversation, t, messageId);
    if (answer.kind === "tap") return answer;
    await queueMessage(conversation, answer.ctx, t);
  }
}

/**
 * Keep the message of `ctx` for later: it joins the chat's queue in the session (Postgres), which
 * the bot works through once no dialogue is open (features/common/queue.ts). The person is told;
 * a full queue is said too, never dropped silently.
 */
export async function queueMessage(conversation: Dialog, ctx: DialogCtx, t: Translate): Promise<void> {
  const message = ctx.message;
  if (!message?.text) return;
  const queued = await conversation.external((outer) => {
    const now = outer.session.queued ?? [];
    if (now.length >= QUEUE_LIMIT) return null;
    outer.session.queued = [...now, message];
    return now.length + 1;
  });
  await ctx.reply(queued === null ? t("dialog.queueFull", { limit: QUEUE_LIMIT }) : t("dialog.queued", { n: queued }));
}

/** The customer just worked on: 刚才那个 / 他 in the person's next message means them. */
export async function rememberCustomer(conversation: Dialog, customer: { id: string; name: string; phone: string }): Promise<void> {
  const { id, name, phone } = customer;
  await conversation.external((outer) => void (outer.session.lastCustomer = { id, name, phone }));
}

/** The message the tap came from loses its buttons and gets a closing line. */
export async function finishMessage(ctx: DialogCtx, line: string): Promise<void> {
  const message = ctx.callbackQuery?.message;
  if (!message || !("text" in message) || message.text === undefined) return;
  await ctx.editMessageText(`${message.text}\n\n${line}`).catch(() => {});
}

/**
 * Start a dialogue, leaving any other that was waiting (the newest request wins: only one
 * dialogue runs per chat).
 */
export async function enterDialog(ctx: BotContext, name: string, ...args: unknown[]): Promise<void> {
  // A command or a button of another message replaces the open card: the person is told so.
  if (Object.keys(ctx.conversation.active()).length > 0) await ctx.reply(ctx.t("dialog.replaced"));
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(name, ...args);
}
