import { Card, Col, Row, Statistic, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { FigureStats } from "../../../components/reports/figure-stats.tsx";
import { pctText } from "../../../components/money.tsx";
import type { MonthlyReport } from "../../../components/reports/types.ts";
import { Section } from "./section.tsx";

/**
 * 核心指标: the month's figures (month to date for the current month) with 环比 against the same
 * days of the previous month, plus visiting customers, 退房, 换房, average discount, units left.
 */
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
      <Typography.Paragraph type="secondary" data-testid="monthly-period">
        {t(report.month_to_date ? "monthly_report.periodToDate" : "monthly_report.period", {
          from: dayjs(report.from).format(t("reports.formats.day")),
          to: dayjs(report.to).format(t("reports.formats.day")),
          prevFrom: dayjs(report.previous.from).format(t("reports.formats.day")),
          prevTo: dayjs(report.previous.to).format(t("reports.formats.day")),
        })}
      </Typography.Paragraph>
      <FigureStats figures={s} scope={report.scope} testIdPrefix="monthly" change={report.mom} />
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
