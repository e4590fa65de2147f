import { Table, Typography, theme } from "antd";
import { useTranslation } from "react-i18next";
import { yuanText } from "../money.tsx";
import { fieldLabel, valueText } from "./audit-labels.ts";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

interface DiffRow {
  field: string;
  before: Json | undefined;
  after: Json | undefined;
  changed: boolean;
}

type Readable = Record<string, Json> | null | undefined;

/** The fields of before/after, changed ones first; for a creation or deletion, every field. */
export function diffRows(before: Record<string, Json> | null, after: Record<string, Json> | null): DiffRow[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const rows = keys.map((field) => {
    const b = before?.[field];
    const a = after?.[field];
    return { field, before: b, after: a, changed: JSON.stringify(b ?? null) !== JSON.stringify(a ?? null) };
  });
  // A full row copied on update (triggers) repeats every column: show only what changed then.
  const both = before && after;
  return (both ? rows.filter((r) => r.changed) : rows).sort((x, y) => Number(y.changed) - Number(x.changed));
}

function ValueText({ value, table, field }: { value: Json | undefined; table: string; field: string }) {
  const { t } = useTranslation();
  if (value === undefined || value === null || value === "") return <Typography.Text type="secondary">—</Typography.Text>;
  if (typeof value === "boolean") return <>{t(value ? "audit_trail.yes" : "audit_trail.no")}</>;
  const words = valueText(t, table, field, value, yuanText);
  if (words !== null) return <span style={{ wordBreak: "break-all" }}>{words}</span>;
  if (typeof value === "object") return <code style={{ whiteSpace: "pre-wrap", wordBreak: "break-all", fontSize: 12 }}>{JSON.stringify(value)}</code>;
  return <span style={{ wordBreak: "break-all" }}>{String(value)}</span>;
}

/**
 * 变更前 → 变更后, field by field: field names in the reader's language, references as the database
 * named them (beforeText/afterText: 房源 9-1201, the customer, a person — never a UUID), status words,
 * money formatted. What changed is judged on the stored values.
 */
export function AuditDiff({ table, before, after, beforeText, afterText }: {
  table: string;
  before: Record<string, Json> | null;
  after: Record<string, Json> | null;
  beforeText?: Readable;
  afterText?: Readable;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const rows = diffRows(before, after).map((r) => ({
    ...r,
    before: beforeText && r.field in beforeText ? beforeText[r.field] : r.before,
    after: afterText && r.field in afterText ? afterText[r.field] : r.after,
  }));
  if (!rows.length) return <Typography.Text type="secondary">{t("audit_trail.noChange")}</Typography.Text>;
  return (
    <Table<DiffRow> dataSource={rows} rowKey="field" size="small" pagination={false} data-testid="audit-diff" style={{ maxWidth: 960 }}>
      <Table.Column<DiffRow>
        dataIndex="field"
        title={t("audit_trail.diff.field")}
        width={200}
        render={(field: string) => <span data-testid={`audit-field-${field}`}>{fieldLabel(t, field)}</span>}
      />
      {before && (
        <Table.Column<DiffRow>
          dataIndex="before"
          title={t("audit_trail.diff.before")}
          render={(v: Json | undefined, r) => (
            <div style={r.changed && after ? { background: token.colorErrorBg, padding: "0 4px", borderRadius: 4 } : undefined}>
              <ValueText value={v} table={table} field={r.field} />
            </div>
          )}
        />
      )}
      {after && (
        <Table.Column<DiffRow>
          dataIndex="after"
          title={t("audit_trail.diff.after")}
          render={(v: Json | undefined, r) => (
            <div style={r.changed && before ? { background: token.colorSuccessBg, padding: "0 4px", borderRadius: 4 } : undefined}>
              <ValueText value={v} table={table} field={r.field} />
            </div>
          )}
        />
      )}
    </Table>
  );
}
