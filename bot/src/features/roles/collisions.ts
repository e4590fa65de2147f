import { InlineKeyboard } from "grammy";
import type { Translate } from "../../i18n/index.ts";
import { callbackData } from "../../keyboards/callback-data.ts";
import { fromShortId, shortId } from "../../keyboards/short-id.ts";
import { askUntil } from "../common/ask.ts";
import { call, dialogLocale, type Dialog, type DialogCtx } from "../common/dialog.ts";
import { refusalText } from "../common/rpc.ts";

/** 撞单 ruling buttons on a manager's notification: `cl:<collision>:k|t`. */
export const collisionData = callbackData("cl", ["collision", "decision"]);
export type CollisionDecision = "keep_owner" | "transfer";
const DECISIONS: Record<string, CollisionDecision> = { k: "keep_owner", t: "transfer" };

export function collisionKeyboard(t: Translate, collisionId: string): InlineKeyboard {
  const id = shortId(collisionId);
  return new InlineKeyboard()
    .text(t("collision.keep"), collisionData.pack({ collision: id, decision: "k" }))
    .text(t("collision.transfer"), collisionData.pack({ collision: id, decision: "t" }));
}

export function unpackCollision(data: string | undefined): { collisionId: string; decision: CollisionDecision } | null {
  const v = collisionData.unpack(data);
  const collisionId = fromShortId(v?.collision);
  const decision = v ? DECISIONS[v.decision] : undefined;
  return collisionId && decision ? { collisionId, decision } : null;
}

export interface CollisionInput {
  collisionId: string;
  decision: CollisionDecision;
  customer: string;
}

/** The reason, then the admin's own rule_collision, which decides at that moment (manager, still open). */
export async function collisionDialog(conversation: Dialog, ctx: DialogCtx, input: CollisionInput): Promise<void> {
  const { locale, t } = await dialogLocale(conversation);
  const decision = t(`collision.decision.${input.decision}`);
  const answer = await askUntil(conversation, ctx, t, t("collision.askReason", { decision }), (a) => (a.kind === "text" && a.text ? a.text : undefined));
  const result = await call(conversation, "rule_collision", { p_collision_id: input.collisionId, p_decision: input.decision, p_reason: answer.value });
  await answer.ctx.reply(result.ok ? t("collision.ruled", { customer: input.customer, decision, reason: answer.value }) : refusalText(result, locale));
}
