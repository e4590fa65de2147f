import { MANAGER_ROLES, SALES_ROLES } from "@so/shared/enums";
import { Composer } from "grammy";
import { commandsFor, publishCommandsFor } from "../commands.ts";
import { isBound, type BotContext, type BoundContext } from "../context.ts";
import { describeRoles, STAFF_ROLES, type StaffRole } from "../i18n/roles.ts";
import { currentProject, projectsOf } from "./common/project.ts";

/** `/help`: what the bot does for this person's roles, examples for those roles, then their commands only. */
export const helpFeature = new Composer<BotContext>();
const bound = helpFeature.filter(isBound);

const DIRECTORS: readonly StaffRole[] = MANAGER_ROLES.filter((r) => r !== "sales_manager");

export const heldRoles = (ctx: BoundContext): StaffRole[] => [...new Set(ctx.staff.roles.map((r) => r.role))];
const severalProjects = (ctx: BoundContext) => projectsOf(ctx.staff).length > 1;

export function helpText(ctx: BoundContext): string {
  const { t, staff, locale } = ctx;
  const held = heldRoles(ctx);
  const has = (roles: readonly StaffRole[]) => held.some((r) => roles.includes(r));
  const lines = STAFF_ROLES.filter((role) => held.includes(role)).map((role) => `• ${t(`help.role.${role}`)}`);
  const examples = [
    ...(has(SALES_ROLES) ? [t("help.freeText.sales")] : []),
    ...(has(MANAGER_ROLES) ? [t("help.freeText.manager")] : []),
    ...(has(DIRECTORS) ? [t("help.freeText.director")] : []),
    ...(held.includes("broker") ? [t("help.freeText.broker")] : []),
  ];
  const commands = commandsFor(held, locale, severalProjects(ctx)).map((c) => `/${c.command} ${c.description}`);
  const project = severalProjects(ctx) ? currentProject(ctx) : null;
  return [
    t("help.title", { name: staff.name, roles: describeRoles(t, staff.roles) }),
    ...(project ? [t("help.currentProject", { name: project.name })] : []),
    "",
    ...(lines.length > 0 ? lines : [t("help.noRoles")]),
    ...(examples.length > 0 ? ["", ...examples] : []),
    "",
    t("help.commandsTitle"),
    ...commands,
  ].join("\n");
}

/** The person's command menu follows their roles and language; refreshed whenever they ask for help or /start. */
export const refreshMenu = (ctx: BoundContext) =>
  publishCommandsFor(ctx.api, ctx.chat!.id, heldRoles(ctx), ctx.locale, severalProjects(ctx)).catch((e) => ctx.services.logger.warn("setMyCommands (chat) failed", e));

bound.command("help", async (ctx) => {
  await ctx.reply(helpText(ctx));
  await refreshMenu(ctx);
});
