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
