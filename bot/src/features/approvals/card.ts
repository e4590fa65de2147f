import type { Locale, Translate } from "../../i18n/index.ts";
import type { StaffRole } from "../../i18n/roles.ts";
import { formatDateTime } from "../common/clock.ts";
import { formatYuan, priceText } from "../common/format.ts";

/** An approval card as the database writes it (private.approval_card: the summary + the step). */
export interface ApprovalCard {
  approval_id: string;
  step_id: string;
  subject_type: "discount" | "unit_change" | "cancellation" | "contract" | "price_change";
  seq: number;
  role: StaffRole;
  steps_total?: number;
  chain?: StaffRole[];
  requester?: string;
  lapses_at?: string | null;
  unit_label?: string;
  new_unit_label?: string | null;
  customer_name?: string;
  list_price?: string;
  policies?: { id: string; name: string }[];
  price_after_policies?: string;
  requested_price?: string;
  special_discount_amount?: string;
  depth_pct?: string;
  reason?: string | null;
  price?: string | null;
  new_price?: string | null;
  contract_no?: string;
  on_behalf_of?: string | null;
  /** 越级: this step went up a level because nobody but the requester (or an earlier decider) could decide it. */
  escalated?: boolean;
  escalated_from?: StaffRole | null;
  escalation_reason?: string | null;
  /** 调价申请: how many units, the deepest cut, the rows (first 20). */
  units_count?: number;
  max_cut_pct?: string | null;
  items?: { unit_label: string; old_list_price: string; new_list_price: string; cut_pct: string; below_floor: boolean }[];
}

/** Where the approval stands now (approval_overview). */
export interface ApprovalState {
  status: string;
  effective_status: "pending" | "approved" | "rejected" | "cancelled" | "lapsed";
  current_step_id: string | null;
  steps: {
    id: string; seq: number; role: StaffRole; status: string; decider: string | null; comment: string | null; on_behalf_of: string | null;
    escalated_from?: StaffRole | null; escalation_reason?: string | null;
  }[];
}

const role = (t: Translate, r: StaffRole) => t(`role.${r}`);

/** Whether this card's buttons still make sense: the approval is pending and this is its current step. */
export const cardIsLive = (card: ApprovalCard, state: ApprovalState | null) =>
  state !== null && state.effective_status === "pending" && state.current_step_id === card.step_id;

export function approvalCardText(t: Translate, locale: Locale, card: ApprovalCard, state: ApprovalState | null): string {
  const chain = state?.steps.map((s) => s.role) ?? card.chain ?? [];
  const lines = [
    t("approvals.card.title", {
      subject: t(`subject.${card.subject_type}`), seq: card.seq, total: chain.length || card.steps_total || 1, role: role(t, card.role),
    }),
  ];
  const add = (label: string, value: string | null | undefined) => {
    if (value) lines.push(`${label}${value}`);
  };
  add(t("approvals.card.escalated"), card.escalation_reason);
  add(t("approvals.card.unit"), card.new_unit_label ? `${card.unit_label} → ${card.new_unit_label}` : card.unit_label);
  add(t("approvals.card.customer"), card.customer_name);
  add(t("approvals.card.contractNo"), card.contract_no);
  if (card.subject_type === "discount") {
    add(t("approvals.card.listPrice"), card.list_price && formatYuan(card.list_price));
    add(t("approvals.card.policies"), card.policies ? card.policies.map((p) => p.name).join("、") || t("none") : null);
    add(t("approvals.card.afterPolicies"), card.price_after_policies && formatYuan(card.price_after_policies));
    add(t("approvals.card.requested"), card.requested_price && priceText(card.requested_price));
    add(t("approvals.card.special"), card.special_discount_amount && `${formatYuan(card.special_discount_amount)}（${card.depth_pct}%）`);
  } else if (card.subject_type === "price_change") {
    add(t("approvals.card.priceUnits"), card.units_count ? t("approvals.card.priceUnitsValue", { count: card.units_count, pct: card.max_cut_pct ?? "" }) : null);
    for (const i of card.items ?? []) {
      lines.push(`· ${i.unit_label}：${formatYuan(i.old_list_price)} → ${formatYuan(i.new_list_price)}（-${i.cut_pct}%${i.below_floor ? t("approvals.card.belowFloor") : ""}）`);
    }
  } else {
    add(t("approvals.card.price"), card.price && priceText(card.price));
    add(t("approvals.card.newPrice"), card.new_price && priceText(card.new_price));
  }
  add(t("approvals.card.reason"), card.reason);
  add(t("approvals.card.requester"), card.requester);
  add(t("approvals.card.chain"), chain.map((r) => role(t, r)).join(" → "));
  add(t("approvals.card.lapses"), card.lapses_at && formatDateTime(card.lapses_at, locale));
  if (state) {
    lines.push("", t("approvals.card.progress"));
    for (const s of state.steps) lines.push(stepLine(t, s));
    lines.push(t(`approvals.result.${state.effective_status}`));
  }
  return lines.join("\n");
}

function stepLine(t: Translate, s: ApprovalState["steps"][number]): string {
  const who = `${role(t, s.role)}${s.decider ? ` ${s.decider}` : ""}${s.on_behalf_of ? t("approvals.delegated") : ""}`;
  switch (s.status) {
    case "approved":
      return `✅ ${who} ${t("approvals.step.approved")}${s.comment ? `：${s.comment}` : ""}`;
    case "rejected":
      return `❌ ${who} ${t("approvals.step.rejected")}${s.comment ? `：${s.comment}` : ""}`;
    case "pending":
      return `⏳ ${who} ${t("approvals.step.pending")}${s.escalated_from ? `（${t("approvals.step.escalatedFrom", { role: role(t, s.escalated_from) })}）` : ""}`;
    case "skipped":
      return s.escalation_reason ? `⤴️ ${who} ${t("approvals.step.skippedUp")}：${s.escalation_reason}` : `– ${who}`;
    default:
      return `· ${who}`;
  }
}
