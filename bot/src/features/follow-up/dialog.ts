import { normalizeMobile } from "@so/shared/phone";
import type { Translate } from "../../i18n/index.ts";
import { choiceKeyboard, confirmKeyboard, dialogButton } from "../../keyboards/dialog.ts";
import { addDays } from "../../nlu/calendar.ts";
import type { FollowUpMethod } from "../../nlu/schema.ts";
import { askUntil, chooseOnCard } from "../common/ask.ts";
import { formatDateTime, formatDay, isMoment, todayIn } from "../common/clock.ts";
import { pickCustomer, type CustomerRef } from "../common/customers.ts";
import { call, dialogLocale, finishMessage, rememberCustomer, waitTap, type Dialog, type DialogCtx } from "../common/dialog.ts";
import { readNextDate } from "../common/read.ts";
import { refusalText } from "../common/rpc.ts";
import { registerDialog } from "../register/dialog.ts";
import { emptyDraft } from "../register/draft.ts";
import { followUpCard, type FollowUpDraft } from "./card.ts";

export interface FollowUpInput {
  projectId: string;
  customerQuery: string | null;
  /** Already known (刚才那个, or found among mine by the name the message gives). */
  customer?: CustomerRef | null;
  method: FollowUpMethod | null;
  content: string | null;
  nextDate: string | null;
  /** The loose words the next date was estimated from (月底, 下个月): shown on the card. */
  nextDateWords?: string | null;
  /** A date too loose to compute (元旦后): asked before the card. */
  nextDateAsk?: string | null;
}

const METHODS: readonly FollowUpMethod[] = ["phone", "wechat", "visit", "message"];
type Field = "method" | "content" | "next";

/** 追访: which customer (one of mine, by name or phone), how, what, when next → card → 确认 → log_follow_up. */
export async function followUpDialog(conversation: Dialog, ctx: DialogCtx, input: FollowUpInput): Promise<void> {
  const { locale, t } = await dialogLocale(conversation);
  const picked = await pickCustomer(conversation, ctx, t, {
    projectId: input.projectId,
    prompt: t("followUp.askCustomer"),
    query: input.customerQuery,
    known: input.customer ?? null,
    // A name nobody has: register them first, then the follow-up goes on (not after 撞单: theirs is someone else's).
    register: async (c, query) => {
      const phone = normalizeMobile(query);
      const draft = { ...emptyDraft(), ...(phone ? { phone } : { name: query }) };
      const done = await registerDialog(conversation, c, { projectId: input.projectId, draft });
      return done && done.outcome !== "collision" ? { customer: done.customer, ctx: done.ctx } : null;
    },
  });
  let current = picked.ctx;
  let method = input.method;
  if (!method) ({ value: method, ctx: current } = await askMethod(conversation, current, t));
  let content = input.content?.trim() || null;
  if (!content) ({ value: content, ctx: current } = await askContent(conversation, current, t));
  let draft: FollowUpDraft = { customer: picked.customer, method, content, nextDate: input.nextDate, approx: input.nextDateWords ?? null };
  // 元旦后, 年后: too loose to compute — asked, quoting what was said.
  if (!draft.nextDate && input.nextDateAsk) {
    const r = await askNext(conversation, current, t, t("followUp.askLooseDate", { words: input.nextDateAsk }));
    current = r.ctx;
    draft = { ...draft, nextDate: r.value.date, approx: null };
  }

  for (;;) {
    // No next date yet: the card offers a few (明天 / 3天后 / 下周 / 不再约) beside 确认.
    const keyboard = confirmKeyboard(t);
    if (!draft.nextDate && !draft.noNext) {
      keyboard.row();
      for (const days of NEXT_CHOICES) keyboard.add(dialogButton(t(`followUp.in.${days}`), "next", String(days)));
      keyboard.add(dialogButton(t("followUp.noNextButton"), "next", "none"));
    }
    const card = await current.reply(followUpCard(t, locale, draft), { reply_markup: keyboard });
    const tap = await waitTap(conversation, t, card.message_id);
    current = tap.ctx;
    if (tap.action === "next") {
      await current.editMessageReplyMarkup().catch(() => {});
      if (tap.value === "none") draft = { ...draft, noNext: true };
      else {
        const today = await conversation.external(() => todayIn());
        draft = { ...draft, nextDate: addDays(today, Number(tap.value)), approx: null };
      }
      continue;
    }
    if (tap.action === "ok") {
      const result = await call<{ ownership_expires_at: string | null }>(conversation, "log_follow_up", {
        p_customer_id: draft.customer.id, p_method: draft.method, p_content: draft.content, p_next_date: draft.nextDate ?? undefined,
      });
      if (!result.ok) {
        await current.editMessageReplyMarkup().catch(() => {});
        return void (await current.reply(refusalText(result, locale)));
      }
      await finishMessage(current, t("dialog.saved"));
      await rememberCustomer(conversation, draft.customer);
      const next = draft.nextDate ? formatDay(draft.nextDate, locale) : t("followUp.noNext");
      const until = result.data.ownership_expires_at;
      await current.reply(
        t("followUp.saved", { name: draft.customer.name, method: t(`method.${draft.method}`), next }) +
          (isMoment(until) ? `\n${t("followUp.protected", { until: formatDateTime(until, locale) })}` : ""),
      );
      return;
    }
    if (tap.action !== "edit") continue;
    const fields: Field[] = ["method", "content", "next"];
    const which = await chooseOnCard(conversation, current, t, card.message_id, fields.map((f) => ({ label: t(`followUp.field.${f}`), value: f })));
    current = which.ctx;
    if (which.value === "method") ({ value: method, ctx: current } = await askMethod(conversation, current, t));
    if (which.value === "content") ({ value: content, ctx: current } = await askContent(conversation, current, t));
    if (which.value === "next") {
      const r = await askNext(conversation, current, t, t("followUp.askNext"));
      current = r.ctx;
      draft = { ...draft, nextDate: r.value.date, approx: null, noNext: r.value.date === null };
    }
    draft = { ...draft, method, content };
  }
}

