import { CUSTOMER_SOURCES } from "@so/shared/enums";
import { mobile } from "@so/shared/schemas/customers";
import { InlineKeyboard } from "grammy";
import type { Translate } from "../../i18n/index.ts";
import { choiceKeyboard, dialogButton } from "../../keyboards/dialog.ts";
import { askUntil } from "../common/ask.ts";
import type { Dialog, DialogCtx, Said, Tapped } from "../common/dialog.ts";
import { readCustomerFields } from "../common/read.ts";
import type { CustomerDraft, Field } from "./draft.ts";

const GRADES = ["A", "B", "C", "D"] as const;

type Answer = Said | Tapped;

/** Ask for one field of the customer and put the answer into the draft. */
export async function askField(
  conversation: Dialog,
  ctx: DialogCtx,
  t: Translate,
  field: Field,
  draft: CustomerDraft,
  phoneWasWrong: boolean,
): Promise<{ draft: CustomerDraft; ctx: DialogCtx }> {
  const skip = (a: Answer) => a.kind === "tap" && a.action === "skip";
  switch (field) {
    case "name": {
      const r = await askUntil(conversation, ctx, t, t("register.ask.name"), (a) => (a.kind === "text" && a.text ? a.text : undefined));
      return { draft: { ...draft, name: r.value }, ctx: r.ctx };
    }
    case "phone": {
      const question = phoneWasWrong ? t("register.ask.phoneAgain") : t("register.ask.phone");
      const r = await askUntil(conversation, ctx, t, question, async (a) => {
        if (a.kind !== "text") return undefined;
        const parsed = mobile.safeParse(a.text);
        if (parsed.success) return parsed.data;
        await a.ctx.reply(t("register.badPhone"));
        return undefined;
      });
      return { draft: { ...draft, phone: r.value }, ctx: r.ctx };
    }
    case "source": {
      const keyboard = choiceKeyboard(CUSTOMER_SOURCES.map((s) => ({ label: t(`source.${s}`), value: s })), "v", {
        perRow: 4,
        extra: [{ text: t("dialog.cancel"), action: "cancel" }],
      });
      const r = await askUntil(conversation, ctx, t, t("register.ask.source"), (a) => {
        if (a.kind === "tap") return (CUSTOMER_SOURCES as readonly string[]).includes(a.value) ? (a.value as CustomerDraft["source"]) : undefined;
        return readCustomerFields(a.text).source ?? undefined;
      }, { keyboard });
      return { draft: { ...draft, source: r.value }, ctx: r.ctx };
    }
    case "grade": {
      const keyboard = choiceKeyboard(GRADES.map((g) => ({ label: t(`grade.${g}`), value: g })), "v", {
        perRow: 2,
        extra: [{ text: t("dialog.skip"), action: "skip" }, { text: t("dialog.cancel"), action: "cancel" }],
      });
      const r = await askUntil(conversation, ctx, t, t("register.ask.grade"), (a) => {
        if (skip(a)) return { grade: null };
        if (a.kind === "tap") return (GRADES as readonly string[]).includes(a.value) ? { grade: a.value as CustomerDraft["grade"] } : undefined;
        const grade = readCustomerFields(`${a.text}类`).grade ?? readCustomerFields(a.text).grade;
        return grade ? { grade } : undefined;
      }, { keyboard });
      return { draft: { ...draft, grade: r.value.grade }, ctx: r.ctx };
    }
    case "gender": {
      const keyboard = InlineKeyboard.from([
        [dialogButton(t("gender.male"), "v", "male"), dialogButton(t("gender.female"), "v", "female")],
        [dialogButton(t("dialog.skip"), "skip"), dialogButton(t("dialog.cancel"), "cancel")],
      ]);
      const r = await askUntil(conversation, ctx, t, t("register.ask.gender"), (a) => {
        if (skip(a)) return { gender: null };
        if (a.kind === "tap" && (a.value === "male" || a.value === "female")) return { gender: a.value as CustomerDraft["gender"] };
        return undefined;
      }, { keyboard });
      return { draft: { ...draft, gender: r.value.gender }, ctx: r.ctx };
    }
    case "needs": {
      const r = await askUntil(conversation, ctx, t, t("register.ask.needs"), (a) => {
        if (skip(a)) return { needs: null as Partial<CustomerDraft> | null };
        if (a.kind !== "text") return undefined;
        const read = readCustomerFields(a.text);
        const needs: Partial<CustomerDraft> = {
          rooms: read.rooms, area_min: read.area_min, area_max: read.area_max,
          budget_max_wan: read.budget_max_wan, purpose: read.purpose,
        };
        const understood = Object.values(needs).some((v) => v !== null);
        return { needs: understood ? needs : { note: [draft.note, a.text].filter(Boolean).join("；") } };
      }, { skip: true });
      return { draft: r.value.needs ? { ...draft, ...r.value.needs } : draft, ctx: r.ctx };
    }
    case "note": {
      const r = await askUntil(conversation, ctx, t, t("register.ask.note"), (a) => {
        if (skip(a)) return { note: null };
        return a.kind === "text" && a.text ? { note: a.text } : undefined;
      }, { skip: true });
      return { draft: { ...draft, note: r.value.note }, ctx: r.ctx };
    }
  }
}
