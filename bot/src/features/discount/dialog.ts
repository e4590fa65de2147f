import { isPaymentMethod, type PaymentMethod } from "@so/shared/schemas/deals";
import { discountKeyboard } from "../../keyboards/discount.ts";
import { parseRules } from "../../nlu/rules.ts";
import { askUntil } from "../common/ask.ts";
import { todayIn } from "../common/clock.ts";
import { pickCustomer, type CustomerRef } from "../common/customers.ts";
import { call, dialogLocale, finishMessage, nextAnswer, read, type Dialog, type DialogCtx, queueMessage } from "../common/dialog.ts";
import { applyRate, wanToYuan } from "../common/format.ts";
import { refusalText, row } from "../common/rpc.ts";
import { unitDetail, unitLabel } from "../units/search.ts";
import { askPrice, resolveUnit } from "./ask.ts";
import type { Buildup, PolicyOption, Requested } from "./buildup.ts";
import { chainText, discountCard, submittable, type CardState } from "./card.ts";
import type { DiscountInput } from "./start.ts";

/**
 * 申请特殊优惠: unit + customer + target price (or 折扣 of the list price) → the build-up and
 * the approval chain from price_buildup, with the payment method to choose and the project's
 * policies to tick (those the deal does not qualify for, per policy_options, cannot be ticked
 * and say why) → a reason → 提交 (request_discount). Nothing is written before 提交; the
 * database decides at each step.
 */
export async function discountDialog(conversation: Dialog, ctx: DialogCtx, input: DiscountInput): Promise<void> {
  const { locale, t } = await dialogLocale(conversation);
  let current = ctx;

  let unit = input.unitId ? await read(conversation, (o) => unitDetail(o.db, input.unitId!)) : null;
  if (!unit) {
    const found = await resolveUnit(conversation, current, t, input.projectId, input.unitText);
    unit = found.unit;
    current = found.ctx;
  }
  // 重新申请 names the customer of the earlier request; otherwise the person picks one.
  const given = input.customerId
    ? await read(conversation, (o) =>
        row<CustomerRef>("customer", o.db.from("customers").select("id, name, phone").eq("id", input.customerId!).maybeSingle()),
      )
    : null;
  let customer: CustomerRef;
  if (given) customer = given;
  else {
    const picked = await pickCustomer(conversation, current, t, {
      projectId: input.projectId,
      prompt: t("discount.askCustomer", { unit: unitLabel(unit) }),
      query: input.customerQuery,
    });
    customer = picked.customer;
    current = picked.ctx;
  }

  let requested: string;
  if (input.requested) requested = input.requested;
  else if (input.targetWan !== null) requested = wanToYuan(input.targetWan);
  else if (input.rate !== null) requested = applyRate(unit.list_price, input.rate);
  else ({ requested, ctx: current } = await askPrice(conversation, current, t, unit));

  let method: PaymentMethod = isPaymentMethod(input.method) ? input.method : "full";
  const optionsFor = async (m: PaymentMethod) => {
    const r = await call<PolicyOption[]>(conversation, "policy_options", {
      p_project_id: input.projectId, p_payment_method: m, p_customer_id: customer.id,
    });
    return r.ok ? r.data : [];
  };
  let policies = await optionsFor(method);
  // The earlier request's policies, where they still fit.
  const chosen = new Set<number>(
    policies.flatMap((p, i) => ((input.policyIds ?? []).includes(p.id) && p.applicable ? [i] : [])),
  );
  let reason = input.reason?.trim() || null;
  let cardId: number | null = null;

  for (;;) {
    const policyIds = [...chosen].sort((a, b) => a - b).map((i) => policies[i].id);
    const b = await call<Buildup>(conversation, "price_buildup", {
      p_unit_id: unit.id, p_policy_ids: policyIds, p_requested_price: requested, p_payment_method: method, p_customer_id: customer.id,
    });
    const state: CardState = {
      unit, customer, reason, method,
      unfit: policies.filter((p) => !p.applicable && p.reason).map((p) => p.reason!),
      buildup: b.ok ? b.data : null,
      problem: b.ok ? null : refusalText(b, locale),
    };
    const text = discountCard(t, locale, state);
    const keyboard = discountKeyboard(t, policies.map((p, i) => ({ name: p.name, chosen: chosen.has(i), unfit: !p.applicable })), {
      method,
      hasReason: reason !== null,
      canSubmit: submittable(state),
    });
    if (cardId === null) cardId = (await current.reply(text, { reply_markup: keyboard })).message_id;
    else await current.api.editMessageText(current.chat!.id, cardId, text, { reply_markup: keyboard }).catch(() => {});

    const tap = await nextAnswer(conversation, t, cardId);
    current = tap.ctx;
    if (tap.kind === "text") {
      // Typed under the card: the reason — unless it is a new request of its own (queued for later).
      if (parseRules(tap.text, { today: todayIn() }).intent !== "unknown") {
        await queueMessage(conversation, current, t);
        continue;
      }
      reason = tap.text;
      await current.api.editMessageReplyMarkup(current.chat!.id, cardId).catch(() => {});
      cardId = null;
      continue;
    }
    if (tap.action === "pol") {
      const i = Number(tap.value);
      if (policies[i] && (chosen.has(i) || policies[i].applicable)) chosen.has(i) ? chosen.delete(i) : chosen.add(i);
      continue;
    }
    if (tap.action === "pm" && isPaymentMethod(tap.value)) {
      method = tap.value;
      policies = await optionsFor(method);
      // A policy this method does not qualify for drops out of the choice.
      for (const i of [...chosen]) if (!policies[i]?.applicable) chosen.delete(i);
      continue;
    }
    // Anything else asks something in a new message: the card is drawn again below the answer.
    await current.editMessageReplyMarkup().catch(() => {});
    cardId = null;
    if (tap.action === "reason") {
      const r = await askUntil(conversation, current, t, t("discount.askReason"), (a) => (a.kind === "text" && a.text ? a.text : undefined));
      reason = r.value;
      current = r.ctx;
    } else if (tap.action === "price") {
      ({ requested, ctx: current } = await askPrice(conversation, current, t, unit));
    } else if (tap.action === "submit" && reason) {
      const result = await call<Requested>(conversation, "request_discount", {
        p_unit_id: unit.id, p_customer_id: customer.id, p_policy_ids: policyIds, p_requested_price: requested, p_reason: reason,
        p_payment_method: method,
      });
      if (result.ok) {
        await finishMessage(current, t("discount.submittedMark"));
        await current.reply(t("discount.submitted", { unit: unitLabel(unit), customer: customer.name, chain: chainText(t, result.data.chain) }));
        return;
      }
      await current.reply(refusalText(result, locale));
    }
  }
}
