import { Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { PhoneInput } from "./phone-input.tsx";
import { useSourceOptions } from "./source-options.ts";

/** 姓名, as register_customer takes it. */
export function CustomerNameField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="p_name" label={t("customers.fields.name")} required>
      <Input maxLength={50} placeholder={t("customers.placeholders.name")} />
    </Form.Item>
  );
}

/** 手机号, as register_customer takes it. */
export function CustomerPhoneField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="p_phone" label={t("customers.fields.phone")} required extra={t("customers.help.phone")}>
      <PhoneInput placeholder="138 0013 8000" />
    </Form.Item>
  );
}

/** 来源, as register_customer takes it. */
export function CustomerSourceField() {
  const { t } = useTranslation();
  const sources = useSourceOptions();
  return (
    <Form.Item name="p_source" label={t("customers.fields.source")} required>
      <Select options={sources} />
    </Form.Item>
  );
}
