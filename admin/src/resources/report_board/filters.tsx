import type { CrudFilters } from "@refinedev/core";
import { DatePicker, Form, Input, Select, Space, type FormProps } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { ClearFiltersButton } from "../../components/clear-filters-button.tsx";
import { REPORT_STATUSES } from "../../components/channel/types.ts";
import { textSearch } from "../../components/text-search.ts";

export interface ReportSearch {
  q?: string;
  status?: string;
  agency_id?: string;
  created?: [Dayjs, Dayjs] | null;
}

/** The search form's values as PostgREST filters (报备时间 by whole days, inclusive). */
export function reportFilters({ q, status, agency_id, created }: ReportSearch): CrudFilters {
  return [
    { field: "status", operator: "eq", value: status || undefined },
    { field: "agency_id", operator: "eq", value: agency_id || undefined },
    { field: "created_at", operator: "gte", value: created?.[0]?.startOf("day").toISOString() },
    { field: "created_at", operator: "lte", value: created?.[1]?.endOf("day").toISOString() },
    textSearch(["customer_name", "phone_input", "customer_phone", "broker_name"], q),
  ];
}

/** 状态 · 中介公司 · 报备日期 · 客户/手机/经纪人. */
export function ReportFilterBar({ formProps, agencies }: { formProps: FormProps; agencies: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <Form {...formProps} layout="inline" style={{ rowGap: 8, marginBottom: 16 }} data-testid="report-filters">
      <Form.Item name="status" label={t("report_board.fields.status")}>
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t("report_board.filters.all")}
          options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`report_board.statuses.${s}`) }))}
          onChange={() => formProps.form?.submit()}
        />
      </Form.Item>
      <Form.Item name="agency_id" label={t("report_board.fields.agency")}>
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t("report_board.filters.all")}
          options={agencies}
          onChange={() => formProps.form?.submit()}
        />
      </Form.Item>
      <Form.Item name="created" label={t("report_board.filters.created")}>
        <DatePicker.RangePicker style={{ width: 250 }} onChange={() => formProps.form?.submit()} />
      </Form.Item>
      <Form.Item name="q">
        <Input.Search allowClear placeholder={t("report_board.filters.search")} style={{ width: 220 }} onSearch={() => formProps.form?.submit()} />
      </Form.Item>
      <Space>
        <ClearFiltersButton form={formProps.form} />
      </Space>
    </Form>
  );
}
