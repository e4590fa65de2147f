import { moneyText, roundFen } from "@so/shared/money";
import { isPaymentMethod, PAYMENT_METHODS, type PaymentMethod } from "@so/shared/schemas/deals";
import type { Translate } from "../../i18n/index.ts";
import { choiceKeyboard, confirmKeyboard } from "../../keyboards/dialog.ts";
import { addDays, isYmd } from "../../nlu/calendar.ts";
import { askUntil } from "../common/ask.ts";
import { formatDay, todayIn } from "../common/clock.ts";
import { call, dialogLocale, finishMessage, read, waitTap, type Dialog, type DialogCtx } from "../common/dialog.ts";
import { formatYuan, maskedPhone, priceText } from "../common/format.ts";
import { refusalText, row } from "../common/rpc.ts";
import { loadRequest, notUsable, requestLabel, requestMethod, type RequestRow } from "./requests.ts";

export interface SubscribeInput {
  requestId: string;
}

interface Known {
  request: RequestRow | null;
  method: string | null;
  phone: string;
  deadlineDays: number;
}

/**
 * 起草认购 from an approved special discount: 付款方式 (fixed when the approval named one), 定金 and
 * 签约期限 asked one at a time with buttons (or typed), then a card with the price build-up, and on
 * 确认 the admin's own create_subscription with the approval — which decides everything again at
 * that moment (approval still approved, unused, not lapsed; unit still free; same method). Nothing
 * is written before 确认; a second tap finds the approval used and says so.
 */
export async function subscribeDialog(conversation: Dialog, ctx: DialogCtx, input: SubscribeInput): Promise<void> {
  const { locale, t } = await dialogLocale(conversation);
  const known = await read<Known>(conversation, async (o) => {
    const request = await loadRequest(o.db, input.requestId);
    if (!request) return { request: null, method: null, phone: "", deadlineDays: 7 };
    const [method, customer, project] = await Promise.all([
      requestMethod(o.db, request.id),
      row<{ phone: string }>("customer", o.db.from("customers").select("phone").eq("id", request.customer_id).maybeSingle()),
      row<{ contract_deadline_days: number }>("project", o.db.from("projects").select("contract_deadline_days").eq("id", request.project_id).maybeSingle()),
    ]);
    return { request, method, phone: customer?.phone ?? "", deadlineDays: project?.contract_deadline_days ?? 7 };
  });
  const r = known.request;
  if (!r) return void (await ctx.reply(t("requests.notFound")));
  const why = notUsable(t, locale, r);
  if (why) return void (await ctx.reply(why));

  const methodName = (m: string) => t(`discount.method.${m as PaymentMethod}`);
  const price = r.requested_price;
  await ctx.reply(t("subscribe.intro", { label: requestLabel(r), price: priceText(price) }));
  let current = ctx;

  for (;;) {
    let method: string;
    if (known.method) {
      method = known.method;
      await current.reply(t("subscribe.methodFixed", { method: methodName(method) }));
    } else {
      const picked = await askUntil(
        conversation, current, t, t("subscribe.askMethod"),
        (a) => (a.kind === "tap" && a.action === "pm" && isPaymentMethod(a.value) ? a.value : undefined),
        { keyboard: choiceKeyboard(PAYMENT_METHODS.map((m) => ({ label: methodName(m), value: m })), "pm", { perRow: 3, extra: [{ text: t("dialog.cancel"), action: "cancel" }] }) },
      );
      method = picked.value;
      current = picked.ctx;
    }

    const suggestions = ["20000", "50000", "100000"].filter((a) => roundFen(a).lte(price));
    const deposit = await askUntil(
      conversation, current, t, t("subscribe.askDeposit", { price: formatYuan(price) }),
      async (a) => {
        if (a.kind === "tap") return a.action === "dep" && suggestions.includes(a.value) ? a.value : undefined;
        const amount = parseDeposit(a.text, price);
        if (!amount) await a.ctx.reply(t("subscribe.badDeposit", { price: formatYuan(price) }));
        return amount ?? undefined;
      },
      { keyboard: choiceKeyboard(suggestions.map((a) => ({ label: formatYuan(a), value: a })), "dep", { perRow: 3, extra: [{ text: t("dialog.cancel"), action: "cancel" }] }) },
    );
    current = deposit.ctx;

    const today = todayIn();
    const offers = [...new Set([known.deadlineDays, 7, 15, 30])].filter((d) => d > 0).slice(0, 4);
    const deadline = await askUntil(
      conversation, current, t, t("subscribe.askDeadline"),
      async (a) => {
        if (a.kind === "tap") return a.action === "dl" && isYmd(a.value) && a.value >= today ? a.value : undefined;
        const date = parseDeadline(a.text, today);
        if (!date) await a.ctx.reply(t("subscribe.badDeadline"));
        return date ?? undefined;
      },
      {
        keyboard: choiceKeyboard(
          offers.map((days, i) => {
            const date = addDays(today, days);
            const label = i === 0 ? t("subscribe.deadlineDefault", { date: formatDay(date, locale), days }) : t("subscribe.deadlineIn", { date: formatDay(date, locale), days });
            return { label, value: date };
          }),
          "dl",
          { perRow: 2, extra: [{ text: t("dialog.cancel"), action: "cancel" }] },
        ),
      },
    );
    current = deadline.ctx;

    const card = await current.reply(subscriptionCard(t, r, { phone: known.phone, method: methodName(method), deposit: deposit.value, deadline: formatDay(deadline.value, locale) }), {
      reply_markup: confirmKeyboard(t, { confirm: t("subscribe.confirm") }),
    });
    const tap = await waitTap(conversation, t, card.message_id);
    current = tap.ctx;
    if (tap.action === "edit") {
      await current.api.editMessageReplyMarkup(current.chat!.id, card.message_id).catch(() => {});
      continue;
    }
    if (tap.action !== "ok") continue;
    const result = await call<{ id: string; price: string; deposit_due: string; contract_deadline: string }>(conversation, "create_subscription", {
      p_unit_id: r.unit_id, p_customer_id: r.customer_id, p_payment_method: method, p_policy_ids: r.policy_ids,
      p_discount_request_id: r.id, p_deposit_due: deposit.value, p_sincerity_applied: "0", p_contract_deadline: deadline.value,
    });
    if (!result.ok) {
      await finishMessage(current, `⚠️ ${refusalText(result, locale)}`);
      await current.reply(refusalText(result, locale));
      return;
    }
    await finishMessage(current, t("subscribe.done"));
    await current.reply(t("subscribe.created", {
      unit: r.unit_label, customer: r.customer_name, price: priceText(price), deposit: formatYuan(deposit.value),
      date: formatDay(deadline.value, locale),
    }));
    return;
  }
}

