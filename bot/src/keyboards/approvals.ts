import { InlineKeyboard } from "grammy";
import type { Translate } from "../i18n/index.ts";
import { callbackData } from "./callback-data.ts";
import { fromShortId, shortId } from "./short-id.ts";

/**
 * An approval card's buttons name the request (approval), the step and the action:
 * `ap:<approval>:<step>:a|r` (ids in 22 characters each; 50 bytes). The database decides the tap.
 */
export const approvalData = callbackData("ap", ["approval", "step", "action"]);
/** Show the card of an approval waiting for me again (from /today). */
export const approvalOpenData = callbackData("ao", ["approval", "step"]);

export type ApprovalAction = "approve" | "reject";
const ACTIONS: Record<string, ApprovalAction> = { a: "approve", r: "reject" };

export function approvalKeyboard(t: Translate, approvalId: string, stepId: string): InlineKeyboard {
  const ids = { approval: shortId(approvalId), step: shortId(stepId) };
  return new InlineKeyboard()
    .text(t("approvals.approve"), approvalData.pack({ ...ids, action: "a" }))
    .text(t("approvals.reject"), approvalData.pack({ ...ids, action: "r" }));
}

/** A tap's approval, step and action, or null when the payload is not one of ours. */
export function unpackApproval(data: string | undefined): { approvalId: string; stepId: string; action: ApprovalAction } | null {
  const v = approvalData.unpack(data);
  const approvalId = fromShortId(v?.approval);
  const stepId = fromShortId(v?.step);
  const action = v ? ACTIONS[v.action] : undefined;
  return approvalId && stepId && action ? { approvalId, stepId, action } : null;
}

export const openApprovalButton = (label: string, approvalId: string, stepId: string) => ({
  text: label,
  callback_data: approvalOpenData.pack({ approval: shortId(approvalId), step: shortId(stepId) }),
});

export function unpackOpen(data: string | undefined): { approvalId: string; stepId: string } | null {
  const v = approvalOpenData.unpack(data);
  const approvalId = fromShortId(v?.approval);
  const stepId = fromShortId(v?.step);
  return approvalId && stepId ? { approvalId, stepId } : null;
}
