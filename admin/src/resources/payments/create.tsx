import { useList } from "@refinedev/core";
import { Col, DatePicker, Form, Input, Row, Select } from "antd";
import { RECORDED_PAYMENT_CHANNELS, RECORDED_PAYMENT_KINDS } from "@so/shared/schemas/deals";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { CustomerSelect } from "../../components/deals/customer-select.tsx";
import { RpcCreatePage } from "../../components/deals/rpc-create-page.tsx";
import { dec, formatYuan, parseAmount } from "../../components/money.tsx";
import { useAnnounceAndGo } from "../../hooks/use-announce-and-go.ts";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";
import { useProjectReport } from "../../components/reports/use-report.ts";
import { useCurrentProject } from "../../session/current-project.tsx";

// customer and amount are required by the form's rules before onFinish runs.
interface Values {
  customer: string;
  subscription?: string;
  contract?: string;
  plan_item?: string;
  kind: (typeof RECORDED_PAYMENT_KINDS)[number];
  amount: string;
  method: (typeof RECORDED_PAYMENT_CHANNELS)[number];
  receipt_no?: string;
  paid_on: Dayjs;
}

/**
 * 收款登记 (finance only): receipt number, method, date and kind, linked to the customer's
 * subscription, contract and plan item; a refund (退款) is entered as a positive amount and
 * stored as money going out. record_payment decides (receipt numbers unique, refunds ≤ balance).
 */
