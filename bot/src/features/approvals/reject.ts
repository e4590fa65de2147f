import { ApprovalCards } from "../../notify/approval-cards.ts";
import { askUntil } from "../common/ask.ts";
import { call, dialogLocale, type Dialog, type DialogCtx } from "../common/dialog.ts";
import { refusalText } from "../common/rpc.ts";

export interface RejectInput {
  approvalId: string;
  stepId: string;
}

/** 驳回 asks for the reason first; then decide_approval decides, at that moment. */
export async function rejectDialog(conversation: Dialog, ctx: DialogCtx, input: RejectInput): Promise<void> {
  const { locale, t } = await dialogLocale(conversation);
  const answer = await askUntil(conversation, ctx, t, t("approvals.askReason"), (a) => (a.kind === "text" && a.text ? a.text : undefined));
  const result = await call(conversation, "decide_approval", {
    p_step_id: input.stepId, p_decision: "reject", p_comment: answer.value,
  });
  await answer.ctx.reply(result.ok ? t("approvals.rejectedDone") : refusalText(result, locale));
  await conversation.external((outer) =>
    new ApprovalCards(outer.services.service, outer.api, outer.services.logger)
      .refresh(input.approvalId)
      .catch((e) => outer.services.logger.warn(`Could not redraw the cards of ${input.approvalId}`, e)),
  );
}
