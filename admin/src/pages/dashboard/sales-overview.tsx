import { BarChartOutlined, CalendarOutlined } from "@ant-design/icons";
import { useGo } from "@refinedev/core";
import { UNIT_STATUSES } from "@so/shared/enums";
import { Alert, Button, Card, Col, Descriptions, Row, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { FigureStats } from "../../components/reports/figure-stats.tsx";
import { LazyChart } from "../../components/reports/lazy-chart.tsx";
import { MonthlyReportReminder } from "../../components/reports/month-reminder.tsx";
import { sumAmounts, sumCounts, wanText } from "../../components/money.tsx";
import { StockTable } from "../../components/reports/stock-table.tsx";
import { TargetProgressCard } from "../../components/reports/target-progress.tsx";
import { STOCK_COLORS, type DashboardSummary } from "../../components/reports/types.ts";
import { useProjectReport } from "../../components/reports/use-report.ts";
import { MyWork } from "../../components/notifications/my-work.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";
import { TodoCard } from "./todo-card.tsx";
import { useAllowed } from "../../hooks/use-allowed.ts";

/**
 * The dashboard's numbers of the project in use, from dashboard_summary(): today and this month
 * (the office for managers+, money for finance, their own for a consultant), this month's funnel,
 * and stock left by building and layout, and the month's 销售指标 against them. Roles without
 * sales figures see the stock only.
 */
export function SalesOverview() {
  const { t } = useTranslation();
  const go = useGo();
  const { project } = useCurrentProject();
  const { data, error } = useProjectReport("dashboard_summary", {});
  const canDaily = useAllowed("daily_report", "list");
  const canMonthly = useAllowed("monthly_report", "list");
  if (error) return <Alert type="error" showIcon message={t("salesDashboard.loadFailed", { message: error.message })} />;
  if (!data) return <Card loading />;

  const unsold = sumCounts(data.stock.map((r) => r.unsold));
  const unsoldAmount = sumAmounts(data.stock.map((r) => r.unsold_amount));
  const buildings = [...new Set(data.stock.map((r) => r.building_name))];
  const stockChart = buildings.flatMap((b) =>
    UNIT_STATUSES.map((s) => ({ building: b, status: t(`reports.stock.${s}`), units: sumCounts(data.stock.filter((r) => r.building_name === b).map((r) => r[s])) })),
  );
  const links = (
    <Space>
      {canDaily && (
        <Button size="small" icon={<CalendarOutlined />} onClick={() => go({ to: `/reports/daily?day=${data.today}` })}>
          {t("salesDashboard.openDaily")}
        </Button>
      )}
      {canMonthly && (
        <Button size="small" icon={<BarChartOutlined />} onClick={() => go({ to: "/reports/monthly" })}>
          {t("salesDashboard.openMonthly")}
        </Button>
      )}
    </Space>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="sales-overview">
      {canMonthly && <MonthlyReportReminder />}
      {data.scope === null && <Alert type="info" showIcon message={t("salesDashboard.noSalesData")} />}
      {data.todo && data.scope !== null && <TodoCard todo={data.todo} />}
      {data.scope === null && <MyWork card />}
      {data.today_figures && (
        <Card
          size="small"
          title={`${data.scope === "own" ? `${t("salesDashboard.mine")} · ` : ""}${t("salesDashboard.today")} · ${dayjs(data.today).format(t("reports.formats.day"))}`}
          extra={links}
        >
          <FigureStats figures={data.today_figures} scope={data.scope} testIdPrefix="dash-today" />
        </Card>
      )}
      {data.month_figures && (
        <Card
          size="small"
          title={`${t("salesDashboard.month")} · ${t("salesDashboard.monthRange", { from: dayjs(data.month_start).format(t("reports.formats.day")) })}`}
        >
          <FigureStats figures={data.month_figures} scope={data.scope} testIdPrefix="dash-month" />
        </Card>
      )}
      {data.month_figures && <TargetProgressCard projectId={project?.projectId} month={dayjs(data.month_start)} testId="dash-targets" />}
      <Row gutter={[16, 16]}>
        {data.funnel && (
          <Col xs={24} xl={8}>
            <Card size="small" title={t("salesDashboard.funnel")} style={{ height: "100%" }} data-testid="dash-funnel">
              <LazyChart
                height={200}
                spec={{
                  kind: "funnel",
                  data: [
                    { stage: t("monthly_report.funnel.visit_customers"), value: data.funnel.visit_customers },
                    { stage: t("monthly_report.funnel.subscriptions"), value: data.funnel.subscriptions },
                    { stage: t("monthly_report.funnel.contracts"), value: data.funnel.contracts },
                  ],
                }}
              />
              <Descriptions size="small" column={3}>
                <Descriptions.Item label={t("monthly_report.funnel.visit_customers")}>{data.funnel.visit_customers}</Descriptions.Item>
                <Descriptions.Item label={t("monthly_report.funnel.subscriptions")}>{data.funnel.subscriptions}</Descriptions.Item>
                <Descriptions.Item label={t("monthly_report.funnel.contracts")}>{data.funnel.contracts}</Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
        )}
        <Col xs={24} xl={data.funnel ? 16 : 24}>
          <Card
            size="small"
            title={t("salesDashboard.stock")}
            extra={<Typography.Text type="secondary">{t("salesDashboard.stockTotal", { unsold, amount: wanText(unsoldAmount) })}</Typography.Text>}
          >
            <LazyChart height={170} spec={{ kind: "bar", data: stockChart, x: "building", y: "units", series: "status", stack: true, colors: STOCK_COLORS, integer: true }} />
            <StockTable rows={data.stock} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
