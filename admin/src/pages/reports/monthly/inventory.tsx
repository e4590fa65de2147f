import { UNIT_STATUSES } from "@so/shared/enums";
import { Col, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { LazyChart } from "../../../components/reports/lazy-chart.tsx";
import { Money, pctText, sumAmounts, sumCounts } from "../../../components/money.tsx";
import { STOCK_COLORS, type MonthlyReport } from "../../../components/reports/types.ts";
import { Section, SectionTable } from "./section.tsx";

type BuildingRow = MonthlyReport["inventory"]["by_building"][number];
type LayoutRow = MonthlyReport["inventory"]["by_layout"][number];

/** 剩余房源: units left now by building (every status) and by layout, with value left and sell-through. */
export function InventorySection({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const { by_building, by_layout } = report.inventory;
  const chart = by_building.flatMap((b) => UNIT_STATUSES.map((s) => ({ building: b.building_name, status: t(`reports.stock.${s}`), units: b[s] })));
  const count = (k: (typeof UNIT_STATUSES)[number] | "total" | "unsold") => ({ key: k, title: t(`reports.stock.${k}`), dataIndex: k, align: "right" as const });
  return (
    <Section title={t("monthly_report.sections.inventory")} extra={<Typography.Text type="secondary">{t("monthly_report.inventoryNote")}</Typography.Text>} testId="section-inventory">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Typography.Text strong>{t("monthly_report.sections.inventoryByBuilding")}</Typography.Text>
          <SectionTable<BuildingRow>
            testId="inventory-buildings"
            rows={by_building}
            rowKey={(r) => r.building_id}
            columns={[
              { key: "building", title: t("reports.stock.building"), dataIndex: "building_name" },
              count("total"),
              ...UNIT_STATUSES.map(count),
              count("unsold"),
              { key: "amount", title: t("reports.stock.unsold_amount"), align: "right", render: (_, r) => <Money value={r.unsold_amount} wan /> },
              { key: "sold", title: t("reports.stock.sold_pct"), align: "right", render: (_, r) => pctText(r.sold_pct) },
            ]}
            total={[
              t("monthly_report.fields.total"),
              sumCounts(by_building.map((r) => r.total)),
              ...UNIT_STATUSES.map((s) => sumCounts(by_building.map((r) => r[s]))),
              sumCounts(by_building.map((r) => r.unsold)),
              <Money key="amount" value={sumAmounts(by_building.map((r) => r.unsold_amount))} wan strong />,
              "",
            ]}
          />
          <div style={{ height: 16 }} />
          <Typography.Text strong>{t("monthly_report.sections.inventoryByLayout")}</Typography.Text>
          <SectionTable<LayoutRow>
            rows={by_layout}
            rowKey={(r) => r.layout}
            columns={[
              { key: "layout", title: t("reports.stock.layout"), dataIndex: "layout" },
              count("total"),
              count("unsold"),
              { key: "amount", title: t("reports.stock.unsold_amount"), align: "right", render: (_, r) => <Money value={r.unsold_amount} wan /> },
              { key: "sold", title: t("reports.stock.sold_pct"), align: "right", render: (_, r) => pctText(r.sold_pct) },
            ]}
          />
        </Col>
        <Col xs={24} xl={10}>
          <LazyChart height={320} spec={{ kind: "bar", data: chart, x: "building", y: "units", series: "status", stack: true, colors: STOCK_COLORS, integer: true }} />
        </Col>
      </Row>
    </Section>
  );
}
