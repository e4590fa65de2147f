import type { TFunction } from "i18next";

export interface MyNotification {
  id: number;
  project_id: string | null;
  kind: string;
  payload: Record<string, unknown>;
  created_at: string;
  read_at: string | null;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v : typeof v === "number" ? String(v) : undefined);

/** The record a notification is about, as an admin route (null: nothing to open). */
export function notificationLink(n: MyNotification): string | null {
  const p = n.payload;
  if (str(p.approval_id)) return `/approvals/${str(p.approval_id)}`;
  if (str(p.contract_id) && (n.kind.startsWith("payment_") || n.kind === "finance_digest")) return "/receivables";
  if (str(p.contract_id)) return `/contracts/show/${str(p.contract_id)}`;
  if (str(p.subscription_id)) return `/subscriptions/show/${str(p.subscription_id)}`;
  // a broker's own report (判客 result) in the portal; staff open it on the 报备 board
  if (str(p.report_id)) return n.kind === "report_ruled" ? `/broker_reports/show/${str(p.report_id)}` : `/report_board/show/${str(p.report_id)}`;
  if (str(p.customer_id)) return `/customers/show/${str(p.customer_id)}`;
  if (n.kind === "payment_due" || n.kind === "payment_overdue" || n.kind === "finance_digest" || n.kind.startsWith("collection_")) return "/receivables";
  if (n.kind === "follow_up_due") return "/follow_ups_due";
  return null;
}

/** The notification's title (its kind) and one line from its payload, in the current language. */
export function notificationText(t: TFunction, n: MyNotification): { title: string; detail: string } {
  const p = n.payload;
  const title = t(`notificationCentre.kinds.${n.kind}`, { defaultValue: t("notificationCentre.kinds.other") });
  const parts: string[] = [];
  const unit = str(p.unit_label);
  const customer = str(p.customer_name) ?? str(p.customer) ?? str(p.name);
  if (unit) parts.push(unit);
  if (customer) parts.push(customer);
  if (n.kind === "approval_waiting" && str(p.requester)) parts.push(t("notificationCentre.requestedBy", { name: str(p.requester) }));
  if (n.kind === "approval_decided" && str(p.decision)) {
    parts.push(t(`notificationCentre.decision.${str(p.decision)}`, { defaultValue: str(p.decision) ?? "" }));
    if (str(p.decider)) parts.push(t("notificationCentre.decidedBy", { name: str(p.decider) }));
  }
  const due = str(p.due_date) ?? str(p.next_date) ?? str(p.next_contact_by) ?? str(p.deadline);
  if (due) parts.push(t("notificationCentre.due", { date: due }));
  return { title, detail: parts.join(" · ") };
}
