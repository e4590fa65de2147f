import { Create } from "@refinedev/antd";
import { Col, Divider, Form, Input, Row, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CUSTOMER_SOURCES, registerCustomerInput } from "@so/shared/schemas/customers";
import { wanToYuan } from "../../components/money.tsx";
import { CustomerNeedsFields } from "../../components/customers/needs-fields.tsx";
import { PhoneInput } from "../../components/customers/phone-input.tsx";
import { RegisterOutcome } from "../../components/customers/register-outcome.tsx";
import { RpcError } from "../../components/customers/rpc-error.tsx";
import type { RegisterResult } from "../../components/customers/types.ts";
import { useRpc } from "../../hooks/use-rpc.ts";
import { clearErrorsOnChange, parseWith } from "../../components/customers/zod-form.ts";
import { useCurrentProject } from "../../session/current-project.tsx";

/**
 * 登记客户: register_customer decides ownership by the phone — a new customer is the caller's;
 * a known phone is theirs already, a 撞单 (the owner keeps it), or claimed from the pool.
 */
export default function CustomerCreate() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const [form] = Form.useForm();
  const register = useRpc<RegisterResult>("register_customer");
  const [outcome, setOutcome] = useState<{ result: RegisterResult; name: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (values: Record<string, unknown>) => {
    setFormError(null);
    const parsed = parseWith(registerCustomerInput, form, {
      ...values,
      p_project_id: project?.projectId,
      p_budget_max: wanToYuan(values.p_budget_max as number | null),
    });
    if (!parsed.ok) return setFormError(parsed.message);
    const result = await register.call(parsed.data).catch(() => null);
    if (result) setOutcome({ result, name: parsed.data.p_name });
  };

  const again = () => {
    form.resetFields();
    register.reset();
    setOutcome(null);
  };

  return (
    <Create
      title={t("customers.titles.create")}
      saveButtonProps={{ onClick: () => form.submit(), loading: register.pending, hidden: Boolean(outcome), children: t("customers.actions.registerSubmit") }}
      contentProps={outcome ? { actions: undefined } : undefined}
    >
      {outcome ? (
        <RegisterOutcome result={outcome.result} name={outcome.name} onAgain={again} />
      ) : (
        <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit} initialValues={{ p_source: "walk_in" }} style={{ maxWidth: 880 }}>
          <RpcError error={register.error} />
          {formError && <RpcError error={{ message: formError, statusCode: 400 }} />}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="p_name" label={t("customers.fields.name")} required>
                <Input maxLength={50} placeholder={t("customers.placeholders.name")} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="p_phone" label={t("customers.fields.phone")} required extra={t("customers.help.phone")}>
                <PhoneInput placeholder="138 0013 8000" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="p_source" label={t("customers.fields.source")} required>
                <Select options={CUSTOMER_SOURCES.map((s) => ({ value: s, label: t(`customers.sources.${s}`) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Divider orientation="left" orientationMargin={0}>
            {t("customers.sections.needs")}
          </Divider>
          <CustomerNeedsFields prefix="p_" />
        </Form>
      )}
    </Create>
  );
}
