import { Composer, type MiddlewareFn } from "grammy";
import { isBound, type BotContext, type BoundContext } from "../context.ts";
import { projectData, projectKeyboard, unpackProject } from "../keyboards/projects.ts";
import { currentProject, projectsOf } from "./common/project.ts";
import { refreshMenu } from "./help.ts";

/**
 * `/project` and its buttons: the project this chat works in, kept in the session. Someone in
 * several projects who has chosen none is asked before anything else is done for them.
 */
export const projectFeature = new Composer<BotContext>();
const bound = projectFeature.filter(isBound);

const ask = (ctx: BoundContext) =>
  ctx.reply(ctx.t("project.ask"), { reply_markup: projectKeyboard(projectsOf(ctx.staff), null) });

bound.command("project", async (ctx) => {
  const projects = projectsOf(ctx.staff);
  if (projects.length === 0) return void (await ctx.reply(ctx.t("project.none")));
  if (projects.length === 1) return void (await ctx.reply(ctx.t("project.only", { name: projects[0].name })));
  const current = currentProject(ctx);
  if (!current) return void (await ask(ctx));
  await ctx.reply(ctx.t("project.current", { name: current.name }), { reply_markup: projectKeyboard(projects, current.id) });
});

bound.callbackQuery(projectData.filter, async (ctx) => {
  const id = unpackProject(ctx.callbackQuery.data);
  const project = projectsOf(ctx.staff).find((p) => p.id === id);
  if (!project) return void (await ctx.answerCallbackQuery({ text: ctx.t("project.notYours"), show_alert: true }));
  ctx.session.projectId = project.id;
  await ctx.answerCallbackQuery({ text: ctx.t("project.changed", { name: project.name }) });
  await ctx.editMessageText(ctx.t("project.changed", { name: project.name }));
  await refreshMenu(ctx);
});

/** Messages of someone in several projects with none chosen get the question, not a guess. */
export const askForProject: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (!ctx.message || !isBound(ctx) || currentProject(ctx) || projectsOf(ctx.staff).length < 2) return next();
  await ask(ctx);
};
