import { Form, Input, Switch } from "antd";
import { useTranslation } from "react-i18next";

/** 公司名称, 联系人, 联系电话, 合作中. */
export function AgencyFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="name" label={t("agencies.fields.name")} rules={[{ required: true, whitespace: true, message: t("agencies.errors.nameRequired") }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="contact_name" label={t("agencies.fields.contact_name")}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="contact_phone" label={t("agencies.fields.contact_phone")}>
        <Input maxLength={30} inputMode="tel" />
      </Form.Item>
      <Form.Item name="active" label={t("agencies.fields.active")} valuePropName="checked" initialValue={true} extra={t("agencies.help.active")}>
        <Switch />
      </Form.Item>
    </>
  );
}
