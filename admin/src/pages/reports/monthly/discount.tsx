import { Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import { Money, pctText } from "../../../components/money.tsx";
import type { MonthlyReport } from "../../../components/reports/types.ts";
import { Section } from "./section.tsx";

/** 折扣分析: list price against deal price; policy and special discounts; average and largest depth. */
export function DiscountSection({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const d = report.discount;
  const label = (k: keyof MonthlyReport["discount"]) => t(`monthly_report.discount.${k}`);
  return (
    <Section title={t("monthly_report.sections.discount")} testId="section-discount">
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" bordered>
        <Descriptions.Item label={label("deals")}>{d.deals}</Descriptions.Item>
        <Descriptions.Item label={label("list_amount")}><Money value={d.list_amount} /></Descriptions.Item>
        <Descriptions.Item label={label("deal_amount")}><Money value={d.deal_amount} /></Descriptions.Item>
        <Descriptions.Item label={label("discount_amount")}><Money value={d.discount_amount} /></Descriptions.Item>
        <Descriptions.Item label={label("policy_discount_amount")}><Money value={d.policy_discount_amount} /></Descriptions.Item>
        <Descriptions.Item label={label("special_discount_amount")}><Money value={d.special_discount_amount} /></Descriptions.Item>
        <Descriptions.Item label={label("avg_discount_pct")}>{pctText(d.avg_discount_pct)}</Descriptions.Item>
        <Descriptions.Item label={label("avg_deal_discount_pct")}>{pctText(d.avg_deal_discount_pct)}</Descriptions.Item>
        <Descriptions.Item label={label("max_discount_pct")}>{pctText(d.max_discount_pct)}</Descriptions.Item>
        <Descriptions.Item label={label("special_deals")}>{d.special_deals}</Descriptions.Item>
      </Descriptions>
    </Section>
  );
}
