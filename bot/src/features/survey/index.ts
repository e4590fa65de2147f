import { createConversation } from "@grammyjs/conversations";
import { parseSurveyText } from "@so/shared/survey-text";
import { Composer } from "grammy";
import { isBound, type BotContext, type BoundContext } from "../../context.ts";
import { enterDialog } from "../common/dialog.ts";
import { projectFor, SALES_ROLES } from "../common/project.ts";
import { surveyDialog, type SurveyInput } from "./dialog.ts";

/** 可比楼盘: `可比楼盘 滨江春语江南 均价3.85万 97折 月销45套` or `/survey`, step by step. */
export const surveyFeature = new Composer<BotContext>();
const bound = surveyFeature.filter(isBound);
export const surveyDialogs = createConversation(surveyDialog, "survey");

async function start(ctx: BoundContext, text: string) {
  const project = projectFor(ctx, SALES_ROLES);
  if (!project) return void (await ctx.reply(ctx.t("survey.notAllowed")));
  await enterDialog(ctx, "survey", { projectId: project.id, draft: parseSurveyText(text) } satisfies SurveyInput);
}

bound.command("survey", (ctx) => start(ctx, ctx.match.trim()));
bound.on("message:text").filter(
  (ctx) => /^(?:可比楼盘|踩盘)(?:[\s:：]|$)/.test(ctx.message.text.trim()),
  (ctx) => start(ctx, ctx.message.text.trim()),
);
