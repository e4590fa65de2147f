import { Col, Descriptions, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { LazyChart } from "../../../components/reports/lazy-chart.tsx";
import { pctText } from "../../../components/money.tsx";
import type { MonthlyReport } from "../../../components/reports/types.ts";
import { Section } from "./section.tsx";

/** 成交转化漏斗: visiting customers → subscriptions → contracts, with the rates between. */
export function FunnelSection({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const f = report.funnel;
  if (!f) return null;
  return (
    <Section title={t("monthly_report.sections.funnel")} testId="section-funnel">
      <Row gutter={[16, 16]} align="middle">
        <Col xs={24} xl={14}>
          <LazyChart
            height={220}
            spec={{
              kind: "funnel",
              data: [
                { stage: t("monthly_report.funnel.visit_customers"), value: f.visit_customers },
                { stage: t("monthly_report.funnel.subscriptions"), value: f.subscriptions },
                { stage: t("monthly_report.funnel.contracts"), value: f.contracts },
              ],
            }}
          />
        </Col>
        <Col xs={24} xl={10}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t("monthly_report.funnel.visit_customers")}>{f.visit_customers}</Descriptions.Item>
            <Descriptions.Item label={t("monthly_report.funnel.subscriptions")}>{f.subscriptions}</Descriptions.Item>
            <Descriptions.Item label={t("monthly_report.funnel.contracts")}>{f.contracts}</Descriptions.Item>
            <Descriptions.Item label={t("monthly_report.funnel.subscriptionPct")}>{pctText(f.subscription_pct)}</Descriptions.Item>
            <Descriptions.Item label={t("monthly_report.funnel.contractPct")}>{pctText(f.contract_pct)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
            {t("monthly_report.funnel.firstVisits", { count: f.first_visits, calls: f.calls })}
          </Typography.Paragraph>
        </Col>
      </Row>
    </Section>
  );
}
