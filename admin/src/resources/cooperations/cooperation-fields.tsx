import { useSelect } from "@refinedev/antd";
import { useOne } from "@refinedev/core";
import { DatePicker, Form, Input, InputNumber, Radio, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { useCurrentProject } from "../../session/current-project.tsx";

/**
 * 中介公司, 佣金方式 (比例/固定), 佣金, 保护期, 有效期, 备注. Dates travel as "YYYY-MM-DD"
 * (getValueProps/normalize), the commission as an exact decimal string (InputNumber stringMode).
 */
export function CooperationFields({ lockAgency = false }: { lockAgency?: boolean }) {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const form = Form.useFormInstance();
  const type = Form.useWatch("commission_type", form);
  const { selectProps: agencies } = useSelect({
    resource: "agencies",
    optionLabel: "name",
    optionValue: "id",
    pagination: { mode: "off" },
    sorters: [{ field: "name", order: "asc" }],
  });
  const { result: settings } = useOne<{ report_protection_days: number }>({
    resource: "projects",
    id: project?.projectId ?? "",
    meta: { select: "id, report_protection_days" },
    queryOptions: { enabled: Boolean(project) },
  });
  const asDate = (value?: string | null) => ({ value: value ? dayjs(value) : undefined });
  const toText = (value?: Dayjs | null) => (value ? value.format("YYYY-MM-DD") : null);

  return (
    <>
      <Form.Item name="agency_id" label={t("cooperations.fields.agency")} rules={[{ required: true, message: t("cooperations.errors.agencyRequired") }]}>
        <Select {...agencies} disabled={lockAgency} showSearch optionFilterProp="label" />
      </Form.Item>
      <Form.Item name="commission_type" label={t("cooperations.fields.commission_type")} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={[
            { value: "percent", label: t("cooperations.types.percent") },
            { value: "fixed", label: t("cooperations.types.fixed") },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="commission_value"
        label={t(type === "fixed" ? "cooperations.fields.amount" : "cooperations.fields.percent")}
        rules={[{ required: true, message: t("cooperations.errors.valueRequired") }]}
      >
        <InputNumber<string>
          stringMode
          min="0.0001"
          max={type === "fixed" ? undefined : "100"}
          precision={type === "fixed" ? 2 : undefined}
          addonBefore={type === "fixed" ? "¥" : undefined}
          addonAfter={type === "fixed" ? t("cooperations.perUnit") : "%"}
          style={{ width: 260 }}
        />
      </Form.Item>
      <Form.Item
        name="protection_days"
        label={t("cooperations.fields.protection_days")}
        extra={t("cooperations.help.protection_days", { days: settings?.report_protection_days ?? 30 })}
      >
        <InputNumber min={1} max={365} precision={0} addonAfter={t("projects.units.days")} placeholder={String(settings?.report_protection_days ?? "")} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="valid_from"
        label={t("cooperations.fields.valid_from")}
        rules={[{ required: true, message: t("cooperations.errors.validFromRequired") }]}
        getValueProps={asDate}
        normalize={toText}
      >
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="valid_to" label={t("cooperations.fields.valid_to")} extra={t("cooperations.help.valid_to")} getValueProps={asDate} normalize={toText}>
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="note" label={t("cooperations.fields.note")}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </>
  );
}
