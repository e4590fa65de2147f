import { Create } from "@refinedev/antd";
import { Alert, Col, Divider, Form, Input, Row, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CUSTOMER_SOURCES } from "@so/shared/enums";
import { ID_TYPES, registerCustomerWithIdInput } from "@so/shared/schemas/customers";
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
  // register_customer with an optional 证件, checked before anything is registered.
  const register = useRpc("register_customer_with_id");
  const [outcome, setOutcome] = useState<{ result: RegisterResult & { id_document?: "saved" | "not_saved"; id_no_masked?: string }; name: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (values: Record<string, unknown>) => {
    setFormError(null);
    const parsed = parseWith(registerCustomerWithIdInput, form, {
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
        <>
          {outcome.result.id_document === "not_saved" && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t("papers.idDocument.notSaved")} data-testid="id-not-saved" />
          )}
          {outcome.result.id_document === "saved" && (
            <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t("papers.idDocument.savedOnRegister", { masked: outcome.result.id_no_masked })} data-testid="id-saved" />
          )}
          <RegisterOutcome result={outcome.result} name={outcome.name} onAgain={again} />
        </>
      ) : (
        <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit} initialValues={{ p_source: "walk_in", p_id_type: "id_card" }} style={{ maxWidth: 880 }}>
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
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="p_id_type" label={t("papers.fields.id_type")}>
                <Select data-testid="register-id-type" options={ID_TYPES.map((k) => ({ value: k, label: t(`papers.idTypes.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="p_id_no" label={t("papers.fields.id_no")} extra={t("papers.idDocument.registerHelp")}>
                <Input maxLength={25} autoComplete="off" data-testid="register-id-no" />
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
