import { sumMoney } from "@so/shared/money";
import type { BoundContext } from "../../context.ts";
import { formatClock, formatDay, todayIn } from "../common/clock.ts";
import { formatYuan, maskedPhone } from "../common/format.ts";
import { BROKER_ROLES, projectFor, SALES_ROLES } from "../common/project.ts";
import { rows } from "../common/rpc.ts";

interface CommissionRow {
  contract_no: string | null;
  unit_label: string | null;
  customer_name: string | null;
  amount: string | null;
  status: "computed" | "approved" | "paid" | "cancelled";
  signed_on: string | null;
}

/** 我的佣金: the broker's own commissions (broker_commissions: RLS and the view keep it to them), newest first. */
export async function showCommission(ctx: BoundContext): Promise<void> {
  const { t, locale } = ctx;
  if (!projectFor(ctx, BROKER_ROLES)) return void (await ctx.reply(t("commission.notAllowed")));
  const list = await rows<CommissionRow>(
    "broker commissions",
    ctx.db.from("broker_commissions").select("contract_no, unit_label, customer_name, amount::text, status, signed_on").order("signed_on", { ascending: false }).limit(10),
  );
  if (list.length === 0) return void (await ctx.reply(t("commission.none")));
  const live = list.filter((c) => c.status !== "cancelled");
  const due = sumMoney(live.filter((c) => c.status !== "paid").map((c) => c.amount ?? "0"));
  const paid = sumMoney(live.filter((c) => c.status === "paid").map((c) => c.amount ?? "0"));
  await ctx.reply(
    [
      t("commission.title", { count: list.length }),
      ...list.map((c) =>
        t("commission.line", {
          label: c.unit_label ?? c.contract_no ?? "—", customer: c.customer_name ?? "—", amount: formatYuan(c.amount ?? "0"),
          status: t(`commission.status.${c.status}`), date: c.signed_on ? formatDay(c.signed_on, locale) : "—",
        }),
      ),
      t("commission.total", { due: formatYuan(due), paid: formatYuan(paid) }),
    ].join("\n"),
  );
}

interface BoardRow {
  customer_name: string;
  phone_input: string;
  expected_visit_at: string | null;
  status: string;
}

/** Whether /today should be the broker's day: a broker who does no sales work. */
export const isBrokerOnly = (ctx: BoundContext) => projectFor(ctx, BROKER_ROLES) !== null && projectFor(ctx, SALES_ROLES) === null;

/** A broker's /today: their reported customers expected today (office time), and how many reports wait for a ruling. */
export async function showBrokerDay(ctx: BoundContext): Promise<void> {
  const { t, locale } = ctx;
  const today = todayIn(undefined, ctx.services.now?.() ?? new Date());
  const mine = await rows<BoardRow>(
    "report board",
    ctx.db.from("report_board").select("customer_name, phone_input, expected_visit_at, status").in("status", ["valid", "pending", "visited"]).order("expected_visit_at").limit(200),
  );
  const visiting = mine.filter((r) => r.expected_visit_at && todayIn(undefined, new Date(r.expected_visit_at)) === today);
  const pending = mine.filter((r) => r.status === "pending").length;
  const lines = [t("brokerDay.title", { day: formatDay(today, locale) })];
  if (visiting.length === 0) lines.push(t("brokerDay.none"));
  for (const r of visiting) {
    lines.push(t("brokerDay.line", {
      time: formatClock(r.expected_visit_at!), customer: r.customer_name, phone: maskedPhone(r.phone_input), status: t(`reportStatus.${r.status as "valid"}`),
    }));
  }
  if (pending > 0) lines.push(t("brokerDay.pending", { count: pending }));
  await ctx.reply(lines.join("\n"));
}