export default function PaymentCreate() {
  const { t } = useTranslation();
  const announceAndGo = useAnnounceAndGo();
  const [params] = useSearchParams();
  const { project } = useCurrentProject();
  const [form] = Form.useForm<Values>();
  const record = useProjectRpc("record_payment");
  // The number an empty field gets (项目设置 → 收据编号规则); not reserved: the database numbers at saving.
  const suggestion = useProjectReport("suggest_receipt_no", {});
  const suggestedReceipt = suggestion.data ?? null;
  const customerId = Form.useWatch("customer", form);
  const contractId = Form.useWatch("contract", form);

  const subscriptionId = Form.useWatch("subscription", form);
  const subscriptions = useList<{ id: string; unit_label: string; status: string; price: number; received: number; deposit_outstanding: number }>({
    resource: "subscription_overview",
    pagination: { mode: "off" },
    filters: [{ field: "customer_id", operator: "eq", value: customerId }],
    sorters: [{ field: "created_at", order: "desc" }],
    meta: { select: "id, unit_label, status, price, received, deposit_outstanding" },
    queryOptions: { enabled: Boolean(customerId) },
  }).result.data;
  const contracts = useList<{ id: string; contract_no: string; subscription_id: string; status: string }>({
    resource: "contract_overview",
    pagination: { mode: "off" },
    filters: [{ field: "customer_id", operator: "eq", value: customerId }],
    meta: { select: "id, contract_no, subscription_id, status" },
    queryOptions: { enabled: Boolean(customerId) },
  }).result.data;
  const items = useList<{ plan_item_id: string; seq: number; kind: string; due_date: string; outstanding: number }>({
    resource: "receivables",
    pagination: { mode: "off" },
    filters: [{ field: "contract_id", operator: "eq", value: contractId }],
    sorters: [{ field: "seq", order: "asc" }],
    meta: { select: "plan_item_id, seq, kind, due_date, outstanding" },
    queryOptions: { enabled: Boolean(contractId) },
  }).result.data;

  // The amount is prefilled from what is due — the 认购's 定金 still outstanding, or the next plan
  // item of the contract — unless the person typed one or the link brought one (a refund).
  const prefill = (amount: unknown, kind: string) => {
    const linked = params.get("kind");
    if (params.get("amount") || form.isFieldTouched("amount") || (linked && linked !== kind)) return;
    form.setFieldsValue({ amount: dec(amount).toFixed(2), kind: kind as Values["kind"] });
    // A loan is paid by its lender: the bank (按揭放款) or the 公积金中心 (公积金放款).
    if (!form.isFieldTouched("method") && (kind === "mortgage" || kind === "provident_loan"))
      form.setFieldValue("method", kind === "mortgage" ? "loan" : "provident_centre");
  };
  const chosen = subscriptions.find((x) => x.id === subscriptionId);
  const nextItem = contractId ? items.find((i) => dec(i.outstanding).gt(0)) : undefined;
  useEffect(() => {
    if (!chosen || contractId || dec(chosen.deposit_outstanding).lte(0)) return;
    prefill(chosen.deposit_outstanding, "deposit");
  }, [chosen?.id, chosen?.deposit_outstanding, contractId]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!nextItem || form.getFieldValue("plan_item")) return;
    form.setFieldValue("plan_item", nextItem.plan_item_id);
    prefill(nextItem.outstanding, nextItem.kind);
  }, [nextItem?.plan_item_id]); // eslint-disable-line react-hooks/exhaustive-deps

  const back = params.get("back")?.startsWith("/") ? params.get("back")! : params.get("subscription") ? `/subscriptions/show/${params.get("subscription")}` : "/payments";
  const onFinish = async (values: Values) => {
    const ok = await record
      .call({
        p_customer_id: values.customer,
        p_kind: values.kind,
        p_amount: parseAmount(values.amount)?.toFixed(2) ?? values.amount,
        p_method: values.method,
        p_receipt_no: values.receipt_no?.trim() || null,
        p_paid_on: values.paid_on.format("YYYY-MM-DD"),
        p_subscription_id: values.subscription ?? null,
        p_contract_id: values.contract ?? null,
        p_plan_item_id: values.plan_item ?? null,
      })
      .then((row) => row, () => null);
    if (!ok) return;
    announceAndGo(ok.receipt_no ? t("payments.recordedReceipt", { receipt: ok.receipt_no }) : t("payments.recorded"), back);
  };

  return (
    <RpcCreatePage<Values>
      form={form}
      title={t("payments.titles.create")}
      submitText={t("payments.submit")}
      submitTestId="submit-payment"
      pending={record.pending}
      error={record.error}
      onFinish={onFinish}
      initialValues={{
        customer: params.get("customer") ?? undefined,
        subscription: params.get("subscription") ?? undefined,
        contract: params.get("contract") ?? undefined,
        kind: (RECORDED_PAYMENT_KINDS as readonly string[]).includes(params.get("kind") ?? "") ? params.get("kind") : "deposit",
        amount: params.get("amount") ?? undefined,
        method: "transfer",
        paid_on: dayjs(),
      }}
      onValuesChange={(changed: Partial<Values>) => {
        if ("customer" in changed) form.setFieldsValue({ subscription: undefined, contract: undefined, plan_item: undefined });
        if (changed.subscription) {
          const contract = contracts.find((c) => c.subscription_id === changed.subscription && c.status !== "cancelled" && c.status !== "rejected");
          form.setFieldsValue({ contract: contract?.id, plan_item: undefined });
        }
        if ("contract" in changed) form.setFieldValue("plan_item", undefined);
        if (changed.plan_item) {
          const item = items.find((i) => i.plan_item_id === changed.plan_item);
          if (item) prefill(item.outstanding, item.kind);
        }
      }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="customer" label={t("payments.fields.customer")} rules={[{ required: true, message: t("payments.required.customer") }]}>
            {project && <CustomerSelect projectId={project.projectId} />}
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="subscription" label={t("payments.fields.subscription")} extra={t("payments.help.subscription")}>
            <Select
              allowClear
              data-testid="payment-subscription"
              options={subscriptions.map((s) => ({
                value: s.id,
                label: `${s.unit_label} · ${t(`deals.subscriptionStatus.${s.status}`)} · ${t("payments.help.received", { amount: formatYuan(String(s.received)) })}`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="contract" label={t("payments.fields.contract")}>
            <Select allowClear options={contracts.map((c) => ({ value: c.id, label: `${c.contract_no} · ${t(`deals.contractStatus.${c.status}`)}` }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="plan_item" label={t("payments.fields.plan_item")}>
            <Select
              allowClear
              disabled={!contractId}
              options={items.map((i) => ({
                value: i.plan_item_id,
                label: `${t("deals.plan.nth", { n: i.seq })} ${t(`deals.planKinds.${i.kind}`)} · ${i.due_date} · ${t("payments.help.outstanding", { amount: formatYuan(String(i.outstanding)) })}`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label={t("payments.fields.kind")} rules={[{ required: true }]}>
            <Select data-testid="payment-kind" options={RECORDED_PAYMENT_KINDS.map((k) => ({ value: k, label: t(`finance.paymentKinds.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="amount"
            label={t("payments.fields.amount")}
            extra={t("payments.help.refund")}
            rules={[
              { required: true, message: t("payments.required.amount") },
              { validator: (_, v) => (!v || parseAmount(v) ? Promise.resolve() : Promise.reject(new Error(t("deals.money.invalid")))) },
            ]}
          >
            <Input prefix="¥" data-testid="payment-amount" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="method" label={t("payments.fields.method")} rules={[{ required: true }]}>
            <Select options={RECORDED_PAYMENT_CHANNELS.map((c) => ({ value: c, label: t(`finance.paymentChannels.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="receipt_no"
            label={t("payments.fields.receipt_no")}
            extra={suggestedReceipt ? t("payments.help.receiptAuto", { next: suggestedReceipt }) : undefined}
            rules={[{ max: 50 }]}
          >
            <Input placeholder={t("payments.help.receiptAutoShort")} allowClear data-testid="receipt-no" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="paid_on" label={t("payments.fields.paid_on")} rules={[{ required: true }]}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
    </RpcCreatePage>
  );
}
