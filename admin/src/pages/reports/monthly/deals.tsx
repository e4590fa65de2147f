import { Col, Row, Space, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { LazyChart } from "../../../components/reports/lazy-chart.tsx";
import { amountNumber, dec, Money, sumAmounts, sumCounts } from "../../../components/money.tsx";
import type { Amount, MonthlyReport } from "../../../components/reports/types.ts";
import { Section, SectionTable } from "./section.tsx";

interface DealGroup {
  key: string;
  label: string;
  count: number;
  amount: Amount;
  avg_unit_price?: Amount | null;
}

/** 成交结构: the month's new subscriptions by layout, building and 50万 price band. */
export function DealsSection({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const groups: { key: string; title: string; rows: DealGroup[] }[] = [
    {
      key: "layout",
      title: t("monthly_report.sections.dealsByLayout"),
      rows: report.deals.by_layout.map((r) => ({ key: r.layout, label: r.layout, count: r.count, amount: r.amount, avg_unit_price: r.avg_unit_price })),
    },
    {
      key: "building",
      title: t("monthly_report.sections.dealsByBuilding"),
      rows: report.deals.by_building.map((r) => ({ key: r.building_id, label: r.building_name, count: r.count, amount: r.amount, avg_unit_price: r.avg_unit_price })),
    },
    {
      key: "price_band",
      title: t("monthly_report.sections.dealsByPriceBand"),
      rows: report.deals.by_price_band.map((r) => ({ key: r.label, label: r.label, count: r.count, amount: r.amount })),
    },
  ];
  return (
    <Section title={t("monthly_report.sections.deals")} testId="section-deals">
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {groups.map((g) => {
          const columns: ColumnsType<DealGroup> = [
            { key: "label", title: g.title, dataIndex: "label" },
            { key: "count", title: t("monthly_report.fields.count"), dataIndex: "count", align: "right" },
            { key: "amount", title: t("monthly_report.fields.amount"), align: "right", render: (_, r) => <Money value={r.amount} /> },
            ...(g.key !== "price_band"
              ? [{ key: "avg", title: t("monthly_report.fields.avgUnitPrice"), align: "right" as const, render: (_: unknown, r: DealGroup) => (r.avg_unit_price == null ? "—" : dec(r.avg_unit_price).toFixed(0)) }]
              : []),
          ];
          return (
            <Row key={g.key} gutter={[16, 8]} align="middle">
              <Col xs={24} xl={14}>
                <Typography.Text strong>{g.title}</Typography.Text>
                <SectionTable<DealGroup>
                  testId={`deals-${g.key}`}
                  rows={g.rows}
                  rowKey={(r) => r.key}
                  columns={columns}
                  total={[
                    t("monthly_report.fields.total"),
                    sumCounts(g.rows.map((r) => r.count)),
                    <Money key="amount" value={sumAmounts(g.rows.map((r) => r.amount))} strong />,
                    ...(g.key !== "price_band" ? [""] : []),
                  ]}
                />
              </Col>
              <Col xs={24} xl={10}>
                <LazyChart
                  height={180}
                  spec={{ kind: "column", data: g.rows.map((r) => ({ label: r.label, wan: amountNumber(dec(r.amount).div(10_000).toFixed(2)) })), x: "label", y: "wan", unit: "万" }}
                />
              </Col>
            </Row>
          );
        })}
      </Space>
    </Section>
  );
}
