import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Col, DatePicker, Form, Input, Row, Select, Space, Typography, type FormInstance } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import Decimal from "decimal.js";
import { useTranslation } from "react-i18next";
import { PLAN_ITEM_KINDS, type PlanItemKind } from "@so/shared/schemas/deals";
import { dec, formatYuan, parseAmount } from "../../components/money.tsx";

export interface PlanRow {
  kind?: PlanItemKind;
  due_date?: Dayjs;
  amount?: string;
}

/**
 * The kinds a plan of this method may use (private.check_plan_method): 按揭放款 (the bank's loan)
 * for 按揭 and 组合贷, 公积金放款 (the 公积金中心's) for 公积金 and 组合贷, no loan otherwise.
 */
export const planKindsFor = (method: string): PlanItemKind[] =>
  PLAN_ITEM_KINDS.filter(
    (k) =>
      (k !== "mortgage" || method === "mortgage" || method === "combined") &&
      (k !== "provident_loan" || method === "provident_fund" || method === "combined"),
  );

/** The 公积金 part of a 组合贷 is capped (杭州: 家庭最高 120 万); the bank lends the rest. */
const PROVIDENT_CAP = new Decimal(1_200_000);

/** 2806000 → "2,806,000.00": plan amounts are shown grouped (parseAmount reads the commas back). */
export const groupedAmount = (value: Decimal): string => formatYuan(value).replace("¥", "");

/** The plan's total and what is left to reach the price, exactly (decimal.js); null while an amount is unreadable. */
export function planDifference(rows: PlanRow[] | undefined, price: unknown): { total: Decimal; difference: Decimal } | null {
  let total = new Decimal(0);
  for (const row of rows ?? []) {
    const amount = parseAmount(row.amount);
    if (!amount) return null;
    total = total.plus(amount);
  }
  return { total, difference: dec(price).minus(total) };
}

/** Whole 万元 at most (首付 is quoted in 万): 866,400.55 → 860,000.00. */
const downToWan = (value: Decimal): Decimal => value.div(10_000).floor().times(10_000);

/**
 * A first plan by payment method, adding up to the price: 定金 now, then
 *   full (一次性付款)      one 房款 for the rest within 7 days;
 *   mortgage (按揭)        首付 (30% rounded down to 万, less the 定金) within 30 days, 按揭放款 for the rest;
 *   provident_fund (公积金) the same 首付, 公积金放款 for the rest after 90 days (the 公积金中心 is slower);
 *   combined (组合贷)       the same 首付, then 按揭放款 (商贷) after 60 days and 公积金放款 after 90 days,
 *                          the 公积金 part half the loan rounded down to 万, at most 120 万;
 *   instalment (分期)      首付 30% within 30 days, the rest in three 房款 every 3 months.
 * Rows that would be zero are left out (the database refuses them).
 */
export function suggestedPlan(method: string, price: unknown, deposit: unknown): PlanRow[] {
  const p = dec(price);
  const d = Decimal.max(Decimal.min(dec(deposit), p), 0);
  const today = dayjs();
  const row = (kind: PlanRow["kind"], days: number, amount: Decimal): PlanRow => ({ kind, due_date: today.add(days, "day"), amount: groupedAmount(amount) });
  const rows: PlanRow[] = [row("deposit", 0, d)];
  const rest = p.minus(d);
  if (method === "mortgage") {
    const down = Decimal.max(downToWan(p.times("0.3")).minus(d), 0);
    rows.push(row("down_payment", 30, down), row("mortgage", 60, rest.minus(down)));
  } else if (method === "provident_fund") {
    const down = Decimal.max(downToWan(p.times("0.3")).minus(d), 0);
    rows.push(row("down_payment", 30, down), row("provident_loan", 90, rest.minus(down)));
  } else if (method === "combined") {
    const down = Decimal.max(downToWan(p.times("0.3")).minus(d), 0);
    const loan = rest.minus(down);
    const fund = Decimal.min(downToWan(loan.div(2)), PROVIDENT_CAP);
    rows.push(row("down_payment", 30, down), row("mortgage", 60, loan.minus(fund)), row("provident_loan", 90, fund));
  } else if (method === "instalment") {
    const down = Decimal.max(downToWan(p.times("0.3")).minus(d), 0);
    const each = rest.minus(down).div(3).toDecimalPlaces(2, Decimal.ROUND_DOWN);
    rows.push(
      row("down_payment", 30, down),
      row("installment", 120, each),
      row("installment", 210, each),
      row("installment", 300, rest.minus(down).minus(each.times(2))),
    );
  } else {
    rows.push(row("installment", 7, rest));
  }
  return rows.filter((r) => parseAmount(r.amount)?.gt(0));
}

