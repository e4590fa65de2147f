import { useGo } from "@refinedev/core";
import { Button, Checkbox, Col, Form, Input, Result, Row, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { registerCustomerInput } from "@so/shared/schemas/customers";
import { CALL_TOPICS, recordCallInput } from "@so/shared/schemas/reception";
import { PhoneInput } from "../../components/customers/phone-input.tsx";
import { RegisterOutcome } from "../../components/customers/register-outcome.tsx";
import { RpcError } from "../../components/customers/rpc-error.tsx";
import type { RegisterResult } from "../../components/customers/types.ts";
import { OutcomeCreatePage } from "../../components/outcome-create-page.tsx";
import { useFormOutcome } from "../../hooks/use-form-outcome.ts";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";
import { clearErrorsOnChange, parseWith } from "../../components/customers/zod-form.ts";

/**
 * 来电登记 (record_call): caller, number, what was asked (价格、位置、面积、户型、工程进度、贷款),
 * invited to visit or not. Optionally registers the caller as a customer (source 来电) through
 * the ownership check — in the same call and transaction (p_register).
 */
export default function CallCreate() {
  const { t } = useTranslation();
  const go = useGo();
  const [form] = Form.useForm();
  const record = useProjectRpc("record_call");
  const { outcome: done, setOutcome: setDone, again } = useFormOutcome<{ registered: RegisterResult | null; name: string }>(form, record);
  const alsoRegister = Form.useWatch("register", form);

  const submit = async (values: Record<string, unknown>) => {
    const call = parseWith(recordCallInput, form, { ...values, p_invited: Boolean(values.p_invited) });
    if (!call.ok) return;
    if (values.register) {
      // Registering needs what register_customer needs: the caller's name and a mobile number.
      const parsed = parseWith(
        registerCustomerInput,
        form,
        { p_name: values.p_caller_name ?? "", p_phone: values.p_phone ?? "", p_source: "call" },
        { rename: { p_name: "p_caller_name" } },
      );
      if (!parsed.ok) return;
    }
    const recorded = await record.call({ ...call.data, p_caller_name: call.data.p_caller_name ?? null, p_phone: call.data.p_phone ?? null, p_register: Boolean(values.register) }).catch(() => null);
    if (!recorded) return;
    setDone({ registered: recorded.registered, name: call.data.p_caller_name ?? "" });
  };

  return (
    <OutcomeCreatePage
      title={t("calls.titles.create")}
      form={form}
      submitText={t("calls.actions.submit")}
      pending={record.pending}
      outcome={
        done &&
        (done.registered ? (
          <RegisterOutcome result={done.registered} name={done.name} onAgain={again} extra={t("calls.recorded")} />
        ) : (
          <Result
            status="success"
            title={<span data-testid="call-recorded">{t("calls.recorded")}</span>}
            extra={[
              <Button key="again" type="primary" onClick={again}>
                {t("calls.actions.another")}
              </Button>,
              <Button key="list" onClick={() => go({ to: "/calls" })}>
                {t("calls.actions.list")}
              </Button>,
            ]}
          />
        ))
      }
    >
      <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit} initialValues={{ p_topics: [], p_invited: false }} style={{ maxWidth: 880 }}>
        <RpcError error={record.error} />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="p_caller_name" label={t("calls.fields.caller")} required={Boolean(alsoRegister)}>
              <Input maxLength={50} placeholder={t("calls.placeholders.caller")} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="p_phone" label={t("calls.fields.phone")} required={Boolean(alsoRegister)} extra={t("calls.help.phone")}>
              <PhoneInput placeholder="138 0013 8000" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="p_topics" label={t("calls.fields.topics")}>
              <Checkbox.Group options={CALL_TOPICS.map((topic) => ({ value: topic, label: t(`reception.topics.${topic}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="p_invited" label={t("calls.fields.invited")} valuePropName="checked">
              <Switch checkedChildren={t("calls.invited")} unCheckedChildren={t("calls.notInvited")} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="register" label={t("calls.fields.register")} valuePropName="checked" extra={t("calls.help.register")}>
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="p_note" label={t("calls.fields.note")}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </OutcomeCreatePage>
  );
}
