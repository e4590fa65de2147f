import { confirmKeyboard } from "../../keyboards/dialog.ts";
import { chooseOnCard } from "../common/ask.ts";
import type { CustomerRef } from "../common/customers.ts";
import { call, dialogLocale, finishMessage, rememberCustomer, waitTap, type Dialog, type DialogCtx } from "../common/dialog.ts";
import { refusalText } from "../common/rpc.ts";
import { outcomeText, registerCard, type Preview } from "./card.ts";
import { emptyDraft, FIELDS, registerArgs, type CustomerDraft, type Field, type Registered } from "./draft.ts";
import { askField } from "./fields.ts";

export interface RegisterInput {
  projectId: string;
  /** What a free-text message said; null for the guided dialogue (/register). */
  draft: CustomerDraft | null;
}

const LONG_DIGITS = /\d{7,}/;

/**
 * 登记客户: fill in what is missing (all of it when guided), show the card, write only after
 * 确认, then say what the database decided: 新客 / 已是您的客户 / 撞单 / 公客池认领.
 */
export async function registerDialog(
  conversation: Dialog, ctx: DialogCtx, input: RegisterInput,
): Promise<{ customer: CustomerRef; outcome: Registered["outcome"]; ctx: DialogCtx } | undefined> {
  const { locale, t } = await dialogLocale(conversation);
  const guided = input.draft === null;
  let draft: CustomerDraft = input.draft ?? emptyDraft();
  let current = ctx;

  // A number that is not a mobile stays out of the note; the person is told and asked again.
  let phoneWasWrong = false;
  if (!guided && draft.phone === null && draft.note && LONG_DIGITS.test(draft.note)) {
    phoneWasWrong = true;
    draft = { ...draft, note: draft.note.replace(LONG_DIGITS, "").trim() || null };
  }

  const required: Field[] = guided ? ["name", "phone", "source", "grade", "needs"] : ["name", "phone", "source"];
  for (const field of required) {
    if (!guided && !isMissing(draft, field)) continue;
    const asked = await askField(conversation, current, t, field, draft, field === "phone" && phoneWasWrong);
    draft = asked.draft;
    current = asked.ctx;
  }

  for (;;) {
    const phone = draft.phone;
    const preview = phone && !phone.includes("*")
      ? await call<Preview>(conversation, "registration_preview", { p_project_id: input.projectId, p_phone: phone })
      : null;
    const card = await current.reply(registerCard(t, draft, preview?.ok ? preview.data : null), { reply_markup: confirmKeyboard(t) });
    const tap = await waitTap(conversation, t, card.message_id);
    current = tap.ctx;
    if (tap.action === "ok") {
      const result = await call<Registered>(conversation, "register_customer", registerArgs(input.projectId, draft));
      if (result.ok) {
        await finishMessage(current, t("dialog.saved"));
        await current.reply(outcomeText(t, locale, draft, result.data));
        const customer = { id: result.data.customer_id, name: draft.name ?? "", phone: draft.phone ?? "" };
        if (result.data.outcome !== "collision") await rememberCustomer(conversation, customer);
        return { customer, outcome: result.data.outcome, ctx: current };
      }
      await current.editMessageReplyMarkup().catch(() => {});
      await current.reply(refusalText(result, locale));
      if (result.code === "invalid_phone") ({ draft, ctx: current } = await askField(conversation, current, t, "phone", draft, true));
      continue;
    }
    if (tap.action === "edit") {
      const field = await chooseOnCard(conversation, current, t, card.message_id, FIELDS.map((f) => ({ label: t(`register.field.${f}`), value: f })));
      current = field.ctx;
      if (field.value) ({ draft, ctx: current } = await askField(conversation, current, t, field.value, draft, false));
    }
  }
}

function isMissing(d: CustomerDraft, field: Field): boolean {
  if (field === "needs") return d.rooms === null && d.area_min === null && d.area_max === null && d.budget_max_wan === null;
  return d[field] === null;
}
