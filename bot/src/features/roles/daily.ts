import type { Db } from "../../db/clients.ts";
import type { Locale, Translate } from "../../i18n/index.ts";
import type { StaffRole } from "../../i18n/roles.ts";
import type { BoundContext } from "../../context.ts";
import { formatDay } from "../common/clock.ts";
import { formatYuan } from "../common/format.ts";
import { projectFor } from "../common/project.ts";
import { attempt, refusalText } from "../common/rpc.ts";

/** Who reads the 日报 in the bot: 营销部长 and above. */
export const DIRECTOR_ROLES: readonly StaffRole[] = ["marketing_director", "vp", "gm"];

interface Figures {
  visits: number | null;
  first_visits: number | null;
  calls: number | null;
  new_customers: number | null;
  holds: number | null;
  subscriptions: number;
  subscription_amount: number | string;
  contracts: number;
  contract_amount: number | string;
  collections: number | string;
}
export interface DailyReport {
  day: string;
  office: Figures | null;
  rows: (Figures & { staff_id: string | null; name: string | null })[];
}

const money = (v: number | string) => formatYuan(String(v));

/** The day's office figures and the consultants' ranking (the five best), as daily_report gives them. */
export function dailyText(t: Translate, locale: Locale, project: string, r: DailyReport, evening = false): string {
  const o = r.office;
  const lines = [t("daily.title", { project, day: formatDay(r.day, locale) }) + (evening ? ` ${t("daily.evening")}` : "")];
  if (o) {
    lines.push(t("daily.office", { visits: o.visits ?? 0, first: o.first_visits ?? 0, calls: o.calls ?? 0, fresh: o.new_customers ?? 0, holds: o.holds ?? 0 }));
    lines.push(t("daily.deals", {
      subs: o.subscriptions, subAmount: money(o.subscription_amount), contracts: o.contracts, contractAmount: money(o.contract_amount),
      collections: money(o.collections),
    }));
  }
  const ranked = r.rows.filter((x) => x.staff_id !== null).slice(0, 5);
  if (ranked.length > 0) {
    lines.push(t("daily.ranking"));
    ranked.forEach((x, i) => lines.push(t("daily.row", { n: i + 1, name: x.name ?? "—", subs: x.subscriptions, amount: money(x.subscription_amount), visits: x.visits ?? 0 })));
  }
  return lines.join("\n");
}

/** daily_report as the person (their own JWT: the database decides whether they may read it). */
export function loadDaily(db: Db, projectId: string) {
  return attempt<DailyReport>(db, "daily_report", { p_project_id: projectId });
}

/** 日报 / /daily on request. */
export async function showDaily(ctx: BoundContext): Promise<void> {
  const project = projectFor(ctx, DIRECTOR_ROLES);
  if (!project) return void (await ctx.reply(ctx.t("daily.notAllowed")));
  const report = await loadDaily(ctx.db, project.id);
  await ctx.reply(report.ok ? dailyText(ctx.t, ctx.locale, project.name, report.data) : refusalText(report, ctx.locale));
}
