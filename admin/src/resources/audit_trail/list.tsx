import type { ViewRow, With } from "../../lib/db-rows.ts";
import { DateField, List, useTable } from "@refinedev/antd";
import { useList, useParsed } from "@refinedev/core";
import { Button, Table, Tag, Tooltip, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { AuditDiff, diffRows } from "../../components/staff/audit-diff.tsx";
import { AuditFilterBar, auditFilters, type AuditSearch, type Option } from "./filters.tsx";
import { actionLabel, fieldLabel, tableLabel } from "../../components/staff/audit-labels.ts";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

type AuditRow = With<
  ViewRow<"audit_trail", "actor" | "actor_name" | "record_id" | "project_id" | "project_name" | "record_label">,
  {
    surface: "admin" | "bot" | "api" | "system";
    before: Record<string, Json> | null;
    after: Record<string, Json> | null;
    /** The references inside before/after as people know them (named by the database). */
    before_text: Record<string, Json> | null;
    after_text: Record<string, Json> | null;
  }
>;

/** Columns every new row has: left out of the one-line summary (the diff still shows them). */
const QUIET_FIELDS = new Set(["id", "created_at", "created_by", "project_id"]);

const SURFACE_COLORS = { admin: "blue", bot: "cyan", api: "purple", system: "default", broker_portal: "gold" } as const;

/** Namesakes (two 王芳 in different projects) are told apart by their email. */
function peopleOptions(staff: { id: string; name: string; email: string }[]): Option[] {
  const count = new Map<string, number>();
  for (const s of staff) count.set(s.name, (count.get(s.name) ?? 0) + 1);
  return staff.map((s) => ({ value: s.id, label: count.get(s.name)! > 1 ? `${s.name}（${s.email}）` : s.name }));
}

/**
 * 审计日志: who did what to which record, when, from where; before/after as a field-by-field
 * diff. Filters: record (table + id), person, action, dates. `?table=…&record=…` opens it on one record.
 */
export default function AuditTrailList() {
  const { t } = useTranslation();
  const { params } = useParsed<{ table?: string; record?: string }>();
  const { tableProps, searchFormProps } = useTable<AuditRow, never, AuditSearch>({
    syncWithLocation: false,
    sorters: { initial: [{ field: "at", order: "desc" }, { field: "id", order: "desc" }] },
    filters: { initial: auditFilters({ table: params?.table, record: params?.record }) },
    onSearch: auditFilters,
    // Every project the person administers, and entries of no project (staff, invitations).
    meta: { allProjects: true },
  });
  const form = searchFormProps.form;
  useEffect(() => {
    if (params?.table || params?.record) form?.setFieldsValue({ table: params.table, record: params.record });
  }, [form, params?.table, params?.record]);

  const { result: present } = useList<{ table_name: string; action: string }>({ resource: "audit_actions", pagination: { mode: "off" } });
  const { result: staff } = useList<{ id: string; name: string; email: string }>({
    resource: "staff",
    pagination: { mode: "off" },
    sorters: [{ field: "name", order: "asc" }],
    meta: { select: "id, name, email" },
  });
  // A broker works in the same web app, but in their portal: their actions are labelled 经纪人门户.
  const { result: brokers } = useList<{ user_id: string | null }>({ resource: "brokers", pagination: { mode: "off" }, meta: { select: "user_id" } });
  const brokerUsers = new Set((brokers.data ?? []).map((b) => b.user_id).filter(Boolean));
  const rows = present.data ?? [];
  const tables: Option[] = [...new Set(rows.map((r) => r.table_name))].sort().map((v) => ({ value: v, label: tableLabel(t, v) }));
  const actions: Option[] = [...new Set(rows.map((r) => r.action))].sort().map((v) => ({ value: v, label: actionLabel(t, v) }));
  const people = peopleOptions(staff.data ?? []);

  const filterByRecord = (row: AuditRow) => {
    form?.setFieldsValue({ table: row.table_name, record: row.record_id ?? undefined });
    form?.submit();
  };

  return (
    <List>
      <AuditFilterBar formProps={searchFormProps} tables={tables} actions={actions} people={people} />
      <Table<AuditRow>
        {...tableProps}
        rowKey="id"
        size="middle"
        data-testid="audit-table"
        expandable={{ expandedRowRender: (r) => <AuditDiff table={r.table_name} before={r.before} after={r.after} beforeText={r.before_text} afterText={r.after_text} />, rowExpandable: (r) => Boolean(r.before || r.after) }}
      >
        <Table.Column<AuditRow> dataIndex="at" title={t("audit_trail.fields.at")} width={150} render={(v) => <DateField value={v} format="YYYY-MM-DD HH:mm:ss" />} />
        <Table.Column<AuditRow>
          dataIndex="actor_name"
          title={t("audit_trail.fields.actor")}
          render={(v: string | null) => <span data-testid="audit-actor">{v ?? t("audit_trail.system")}</span>}
        />
        <Table.Column<AuditRow>
          dataIndex="surface"
          title={t("audit_trail.fields.surface")}
          render={(v: AuditRow["surface"], r) => {
            const surface = v === "admin" && r.actor && brokerUsers.has(r.actor) ? "broker_portal" : v;
            return (
              <Tag color={SURFACE_COLORS[surface]} data-testid="audit-surface">
                {t(`audit_trail.surfaces.${surface}`)}
              </Tag>
            );
          }}
        />
        <Table.Column<AuditRow>
          dataIndex="action"
          title={t("audit_trail.fields.action")}
          render={(v: string) => (
            <Tooltip title={v}>
              <span>{actionLabel(t, v)}</span>
            </Tooltip>
          )}
        />
        <Table.Column<AuditRow>
          dataIndex="record_id"
          title={t("audit_trail.fields.record")}
          render={(id: string | null, r) => (
            <span>
              {tableLabel(t, r.table_name)}{" "}
              {id && (
                <Tooltip title={t("audit_trail.filterByRecordNamed")}>
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => filterByRecord(r)} data-testid="audit-record">
                    {r.record_label ?? t("audit_trail.thisRecord")}
                  </Button>
                </Tooltip>
              )}
            </span>
          )}
        />
        <Table.Column<AuditRow> dataIndex="project_name" title={t("audit_trail.fields.project")} render={(v) => v ?? "—"} />
        <Table.Column<AuditRow>
          title={t("audit_trail.fields.changes")}
          render={(_, r) => {
            const changed = diffRows(r.before, r.after).filter((d) => d.changed && !QUIET_FIELDS.has(d.field));
            if (!changed.length) return <Typography.Text type="secondary">—</Typography.Text>;
            const names = changed.slice(0, 3).map((d) => fieldLabel(t, d.field));
            return (
              <Typography.Text type="secondary">
                {names.join("、")}
                {changed.length > 3 && t("audit_trail.moreFields", { count: changed.length })}
              </Typography.Text>
            );
          }}
        />
      </Table>
    </List>
  );
}
