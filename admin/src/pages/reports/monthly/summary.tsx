import { Card, Col, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { FigureStats } from "../../../components/reports/figure-stats.tsx";
import { pctText } from "../../../components/money.tsx";
import type { MonthlyReport } from "../../../components/reports/types.ts";
import { Section } from "./section.tsx";

/** 核心指标: the month's figures plus visiting customers, 退房, 换房, average discount, units left. */
export function SummarySection({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const s = report.summary;
  const extra = [
    ...(report.scope === "all" ? [{ key: "visit_customers", title: t("monthly_report.fields.visitCustomers"), value: String(s.visit_customers ?? "—") }] : []),
    { key: "cancellations", title: t("monthly_report.fields.cancellations"), value: String(s.cancellations) },
    { key: "changes", title: t("monthly_report.fields.changes"), value: String(s.changes) },
    { key: "avg_discount", title: t("monthly_report.fields.avgDiscount"), value: pctText(s.avg_discount_pct) },
    { key: "unsold_units", title: t("monthly_report.fields.unsoldUnits"), value: String(s.unsold_units) },
  ];
  return (
    <Section title={t("monthly_report.sections.summary")} testId="section-summary">
      <FigureStats figures={s} scope={report.scope} testIdPrefix="monthly" />
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        {extra.map((tile) => (
          <Col key={tile.key} xs={12} sm={8} md={6} xl={4}>
            <Card size="small" styles={{ body: { padding: "10px 14px" } }}>
              <Statistic title={tile.title} value={tile.value} valueStyle={{ fontSize: 20 }} formatter={(v) => <span data-testid={`monthly-${tile.key}`}>{v}</span>} />
            </Card>
          </Col>
        ))}
      </Row>
    </Section>
  );
}
