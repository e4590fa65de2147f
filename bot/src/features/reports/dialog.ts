import { reportPhone } from "@so/shared/schemas/channel";
import type { Translate } from "../../i18n/index.ts";
import { confirmKeyboard } from "../../keyboards/dialog.ts";
import { askUntil, chooseOnCard } from "../common/ask.ts";
import { officeTimeToIso } from "../common/clock.ts";
import { call, dialogLocale, finishMessage, waitTap, type Dialog, type DialogCtx } from "../common/dialog.ts";
import { readVisit } from "../common/read.ts";
import { refusalText } from "../common/rpc.ts";
import { reportCard, rulingText, type ReportDraft, type Ruled } from "./card.ts";

export interface ReportInput {
  projectId: string;
  projectName: string;
  draft: ReportDraft;
}

type Field = "name" | "phone" | "visit";

/**
 * 报备: the customer's name, phone (full, or 138****5678) and the expected visit → card →
 * 确认 → submit_report, which rules at once (判客); its result and reason are shown.
 */
export async function reportDialog(conversation: Dialog, ctx: DialogCtx, input: ReportInput): Promise<void> {
  const { locale, t } = await dialogLocale(conversation);
  let draft = { ...input.draft };
  let current = ctx;
  if (draft.visit?.endsWith("T00:00")) draft.visit = null; // a date without a time: ask for the time
  for (const field of ["name", "phone", "visit"] as Field[]) {
    if (value(draft, field) !== null) continue;
    ({ draft, ctx: current } = await askField(conversation, current, t, field, draft));
  }

  for (;;) {
    const card = await current.reply(reportCard(t, locale, draft, input.projectName), {
      reply_markup: confirmKeyboard(t, { confirm: t("reports.confirm") }),
    });
    const tap = await waitTap(conversation, t, card.message_id);
    current = tap.ctx;
    if (tap.action === "ok") {
      const result = await call<Ruled>(conversation, "submit_report", {
        p_project_id: input.projectId, p_customer_name: draft.customerName ?? "", p_customer_phone: draft.phone ?? "",
        p_expected_visit: officeTimeToIso(draft.visit!),
      });
      if (!result.ok) {
        await current.editMessageReplyMarkup().catch(() => {});
        await current.reply(refusalText(result, locale));
        continue;
      }
      await finishMessage(current, t("reports.submitted"));
      await current.reply(rulingText(t, locale, result.data));
      // The ruling was just shown here: the outbox's copy of it is delivered.
      const reportId = result.data.report_id;
      await conversation.external(async (outer) => {
        const { error } = await outer.services.service
          .from("notifications")
          .update({ status: "sent", sent_at: new Date().toISOString() })
          .eq("recipient_id", outer.staff!.id)
          .eq("kind", "report_ruled")
          .eq("status", "pending")
          .eq("payload->>report_id", reportId ?? "");
        if (error) outer.services.logger.warn(`Could not mark the ruling of report ${reportId} delivered`, error);
      });
      return;
    }
    if (tap.action !== "edit") continue;
    const fields: Field[] = ["name", "phone", "visit"];
    const which = await chooseOnCard(conversation, current, t, card.message_id, fields.map((f) => ({ label: t(`reports.field.${f}`), value: f })));
    current = which.ctx;
    if (which.value) ({ draft, ctx: current } = await askField(conversation, current, t, which.value, draft));
  }
}

const value = (d: ReportDraft, f: Field) => (f === "name" ? d.customerName : f === "phone" ? d.phone : d.visit);

async function askField(conversation: Dialog, ctx: DialogCtx, t: Translate, field: Field, draft: ReportDraft) {
  if (field === "name") {
    const r = await askUntil(conversation, ctx, t, t("reports.askName"), (a) => (a.kind === "text" && a.text ? a.text : undefined));
    return { draft: { ...draft, customerName: r.value }, ctx: r.ctx };
  }
  if (field === "phone") {
    const r = await askUntil(conversation, ctx, t, t("reports.askPhone"), async (a) => {
      if (a.kind !== "text") return undefined;
      const parsed = reportPhone.safeParse(a.text);
      if (parsed.success) return parsed.data;
      await a.ctx.reply(t("reports.badPhone"));
      return undefined;
    });
    return { draft: { ...draft, phone: r.value }, ctx: r.ctx };
  }
  const r = await askUntil(conversation, ctx, t, t("reports.askVisit"), async (a) => {
    if (a.kind !== "text") return undefined;
    const visit = readVisit(a.text);
    if (visit && !visit.endsWith("T00:00")) return visit;
    await a.ctx.reply(t("reports.badVisit"));
    return undefined;
  });
  return { draft: { ...draft, visit: r.value }, ctx: r.ctx };
}
