import { Alert, Col, Divider, Form, Input, Row, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ID_TYPES, registerCustomerWithIdInput } from "@so/shared/schemas/customers";
import { wanToYuan } from "../../components/money.tsx";
import { CustomerNeedsFields } from "../../components/customers/needs-fields.tsx";
import { CustomerContactFields } from "../../components/customers/contact-fields.tsx";
import { RegisterOutcome } from "../../components/customers/register-outcome.tsx";
import { RpcError } from "../../components/customers/rpc-error.tsx";
import type { RegisterResult } from "../../components/customers/types.ts";
import { OutcomeCreatePage } from "../../components/outcome-create-page.tsx";
import { useFormOutcome } from "../../hooks/use-form-outcome.ts";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";
import { clearErrorsOnChange, parseWith } from "../../components/customers/zod-form.ts";

/**
 * 登记客户: register_customer decides ownership by the phone — a new customer is the caller's;
 * a known phone is theirs already, a 撞单 (the owner keeps it), or claimed from the pool.
 */
export default function CustomerCreate() {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  // register_customer with an optional 证件, checked before anything is registered.
  const register = useProjectRpc("register_customer_with_id");
  const { outcome, setOutcome, again } = useFormOutcome<{ result: RegisterResult & { id_document?: "saved" | "not_saved"; id_no_masked?: string }; name: string }>(form, register);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (values: Record<string, unknown>) => {
    setFormError(null);
    const parsed = parseWith(registerCustomerWithIdInput, form, {
      ...values,
      p_budget_max: wanToYuan(values.p_budget_max as number | null),
    });
    if (!parsed.ok) return setFormError(parsed.message);
    const result = await register.call(parsed.data).catch(() => null);
    if (result) setOutcome({ result, name: parsed.data.p_name });
  };

  return (
    <OutcomeCreatePage
      title={t("customers.titles.create")}
      form={form}
      submitText={t("customers.actions.registerSubmit")}
      pending={register.pending}
      outcome={
        outcome && (
          <>
            {outcome.result.id_document === "not_saved" && (
              <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t("papers.idDocument.notSaved")} data-testid="id-not-saved" />
            )}
            {outcome.result.id_document === "saved" && (
              <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t("papers.idDocument.savedOnRegister", { masked: outcome.result.id_no_masked })} data-testid="id-saved" />
            )}
            <RegisterOutcome result={outcome.result} name={outcome.name} onAgain={again} />
          </>
        )
      }
    >
      <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit} initialValues={{ p_source: "walk_in", p_id_type: "id_card" }} style={{ maxWidth: 880 }}>
        <RpcError error={register.error} />
        {formError && <RpcError error={{ message: formError, statusCode: 400 }} />}
        <Row gutter={16}>
          <CustomerContactFields />
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
    </OutcomeCreatePage>
  );
}