function askMethod(conversation: Dialog, ctx: DialogCtx, t: Translate) {
  const keyboard = choiceKeyboard(METHODS.map((m) => ({ label: t(`method.${m}`), value: m })), "v", {
    perRow: 4, extra: [{ text: t("dialog.cancel"), action: "cancel" }],
  });
  // A method typed instead of tapped (电话, vx) is taken; anything else typed meanwhile waits in the queue.
  return askUntil(conversation, ctx, t, t("followUp.askMethod"), (a) => {
    if (a.kind === "text") return methodWord(a.text);
    return (METHODS as readonly string[]).includes(a.value) ? (a.value as FollowUpMethod) : undefined;
  }, { keyboard, queueOther: true });
}

const NEXT_CHOICES = [1, 3, 7] as const;

function askNext(conversation: Dialog, ctx: DialogCtx, t: Translate, question: string) {
  return askUntil(conversation, ctx, t, question, async (a) => {
    if (a.kind === "tap" && a.action === "skip") return { date: null as string | null };
    if (a.kind !== "text") return undefined;
    const date = readNextDate(a.text);
    if (date) return { date };
    await a.ctx.reply(t("followUp.badDate"));
    return undefined;
  }, { skip: true });
}

const METHOD_WORDS: [RegExp, FollowUpMethod][] = [
  [/^(电话|打电话|致电|call|phone|来电|去电)$/i, "phone"],
  [/^(微信|vx|wx|wechat|v信|威信)$/i, "wechat"],
  [/^(面谈|来访|到访|见面|当面|visit)$/i, "visit"],
  [/^(短信|信息|消息|sms|message)$/i, "message"],
];

/** A reply that is just a method's name. */
function methodWord(text: string): FollowUpMethod | undefined {
  const word = text.trim().replace(/[。.!！]$/, "");
  return METHOD_WORDS.find(([re]) => re.test(word))?.[1];
}

function askContent(conversation: Dialog, ctx: DialogCtx, t: Translate) {
  return askUntil(conversation, ctx, t, t("followUp.askContent"), (a) => (a.kind === "text" && a.text ? a.text : undefined));
}
