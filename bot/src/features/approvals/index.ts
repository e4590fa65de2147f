import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { requestData, unpackRequest } from "../../keyboards/requests.ts";
import { projectFor, SALES_ROLES } from "../common/project.ts";
import { startDiscount } from "../discount/start.ts";
import { loadRequest, notUsable, rejectionOf, requestLabel, requestMethod, showMyRequests } from "./requests.ts";
import { subscribeDialog } from "./subscribe.ts";
import { isBound, type BotContext, type BoundContext } from "../../context.ts";
import { isLocale } from "../../i18n/index.ts";
import { approvalData, approvalOpenData, unpackApproval, unpackOpen } from "../../keyboards/approvals.ts";
import { ApprovalCards } from "../../notify/approval-cards.ts";
import { enterDialog } from "../common/dialog.ts";
import { attempt, refusalText, row } from "../common/rpc.ts";
import type { ApprovalCard } from "./card.ts";
import { rejectDialog, type RejectInput } from "./reject.ts";

/**
 * 审批: 同意 / 驳回 on a card. Every tap is decided by the database at that moment
 * (decide_approval: still pending, this step, this approver or their delegate, not lapsed); a
 * double tap, a stale card or a forged button gets a clear answer and changes nothing. After a
 * decision every card about the request is redrawn; the requester hears of it from the outbox.
 */
export const approvalsFeature = new Composer<BotContext>();
const bound = approvalsFeature.filter(isBound);
export const approvalsDialogs = new Composer<BotContext>(
  createConversation(rejectDialog, "reject"),
  createConversation(subscribeDialog, "subscribe"),
);

/** 我的申请 as staff ask it: 我的申请审批到哪了, 申请进度, 我的优惠申请批了没… (never a message with a number: that is a request). */
export const MY_REQUESTS = /^(?!.*\d)(?:\/requests(?:@\w+)?|(?:查(?:一?下|看)?)?我的(?:优惠|特价|折扣)?申请.*|(?:我的|我提交的)?(?:优惠|特价|折扣)?申请.*(?:到哪|进度|状态|批了没|批下来|结果|怎么样).*)$/;

bound.command("requests", (ctx) => showMyRequests(ctx));
bound.on("message:text").filter((ctx) => !ctx.message.text.startsWith("/") && MY_REQUESTS.test(ctx.message.text.trim()), (ctx) => showMyRequests(ctx));

/**
 * 起草认购 / 重新申请 under my requests or a decision's notification: checked against the
 * database first (mine, approved and unused, not lapsed — or rejected for 重新申请), then the
 * dialogue; a forged or stale button gets a clear answer and starts nothing.
 */
bound.callbackQuery(requestData.filter, async (ctx) => {
  const tap = unpackRequest(ctx.callbackQuery.data);
  if (!tap) return void (await ctx.answerCallbackQuery({ text: ctx.t("approvals.forged"), show_alert: true }));
  const request = await loadRequest(ctx.db, tap.requestId);
  if (!request) return void (await ctx.answerCallbackQuery({ text: ctx.t("requests.notFound"), show_alert: true }));
  if (request.requester_id !== ctx.staff.id) return void (await ctx.answerCallbackQuery({ text: ctx.t("requests.notYours"), show_alert: true }));
  if (tap.action === "subscribe") {
    if (!projectFor(ctx, SALES_ROLES)) return void (await ctx.answerCallbackQuery({ text: ctx.t("subscribe.notAllowed"), show_alert: true }));
    const why = notUsable(ctx.t, ctx.locale, request);
    if (why) return void (await ctx.answerCallbackQuery({ text: why, show_alert: true }));
    await ctx.answerCallbackQuery();
    await enterDialog(ctx, "subscribe", { requestId: request.id });
    return;
  }
  if (!["rejected", "lapsed", "cancelled"].includes(request.effective_status)) {
    return void (await ctx.answerCallbackQuery({ text: ctx.t("requests.cannotReapply"), show_alert: true }));
  }
  await ctx.answerCallbackQuery();
  const reason =
    request.effective_status === "rejected" ? await rejectionOf(ctx.db, request.approval_id, ctx.t) : (notUsable(ctx.t, ctx.locale, request) ?? "");
  await ctx.reply(ctx.t("requests.reapplyIntro", { label: requestLabel(request), reason }));
  await startDiscount(ctx, {
    unitId: request.unit_id, customerId: request.customer_id, requested: request.requested_price, policyIds: request.policy_ids,
    method: await requestMethod(ctx.db, request.id),
  });
});

