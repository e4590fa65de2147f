import type { ApprovalCard } from "../features/approvals/card.ts";
import { formatClock, formatDateTime, formatDay } from "../features/common/clock.ts";
import { formatWan, maskedPhone } from "../features/common/format.ts";
import { rulingText, type Ruled } from "../features/reports/card.ts";
import type { Locale, Translate } from "../i18n/index.ts";
import type { StaffRole } from "../i18n/roles.ts";

type Payload = Record<string, any>;

const role = (t: Translate, r: unknown) => (typeof r === "string" ? t(`role.${r as StaffRole}`) : t("unknown"));
const money = (v: unknown) => (typeof v === "string" && v ? formatWan(v) : null);
const when = (v: unknown, locale: Locale) => (typeof v === "string" && v ? formatDateTime(v, locale) : null);

/** 特殊优惠 · 3-1203 · 王五 · 392.25万 */
function subjectLabel(t: Translate, p: Payload): string {
  const kind = (p.subject_type ?? p.kind) as ApprovalCard["subject_type"] | undefined;
  return [kind ? t(`subject.${kind}`) : null, p.unit_label, p.customer_name, money(p.requested_price ?? p.price)]
    .filter(Boolean)
    .join(" · ");
}

/** The requester's news of a decision on their request. */
export function decisionText(t: Translate, p: Payload): string {
  const who = `${role(t, p.role)} ${p.decider ?? ""}`.trim();
  const label = subjectLabel(t, p);
  if (p.decision === "reject") return t("notify.decided.rejected", { label, who, reason: p.comment ?? t("unknown") });
  if (p.approval_status === "approved") return t("notify.decided.approved", { label, who });
  return t("notify.decided.step", { label, who, next: role(t, p.next_role) });
}

/**
 * One notification as a message in the recipient's language. Approval cards, their updates and
 * the morning digest are drawn by the worker itself; everything else is a line or two here.
 */
