import { Col, Row } from "antd";
import { useTranslation } from "react-i18next";
import { FiguresTable } from "../../../components/reports/figures-table.tsx";
import { LazyChart } from "../../../components/reports/lazy-chart.tsx";
import { amountNumber, dec } from "../../../components/money.tsx";
import type { MonthlyReport } from "../../../components/reports/types.ts";
import { Section } from "./section.tsx";

/** 置业顾问业绩排名: by subscription amount, then contract amount, then visits (the database's order). */
export function ConsultantsSection({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const chart = report.consultants
    .filter((r) => r.staff_id && !dec(r.subscription_amount).isZero())
    .map((r) => ({ name: r.name ?? "", wan: amountNumber(dec(r.subscription_amount).div(10_000).toFixed(2)) }));
  return (
    <Section title={t("monthly_report.sections.consultants")} testId="section-consultants">
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={16}>
          <FiguresTable rows={report.consultants} office={report.summary} scope={report.scope} testId="consultants-table" showRank />
        </Col>
        <Col xs={24} xxl={8}>
          <LazyChart height={Math.max(180, chart.length * 36)} spec={{ kind: "bar", data: chart, x: "name", y: "wan", unit: "万" }} />
        </Col>
      </Row>
    </Section>
  );
}
