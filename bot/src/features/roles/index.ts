import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { isBound, type BotContext } from "../../context.ts";
import { enterDialog } from "../common/dialog.ts";
import { row } from "../common/rpc.ts";
import { isBrokerOnly, showBrokerDay, showCommission } from "./broker.ts";
import { collisionData, collisionDialog, unpackCollision } from "./collisions.ts";
import { showDaily } from "./daily.ts";
import { showTargets } from "./target.ts";
import { MANAGER_ROLES } from "@so/shared/enums";

/**
 * What the bot does per role beyond the consultant's day: brokers' 我的佣金 and their /today
 * (customers expected today), directors' 日报, managers' 撞单 ruling from the notification.
 * Installed before the other features so a broker's /today is the broker's.
 */
export const rolesFeature = new Composer<BotContext>();
const bound = rolesFeature.filter(isBound);
export const rolesDialogs = createConversation(collisionDialog, "collision");

const text = (pattern: RegExp) => (ctx: { message?: { text?: string } }) => {
  const t = ctx.message?.text?.trim() ?? "";
  return !t.startsWith("/") && pattern.test(t);
};

bound.command("commission", (ctx) => showCommission(ctx));
bound.on("message:text").filter(text(/^(?:查(?:一?下|看)?)?我的佣金(?:.{0,8})$|^佣金(?:多少|到账了吗|发了吗|情况)?$/), (ctx) => showCommission(ctx));

bound.command("today", async (ctx, next) => (isBrokerOnly(ctx) ? showBrokerDay(ctx) : next()));

bound.command("target", (ctx) => showTargets(ctx));
bound.on("message:text").filter(text(/^(?:我的|本月|这个月的?)?(?:销售)?指标(?:完成(?:情况|了多少)?|进度|多少)?$/), (ctx) => showTargets(ctx));

bound.command("daily", (ctx) => showDaily(ctx));
bound.on("message:text").filter(text(/^(?:今天的?|今日)?(?:销售)?日报(?:呢|发我|看看|来一下)?$|^(?:看|查)(?:一?下)?(?:今天的?)?日报$/), (ctx) => showDaily(ctx));

bound.callbackQuery(collisionData.filter, async (ctx) => {
  const tap = unpackCollision(ctx.callbackQuery.data);
  if (!tap) return void (await ctx.answerCallbackQuery({ text: ctx.t("approvals.forged"), show_alert: true }));
  const found = await row<{ status: string; project_id: string; customers: { name: string } | null }>(
    "collision",
    ctx.db.from("customer_collisions").select("status, project_id, customers(name)").eq("id", tap.collisionId).maybeSingle(),
  );
  if (!found) return void (await ctx.answerCallbackQuery({ text: ctx.t("collision.notFound"), show_alert: true }));
  // The parties may read it too; only a manager of its project rules (rule_collision checks again).
  if (!ctx.staff.roles.some((r) => r.projectId === found.project_id && MANAGER_ROLES.includes(r.role))) {
    return void (await ctx.answerCallbackQuery({ text: ctx.t("collision.notManager"), show_alert: true }));
  }
  if (found.status !== "open") return void (await ctx.answerCallbackQuery({ text: ctx.t("collision.alreadyRuled"), show_alert: true }));
  await ctx.answerCallbackQuery();
  await enterDialog(ctx, "collision", { collisionId: tap.collisionId, decision: tap.decision, customer: found.customers?.name ?? "" });
});
