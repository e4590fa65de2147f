import { Create } from "@refinedev/antd";
import { useList, useOne } from "@refinedev/core";
import { Alert, Button, Card, Descriptions, Form, Input, Select, Space, Tooltip } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { DbError } from "../../components/deals/db-error.tsx";
import Decimal from "decimal.js";
import { dec, formatYuan, Money, parseAmount } from "../../components/money.tsx";
import { useAnnounceAndGo } from "../../hooks/use-announce-and-go.ts";
import { useRpc } from "../../hooks/use-rpc.ts";
import { useProjectReport } from "../../components/reports/use-report.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { QualificationAlert } from "../../components/qualifications/qualification-alert.tsx";
import type { SubscriptionOverview } from "../subscriptions/types.ts";
import { PlanEditor, planDifference, suggestedPlan, type PlanRow } from "./plan-editor.tsx";
import { NOWRAP_LABELS, THREE_COLUMNS } from "../../components/deals/descriptions.ts";
import { ErrorBoundary } from "../../components/error-boundary.tsx";

/** The 定金 still to be received, when there is some and it can be read. */
function safeOutstanding(value: unknown): Decimal | null {
  try {
    const d = dec(value);
    return d.gt(0) ? d : null;
  } catch {
    return null;
  }
}

/** The plan's balance, or null when it cannot be read (the plan editor then says why). */
function safeDifference(plan: PlanRow[] | undefined, price: unknown) {
  try {
    return planDifference(plan, price);
  } catch {
    return null;
  }
}

interface Values {
  subscription?: string;
  contract_no?: string;
  plan: PlanRow[];
}

/**
 * 转签合同: from an active subscription, with exactly its price and payment method (认购书主要条款与
 * 合同一致), a contract number and a payment plan adding up to the price; create_contract starts
 * the approval (销售经理 → 营销部长).
 */
