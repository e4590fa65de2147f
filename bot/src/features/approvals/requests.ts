import type { Db } from "../../db/clients.ts";
import type { Locale, Translate } from "../../i18n/index.ts";
import type { StaffRole } from "../../i18n/roles.ts";
import { requestKeyboard, type RequestAction } from "../../keyboards/requests.ts";
import type { BoundContext } from "../../context.ts";
import { formatDateTime } from "../common/clock.ts";
import { priceText } from "../common/format.ts";
import { row, rows } from "../common/rpc.ts";

/** One of my discount requests as discount_request_overview shows it (RLS: mine, or ones I may see). */
export interface RequestRow {
  id: string;
  approval_id: string;
  project_id: string;
  unit_id: string;
  unit_label: string;
  customer_id: string;
  customer_name: string;
  requester_id: string;
  list_price: string;
  policy_ids: string[];
  price_after_policies: string;
  requested_price: string;
  special_discount_amount: string;
  depth_pct: string;
  reason: string;
  buildup: { steps?: { policy: string; price_after: string }[] } | null;
  status: "pending" | "approved" | "rejected" | "cancelled" | "used";
  effective_status: RequestRow["status"] | "lapsed";
  lapses_at: string | null;
  created_at: string;
  decided_at: string | null;
}

interface Step {
  seq: number;
  role: StaffRole;
  status: string;
  decider: string | null;
  decided_at: string | null;
  comment: string | null;
}

const COLUMNS =
  "id, approval_id, project_id, unit_id, unit_label, customer_id, customer_name, requester_id, list_price::text, policy_ids, " +
  "price_after_policies::text, requested_price::text, special_discount_amount::text, depth_pct::text, reason, buildup, status, " +
  "effective_status, lapses_at, created_at, decided_at";

export const requestLabel = (r: Pick<RequestRow, "unit_label" | "customer_name">) => `${r.unit_label} · ${r.customer_name}`;

/** One request by id, as the person may see it (null when RLS hides it or it does not exist). */
export function loadRequest(db: Db, requestId: string): Promise<RequestRow | null> {
  return row<RequestRow>("discount request", db.from("discount_request_overview").select(COLUMNS).eq("id", requestId).maybeSingle());
}

/** The payment method the approval was given for (null: any). */
export async function requestMethod(db: Db, requestId: string): Promise<string | null> {
  const r = await row<{ payment_method: string | null }>(
    "discount request method",
    db.from("discount_requests").select("payment_method").eq("id", requestId).maybeSingle(),
  );
  return r?.payment_method ?? null;
}

/**
 * 我的申请: my latest discount requests with where each stands — the step, whose turn it is and
 * since when; who approved or rejected and why; lapsed, used, withdrawn. Approved ones get
 * 起草认购, rejected or lapsed ones 重新申请.
 */
export async function showMyRequests(ctx: BoundContext): Promise<void> {
  const { t, locale } = ctx;
  const mine = await rows<RequestRow>(
    "my discount requests",
    ctx.db.from("discount_request_overview").select(COLUMNS).eq("requester_id", ctx.staff.id).order("created_at", { ascending: false }).limit(10),
  );
  if (mine.length === 0) return void (await ctx.reply(t("requests.none")));
  const approvals = await rows<{ id: string; steps: Step[] | null }>(
    "approval steps",
    ctx.db.from("my_approval_requests").select("id, steps").in("id", mine.map((r) => r.approval_id)),
  );
  const stepsOf = new Map(approvals.map((a) => [a.id, a.steps ?? []]));
  const lines = [t("requests.title")];
  const buttons: { text: string; requestId: string; action: RequestAction }[] = [];
  mine.forEach((r, i) => {
    lines.push(t("requests.line", { n: i + 1, label: `${requestLabel(r)} · ${priceText(r.requested_price)}` }));
    lines.push(statusLine(t, locale, r, stepsOf.get(r.approval_id) ?? []));
    if (r.effective_status === "approved") buttons.push({ text: t("requests.draftButton", { label: r.unit_label }), requestId: r.id, action: "subscribe" });
    if (r.effective_status === "rejected" || r.effective_status === "lapsed") {
      buttons.push({ text: t("requests.reapplyButton", { label: r.unit_label }), requestId: r.id, action: "reapply" });
    }
  });
  await ctx.reply(lines.join("\n"), buttons.length > 0 ? { reply_markup: requestKeyboard(buttons) } : {});
}

const who = (t: Translate, s: Step | undefined) => (s ? `${t(`role.${s.role}`)} ${s.decider ?? ""}`.trim() : t("unknown"));

export function statusLine(t: Translate, locale: Locale, r: RequestRow, steps: Step[]): string {
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : t("unknown"));
  switch (r.effective_status) {
    case "pending": {
      const current = steps.find((s) => s.status === "pending");
      const previous = [...steps].reverse().find((s) => s.decided_at !== null);
      return t("requests.pending", {
        seq: current?.seq ?? steps.length, total: steps.length, role: current ? t(`role.${current.role}`) : t("unknown"),
        since: when(previous?.decided_at ?? r.created_at),
      });
    }
    case "approved": {
      const last = [...steps].reverse().find((s) => s.status === "approved");
      return t("requests.approved", { who: who(t, last), at: when(r.decided_at), until: when(r.lapses_at) });
    }
    case "rejected": {
      const step = steps.find((s) => s.status === "rejected");
      return t("requests.rejected", { who: who(t, step), reason: step?.comment ?? t("unknown") });
    }
    case "lapsed":
      return t("requests.lapsed", { at: when(r.lapses_at) });
    case "used":
      return t("requests.used");
    default:
      return t("requests.cancelled");
  }
}

/** Why an approval cannot be drafted into a 认购 now (null: it can). The database checks again. */
export function notUsable(t: Translate, locale: Locale, r: RequestRow): string | null {
  switch (r.effective_status) {
    case "approved":
      return null;
    case "lapsed":
      return t("requests.notUsable.lapsed", { at: r.lapses_at ? formatDateTime(r.lapses_at, locale) : t("unknown") });
    default:
      return t(`requests.notUsable.${r.effective_status}`);
  }
}

/** The rejection comment of a request's approval, for 重新申请. */
export async function rejectionOf(db: Db, approvalId: string, t: Translate): Promise<string> {
  const a = await row<{ steps: Step[] | null }>("approval steps", db.from("my_approval_requests").select("steps").eq("id", approvalId).maybeSingle());
  const step = (a?.steps ?? []).find((s) => s.status === "rejected");
  return step ? `${who(t, step)}：${step.comment ?? ""}` : t("unknown");
}
