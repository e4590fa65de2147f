import dayjs from "dayjs";
import type { TFunction } from "i18next";

const ROW_CHANGE = /^([a-z_]+)\.(insert|update|delete)$/;

/** A table's Chinese name (audit_trail.tables.*), else the table name itself. */
export const tableLabel = (t: TFunction, table: string): string => t(`audit_trail.tables.${table}`, { defaultValue: table });

/**
 * An action's Chinese name: the known ones (audit_trail.actions.*); a direct edit recorded by the
 * row trigger (`agencies.update`) as 编辑「中介公司」; anything else as its code.
 */
export function actionLabel(t: TFunction, action: string): string {
  const known = t(`audit_trail.actions.${action}`, { defaultValue: "" });
  if (known && typeof known === "string") return known;
  const row = ROW_CHANGE.exec(action);
  if (row) return t(`audit_trail.ops.${row[2]}`, { table: tableLabel(t, row[1]) });
  return action;
}

/** A field's Chinese name where it is a common one, else the column name. */
export const fieldLabel = (t: TFunction, field: string): string => t(`audit_trail.fieldLabels.${field}`, { defaultValue: field });

/** Where a field's stored words are translated: "table.field" first, then "*.field". */
const WORDS: Record<string, string> = {
  "units.status": "inventory.status",
  "subscriptions.status": "deals.subscriptionStatus",
  "contracts.status": "deals.contractStatus",
  "customers.status": "customers.statuses",
  "payments.kind": "finance.paymentKinds",
  "payments.method": "finance.paymentChannels",
  "payment_plan_items.kind": "deals.planKinds",
  "plan.kind": "deals.planKinds",
  "unit_changes.kind": "deals.unitChangeKinds",
  "*.payment_method": "deals.paymentMethods",
  "*.payment_methods": "deals.paymentMethods",
  "*.source": "customers.sources",
  "*.customer_sources": "customers.sources",
  "*.id_type": "papers.idTypes",
  "*.role": "roles",
  "*.roles": "roles",
  "*.gender": "audit_trail.genders",
  "*.purpose": "audit_trail.purposes",
};

/** Amounts of money (yuan) among the audited fields: shown as ¥2,856,000.00. */
const MONEY_FIELDS = new Set([
  "price", "amount", "list_price", "unit_price", "deposit_due", "sincerity_applied", "price_after_policies", "requested_price",
  "special_discount_amount", "final_price", "total_discount_amount", "new_price_preview", "amount_due", "budget_max", "deposit",
  "price_after", "outstanding", "paid",
]);

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A stored value as people say it: status and kind words in the reader's language (已认购, 按揭),
 * money as ¥2,856,000.00, times to the second. References arrive already named by the database
 * (audit_trail.before_text/after_text). Null: nothing better than the value itself.
 */
export function valueText(t: TFunction, table: string, field: string, value: unknown, yuan: (v: unknown) => string): string | null {
  if (typeof value === "string" || typeof value === "number") {
    const words = WORDS[`${table}.${field}`] ?? WORDS[`*.${field}`];
    if (words && typeof value === "string") return t(`${words}.${value}`, { defaultValue: value });
    if (MONEY_FIELDS.has(field)) {
      try {
        return yuan(value);
      } catch {
        return String(value);
      }
    }
    // As the 时间 column shows it: the reader's clock.
    if (typeof value === "string" && TIMESTAMP.test(value)) return dayjs(value).format("YYYY-MM-DD HH:mm:ss");
    return null;
  }
  // A 认购's price build-up: 表价 → each policy → 成交价, in one line.
  if (field === "buildup" && value && typeof value === "object" && !Array.isArray(value)) {
    const b = value as { list_price?: unknown; steps?: { policy?: string; factor?: string; amount?: string; price_after?: unknown }[]; final_price?: unknown };
    if (b.list_price !== undefined) {
      const money = (v: unknown) => valueText(t, table, "price", v, yuan) ?? String(v);
      const steps = (b.steps ?? []).map((s) => `${s.policy ?? ""}${s.factor ? ` ×${s.factor}` : s.amount ? ` −${money(s.amount)}` : ""} = ${money(s.price_after)}`);
      return [`${t("audit_trail.fieldLabels.list_price")} ${money(b.list_price)}`, ...steps, `${t("audit_trail.fieldLabels.final_price")} ${money(b.final_price)}`].join(" → ");
    }
  }
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) {
    return value.map((v) => valueText(t, table, field, v, yuan) ?? String(v)).join("、");
  }
  return null;
}
