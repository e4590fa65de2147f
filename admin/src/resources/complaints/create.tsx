import { Create } from "@refinedev/antd";
import { useGo } from "@refinedev/core";
import { Col, Form, Input, Radio, Row } from "antd";
import { useTranslation } from "react-i18next";
import { COMPLAINT_CHANNELS, fileComplaintInput } from "@so/shared/schemas/reception";
import { CustomerPicker } from "../../components/customers/customer-picker.tsx";
import { RpcError } from "../../components/customers/rpc-error.tsx";
import { StaffSelect } from "../../components/reports/staff-select.tsx";
import { useProjectStaff } from "../../hooks/use-project-staff.ts";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";
import { clearErrorsOnChange, parseWith } from "../../components/customers/zod-form.ts";

/** 登记投诉 (file_complaint): who, how (来访/来电), what, optionally the customer and a handler. */
export default function ComplaintCreate() {
  const { t } = useTranslation();
  const go = useGo();
  const { staff } = useProjectStaff();
  const [form] = Form.useForm();
  const file = useProjectRpc("file_complaint");

  const submit = async (values: Record<string, unknown>) => {
    const parsed = parseWith(fileComplaintInput, form, {
      ...values,
      p_complainant_name: values.p_complainant_name ?? "",
      p_content: values.p_content ?? "",
    });
    if (!parsed.ok) return;
    if (await file.call(parsed.data).catch(() => null)) go({ to: "/complaints" });
  };

  return (
    <Create title={t("complaints.titles.create")} saveButtonProps={{ onClick: () => form.submit(), loading: file.pending }}>
      <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit} initialValues={{ p_channel: "visit" }} style={{ maxWidth: 880 }}>
        <RpcError error={file.error} />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="p_complainant_name" label={t("complaints.fields.complainant")} required>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="p_phone" label={t("complaints.fields.phone")}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="p_channel" label={t("complaints.fields.channel")} required>
              <Radio.Group optionType="button" options={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: t(`complaints.channels.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="p_customer_id" label={t("complaints.fields.customer")} extra={t("complaints.help.customer")}>
              <CustomerPicker />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="p_content" label={t("complaints.fields.content")} required>
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="p_handler_id" label={t("complaints.fields.handler")} extra={t("complaints.help.handler")}>
              <StaffSelect people={staff.filter((s) => s.active)} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Create>
  );
}
