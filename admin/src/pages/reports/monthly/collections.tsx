import { Col, Row, Space, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { LazyChart } from "../../../components/reports/lazy-chart.tsx";
import { amountNumber, dec, Money, pctText, yuanText } from "../../../components/money.tsx";
import type { MonthlyReport } from "../../../components/reports/types.ts";
import { Section, SectionTable } from "./section.tsx";

type KindRow = MonthlyReport["collections"]["by_kind"][number];
type MethodRow = MonthlyReport["collections"]["by_method"][number];

/** 回款情况: money received net of refunds, by kind and by method, against the instalments due. */
export function CollectionsSection({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const c = report.collections;
  return (
    <Section title={t("monthly_report.sections.collections")} testId="section-collections">
      <Space size="large" wrap style={{ marginBottom: 12 }}>
        <Statistic title={t("monthly_report.collections.total")} value={yuanText(c.total)} formatter={(v) => <span data-testid="collections-total">{v}</span>} />
        <Statistic title={t("monthly_report.collections.received")} value={yuanText(c.received)} />
        <Statistic title={t("monthly_report.collections.refunded")} value={yuanText(c.refunded)} />
        <Statistic title={t("monthly_report.collections.count")} value={c.count} />
        <Statistic title={t("monthly_report.collections.plan_due")} value={yuanText(c.plan_due)} />
        <Statistic title={t("monthly_report.collections.rate")} value={pctText(c.plan_pct)} />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <SectionTable<KindRow>
            rows={c.by_kind}
            rowKey={(r) => r.kind}
            columns={[
              { key: "kind", title: t("monthly_report.fields.kind"), render: (_, r) => t(`reports.paymentKinds.${r.kind}`) },
              { key: "count", title: t("monthly_report.fields.times"), dataIndex: "count", align: "right" },
              { key: "amount", title: t("monthly_report.fields.amount"), align: "right", render: (_, r) => <Money value={r.amount} /> },
            ]}
            total={[t("monthly_report.fields.total"), c.count, <Money key="t" value={c.total} strong />]}
          />
        </Col>
        <Col xs={24} xl={8}>
          <SectionTable<MethodRow>
            rows={c.by_method}
            rowKey={(r) => r.method}
            columns={[
              { key: "method", title: t("monthly_report.fields.method"), render: (_, r) => t(`reports.paymentMethods.${r.method}`) },
              { key: "count", title: t("monthly_report.fields.times"), dataIndex: "count", align: "right" },
              { key: "amount", title: t("monthly_report.fields.amount"), align: "right", render: (_, r) => <Money value={r.amount} /> },
            ]}
          />
        </Col>
        <Col xs={24} xl={8}>
          <LazyChart
            height={220}
            spec={{
              kind: "pie",
              unit: "万",
              data: c.by_kind.filter((r) => dec(r.amount).gt(0)).map((r) => ({ label: t(`reports.paymentKinds.${r.kind}`), value: amountNumber(dec(r.amount).div(10_000).toFixed(2)) })),
            }}
          />
        </Col>
      </Row>
    </Section>
  );
}
