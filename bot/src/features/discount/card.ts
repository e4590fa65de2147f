import type { PaymentMethod } from "@so/shared/schemas/deals";
import type { Locale, Translate } from "../../i18n/index.ts";
import type { StaffRole } from "../../i18n/roles.ts";
import type { CustomerRef } from "../common/customers.ts";
import { areaText, formatYuan, maskedPhone, priceText } from "../common/format.ts";
import type { UnitDetail } from "../units/search.ts";
import { unitLabel } from "../units/search.ts";
import type { Buildup } from "./buildup.ts";

export const chainText = (t: Translate, chain: readonly string[]) => chain.map((r) => t(`role.${r as StaffRole}`)).join(" → ");

export interface CardState {
  unit: UnitDetail;
  customer: CustomerRef;
  buildup: Buildup | null;
  /** Why price_buildup refused (the database's words), when it did. */
  problem: string | null;
  reason: string | null;
  /** 付款方式 of the deal: the policies' conditions and the approval depend on it. */
  method: string;
  /** Policies the deal does not qualify for, with the database's reason. */
  unfit: readonly string[];
}

/** The build-up and the chain the request would need, before anything is submitted. */
export function discountCard(t: Translate, _locale: Locale, s: CardState): string {
  const lines = [
    t("discount.card.title"),
    t("discount.card.unit", { unit: unitLabel(s.unit), layout: s.unit.layout, area: areaText(s.unit.building_area) }),
    t("discount.card.customer", { name: s.customer.name, phone: maskedPhone(s.customer.phone) }),
    t("discount.card.listPrice", { price: formatYuan(s.unit.list_price) }),
    t("discount.card.method", { method: t(`discount.method.${s.method as PaymentMethod}`) }),
  ];
  for (const reason of s.unfit) lines.push(`  🚫 ${reason}`);
  const b = s.buildup;
  if (b) {
    for (const step of b.steps) lines.push(`  · ${step.policy} → ${formatYuan(step.price_after)}`);
    if (b.steps.length > 0) lines.push(t("discount.card.afterPolicies", { price: formatYuan(b.price_after_policies) }));
    if (b.requested_price) lines.push(t("discount.card.requested", { price: priceText(b.requested_price) }));
    if (b.needs_approval) {
      lines.push(t("discount.card.special", { amount: formatYuan(b.special_discount_amount), depth: b.depth_pct }));
      lines.push(b.chain ? t("discount.card.chain", { chain: chainText(t, b.chain) }) : t("discount.card.beyond", { depth: b.depth_pct }));
    } else {
      lines.push(t("discount.card.notNeeded"));
    }
  }
  if (s.problem) lines.push(`⚠️ ${s.problem}`);
  lines.push(t("discount.card.reason", { reason: s.reason ?? t("discount.card.noReason") }));
  return lines.join("\n");
}

/** Whether 提交 can be offered: a chain exists and a reason is given (the database checks again). */
export const submittable = (s: CardState) =>
  Boolean(s.buildup && s.buildup.needs_approval && !s.buildup.beyond_authority && s.reason && !s.problem);
