import { Col, Row, Space, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { LazyChart } from "../../../components/reports/lazy-chart.tsx";
import { Money, sumAmounts, sumCounts } from "../../../components/money.tsx";
import type { MonthlyReport } from "../../../components/reports/types.ts";
import { Section, SectionTable } from "./section.tsx";

type SourceRow = NonNullable<MonthlyReport["sources"]>[number];
type TopicRow = NonNullable<MonthlyReport["calls"]>["by_topic"][number];

/** 来访来电分析: visits, new customers and deals by customer source; what callers asked about. */
export function SourcesSection({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  if (!report.sources) return null;
  const rows = report.sources;
  const calls = report.calls;
  const label = (s: string) => t(`reports.sources.${s}`);
  const chart = rows.flatMap((r) => [
    { source: label(r.source), kind: t("reports.figures.first_visits"), visits: r.first_visits },
    { source: label(r.source), kind: t("reports.figures.return_visits"), visits: r.return_visits },
  ]);
  const count = (key: keyof SourceRow) => ({ key, title: t(`reports.figures.${key}`), dataIndex: key, align: "right" as const });
  return (
    <>
      <Section title={t("monthly_report.sections.sources")} testId="section-sources">
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <SectionTable<SourceRow>
              testId="sources-table"
              rows={rows}
              rowKey={(r) => r.source}
              columns={[
                { key: "source", title: t("monthly_report.fields.source"), render: (_, r) => label(r.source) },
                count("new_customers"),
                count("first_visits"),
                count("return_visits"),
                count("visits"),
                count("subscriptions"),
                { key: "amount", title: t("reports.figures.subscription_amount"), align: "right", render: (_, r) => <Money value={r.subscription_amount} /> },
                count("contracts"),
              ]}
              total={[
                t("monthly_report.fields.total"),
                sumCounts(rows.map((r) => r.new_customers)),
                sumCounts(rows.map((r) => r.first_visits)),
                sumCounts(rows.map((r) => r.return_visits)),
                sumCounts(rows.map((r) => r.visits)),
                sumCounts(rows.map((r) => r.subscriptions)),
                <Money key="amount" value={sumAmounts(rows.map((r) => r.subscription_amount))} strong />,
                sumCounts(rows.map((r) => r.contracts)),
              ]}
            />
          </Col>
          <Col xs={24} xl={10}>
            <LazyChart spec={{ kind: "column", data: chart, x: "source", y: "visits", series: "kind", stack: true, integer: true }} />
          </Col>
        </Row>
      </Section>
      {calls && (
        <Section title={t("monthly_report.sections.calls")} testId="section-calls">
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Space size="large" style={{ marginBottom: 12 }}>
                <Statistic title={t("reports.figures.calls")} value={calls.total} />
                <Statistic title={t("monthly_report.fields.invited")} value={calls.invited} />
                <Statistic title={t("monthly_report.fields.knownCustomers")} value={calls.known_customers} />
              </Space>
              <SectionTable<TopicRow>
                rows={calls.by_topic}
                rowKey={(r) => r.topic}
                columns={[
                  { key: "topic", title: t("monthly_report.fields.topic"), render: (_, r) => t(`reports.topics.${r.topic}`) },
                  { key: "calls", title: t("reports.figures.calls"), dataIndex: "calls", align: "right" },
                ]}
              />
            </Col>
            <Col xs={24} xl={14}>
              <LazyChart spec={{ kind: "pie", data: calls.by_topic.map((r) => ({ label: t(`reports.topics.${r.topic}`), value: r.calls })) }} />
            </Col>
          </Row>
        </Section>
      )}
    </>
  );
}
