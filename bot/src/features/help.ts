import { Composer } from "grammy";
import { isBound, type BotContext, type BoundContext } from "../context.ts";
import { describeRoles, STAFF_ROLES } from "../i18n/roles.ts";

/** `/help`: what the bot does for this person's roles, then the commands. */
export const helpFeature = new Composer<BotContext>();
const bound = helpFeature.filter(isBound);

export function helpText(ctx: BoundContext): string {
  const { t, staff } = ctx;
  const held = new Set(staff.roles.map((r) => r.role));
  const lines = STAFF_ROLES.filter((role) => held.has(role)).map((role) => `• ${t(`help.role.${role}`)}`);
  return [
    t("help.title", { name: staff.name, roles: describeRoles(t, staff.roles) }),
    "",
    ...(lines.length > 0 ? lines : [t("help.noRoles")]),
    "",
    t("help.freeText"),
    "",
    t("help.commands"),
  ].join("\n");
}

bound.command("help", (ctx) => ctx.reply(helpText(ctx)));
