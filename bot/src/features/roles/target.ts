import type { Database } from "@so/shared/database.types";
import type { BoundContext } from "../../context.ts";
import type { StaffRole } from "../../i18n/roles.ts";
import { formatYuan } from "../common/format.ts";
import { projectFor } from "../common/project.ts";
import { attempt, refusalText } from "../common/rpc.ts";

type Progress = Database["public"]["Functions"]["target_progress"]["Returns"][number];

/** Who reads the month's targets in the bot (target_progress decides what each sees). */
const TARGET_READERS: readonly StaffRole[] = ["consultant", "sales_manager", "marketing_director", "vp", "gm", "finance"];

/** "3/10（30%）"; a measure without a target shows its figure and 未设定. */
function share(ctx: BoundContext, actual: number | string | null, target: number | string | null, money: boolean): string {
  const show = (v: number | string | null) => (money ? formatYuan(String(v ?? 0)) : String(v ?? 0));
  if (target === null || Number(target) <= 0) return `${show(actual)}/${ctx.t("target.notSet")}`;
  return `${show(actual)}/${show(target)}（${Math.floor((Number(actual ?? 0) / Number(target)) * 100)}%）`;
}

/** 我的指标 / /target: the project's line and the person's own (managers: everyone's). */
export async function showTargets(ctx: BoundContext): Promise<void> {
  const project = projectFor(ctx.staff, TARGET_READERS);
  if (!project) return void (await ctx.reply(ctx.t("target.notAllowed")));
  const result = await attempt<Progress[]>(ctx.db, "target_progress", { p_project_id: project.id });
  if (!result.ok) return void (await ctx.reply(refusalText(result, ctx.locale)));
  const rows = result.data;
  if (!rows.some((r) => r.target_subscriptions !== null)) return void (await ctx.reply(ctx.t("target.none")));
  const month = new Intl.DateTimeFormat(ctx.locale === "en" ? "en" : "zh-CN", { year: "numeric", month: "long", timeZone: "Asia/Shanghai" }).format(new Date());
  const lines = [ctx.t("target.title", { project: project.name, month })];
  for (const r of rows) {
    const who = r.is_project ? ctx.t("target.project") : r.staff_id === ctx.staff.id ? ctx.t("target.me") : (r.staff_name ?? "—");
    lines.push(ctx.t("target.line", {
      who,
      subs: share(ctx, r.subscriptions, r.target_subscriptions, false),
      amount: share(ctx, r.subscription_amount, r.target_subscription_amount, true),
      contracts: share(ctx, r.contract_amount, r.target_contract_amount, true),
      collections: share(ctx, r.collections, r.target_collections, true),
    }));
  }
  await ctx.reply(lines.join("\n"));
}