/** The 认购 to be signed: the approved build-up, then the terms chosen. */
export function subscriptionCard(
  t: Translate,
  r: RequestRow,
  terms: { phone: string; method: string; deposit: string; deadline: string },
): string {
  const lines = [
    t("subscribe.card.title"),
    t("subscribe.card.unit", { unit: r.unit_label }),
    t("subscribe.card.customer", { name: r.customer_name, phone: maskedPhone(terms.phone) }),
    t("subscribe.card.listPrice", { price: formatYuan(r.list_price) }),
  ];
  const steps = r.buildup?.steps ?? [];
  for (const step of steps) lines.push(`  · ${step.policy} → ${formatYuan(step.price_after)}`);
  if (steps.length > 0) lines.push(t("subscribe.card.afterPolicies", { price: formatYuan(r.price_after_policies) }));
  lines.push(t("subscribe.card.special", { amount: formatYuan(r.special_discount_amount), depth: r.depth_pct }));
  lines.push(t("subscribe.card.price", { price: priceText(r.requested_price) }));
  lines.push(t("subscribe.card.method", { method: terms.method }));
  lines.push(t("subscribe.card.deposit", { amount: formatYuan(terms.deposit) }));
  lines.push(t("subscribe.card.deadline", { date: terms.deadline }));
  return lines.join("\n");
}

/** 5万, 5.5万元, 50000, ５００００元 → yuan as an exact string; null when not an amount in fen above zero and at most the price. */
export function parseDeposit(text: string, price: string): string | null {
  const m = /^(\d+(?:\.\d+)?)\s*(万|w)?\s*元?$/i.exec(text.normalize("NFKC").replace(/[,，\s]/g, ""));
  if (!m) return null;
  const [, digits, wan] = m;
  const decimals = digits.split(".")[1]?.length ?? 0;
  if (decimals > (wan ? 6 : 2)) return null;
  const amount = moneyText(wan ? `${digits}e4` : digits);
  return roundFen(amount).gt(0) && roundFen(amount).lte(price) ? amount : null;
}

/** 2026-12-20, 2026/12/20, 12月20日, 12月20号, 12/20, 12-20 → YYYY-MM-DD on or after today; null otherwise. */
export function parseDeadline(text: string, today: string): string | null {
  const s = text.normalize("NFKC").replace(/\s/g, "");
  let date: string | null = null;
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(s);
  const short = /^(\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(s);
  const pad = (n: string) => n.padStart(2, "0");
  if (full) date = `${full[1]}-${pad(full[2])}-${pad(full[3])}`;
  else if (short) {
    const year = Number(today.slice(0, 4));
    date = `${year}-${pad(short[1])}-${pad(short[2])}`;
    if (isYmd(date) && date < today) date = `${year + 1}-${pad(short[1])}-${pad(short[2])}`;
  }
  return date && isYmd(date) && date >= today ? date : null;
}
