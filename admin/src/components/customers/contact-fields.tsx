import { Col, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { PhoneInput } from "./phone-input.tsx";
import { useSourceOptions } from "./source-options.ts";

/**
 * 姓名 · 手机号 · 来源 as register_customer takes them (p_name, p_phone, p_source), each half a
 * row; `phoneFirst` where the phone is what one asks first (来访登记 at the door).
 */
export function CustomerContactFields({ phoneFirst = false }: { phoneFirst?: boolean }) {
  const { t } = useTranslation();
  const sources = useSourceOptions();
  const name = (
    <Col key="name" xs={24} md={12}>
      <Form.Item name="p_name" label={t("customers.fields.name")} required>
        <Input maxLength={50} placeholder={t("customers.placeholders.name")} />
      </Form.Item>
    </Col>
  );
  const phone = (
    <Col key="phone" xs={24} md={12}>
      <Form.Item name="p_phone" label={t("customers.fields.phone")} required extra={t("customers.help.phone")}>
        <PhoneInput placeholder="138 0013 8000" />
      </Form.Item>
    </Col>
  );
  return (
    <>
      {phoneFirst ? [phone, name] : [name, phone]}
      <Col xs={24} md={12}>
        <Form.Item name="p_source" label={t("customers.fields.source")} required>
          <Select options={sources} />
        </Form.Item>
      </Col>
    </>
  );
}
