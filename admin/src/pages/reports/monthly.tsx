import { DatePicker, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { MonthlyReportReminder } from "../../components/reports/month-reminder.tsx";
import { MonthlySubmission } from "../../components/reports/monthly-submission.tsx";
import { ReportActions } from "../../components/reports/report-actions.tsx";
import { MarketSurveyCard } from "../../components/reports/market-survey-card.tsx";
import { ReportPage } from "../../components/reports/report-page.tsx";
import { TargetProgressCard } from "../../components/reports/target-progress.tsx";
import type { MonthlyReport } from "../../components/reports/types.ts";
import { useProjectReport } from "../../components/reports/use-report.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { ChannelsSection } from "./monthly/channels.tsx";
import { CollectionsSection } from "./monthly/collections.tsx";
import { ConsultantsSection } from "./monthly/consultants.tsx";
import { DealsSection } from "./monthly/deals.tsx";
import { DiscountSection } from "./monthly/discount.tsx";
import { FunnelSection } from "./monthly/funnel.tsx";
import { InventorySection } from "./monthly/inventory.tsx";
import { monthlySheets } from "./monthly/sheets.ts";
import { SourcesSection } from "./monthly/sources.tsx";
import { SummarySection } from "./monthly/summary.tsx";

const MONTH = "YYYY-MM";

/**
 * 月度销售分析报告 for a month — the current month to date by default, with 环比 against the same
 * days of the previous month (the reminder links last month's report, due by the 5th) — every
 * section computed by monthly_report() in the database; charts load on demand.
 */
export default function MonthlyReportPage() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const [params, setParams] = useSearchParams();
  const asked = dayjs(params.get("month") ?? "", MONTH, true);
  const month = asked.isValid() && !asked.isAfter(dayjs(), "month") ? asked.startOf("month") : dayjs().startOf("month");
  const monthLabel = month.format(t("reports.formats.month"));
  const { data, error, loading } = useProjectReport("monthly_report", { p_month: month.format("YYYY-MM-DD") });
  return (
    <ReportPage
      title={project ? t("monthly_report.monthTitle", { project: project.projectName, month: monthLabel }) : t("monthly_report.title")}
      subtitle={data ? `${t("monthly_report.dueOn", { due: dayjs(data.due_on).format(t("reports.formats.date")) })} · ${t("reports.generatedAt", { time: dayjs(data.generated_at).format("YYYY-MM-DD HH:mm") })}` : undefined}
      scope={data?.scope}
      loading={loading}
      error={error}
      controls={
        <DatePicker
          picker="month"
          aria-label={t("monthly_report.month")}
          data-testid="monthly-month"
          allowClear={false}
          value={month}
          disabledDate={(d: Dayjs) => d.isAfter(dayjs(), "month")}
          onChange={(d) => d && setParams({ month: d.format(MONTH) }, { replace: true })}
        />
      }
      actions={
        <ReportActions
          disabled={!data}
          filename={t("monthly_report.file", { project: project?.projectCode ?? "", month: month.format(MONTH) })}
          sheets={() => (data && project ? monthlySheets(t, data, project.projectName, monthLabel) : [])}
        />
      }
    >
      <MonthlyReportReminder showLink={false} />
      <MonthlySubmission month={month} />
      {data && (
        <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="monthly-report">
          <SummarySection report={data} />
          <TargetProgressCard projectId={project?.projectId} month={month} testId="monthly-targets" />
          <SourcesSection report={data} />
          <FunnelSection report={data} />
          <DealsSection report={data} />
          <DiscountSection report={data} />
          <ConsultantsSection report={data} />
          <InventorySection report={data} />
          <CollectionsSection report={data} />
          <ChannelsSection report={data} />
          <MarketSurveyCard projectId={project?.projectId} from={month.format("YYYY-MM-DD")} to={month.endOf("month").format("YYYY-MM-DD")} testId="monthly-surveys" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("reports.generatedAt", { time: dayjs(data.generated_at).format("YYYY-MM-DD HH:mm") })}
          </Typography.Text>
        </Space>
      )}
    </ReportPage>
  );
}
