import type { Db } from "../../db/clients.ts";
import type { Locale, Translate } from "../../i18n/index.ts";
import { formatClock, formatDay, todayIn } from "../common/clock.ts";
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
  due: Due[];
  holds: (Hold & { customer: string | null })[];
  approvals: Waiting[];
}

/**
 * My day, read as the person (the views decide what is theirs): follow-ups due today or overdue,
 * my holds with their expiry, the approvals waiting for me.
 */
export async function loadAgenda(db: Db, staffId: string): Promise<Agenda> {
  const [due, holds, approvals] = await Promise.all([
    rows<Due>("follow-ups due", db.from("follow_ups_due").select("customer_id, name, phone, next_date, days_overdue, overdue, last_content").order("next_date").limit(20)),
    rows<Hold>("my holds", db.from("unit_board").select("id, building_code, number, held_for, hold_expires_at").eq("held_by", staffId).eq("status", "held").order("hold_expires_at")),
    rows<Waiting>("approval inbox", db.from("my_approval_inbox").select("step_id, approval_id, subject_type, requester_name, summary").order("activated_at").limit(20)),
  ]);
  const ids = [...new Set(holds.map((h) => h.held_for).filter((id): id is string => id !== null))];
  const names = ids.length
    ? await rows<{ id: string; name: string }>("held customers", db.from("customers").select("id, name").in("id", ids))
    : [];
  return {
    due,
    holds: holds.map((h) => ({ ...h, customer: names.find((n) => n.id === h.held_for)?.name ?? null })),
    approvals,
  };
}

export const agendaIsEmpty = (a: Agenda) => a.due.length === 0 && a.holds.length === 0 && a.approvals.length === 0;

export function agendaText(t: Translate, locale: Locale, a: Agenda, opts: { morning?: boolean } = {}): string {
  const lines = [opts.morning ? t("today.morning", { day: formatDay(todayIn(), locale) }) : t("today.title", { day: formatDay(todayIn(), locale) })];
  if (agendaIsEmpty(a)) return [...lines, t("today.nothing")].join("\n");
  if (a.due.length > 0) {
    lines.push("", t("today.due", { count: a.due.length, overdue: a.due.filter((d) => d.overdue).length }));
    for (const d of a.due) {
      const when = d.overdue ? t("today.overdueDays", { days: d.days_overdue }) : t("today.dueToday");
      lines.push(`• ${d.name} ${maskedPhone(d.phone)} — ${when}${d.last_content ? t("today.last", { content: d.last_content }) : ""}`);
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