/**
 * 付款计划: instalments (type, due date, amount) that must add up to the price to the fen. The
 * running difference is shown as the user types; the database refuses any other total
 * (plan_total_mismatch).
 */
export function PlanEditor({ form, price, method }: { form: FormInstance; price: unknown; method: string }) {
  const { t } = useTranslation();
  const rows = Form.useWatch<PlanRow[]>("plan", form);
  const diff = planDifference(rows, price);

  const fillLast = () => {
    const list: PlanRow[] = form.getFieldValue("plan") ?? [];
    if (!list.length || !diff) return;
    const last = list[list.length - 1];
    const amount = dec(parseAmount(last.amount) ?? 0).plus(diff.difference);
    form.setFieldValue(["plan", list.length - 1, "amount"], groupedAmount(amount));
  };

  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Form.List name="plan">
        {(fields, { add, remove }) => (
          <>
            <Row gutter={8}>
              <Col flex="56px" />
              <Col flex="140px">
                <Typography.Text type="secondary">{t("deals.plan.kind")}</Typography.Text>
              </Col>
              <Col flex="160px">
                <Typography.Text type="secondary">{t("deals.plan.due_date")}</Typography.Text>
              </Col>
              <Col flex="auto">
                <Typography.Text type="secondary">{t("deals.plan.amount")}</Typography.Text>
              </Col>
              <Col flex="40px" />
            </Row>
            {fields.map((field, index) => (
              <Row gutter={8} key={field.key} align="top" data-testid={`plan-row-${index + 1}`}>
                <Col flex="56px">
                  <Typography.Text strong style={{ lineHeight: "32px" }}>
                    {t("deals.plan.nth", { n: index + 1 })}
                  </Typography.Text>
                </Col>
                <Col flex="140px">
                  <Form.Item name={[field.name, "kind"]} rules={[{ required: true, message: t("deals.plan.kindRequired") }]}>
                    <Select
                      placeholder={t("deals.plan.kind")}
                      options={planKindsFor(method).map((k) => ({ value: k, label: t(`deals.planKinds.${k}`) }))}
                    />
                  </Form.Item>
                </Col>
                <Col flex="160px">
                  <Form.Item name={[field.name, "due_date"]} rules={[{ required: true, message: t("deals.plan.dueRequired") }]}>
                    <DatePicker placeholder={t("deals.plan.due_date")} style={{ width: "100%" }} />
                  </Form.Item>
                </Col>
                <Col flex="auto">
                  <Form.Item
                    name={[field.name, "amount"]}
                    rules={[
                      { required: true, message: t("deals.plan.amountRequired") },
                      { validator: (_, v) => (!v || parseAmount(v)?.gt(0) ? Promise.resolve() : Promise.reject(new Error(t("deals.money.invalid")))) },
                    ]}
                  >
                    <Input
                      prefix="¥"
                      placeholder={t("deals.plan.amount")}
                      data-testid={`plan-amount-${index + 1}`}
                      onBlur={(e) => {
                        const amount = parseAmount(e.target.value);
                        if (amount) form.setFieldValue(["plan", field.name, "amount"], groupedAmount(amount));
                      }}
                    />
                  </Form.Item>
                </Col>
                <Col flex="40px">
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} disabled={fields.length === 1} aria-label={t("deals.plan.remove")} />
                </Col>
              </Row>
            ))}
            <Space>
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: "installment" })} data-testid="plan-add">
                {t("deals.plan.add")}
              </Button>
              <Button onClick={fillLast} disabled={!diff || diff.difference.isZero()} data-testid="plan-fill">
                {t("deals.plan.fillLast")}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
      <div data-testid="plan-totals" style={{ marginTop: 8 }}>
        <Space size="large" wrap>
          <Typography.Text>
            {t("deals.plan.total")}：{diff ? formatYuan(diff.total) : "—"}
          </Typography.Text>
          <Typography.Text>
            {t("deals.plan.price")}：{formatYuan(dec(price))}
          </Typography.Text>
          <Typography.Text strong type={diff && diff.difference.isZero() ? "success" : "danger"} data-testid="plan-difference">
            {!diff
              ? t("deals.plan.unreadable")
              : diff.difference.isZero()
                ? t("deals.plan.balanced")
                : diff.difference.gt(0)
                  ? t("deals.plan.short", { amount: formatYuan(diff.difference) })
                  : t("deals.plan.over", { amount: formatYuan(diff.difference.neg()) })}
          </Typography.Text>
        </Space>
      </div>
    </Space>
  );
}
