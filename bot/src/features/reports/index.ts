import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { isBound, type BotContext, type BoundContext } from "../../context.ts";
import { enterDialog } from "../common/dialog.ts";
import { onIntent } from "../common/intent.ts";
import { BROKER_ROLES, projectFor } from "../common/project.ts";
import { rows } from "../common/rpc.ts";
import { reportLine, type BoardRow, type ReportDraft } from "./card.ts";
import { reportDialog, type ReportInput } from "./dialog.ts";

/**
 * 经纪人报备: `报备 李四 138****5678 明天下午3点到访` → card → 确认 → the 判客 result at once;
 * `/reports` lists my reports and their status (RLS: a broker sees only their own).
 */
export const reportsFeature = new Composer<BotContext>();
const bound = reportsFeature.filter(isBound);
export const reportsDialogs = createConversation(reportDialog, "report");

async function start(ctx: BoundContext, draft: ReportDraft) {
  const project = projectFor(ctx, BROKER_ROLES);
  if (!project) return void (await ctx.reply(ctx.t("reports.notAllowed")));
  const input: ReportInput = { projectId: project.id, projectName: project.name, draft };
  await enterDialog(ctx, "report", input);
}

/** /reports, or 我的报备 / 查一下我的报备 / 报备记录 typed as brokers do (before the parser, which would read 报备 as a new report). */
const MY_REPORTS = /^(?:查(?:一?下|看)?)?(?:我的报备|报备记录|我报备的客户)(?:情况|结果|呢)?$/;

bound.on("message:text").filter((ctx) => MY_REPORTS.test(ctx.message.text.trim()), (ctx) => listReports(ctx));
bound.command("reports", (ctx) => listReports(ctx));

bound.command("report", (ctx) => start(ctx, { customerName: null, phone: null, visit: null }));
bound.use(
  onIntent("report_customer", (ctx, { report: r }) =>
    start(ctx, { customerName: r.customer_name, phone: r.customer_phone, visit: r.expected_visit }),
  ),
);

async function listReports(ctx: BoundContext) {
  const list = await rows<BoardRow>(
    "report board",
    ctx.db
      .from("report_board")
      .select("report_id:id, customer_name, phone_input, expected_visit_at, status, invalid_reason_text, lapses_at, protected_until")
      .order("created_at", { ascending: false })
      .limit(10),
  );
  if (list.length === 0) return void (await ctx.reply(ctx.t("reports.none")));
  await ctx.reply([ctx.t("reports.title", { count: list.length }), ...list.map((r) => reportLine(ctx.t, ctx.locale, r))].join("\n"));
}
