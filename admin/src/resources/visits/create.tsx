import { Col, Divider, Form, Row, Select, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { registerCustomerInput } from "@so/shared/schemas/customers";
import { recordVisitInput } from "@so/shared/schemas/reception";
import { CustomerContactFields } from "../../components/customers/contact-fields.tsx";
import { RegisterOutcome } from "../../components/customers/register-outcome.tsx";
import { RpcError } from "../../components/customers/rpc-error.tsx";
import type { RegisterResult } from "../../components/customers/types.ts";
import { OutcomeCreatePage } from "../../components/outcome-create-page.tsx";
import { useFormOutcome } from "../../hooks/use-form-outcome.ts";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";
import { clearErrorsOnChange, parseWith } from "../../components/customers/zod-form.ts";
import { VisitFields } from "../../components/reception/visit-fields.tsx";

const VISIT_FIELDS = ["p_party_size", "p_shown", "p_questions", "p_intent", "p_notes"] as const;

/**
 * 来访登记 at the door, one call: record_visit takes the visitor's phone and name, runs the
 * ownership check (new, already yours, 撞单, or from the pool) and records the visit on that
 * customer (首访/复访 decided by the database) in one transaction.
 */
export default function VisitCreate() {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const record = useProjectRpc("record_visit");
  const { outcome: done, setOutcome: setDone, again } = useFormOutcome<{ result: RegisterResult; name: string; isFirst: boolean }>(form, record);

  const submit = async (values: Record<string, unknown>) => {
    const customer = parseWith(registerCustomerInput, form, {
      p_name: values.p_name ?? "",
      p_phone: values.p_phone ?? "",
      p_source: values.p_source,
      p_gender: values.p_gender,
      p_grade: values.p_intent,
    }, { rename: { p_grade: "p_intent" } });
    const visit = parseWith(recordVisitInput.omit({ p_customer_id: true }), form, Object.fromEntries(VISIT_FIELDS.map((f) => [f, values[f]])), {
      fields: VISIT_FIELDS,
    });
    if (!customer.ok || !visit.ok) return;
    const { p_name, p_phone, p_source, p_gender } = customer.data;
    const recorded = await record.call({ ...visit.data, p_name, p_phone, p_source, p_gender }).catch(() => null);
    if (recorded) setDone({ result: recorded, name: p_name, isFirst: recorded.is_first });
  };

  return (
    <OutcomeCreatePage
      title={t("visits.titles.create")}
      form={form}
      submitText={t("visits.actions.submit")}
      pending={record.pending}
      outcome={
        done && (
          <RegisterOutcome
            result={done.result}
            name={done.name}
            onAgain={again}
            extra={<Tag color={done.isFirst ? "green" : "blue"} data-testid="visit-recorded">{done.isFirst ? t("visits.recordedFirst") : t("visits.recordedReturn")}</Tag>}
          />
        )
      }
    >
      <Form form={form} onValuesChange={clearErrorsOnChange(form)} layout="vertical" onFinish={submit} initialValues={{ p_source: "walk_in", p_party_size: 1 }} style={{ maxWidth: 880 }}>
        <RpcError error={record.error} />
        <Divider orientation="left" orientationMargin={0}>
          {t("visits.sections.visitor")}
        </Divider>
        <Row gutter={16}>
          <CustomerContactFields phoneFirst />
          <Col xs={24} md={12}>
            <Form.Item name="p_gender" label={t("customers.fields.gender")}>
              <Select
                allowClear
                options={[
                  { value: "male", label: t("customers.genders.male") },
                  { value: "female", label: t("customers.genders.female") },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Divider orientation="left" orientationMargin={0}>
          {t("visits.sections.visit")}
        </Divider>
        <VisitFields />
      </Form>
    </OutcomeCreatePage>
  );
}