export default function ContractCreate() {
  const { t } = useTranslation();
  const announceAndGo = useAnnounceAndGo();
  const [params] = useSearchParams();
  const { project } = useCurrentProject();
  const [form] = Form.useForm<Values>();
  const create = useRpc("create_contract");
  const subscriptionId = Form.useWatch("subscription", form) ?? params.get("subscription") ?? undefined;
  const plan = Form.useWatch("plan", form);

  const candidates = useList<SubscriptionOverview>({
    resource: "subscription_overview",
    pagination: { mode: "off" },
    filters: [
      { field: "status", operator: "eq", value: "active" },
      { field: "contract_id", operator: "null", value: true },
    ],
    sorters: [{ field: "created_at", order: "desc" }],
    queryOptions: { enabled: Boolean(project) },
  }).result.data;
  const { result: sub } = useOne<SubscriptionOverview>({
    resource: "subscription_overview",
    id: subscriptionId ?? "",
    queryOptions: { enabled: Boolean(subscriptionId) },
  });
  // The next number of the project's pattern (项目设置 → 合同编号规则); not reserved: kept as shown,
  // the database gives the next free one, so a number somebody took meanwhile is never reused.
  const suggestion = useProjectReport("suggest_contract_no", {});
  const suggested = suggestion.data ?? null;
  useEffect(() => {
    if (suggested && !form.getFieldValue("contract_no")) form.setFieldValue("contract_no", suggested);
  }, [suggested, sub?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  // A first plan by the subscription's payment method; unreadable figures leave it empty (the
  // plan editor's own error boundary then shows what failed, the rest of the form stays).
  useEffect(() => {
    if (!sub) return;
    let suggestion: PlanRow[] = [];
    try {
      suggestion = suggestedPlan(sub.payment_method, sub.price, sub.deposit_due);
    } catch {
      suggestion = [];
    }
    form.setFieldValue("plan", suggestion);
  }, [sub?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const diff = sub ? safeDifference(plan, sub.price) : null;
  const balanced = Boolean(diff?.difference.isZero());

  const onFinish = async (values: Values) => {
    const result = await create
      .call({
        p_subscription_id: subscriptionId ?? "",
        // The suggestion unchanged: let the database number it (the next free one at this moment).
        p_contract_no: !values.contract_no?.trim() || values.contract_no.trim() === suggested ? "" : values.contract_no.trim(),
        p_plan: values.plan.map((row, i) => ({
          seq: i + 1,
          kind: row.kind,
          due_date: row.due_date?.format("YYYY-MM-DD"),
          amount: parseAmount(row.amount)?.toFixed(2) ?? row.amount,
        })),
      })
      .catch(() => null);
    if (!result) return;
    announceAndGo(`${t("contracts.created")}（${t("contracts.fields.contract_no")}：${result.contract_no}）`, `/contracts/show/${result.id}`);
  };

  return (
    <Create
      title={t("contracts.titles.create")}
      footerButtons={
        <Tooltip title={balanced ? undefined : t("contracts.help.balanceFirst")}>
          <Button type="primary" disabled={!sub || !balanced} onClick={() => form.submit()} loading={create.pending} data-testid="submit-contract">
            {t("contracts.submit")}
          </Button>
        </Tooltip>
      }
    >
      <DbError error={create.error} />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ subscription: params.get("subscription") ?? undefined, plan: [] }}>
        <Form.Item name="subscription" label={t("contracts.fields.subscription")} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t("contracts.help.pickSubscription")}
            options={[
              ...(sub && !candidates.some((c) => c.id === sub.id) ? [sub] : []),
              ...candidates,
            ].map((s) => ({ value: s.id, label: `${s.unit_label} · ${s.customer_name ?? ""}` }))}
          />
        </Form.Item>
        {sub && (
          <Space direction="vertical" size="middle" style={{ width: "100%" }}>
            <ErrorBoundary scope="section" key={`terms-${sub.id}`}>
              <Descriptions bordered size="small" column={THREE_COLUMNS} styles={NOWRAP_LABELS} data-testid="contract-terms">
                <Descriptions.Item label={t("subscriptions.fields.unit")}>{sub.unit_label}</Descriptions.Item>
                <Descriptions.Item label={t("subscriptions.fields.customer")}>{sub.customer_name}</Descriptions.Item>
                <Descriptions.Item label={t("subscriptions.fields.status")}>{t(`deals.subscriptionStatus.${sub.status}`)}</Descriptions.Item>
                <Descriptions.Item label={t("contracts.fields.price")}>
                  <Money value={sub.price} strong />
                </Descriptions.Item>
                <Descriptions.Item label={t("contracts.fields.payment_method")}>{t(`deals.paymentMethods.${sub.payment_method}`)}</Descriptions.Item>
                <Descriptions.Item label={t("subscriptions.fields.received")}>
                  <Money value={sub.received} />
                </Descriptions.Item>
              </Descriptions>
            </ErrorBoundary>
            <Alert type="info" showIcon message={t("contracts.help.sameTerms")} />
            <QualificationAlert subscriptionId={sub.id} />
            {safeOutstanding(sub.deposit_outstanding) && (
              <Alert
                type="warning"
                showIcon
                data-testid="deposit-first"
                message={t("contracts.help.depositFirst", { amount: formatYuan(safeOutstanding(sub.deposit_outstanding)!) })}
              />
            )}
            <Form.Item
              name="contract_no"
              label={t("contracts.fields.contract_no")}
              tooltip={t("contracts.help.noGenerated")}
              extra={suggested ? t("contracts.help.noSuggested", { no: suggested }) : undefined}
              style={{ maxWidth: 360 }}
            >
              <Input placeholder={suggested ?? ""} data-testid="contract-no" />
            </Form.Item>
            <Card size="small" title={t("contracts.fields.plan")}>
              <ErrorBoundary scope="section" key={`plan-${sub.id}`}>
                <PlanEditor form={form} price={sub.price} method={sub.payment_method} />
              </ErrorBoundary>
            </Card>
          </Space>
        )}
      </Form>
    </Create>
  );
}
