import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { isBound, type BotContext, type BoundContext } from "../../context.ts";
import { enterDialog } from "../common/dialog.ts";
import { onIntent } from "../common/intent.ts";
import { projectFor, SALES_ROLES } from "../common/project.ts";
import { followUpDialog, type FollowUpInput } from "./dialog.ts";

/** 记录追访: `王五 电话回访 嫌价格高 下周三再约` or `/followup`. */
export const followUpFeature = new Composer<BotContext>();
const bound = followUpFeature.filter(isBound);
export const followUpDialogs = createConversation(followUpDialog, "followUp");

async function start(ctx: BoundContext, known: Omit<FollowUpInput, "projectId">) {
  const project = projectFor(ctx.staff, SALES_ROLES);
  if (!project) return void (await ctx.reply(ctx.t("followUp.notAllowed")));
  await enterDialog(ctx, "followUp", { projectId: project.id, ...known } satisfies FollowUpInput);
}

bound.command("followup", (ctx) => start(ctx, { customerQuery: ctx.match.trim() || null, method: null, content: null, nextDate: null }));
bound.use(
  onIntent("log_follow_up", (ctx, { follow_up: f }) =>
    start(ctx, { customerQuery: f.customer_name ?? f.customer_phone ?? f.customer_phone_tail ?? null, method: f.method, content: f.content, nextDate: f.next_date }),
  ),
);
