import type { CrudFilters } from "@refinedev/core";
import { DatePicker, Form, Input, Select, type FormProps } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { ClearFiltersButton } from "../../components/clear-filters-button.tsx";

export interface AuditSearch {
  table?: string;
  record?: string;
  actor?: string;
  action?: string;
  at?: [Dayjs, Dayjs] | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The search form as PostgREST filters; a record id that is not a uuid matches nothing rather than failing. */
export function auditFilters({ table, record, actor, action, at }: AuditSearch): CrudFilters {
  const id = record?.trim();
  return [
    { field: "table_name", operator: "eq", value: table || undefined },
    { field: "record_id", operator: "eq", value: id ? (UUID.test(id) ? id : "00000000-0000-0000-0000-000000000000") : undefined },
    { field: "actor", operator: "eq", value: actor || undefined },
    { field: "action", operator: "eq", value: action || undefined },
    { field: "at", operator: "gte", value: at?.[0]?.startOf("day").toISOString() },
    { field: "at", operator: "lte", value: at?.[1]?.endOf("day").toISOString() },
  ];
}

export interface Option {
  value: string;
  label: string;
}

/** 对象（表 + 记录ID）· 操作人 · 操作 · 日期. */
export function AuditFilterBar({ formProps, tables, actions, people }: { formProps: FormProps; tables: Option[]; actions: Option[]; people: Option[] }) {
  const { t } = useTranslation();
  const submit = () => formProps.form?.submit();
  return (
    <Form {...formProps} layout="inline" style={{ marginBottom: 16, rowGap: 8 }} data-testid="audit-filters">
      <Form.Item name="table" label={t("audit_trail.fields.table_name")}>
        <Select allowClear showSearch optionFilterProp="label" style={{ width: 150 }} options={tables} placeholder={t("audit_trail.filters.all")} onChange={submit} />
      </Form.Item>
      <Form.Item name="record" label={t("audit_trail.fields.record_id")}>
        <Input.Search allowClear style={{ width: 230 }} placeholder={t("audit_trail.filters.recordPlaceholder")} onSearch={submit} />
      </Form.Item>
      <Form.Item name="actor" label={t("audit_trail.fields.actor")}>
        <Select allowClear showSearch optionFilterProp="label" style={{ width: 150 }} options={people} placeholder={t("audit_trail.filters.all")} onChange={submit} data-testid="audit-actor-filter" />
      </Form.Item>
      <Form.Item name="action" label={t("audit_trail.fields.action")}>
        <Select allowClear showSearch optionFilterProp="label" style={{ width: 200 }} options={actions} placeholder={t("audit_trail.filters.all")} onChange={submit} />
      </Form.Item>
      <Form.Item name="at" label={t("audit_trail.fields.at")}>
        <DatePicker.RangePicker style={{ width: 250 }} onChange={submit} />
      </Form.Item>
      <ClearFiltersButton form={formProps.form} />
    </Form>
  );
}
