import { useSelect } from "@refinedev/antd";
import { normalizeMobile } from "@so/shared/phone";
import { Form, Input, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { useProjectStaff } from "../../hooks/use-project-staff.ts";
import { useCurrentProject } from "../../session/current-project.tsx";

/**
 * 中介公司 → 门店, 姓名, 手机, 登录账号 (a person with the 经纪人 role in the current project),
 * 在职. A broker's login sees the broker portal; without one the broker is a name on reports.
 */
export function BrokerFields({ editing = false }: { editing?: boolean }) {
  const { t } = useTranslation();
  const { project, identity } = useCurrentProject();
  // Re-pointing an existing broker's login is for administrators only (the database refuses others).
  const loginLocked = editing && !identity?.isAdmin;
  const form = Form.useFormInstance();
  const agencyId = Form.useWatch("agency_id", form);
  const { selectProps: agencies } = useSelect({ resource: "agencies", optionLabel: "name", optionValue: "id", pagination: { mode: "off" } });
  const { selectProps: stores } = useSelect({
    resource: "agency_stores",
    optionLabel: "name",
    optionValue: "id",
    pagination: { mode: "off" },
    filters: [{ field: "agency_id", operator: "eq", value: agencyId }],
    queryOptions: { enabled: Boolean(agencyId) },
  });
  const { withRole, loading: isLoading } = useProjectStaff(project?.projectId);
  const logins = withRole("broker");

  return (
    <>
      <Form.Item name="agency_id" label={t("brokers.fields.agency")} rules={[{ required: true, message: t("brokers.errors.agencyRequired") }]}>
        <Select {...agencies} showSearch optionFilterProp="label" onChange={(value) => form.setFieldsValue({ agency_id: value, store_id: null })} />
      </Form.Item>
      <Form.Item name="store_id" label={t("brokers.fields.store")}>
        <Select {...stores} allowClear disabled={!agencyId} placeholder={t("brokers.storePlaceholder")} />
      </Form.Item>
      <Form.Item name="name" label={t("brokers.fields.name")} rules={[{ required: true, whitespace: true, message: t("brokers.errors.nameRequired") }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t("brokers.fields.phone")}
        normalize={(v: string) => v?.trim() || null}
        rules={[{ validator: async (_, v: string | null) => { if (v && !normalizeMobile(v)) throw new Error(t("brokers.errors.phone")); } }]}
      >
        <Input maxLength={20} inputMode="tel" />
      </Form.Item>
      <Form.Item name="user_id" label={t("brokers.fields.login")} extra={t(loginLocked ? "brokers.help.loginLocked" : "brokers.help.login")}>
        <Select
          disabled={loginLocked}
          allowClear
          showSearch
          optionFilterProp="label"
          loading={isLoading}
          placeholder={t("brokers.loginPlaceholder")}
          options={logins.map((p) => ({ value: p.id, label: `${p.name}（${p.email}）` }))}
        />
      </Form.Item>
      <Form.Item name="active" label={t("brokers.fields.active")} valuePropName="checked" initialValue={true}>
        <Switch />
      </Form.Item>
    </>
  );
}

/** The form's values as the row: the phone in its 11-digit form (the table's check wants it so). */
export const brokerRow = <T extends { phone?: string | null }>(values: T): T => ({
  ...values,
  phone: values.phone ? (normalizeMobile(values.phone) ?? values.phone) : null,
});
