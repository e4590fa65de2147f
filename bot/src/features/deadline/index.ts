import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { isBound, type BotContext, type BoundContext } from "../../context.ts";
import type { Locale, Translate } from "../../i18n/index.ts";
import { unpackDeadline, type DeadlineAction } from "../../keyboards/deadline.ts";
import { addDays } from "../../nlu/calendar.ts";
import { findDates } from "../../nlu/dates.ts";
import { askUntil } from "../common/ask.ts";
import { todayIn } from "../common/clock.ts";
import { call, dialogLocale, enterDialog, read, type Dialog, type DialogCtx } from "../common/dialog.ts";
import { attempt, refusalText, row, type Outcome } from "../common/rpc.ts";

/**
 * 逾期未签约: the overdue-deadline card's 延期7天 / 延期… / 发起退房. Every tap asks the database
 * first — extend_contract_deadline without a reason answers reason_required only when this person
 * may extend this still-active subscription, and writes nothing — and checks that the deadline
 * is still the card's (a second tap after an extension changes nothing). Then the reason (and for
 * 延期… the day) is asked, checked again, and the person's own client makes the change.
 */
export const deadlineFeature = new Composer<BotContext>();
const bound = deadlineFeature.filter(isBound);

export interface DeadlineInput {
  subscriptionId: string;
  action: DeadlineAction;
  deadline: string;
  chatId: number;
  messageId: number;
  cardText: string;
}

type Check = { ok: true } | { ok: false; text: string; stale: boolean };

/** May this person act on the card now? The database answers; nothing is written. */
async function check(db: BoundContext["db"], t: Translate, locale: Locale, subscriptionId: string, deadline: string): Promise<Check> {
  const probe: Outcome<unknown> = await attempt(db, "extend_contract_deadline", {
    // null on purpose: the function refuses it after checking who may act, so nothing is written.
    p_subscription_id: subscriptionId, p_new_deadline: null as unknown as string, p_reason: null as unknown as string,
  });
  if (probe.ok) return { ok: false, text: t("deadline.forged"), stale: false };
  if (probe.code === "forbidden" || probe.code === "subscription_not_found") return { ok: false, text: t("deadline.forbidden"), stale: false };
  if (probe.code === "subscription_not_active") return { ok: false, text: t("deadline.closed"), stale: true };
  if (probe.code !== "reason_required") return { ok: false, text: refusalText(probe, locale), stale: false };
  const sub = await row<{ contract_deadline: string }>(
    "subscription", db.from("subscriptions").select("contract_deadline").eq("id", subscriptionId).maybeSingle(),
  );
  if (!sub) return { ok: false, text: t("deadline.forbidden"), stale: false };
  if (sub.contract_deadline !== deadline) return { ok: false, text: t("deadline.alreadyExtended", { date: sub.contract_deadline }), stale: true };
  return { ok: true };
}

bound.callbackQuery(/^dl(:|$)/, async (ctx) => {
  const tap = unpackDeadline(ctx.callbackQuery.data);
  if (!tap) return void (await ctx.answerCallbackQuery({ text: ctx.t("deadline.forged"), show_alert: true }));
  const verdict = await check(ctx.db, ctx.t, ctx.locale, tap.subscriptionId, tap.deadline);
  const message = ctx.callbackQuery.message;
  if (!verdict.ok) {
    await ctx.answerCallbackQuery({ text: verdict.text, show_alert: true });
    // The card no longer matches the deal: it loses its buttons and says why.
    if (verdict.stale && message && "text" in message && message.text) {
      await ctx.editMessageText(`${message.text}\n\n${verdict.text}`).catch(() => {});
    }
    return;
  }
  await ctx.answerCallbackQuery();
  const input: DeadlineInput = {
    ...tap, chatId: ctx.chat!.id, messageId: message?.message_id ?? 0, cardText: message && "text" in message ? (message.text ?? "") : "",
  };
  await enterDialog(ctx, "deadline", input);
});

/** 延期 (7 days or to a day said) or 发起退房, with a reason. */
async function deadlineDialog(conversation: Dialog, ctx: DialogCtx, input: DeadlineInput): Promise<void> {
  const { locale, t } = await dialogLocale(conversation);
  const today = await conversation.external(() => todayIn());
  let newDeadline: string | null = null;
  let current = ctx;
  if (input.action === "extend7") {
    newDeadline = addDays(input.deadline > today ? input.deadline : today, 7);
  } else if (input.action === "extend") {
    const day = await askUntil(conversation, current, t, t("deadline.askDate"), async (a) => {
      const date = a.kind === "text" ? findDates(a.text, today)[0]?.date : undefined;
      if (!date) await a.ctx.reply(t("deadline.badDate"));
      return date;
    });
    newDeadline = day.value;
    current = day.ctx;
  }
  const question = newDeadline ? t("deadline.askExtendReason", { date: newDeadline }) : t("deadline.askCancelReason");
  const answer = await askUntil(conversation, current, t, question, (a) => (a.kind === "text" && a.text ? a.text : undefined));
  const reason = answer.value;

  // Checked again: the deal may have moved while the reason was typed.
  const verdict = await read(conversation, (outer) => check(outer.db, t, locale, input.subscriptionId, input.deadline));
  let outcome: string;
  let done = false;
  if (!verdict.ok) {
    outcome = verdict.text;
  } else if (newDeadline) {
    const result = await call(conversation, "extend_contract_deadline", {
      p_subscription_id: input.subscriptionId, p_new_deadline: newDeadline, p_reason: reason,
    });
    done = result.ok;
    outcome = result.ok ? t("deadline.extended", { date: newDeadline, reason }) : refusalText(result, locale);
  } else {
    const result = await call(conversation, "request_cancellation", { p_subscription_id: input.subscriptionId, p_reason: reason });
    done = result.ok;
    outcome = result.ok ? t("deadline.cancelRequested", { reason }) : refusalText(result, locale);
  }
  await answer.ctx.reply(outcome);
  if (done || (!verdict.ok && verdict.stale)) {
    await answer.ctx.api.editMessageText(input.chatId, input.messageId, `${input.cardText}\n\n${outcome}`).catch(() => {});
  }
}

export const deadlineDialogs = createConversation(deadlineDialog, "deadline");