/** Refusals that mean the card no longer matches the request: redraw it. */
const STALE = new Set(["step_already_decided", "approval_not_pending", "approval_lapsed", "step_not_current"]);

const cards = (ctx: BoundContext) => new ApprovalCards(ctx.services.service, ctx.api, ctx.services.logger);

/** Redraw every card of the request; if that fails, the outbox worker's next round does it. */
export const redrawCards = (ctx: BotContext, approvalId: string) =>
  new ApprovalCards(ctx.services.service, ctx.api, ctx.services.logger)
    .refresh(approvalId)
    .catch((e) => ctx.services.logger.warn(`Could not redraw the cards of ${approvalId}`, e));

bound.callbackQuery(approvalData.filter, async (ctx) => {
  const tap = unpackApproval(ctx.callbackQuery.data);
  if (!tap) return void (await ctx.answerCallbackQuery({ text: ctx.t("approvals.forged"), show_alert: true }));

  if (tap.action === "approve") {
    const result = await attempt<{ approval_id: string }>(ctx.db, "decide_approval", { p_step_id: tap.stepId, p_decision: "approve" });
    if (!result.ok) {
      await ctx.answerCallbackQuery({ text: refusalText(result, ctx.locale), show_alert: true });
      if (STALE.has(result.code)) await redrawCards(ctx, tap.approvalId);
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t("approvals.approvedDone") });
    await redrawCards(ctx, result.data.approval_id);
    return;
  }

  // 驳回 needs a reason. The database checks everything else first and answers comment_required
  // only when this person may reject this step now — nothing is written by asking.
  const check = await attempt(ctx.db, "decide_approval", { p_step_id: tap.stepId, p_decision: "reject" });
  if (check.ok || check.code !== "comment_required") {
    const text = check.ok ? ctx.t("approvals.forged") : refusalText(check, ctx.locale);
    await ctx.answerCallbackQuery({ text, show_alert: true });
    if (!check.ok && STALE.has(check.code)) await redrawCards(ctx, tap.approvalId);
    return;
  }
  await ctx.answerCallbackQuery();
  const input: RejectInput = { approvalId: tap.approvalId, stepId: tap.stepId };
  await enterDialog(ctx, "reject", input);
});

interface InboxRow {
  step_id: string;
  seq: number;
  role: ApprovalCard["role"];
  approval_id: string;
  subject_type: ApprovalCard["subject_type"];
  requester_name: string | null;
  summary: Record<string, unknown>;
  lapses_at: string | null;
  on_behalf_of: string | null;
  escalated_from: ApprovalCard["role"] | null;
  escalation_reason: string | null;
}

/** /today's 查看: the card of an approval waiting for me, sent again (and kept up to date like the others). */
bound.callbackQuery(approvalOpenData.filter, async (ctx) => {
  const open = unpackOpen(ctx.callbackQuery.data);
  if (!open) return void (await ctx.answerCallbackQuery({ text: ctx.t("approvals.forged"), show_alert: true }));
  const inbox = await row<InboxRow>(
    "approval inbox",
    ctx.db.from("my_approval_inbox").select("*").eq("step_id", open.stepId).eq("approval_id", open.approvalId).maybeSingle(),
  );
  if (!inbox) return void (await ctx.answerCallbackQuery({ text: ctx.t("approvals.notWaiting"), show_alert: true }));
  await ctx.answerCallbackQuery();
  const card = {
    ...inbox.summary,
    approval_id: inbox.approval_id, step_id: inbox.step_id, subject_type: inbox.subject_type, seq: inbox.seq, role: inbox.role,
    requester: inbox.requester_name ?? undefined, lapses_at: inbox.lapses_at, on_behalf_of: inbox.on_behalf_of,
    escalated: inbox.escalated_from !== null, escalated_from: inbox.escalated_from, escalation_reason: inbox.escalation_reason,
  } as ApprovalCard;
  await cards(ctx).send(ctx.chat!.id, ctx.staff.id, isLocale(ctx.locale) ? ctx.locale : "zh-CN", card);
});
