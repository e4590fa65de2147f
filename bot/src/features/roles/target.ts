import type { Database } from "@so/shared/database.types";
import type { BoundContext } from "../../context.ts";
import { formatYuan } from "../common/format.ts";
import { currentProject } from "../common/project.ts";
import { attempt, refusalText } from "../common/rpc.ts";

type Progress = Database["public"]["Functions"]["target_progress"]["Returns"][number];

/** "3/10（30%）" with the database's percentage; a measure without a target shows its figure and 未设定. */
function share(ctx: BoundContext, actual: number | string | null, target: number | string | null, percent: number | null, money: boolean): string {
  const show = (v: number | string | null) => (money ? formatYuan(String(v ?? 0)) : String(v ?? 0));
  if (percent === null) return `${show(actual)}/${ctx.t("target.notSet")}`;
  return `${show(actual)}/${show(target)}（${percent}%）`;
}

/** 我的指标 / /target: the project's line and the person's own (managers: everyone's); the database decides who reads. */
export async function showTargets(ctx: BoundContext): Promise<void> {
  const project = currentProject(ctx);
  if (!project) return void (await ctx.reply(ctx.t("target.notAllowed")));
  const result = await attempt<Progress[]>(ctx.db, "target_progress", { p_project_id: project.id });
  if (!result.ok) return void (await ctx.reply(result.code === "forbidden" ? ctx.t("target.notAllowed") : refusalText(result, ctx.locale)));
  const rows = result.data;
  if (!rows.some((r) => r.target_subscriptions !== null)) return void (await ctx.reply(ctx.t("target.none")));
  const month = new Intl.DateTimeFormat(ctx.locale === "en" ? "en" : "zh-CN", { year: "numeric", month: "long", timeZone: "Asia/Shanghai" }).format(new Date());
  const lines = [ctx.t("target.title", { project: project.name, month })];
  for (const r of rows) {
    const who = r.is_project ? ctx.t("target.project") : r.staff_id === ctx.staff.id ? ctx.t("target.me") : (r.staff_name ?? "—");
    lines.push(ctx.t("target.line", {
      who,
      subs: share(ctx, r.subscriptions, r.target_subscriptions, r.subscriptions_percent, false),
      amount: share(ctx, r.subscription_amount, r.target_subscription_amount, r.subscription_amount_percent, true),
      contracts: share(ctx, r.contract_amount, r.target_contract_amount, r.contract_amount_percent, true),
      collections: share(ctx, r.collections, r.target_collections, r.collections_percent, true),
    }));
  }
  await ctx.reply(lines.join("\n"));
}
