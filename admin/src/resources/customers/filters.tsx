import type { CrudFilters } from "@refinedev/core";
import { Button, Form, Select, Space, type FormProps } from "antd";
import { useTranslation } from "react-i18next";
import { CUSTOMER_STATUSES } from "@so/shared/enums";
import { GRADES } from "@so/shared/schemas/customers";
import { ClearFiltersButton } from "../../components/clear-filters-button.tsx";
import { useSourceOptions } from "../../components/customers/source-options.ts";
import type { ProjectPerson } from "../../hooks/use-project-staff.ts";

export interface CustomerFilterValues {
  grade?: string[];
  source?: string;
  owner_id?: string;
  status?: string;
  idle_days?: number;
}

const IDLE_DAYS = [3, 7, 15, 30, 60] as const;

/** The filter form's values as the view's filters (an empty field removes its filter). */
export function customerFilters(values: CustomerFilterValues): CrudFilters {
  return [
    { field: "grade", operator: "in", value: values.grade?.length ? values.grade : undefined },
    { field: "source", operator: "eq", value: values.source || undefined },
    { field: "owner_id", operator: "eq", value: values.owner_id || undefined },
    { field: "status", operator: "eq", value: values.status || undefined },
    { field: "idle_days", operator: "gte", value: values.idle_days ?? undefined },
  ];
}

/** 意向等级 · 来源 · 权属顾问 · 状态 · 未跟进天数 */
export function CustomerFilterForm({ formProps, owners }: { formProps: FormProps<CustomerFilterValues>; owners?: ProjectPerson[] }) {
  const { t } = useTranslation();
  const sources = useSourceOptions();
  return (
    <Form {...formProps} layout="inline" style={{ rowGap: 8, marginBottom: 16 }} data-testid="customer-filters">
      <Form.Item name="grade" label={t("customers.fields.grade")}>
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 120 }}
          placeholder={t("customers.filters.any")}
          options={GRADES.map((g) => ({ value: g, label: g, title: t(`customers.grades.${g}`) }))}
        />
      </Form.Item>
      <Form.Item name="source" label={t("customers.fields.source")}>
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder={t("customers.filters.any")}
          options={sources}
        />
      </Form.Item>
      {owners && (
        <Form.Item name="owner_id" label={t("customers.fields.owner")}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 130 }}
            placeholder={t("customers.filters.any")}
            options={owners.map((s) => ({ value: s.id, label: s.active ? s.name : t("customers.filters.inactive", { name: s.name }) }))}
          />
        </Form.Item>
      )}
      <Form.Item name="status" label={t("customers.fields.status")}>
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder={t("customers.filters.any")}
          options={CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`customers.statuses.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="idle_days" label={t("customers.fields.idle_days")}>
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t("customers.filters.any")}
          options={IDLE_DAYS.map((d) => ({ value: d, label: t("customers.filters.idleAtLeast", { days: d }) }))}
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t("buttons.filter")}
          </Button>
          <ClearFiltersButton form={formProps.form} />
        </Space>
      </Form.Item>
    </Form>
  );
}
