import { PAYMENT_METHODS, type PaymentMethod } from "@so/shared/schemas/deals";
import { Card, Col, Form, Input, InputNumber, Radio, Row, Space, Typography } from "antd";
import Decimal from "decimal.js";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ApprovalChain } from "../../components/approvals/approval-chain.tsx";
import { BuildupCheck } from "../../components/deals/buildup-check.tsx";
import { DealParties, fillHeldCustomer } from "../../components/deals/deal-parties.tsx";
import { RpcCreatePage } from "../../components/deals/rpc-create-page.tsx";
import { amountText, dec, parseAmount } from "../../components/money.tsx";
import { PolicyChecklist } from "../../components/deals/policy-checklist.tsx";
import { useDbBuildup } from "../../components/deals/pricing.ts";
import { useDealChoice } from "../../components/deals/use-deal-choice.ts";
import { useAnnounceAndGo } from "../../hooks/use-announce-and-go.ts";
import { useRpc } from "../../hooks/use-rpc.ts";
import { useCurrentProject } from "../../session/current-project.tsx";

// unit, customer and price are required by the form's rules before onFinish runs.
interface Values {
  unit: string;
  customer: string;
  payment_method: PaymentMethod;
  policies: string[];
  price: string;
  depth?: number | null;
  reason?: string;
}

/**
 * 特殊优惠申请: a price below the policies for one unit and one customer. The build-up and the
 * chain it will need come from the database's price_buildup() as the user types, before
 * submitting; request_discount decides.
 */
export default function DiscountRequestCreate() {
  const { t } = useTranslation();
  const announceAndGo = useAnnounceAndGo();
  const [params] = useSearchParams();
  const { project, identity } = useCurrentProject();
  const [form] = Form.useForm<Values>();
  const { units, unit, unitId, customerId, policyIds, paymentMethod, policies, options, settings } = useDealChoice(form);
  const submit = useRpc("request_discount");

  const priceText = Form.useWatch("price", form);
  const requested = parseAmount(priceText);
  const db = useDbBuildup(unitId, policyIds, requested ? requested.toFixed(2) : null, paymentMethod, customerId);
  // The price after policies alone, for a depth typed before (or instead of) a price.
  const base = useDbBuildup(unitId, policyIds, null, paymentMethod, customerId);
  const chain = db.buildup?.chain ?? [];
  const after = base.buildup?.price_after_policies;

  // Whichever the user typed last — the price or the depth — drives the other. A depth typed before
  // the unit and policies have loaded (or changed afterwards) still sets the price once they are known.
  const [drivenBy, setDrivenBy] = useState<"price" | "depth">("price");
  const depth = Form.useWatch("depth", form);
  useEffect(() => {
    if (drivenBy !== "depth" || depth === null || depth === undefined || !after) return;
    const price = dec(after).times(new Decimal(100).minus(String(depth))).div(100);
    form.setFieldValue("price", amountText(price));
  }, [drivenBy, depth, after, form]);
  // A typed price shows the depth the database computes for it.
  useEffect(() => {
    if (drivenBy !== "price" || db.checking) return;
    form.setFieldValue("depth", requested && db.buildup ? Number(db.buildup.depth_pct) : null);
  }, [drivenBy, db.buildup, db.checking]); // eslint-disable-line react-hooks/exhaustive-deps

  const onFinish = async (values: Values) => {
    const result = await submit
      .call({
        p_unit_id: values.unit,
        p_customer_id: values.customer,
        p_policy_ids: values.policies ?? [],
        p_requested_price: parseAmount(values.price)?.toFixed(2) ?? values.price,
        p_reason: values.reason ?? "",
        p_payment_method: values.payment_method,
      })
      .catch(() => null);
    if (!result) return;
    announceAndGo(t("discount_requests.submitted"), `/approvals/${result.approval_id}`);
  };

  return (
    <RpcCreatePage<Values>
      form={form}
      title={t("discount_requests.titles.create")}
      submitText={t("discount_requests.submit")}
      submitTestId="submit-discount"
      pending={submit.pending}
      error={submit.error}
      onFinish={onFinish}
      initialValues={{ unit: params.get("unit") ?? undefined, customer: params.get("customer") ?? undefined, payment_method: "full", policies: [] }}
      onValuesChange={(changed: Partial<Values>) => fillHeldCustomer(form, units, changed)}
    >
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <DealParties area="discount_requests" units={units} meId={identity?.id} projectId={project?.projectId} />
          <Form.Item name="payment_method" label={t("subscriptions.fields.payment_method")} extra={t("discount_requests.help.paymentMethod")}>
            <Radio.Group
              options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`deals.paymentMethods.${m}`) }))}
              data-testid="payment-method"
            />
          </Form.Item>
          <Form.Item name="policies" label={t("discount_requests.fields.policies")} extra={t("deals.policies.conditionsHelp")}>
            <PolicyChecklist policies={policies} options={options} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={14}>
              <Form.Item
                name="price"
                label={t("discount_requests.fields.requested_price")}
                rules={[
                  { required: true, message: t("discount_requests.required.price") },
                  { validator: (_, v) => (!v || parseAmount(v) ? Promise.resolve() : Promise.reject(new Error(t("deals.money.invalid")))) },
                ]}
              >
                <Input prefix="¥" placeholder="2684640.00" onChange={() => setDrivenBy("price")} data-testid="requested-price" />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="depth" label={t("discount_requests.fields.depth")} tooltip={t("discount_requests.help.depth")}>
                <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: "100%" }} onChange={() => setDrivenBy("depth")} data-testid="depth" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="reason" label={t("discount_requests.fields.reason")} rules={[{ required: true, whitespace: true, message: t("discount_requests.required.reason") }]}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={t("discount_requests.help.reason")} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Space direction="vertical" size="middle" style={{ width: "100%" }}>
            <Card size="small" title={t("deals.buildup.title")}>
              {unit ? (
                <BuildupCheck buildup={db.buildup} error={db.error} checking={db.checking} />
              ) : (
                <Typography.Text type="secondary">{t("discount_requests.help.pickUnit")}</Typography.Text>
              )}
            </Card>
            <Card size="small" title={t("discount_requests.chain")}>
              {chain.length ? (
                <Space direction="vertical" style={{ width: "100%" }}>
                  <ApprovalChain roles={chain} />
                  <Typography.Text type="secondary">{t("discount_requests.help.lapse", { hours: settings?.approval_lapse_hours ?? 48 })}</Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary">
                  {db.buildup?.beyond_authority ? t("discount_requests.help.beyond") : t("discount_requests.help.noApproval")}
                </Typography.Text>
              )}
            </Card>
          </Space>
        </Col>
      </Row>
    </RpcCreatePage>
  );
}
