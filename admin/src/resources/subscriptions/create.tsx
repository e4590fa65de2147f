import { isPaymentMethod, PAYMENT_METHODS, type PaymentMethod } from "@so/shared/schemas/deals";
import { Card, Col, DatePicker, Form, Input, Radio, Row, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { BuildupCheck } from "../../components/deals/buildup-check.tsx";
import { DealParties, fillHeldCustomer } from "../../components/deals/deal-parties.tsx";
import { RpcCreatePage } from "../../components/deals/rpc-create-page.tsx";
import { formatYuan, parseAmount } from "../../components/money.tsx";
import { PolicyChecklist } from "../../components/deals/policy-checklist.tsx";
import { useDbBuildup } from "../../components/deals/pricing.ts";
import { useSincerityAvailable } from "../../components/deals/sincerity.ts";
import { useDealChoice } from "../../components/deals/use-deal-choice.ts";
import { useAnnounceAndGo } from "../../hooks/use-announce-and-go.ts";
import { useRpc } from "../../hooks/use-rpc.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { RequestSelect, useApprovedRequests } from "./request-select.tsx";

// unit, customer and payment method are required by the form's rules before onFinish runs.
interface Values {
  unit: string;
  customer: string;
  source: "policies" | "request";
  request?: string;
  policies: string[];
  payment_method: PaymentMethod;
  sincerity: string;
  deposit?: string;
  deadline?: Dayjs;
}

const moneyRule = (message: string) => ({
  validator: (_: unknown, v: string) => (!v || parseAmount(v) ? Promise.resolve() : Promise.reject(new Error(message))),
});

/**
 * 签认购书: a held unit for a customer at the price after policies, or at an approved special
 * discount for exactly that unit and customer; payment method, 诚意金 applied, 定金 due and the
 * contract deadline. create_subscription decides and its refusal is shown above the form.
 */
export default function SubscriptionCreate() {
  const { t } = useTranslation();
  const announceAndGo = useAnnounceAndGo();
  const [params] = useSearchParams();
  const { project, identity } = useCurrentProject();
  const [form] = Form.useForm<Values>();
  const { units, unit, unitId, customerId, policyIds, paymentMethod, policies, options, settings } = useDealChoice(form);
  const create = useRpc("create_subscription");

  const source = Form.useWatch("source", form);
  const requestId = Form.useWatch("request", form);
  const requests = useApprovedRequests(project?.projectId, unitId, customerId);
  const request = source === "request" ? requests.find((r) => r.id === requestId) : undefined;
  const requested = request ? String(request.requested_price) : null;
  const db = useDbBuildup(unitId, policyIds, requested ? parseAmount(requested)!.toFixed(2) : null, paymentMethod, customerId);
  const sincerity = useSincerityAvailable(customerId);

  // An approval chosen (or given in the URL) brings the policies it was approved with.
  useEffect(() => {
    if (request && !(form.getFieldValue("policies") ?? []).length) form.setFieldValue("policies", request.policy_ids);
  }, [request?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (settings && !form.getFieldValue("deadline")) form.setFieldValue("deadline", dayjs().add(settings.contract_deadline_days, "day"));
  }, [settings, form]);

  const onFinish = async (values: Values) => {
    const result = await create
      .call({
        p_unit_id: values.unit,
        p_customer_id: values.customer,
        p_payment_method: values.payment_method,
        p_policy_ids: values.policies ?? [],
        p_discount_request_id: values.source === "request" ? (values.request ?? null) : null,
        p_deposit_due: parseAmount(values.deposit)?.toFixed(2) ?? values.deposit,
        p_sincerity_applied: parseAmount(values.sincerity)?.toFixed(2) ?? "0",
        p_contract_deadline: values.deadline ? values.deadline.format("YYYY-MM-DD") : null,
      })
      .catch(() => null);
    if (!result) return;
    announceAndGo(t("subscriptions.created"), `/subscriptions/show/${result.id}`);
  };

  return (
    <RpcCreatePage<Values>
      form={form}
      title={t("subscriptions.titles.create")}
      submitText={t("subscriptions.submit")}
      submitTestId="submit-subscription"
      pending={create.pending}
      error={create.error}
      onFinish={onFinish}
      initialValues={{
        unit: params.get("unit") ?? undefined,
        customer: params.get("customer") ?? undefined,
        request: params.get("request") ?? undefined,
        source: params.get("request") ? "request" : "policies",
        policies: [],
        payment_method: isPaymentMethod(params.get("payment_method")) ? params.get("payment_method") : undefined,
        sincerity: "0",
      }}
      onValuesChange={(changed: Partial<Values>) => {
        fillHeldCustomer(form, units, changed);
        if (changed.request) {
          const r = requests.find((x) => x.id === changed.request);
          if (r) form.setFieldValue("policies", r.policy_ids);
        }
      }}
    >
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <DealParties area="subscriptions" units={units} meId={identity?.id} projectId={project?.projectId} />
          <Form.Item name="source" label={t("subscriptions.fields.price_source")}>
            <Radio.Group
              optionType="button"
              options={[
                { value: "policies", label: t("subscriptions.source.policies") },
                { value: "request", label: t("subscriptions.source.request") },
              ]}
            />
          </Form.Item>
          {source === "request" && (
            <Form.Item
              name="request"
              label={t("subscriptions.fields.request")}
              extra={t("subscriptions.request.help")}
              rules={[{ required: true, message: t("subscriptions.required.request") }]}
            >
              <RequestSelect requests={requests} unitId={unitId} customerId={customerId} />
            </Form.Item>
          )}
          <Form.Item
            name="payment_method"
            label={t("subscriptions.fields.payment_method")}
            extra={t("subscriptions.help.paymentMethod")}
            rules={[{ required: true, message: t("subscriptions.required.paymentMethod") }]}
          >
            <Radio.Group
              data-testid="payment-method"
              options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`deals.paymentMethods.${m}`) }))}
            />
          </Form.Item>
          <Form.Item name="policies" label={t("subscriptions.fields.policies")} extra={t("deals.policies.conditionsHelp")}>
            <PolicyChecklist policies={policies} options={options} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item
                name="deposit"
                label={t("subscriptions.fields.deposit_due")}
                rules={[{ required: true, message: t("subscriptions.required.deposit") }, moneyRule(t("deals.money.invalid"))]}
                extra={t("subscriptions.help.depositExtra")}
              >
                <Input prefix="¥" placeholder={t("subscriptions.help.depositPlaceholder")} data-testid="deposit" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="sincerity"
                label={t("subscriptions.fields.sincerity_applied")}
                rules={[moneyRule(t("deals.money.invalid"))]}
                extra={sincerity ? t("subscriptions.sincerityAvailable", { amount: formatYuan(sincerity) }) : undefined}
              >
                <Input prefix="¥" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="deadline" label={t("subscriptions.fields.contract_deadline")} rules={[{ required: true }]}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("deals.buildup.title")}>
            {unit ? (
              <Space direction="vertical" style={{ width: "100%" }}>
                <BuildupCheck buildup={db.buildup} error={db.error} checking={db.checking} />
                {source === "request" && !request && <Typography.Text type="secondary">{t("subscriptions.request.pick")}</Typography.Text>}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t("subscriptions.help.pickUnit")}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </RpcCreatePage>
  );
}
