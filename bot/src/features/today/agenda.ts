import type { TodoReceivable, TodoSigning } from "@so/shared/todo";
import type { Db } from "../../db/clients.ts";
import type { Locale, Translate } from "../../i18n/index.ts";
import { DbFailure } from "../../db/errors.ts";
import { formatClock, formatDay, OFFICE_TIME_ZONE, todayIn } from "../common/clock.ts";
import { formatWan, maskedPhone } from "../common/format.ts";
import { rows } from "../common/rpc.ts";

interface Due {
  customer_id: string;
  name: string;
  phone: string;
  next_date: string;
  days_overdue: number;
  overdue: boolean;
  last_content: string | null;
}

/** One project's day as my_day counts it, in the project's time zone. */
interface ProjectDay {
  project_id: string;
  today: string;
  follow_ups: Due[];
  signings: TodoSigning[];
  receivables: TodoReceivable[];
}

interface Hold {
  id: string;
  building_code: string;
  number: string;
  held_for: string | null;
  hold_expires_at: string;
}

export interface Waiting {
  step_id: string;
  approval_id: string;
  subject_type: "discount" | "unit_change" | "cancellation" | "contract";
  requester_name: string | null;
  summary: { unit_label?: string; customer_name?: string; requested_price?: string; price?: string };
}

export interface Agenda {
  /** The office's day the agenda was counted for (YYYY-MM-DD). */
  day: string;
  due: Due[];
  signings: TodoSigning[];
  receivables: TodoReceivable[];
  holds: (Hold & { customer: string | null })[];
  approvals: Waiting[];
}

/**
 * My day, read as the person: follow-ups due today or overdue, 当天签约 and 应收款 (my_day, which
 * counts days in each project's time zone at `now`), my holds with their expiry, the approvals
 * waiting for me. `now` is the bot's clock (the database's when omitted). With a project, that
 * project's only (the chat's current project); without, all of the person's.
 */
export async function loadAgenda(db: Db, staffId: string, now?: Date, projectId?: string): Promise<Agenda> {
  let holdsQuery = db.from("unit_board").select("id, building_code, number, held_for, hold_expires_at").eq("held_by", staffId).eq("status", "held");
  let inboxQuery = db.from("my_approval_inbox").select("step_id, approval_id, subject_type, requester_name, summary");
  if (projectId) {
    holdsQuery = holdsQuery.eq("project_id", projectId);
    inboxQuery = inboxQuery.eq("project_id", projectId);
  }
  const [days, holds, approvals] = await Promise.all([
    (async () => {
      const { data, error } = await db.rpc("my_day", now ? { p_now: now.toISOString() } : {});
      if (error) throw new DbFailure("my_day", error);
      return ((data ?? []) as unknown as ProjectDay[]).filter((d) => !projectId || d.project_id === projectId);
    })(),
    rows<Hold>("my holds", holdsQuery.order("hold_expires_at")),
    rows<Waiting>("approval inbox", inboxQuery.order("activated_at").limit(20)),
  ]);
  const ids = [...new Set(holds.map((h) => h.held_for).filter((id): id is string => id !== null))];
  const names = ids.length
    ? await rows<{ id: string; name: string }>("held customers", db.from("customers").select("id, name").in("id", ids))
    : [];
  return {
    day: days[0]?.today ?? todayIn(OFFICE_TIME_ZONE, now),
    due: days.flatMap((d) => d.follow_ups).sort((a, b) => a.next_date.localeCompare(b.next_date)).slice(0, 20),
    signings: days.flatMap((d) => d.signings).slice(0, 20),
    receivables: days.flatMap((d) => d.receivables).slice(0, 20),
    holds: holds.map((h) => ({ ...h, customer: names.find((n) => n.id === h.held_for)?.name ?? null })),
    approvals,
  };
}

export const agendaIsEmpty = (a: Agenda) =>
  a.due.length === 0 && a.signings.length === 0 && a.receivables.length === 0 && a.holds.length === 0 && a.approvals.length === 0;

export function agendaText(t: Translate, locale: Locale, a: Agenda, opts: { morning?: boolean } = {}): string {
  const lines = [opts.morning ? t("today.morning", { day: formatDay(a.day, locale) }) : t("today.title", { day: formatDay(a.day, locale) })];
  if (agendaIsEmpty(a)) return [...lines, t("today.nothing")].join("\n");
  if (a.due.length > 0) {
    lines.push("", t("today.due", { count: a.due.length, overdue: a.due.filter((d) => d.overdue).length }));
    for (const d of a.due) {
      const when = d.overdue ? t("today.overdueDays", { days: d.days_overdue }) : t("today.dueToday");
      lines.push(`• ${d.name} ${maskedPhone(d.phone)} — ${when}${d.last_content ? t("today.last", { content: d.last_content }) : ""}`);
    }
  }
  if (a.signings.length > 0) {
    lines.push("", t("today.signings", { count: a.signings.length }));
    for (const s of a.signings) {
      const state = s.what === "contract"
        ? t("today.signing.contract")
        : s.days_past && s.days_past > 0 ? t("today.signing.pastDeadline", { days: s.days_past }) : t("today.signing.deadline");
      lines.push(`• ${s.unit_label} · ${s.customer_name} · ${formatWan(s.price)} — ${state}`);
    }
  }
  if (a.receivables.length > 0) {
    const overdue = a.receivables.filter((r) => r.overdue_days > 0).length;
    lines.push("", t("today.receivables", { count: a.receivables.length, overdue }));
    for (const r of a.receivables) {
      const state = r.overdue_days > 0 ? t("today.receivable.overdue", { days: r.overdue_days }) : t("today.receivable.due");
      lines.push(`• ${r.unit_label} · ${r.customer_name} · ${t(`planKind.${r.kind}`)} ${formatWan(r.outstanding)} — ${state}`);
    }
  }
  if (a.holds.length > 0) {
    lines.push("", t("today.holds", { count: a.holds.length }));
    for (const h of a.holds) {
      lines.push(`• ${h.building_code}-${h.number}${h.customer ? ` · ${h.customer}` : ""} — ${t("today.holdUntil", { until: formatClock(h.hold_expires_at) })}`);
    }
  }
  if (a.approvals.length > 0) {
    lines.push("", t("today.approvals", { count: a.approvals.length }));
    for (const w of a.approvals) lines.push(`• ${waitingLabel(t, w)}${w.requester_name ? t("today.by", { name: w.requester_name }) : ""}`);
  }
  return lines.join("\n");
}

export function waitingLabel(t: Translate, w: Waiting): string {
  const s = w.summary;
  const price = s.requested_price ?? s.price;
  return [t(`subject.${w.subject_type}`), s.unit_label, s.customer_name, price ? formatWan(price) : null].filter(Boolean).join(" · ");
}
