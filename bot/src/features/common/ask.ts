import type { InlineKeyboard } from "grammy";
import type { Translate } from "../../i18n/index.ts";
import { choiceKeyboard, questionKeyboard } from "../../keyboards/dialog.ts";
import { nextAnswer, queueMessage, waitTap, type Dialog, type DialogCtx, type Said, type Tapped } from "./dialog.ts";

/**
 * Ask a question (with 取消, and 跳过 when `skip`) and wait for the answer: text, or a tap on one
 * of the question's buttons.
 */
export async function ask(
  conversation: Dialog,
  ctx: DialogCtx,
  t: Translate,
  question: string,
  opts: { keyboard?: InlineKeyboard; skip?: boolean } = {},
): Promise<(Said | Tapped) & { questionId: number }> {
  const sent = await ctx.reply(question, { reply_markup: opts.keyboard ?? questionKeyboard(t, { skip: opts.skip }) });
  return { ...(await nextAnswer(conversation, t, sent.message_id)), questionId: sent.message_id };
}

/**
 * Ask until `accept` takes the answer (it returns undefined to refuse; it says why itself).
 * Returns the accepted value and the context of the last answer. With `queueOther` (a question
 * answered by buttons), a typed message `accept` does not take is queued for later, not dropped,
 * and the question keeps waiting.
 */
export async function askUntil<T>(
  conversation: Dialog,
  ctx: DialogCtx,
  t: Translate,
  question: string,
  accept: (answer: Said | Tapped) => Promise<T | undefined> | T | undefined,
  opts: { keyboard?: InlineKeyboard; skip?: boolean; queueOther?: boolean } = {},
): Promise<{ value: T; ctx: DialogCtx }> {
  let current = ctx;
  for (;;) {
    let answer = await ask(conversation, current, t, question, opts);
    current = answer.ctx;
    let value = await accept(answer);
    while (value === undefined && opts.queueOther && answer.kind === "text") {
      await queueMessage(conversation, answer.ctx, t);
      answer = { ...(await nextAnswer(conversation, t, answer.questionId)), questionId: answer.questionId };
      current = answer.ctx;
      value = await accept(answer);
    }
    // Answered: the question's buttons go, so no old choice can be tapped later.
    await current.api.editMessageReplyMarkup(current.chat!.id, answer.questionId).catch(() => {});
    if (value !== undefined) return { value, ctx: current };
  }
}

/**
 * 修改 on a card: its buttons become the fields to change (and 返回); returns the field chosen,
 * or null for 返回. The card is left without buttons either way (a new one follows).
 */
export async function chooseOnCard<T extends string>(
  conversation: Dialog,
  ctx: DialogCtx,
  t: Translate,
  messageId: number,
  choices: readonly { label: string; value: T }[],
): Promise<{ value: T | null; ctx: DialogCtx }> {
  const keyboard = choiceKeyboard(choices, "field", { perRow: 3, extra: [{ text: t("dialog.back"), action: "back" }] });
  await ctx.api.editMessageReplyMarkup(ctx.chat!.id, messageId, { reply_markup: keyboard }).catch(() => {});
  const tap = await waitTap(conversation, t, messageId);
  await tap.ctx.api.editMessageReplyMarkup(tap.ctx.chat!.id, messageId).catch(() => {});
  const chosen = choices.find((c) => tap.action === "field" && c.value === tap.value);
  return { value: chosen?.value ?? null, ctx: tap.ctx };
}
