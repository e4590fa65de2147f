import { Composer } from "grammy";
import { isBound, type BotContext } from "../context.ts";
import { DbFailure } from "../db/errors.ts";
import type { StaffRole } from "../i18n/roles.ts";
import { describeRoles } from "../i18n/roles.ts";

/**
 * `/whoami`: the person's account as the database shows it to them — read with their own JWT, so
 * what appears here is exactly what RLS lets them see.
 */
export const whoamiFeature = new Composer<BotContext>();
const bound = whoamiFeature.filter(isBound);

interface OwnRow {
  name: string;
  email: string;
  phone: string | null;
  staff_projects: { role: StaffRole; projects: { id: string; name: string } | null }[];
}

bound.command("whoami", async (ctx) => {
  const [who, own] = await Promise.all([
    ctx.db.rpc("whoami"),
    ctx.db
      .from("staff")
      .select("name, email, phone, staff_projects(role, projects(id, name))")
      .eq("id", ctx.staff.id)
      .maybeSingle<OwnRow>(),
  ]);
  if (who.error) throw new DbFailure("whoami", who.error);
  if (own.error) throw new DbFailure("read own staff row", own.error);
  if (!own.data) throw new Error(`staff ${ctx.staff.id} cannot read their own row`);

  const { t } = ctx;
  const me = own.data;
  const roles = me.staff_projects
    .filter((sp) => sp.projects)
    .map((sp) => ({ projectId: sp.projects!.id, projectName: sp.projects!.name, role: sp.role }));
  const seenAs = (who.data as { email?: string | null } | null)?.email ?? "—";
  await ctx.reply(
    [
      t("whoami.title"),
      t("whoami.name", { name: me.name }),
      t("whoami.email", { email: me.email }),
      ...(me.phone ? [t("whoami.phone", { phone: me.phone })] : []),
      t("whoami.roles", { roles: describeRoles(t, roles) }),
      t("whoami.telegram", { id: ctx.from!.id }),
      t("whoami.database", { email: seenAs }),
    ].join("\n"),
  );
});
