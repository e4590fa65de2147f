import { PAYMENT_METHODS } from "@so/shared/schemas/deals";
import { Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Switch } from "antd";
import type { Rule } from "antd/es/form";
import { useTranslation } from "react-i18next";
import { useSourceOptions } from "../../components/customers/source-options.ts";
import { factorPercent } from "./types.ts";

const FACTOR = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

/**
 * 政策名称, 类型 (折扣 factor / 立减 amount), 优惠值, 可叠加, 启用, 排序, 说明 — value bounded as
 * the table's check: a factor in (0, 1] with ≤ 4 decimals; an amount > 0 in fen — and its
 * conditions: the payment methods and customer sources it applies to (none chosen = any).
 */
export function PolicyFormFields() {
  const { t } = useTranslation();
  const sources = useSourceOptions();
  const form = Form.useFormInstance();
  const kind = Form.useWatch("kind", form) as "factor" | "amount" | undefined;
  const value = Form.useWatch("value", form) as string | undefined;

  const valueRule: Rule = {
    validator: async (_, v: string | number | null) => {
      const s = v === null || v === undefined ? "" : String(v).trim();
      if (!s) throw new Error(t("policies.errors.valueRequired"));
      const ok = kind === "amount" ? AMOUNT.test(s) && Number(s) > 0 : FACTOR.test(s) && Number(s) > 0;
      if (!ok) throw new Error(kind === "amount" ? t("policies.errors.amount") : t("policies.errors.factor"));
    },
  };

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="name" label={t("policies.fields.name")} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
          <Input placeholder={t("policies.placeholders.name")} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="kind" label={t("policies.fields.kind")} initialValue="factor" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: "factor", label: t("policies.kinds.factor") },
              { value: "amount", label: t("policies.kinds.amount") },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="value"
          label={kind === "amount" ? t("policies.fields.amount") : t("policies.fields.factor")}
          dependencies={["kind"]}
          rules={[valueRule]}
          extra={
            kind !== "amount" && value && FACTOR.test(String(value)) && Number(value) > 0
              ? t("policies.factorMeans", { percent: factorPercent(value) })
              : kind === "amount"
                ? t("policies.help.amount")
                : t("policies.help.factor")
          }
        >
          <InputNumber<string>
            stringMode
            min="0"
            step={kind === "amount" ? "1000" : "0.01"}
            precision={kind === "amount" ? 2 : 4}
            addonBefore={kind === "amount" ? "¥" : undefined}
            style={{ width: "100%" }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="sort" label={t("policies.fields.sort")} tooltip={t("policies.help.sort")} initialValue={0} rules={[{ type: "integer" }]}>
          <InputNumber precision={0} style={{ width: "100%" }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="stackable" label={t("policies.fields.stackable")} tooltip={t("policies.help.stackable")} valuePropName="checked" initialValue={false}>
          <Switch />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="active" label={t("policies.fields.active")} valuePropName="checked" initialValue={true}>
          <Switch />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="payment_methods" label={t("policies.fields.payment_methods")} extra={t("policies.help.payment_methods")}>
          <Checkbox.Group
            options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`deals.paymentMethods.${m}`) }))}
            data-testid="policy-payment-methods"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="customer_sources" label={t("policies.fields.customer_sources")} extra={t("policies.help.customer_sources")}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t("policies.anyCondition")}
            options={sources}
            data-testid="policy-customer-sources"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="note" label={t("policies.fields.note")} rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Col>
    </Row>
  );
}
