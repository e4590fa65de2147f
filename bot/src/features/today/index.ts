import { Composer, InlineKeyboard } from "grammy";
import { isBound, type BotContext } from "../../context.ts";
import { openApprovalButton } from "../../keyboards/approvals.ts";
import { currentProject } from "../common/project.ts";
import { agendaText, loadAgenda } from "./agenda.ts";

/** `/today` 我的今日: follow-ups due and overdue, 当天签约, 应收款, holds about to expire, approvals waiting for me. */
export const todayFeature = new Composer<BotContext>();
const bound = todayFeature.filter(isBound);

bound.command("today", async (ctx) => {
  const agenda = await loadAgenda(ctx.db, ctx.staff.id, ctx.services.now?.(), currentProject(ctx)?.id);
  const keyboard = InlineKeyboard.from(
    agenda.approvals.slice(0, 8).map((w) => [openApprovalButton(ctx.t("today.open", { label: w.summary.unit_label ?? ctx.t(`subject.${w.subject_type}`) }), w.approval_id, w.step_id)]),
  );
  await ctx.reply(agendaText(ctx.t, ctx.locale, agenda), agenda.approvals.length > 0 ? { reply_markup: keyboard } : {});
});