export function notificationText(t: Translate, locale: Locale, kind: string, p: Payload): string {
  switch (kind) {
    case "approval_decided":
      return decisionText(t, p);
    case "approval_cancelled":
      return t("notify.cancelled", { label: subjectLabel(t, p) });
    case "hold_expiring":
      return [
        t("units.holdExpiring", { unit: String(p.unit_label ?? ""), customer: String(p.customer_name ?? t("unknown")), until: formatClock(p.expires_at ?? null) }),
        ...(p.can_extend ? [] : [t("units.holdExpiringNoExtend")]),
      ].join("\n");
    case "approval_delegated":
      return t("notify.delegated", { name: p.delegator ?? t("unknown"), until: when(p.valid_to, locale) ?? t("unknown") });
    case "collision":
      return p.owner_name
        ? t("notify.collision.manager", { customer: p.customer_name, owner: p.owner_name, claimant: p.claimant_name })
        : t("notify.collision.owner", { customer: p.customer_name, claimant: p.claimant_name });
    case "collision_ruled":
      return p.decision === "transfer"
        ? t("notify.collisionRuled.transfer", { customer: p.customer_name, reason: p.reason ?? "" })
        : t("notify.collisionRuled.keep", { customer: p.customer_name, reason: p.reason ?? "" });
    case "customer_claimed":
      return t("notify.customerClaimed", { customer: p.customer_name, by: p.by_name ?? t("unknown") });
    case "customers_assigned":
      return t("notify.customersAssigned", { count: p.count, from: p.from_name ?? t("unknown"), reason: p.reason ?? "" });
    case "report_ruled":
      return `${t("notify.reportRuled", { customer: p.customer_name ?? "" })}\n${rulingText(t, locale, p as Ruled)}`;
    case "report_received":
      return t("notify.reportReceived", {
        broker: p.broker_name ?? t("unknown"), customer: p.customer_name, phone: maskedPhone(String(p.phone ?? "")),
        visit: when(p.expected_visit_at, locale) ?? t("unknown"),
      });
    case "report_visit":
      return t("notify.reportVisit", { customer: p.customer_name });
    case "unit_released":
      return t("notify.unitReleased", { unit: p.number, by: p.by_name ?? t("unknown") });
    case "unit_withheld":
      return t("notify.unitWithheld", { unit: p.number, reason: p.reason ?? "" });
    case "walk_in_assigned":
      return p.customer_name ? t("notify.walkIn.owner", { customer: p.customer_name }) : t("notify.walkIn.turn");
    case "complaint_filed":
    case "complaint_assigned":
      return t("notify.complaint", { name: p.complainant_name ?? t("unknown") });
    case "complaint_resolved":
      return t("notify.complaintResolved", { name: p.complainant_name ?? t("unknown"), resolution: p.resolution ?? "" });
    case "subscription_created":
      return t("notify.subscription", { label: subjectLabel(t, p), deposit: money(p.deposit_due) ?? "—" });
    case "contract_signed":
      return t("notify.contractSigned", { label: subjectLabel(t, p), no: p.contract_no ?? "" });
    case "refund_due":
      return t("notify.refundDue", { label: subjectLabel(t, p), amount: money(p.refund_due) ?? "—" });
    case "contract_deadline_near":
      return t("notify.deadlineNear", { label: subjectLabel(t, p), date: String(p.contract_deadline ?? ""), deposit: money(p.deposit_outstanding) ?? "—" });
    case "contract_deadline_passed":
      return t("notify.deadlinePassed", { label: subjectLabel(t, p), date: String(p.contract_deadline ?? ""), days: String(-Number(p.days_left ?? 0)) });
    case "contract_deadline_extended":
      return t("notify.deadlineExtended", { label: subjectLabel(t, p), date: String(p.contract_deadline ?? ""), by: p.by ?? t("unknown"), reason: p.reason ?? "" });
    case "carry_over_due":
      return t("notify.carryOver", { label: subjectLabel(t, p), amount: money(p.carry_over_due) ?? "—" });
    case "commission_computed":
    case "commission_approved":
    case "commission_payable":
    case "commission_paid":
      return t("notify.commission", { label: subjectLabel(t, p), amount: money(p.amount) ?? "—", status: t(`notify.commission.${kind}`) });
    case "follow_up_due":
      return t("notify.followUpDue", { customer: p.customer_name ?? t("unknown"), phone: maskedPhone(String(p.phone ?? "")), last: p.last_content ?? "" });
    case "customer_review":
      return p.decision === "release"
        ? t("notify.customerReview.release", { customer: p.customer_name ?? t("unknown"), by: p.reviewer_name ?? t("unknown"), reason: p.reason ?? "" })
        : t("notify.customerReview.keep", {
            customer: p.customer_name ?? t("unknown"), grade: p.grade ?? "—", by: p.reviewer_name ?? t("unknown"),
            date: typeof p.next_contact_by === "string" ? formatDay(p.next_contact_by, locale) : t("unknown"), advice: p.advice ?? "",
          });
    case "review_deadline":
      return t("notify.reviewDeadline", {
        customer: p.customer_name ?? t("unknown"), phone: maskedPhone(String(p.phone ?? "")),
        date: typeof p.next_contact_by === "string" ? formatDay(p.next_contact_by, locale) : t("unknown"), advice: p.advice ?? "",
      });
    case "customer_pooled":
      return p.stage === "pooled"
        ? t("notify.pooled", { customer: p.customer_name ?? t("unknown"), phone: maskedPhone(String(p.phone ?? "")) })
        : t("notify.poolWarning", {
            customer: p.customer_name ?? t("unknown"), phone: maskedPhone(String(p.phone ?? "")),
            days: Number(p.days_left ?? 0), until: when(p.expires_at, locale) ?? t("unknown"),
          });
    case "payment_due":
    case "payment_overdue": {
      const args = {
        label: [p.unit_label, p.customer_name].filter(Boolean).join(" · "),
        kind: t(`planKind.${String(p.kind)}` as "planKind.installment"),
        amount: money(p.outstanding) ?? "—",
        no: typeof p.contract_no === "string" ? p.contract_no : null,
      };
      return kind === "payment_due" ? t("notify.paymentDue", args) : t("notify.paymentOverdue", { ...args, days: Number(p.overdue_days ?? 0) });
    }
    case "collection_report":
    case "collection_letter": {
      const args = {
        label: [p.unit_label, p.customer_name].filter(Boolean).join(" · "),
        amount: money(p.outstanding) ?? "—",
        days: Number(p.overdue_days ?? 0),
        no: typeof p.contract_no === "string" ? p.contract_no : null,
        consultant: typeof p.consultant_name === "string" ? p.consultant_name : t("unknown"),
      };
      return kind === "collection_report" ? t("notify.collectionReport", args) : t("notify.collectionLetter", args);
    }
    case "finance_digest": {
      const day = typeof p.day === "string" ? formatDay(p.day, locale) : t("unknown");
      const project = p.project_name ?? "";
      if (Number(p.due_today_count ?? 0) + Number(p.overdue_count ?? 0) === 0) return t("notify.financeDigest.none", { day, project });
      return t("notify.financeDigest", {
        day, project, dueCount: Number(p.due_today_count ?? 0), dueAmount: money(p.due_today_amount) ?? "0",
        overdueCount: Number(p.overdue_count ?? 0), overdueAmount: money(p.overdue_amount) ?? "0",
      });
    }
    default:
      return t("notify.other");
  }
}
