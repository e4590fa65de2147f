import { Card, DatePicker, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { FigureStats } from "../../components/reports/figure-stats.tsx";
import { figureSheetColumns, FiguresTable, rowName } from "../../components/reports/figures-table.tsx";
import { ReportActions } from "../../components/reports/report-actions.tsx";
import { ReportPage } from "../../components/reports/report-page.tsx";
import { TargetProgressCard } from "../../components/reports/target-progress.tsx";
import type { DailyReport } from "../../components/reports/types.ts";
import { useProjectReport } from "../../components/reports/use-report.ts";
import { useCurrentProject } from "../../session/current-project.tsx";

const DAY = "YYYY-MM-DD";

/** 日报: any day's figures per consultant and for the office (a consultant sees their own row). */
export default function DailyReportPage() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const [params, setParams] = useSearchParams();
  const asked = dayjs(params.get("day") ?? "", DAY, true);
  const day = asked.isValid() && !asked.isAfter(dayjs(), "day") ? asked : dayjs();
  const dayText = day.format(DAY);
  const { data, error, loading } = useProjectReport("daily_report", { p_day: dayText });

  const sheets = () => {
    if (!data || !project) return [];
    const rows = data.rows.map((r) => ({ ...r, name: rowName(t, r) }));
    return [
      {
        name: t("daily_report.sheet"),
        title: `${project.projectName} ${t("daily_report.title")} ${dayText}`,
        columns: figureSheetColumns(t, data.scope, [{ key: "name", header: t("reports.columns.consultant"), kind: "text" }]),
        rows,
        total: data.office ? { ...data.office, name: t("reports.columns.office") } : undefined,
      },
    ];
  };

  return (
    <ReportPage
      title={t("daily_report.title")}
      subtitle={project ? `${project.projectName} · ${day.format(t("reports.formats.dayWithWeek"))}` : t("reports.noProject")}
      scope={data?.scope}
      loading={loading}
      error={error}
      controls={
        <DatePicker
          aria-label={t("daily_report.day")}
          data-testid="daily-day"
          allowClear={false}
          value={day}
          disabledDate={(d: Dayjs) => d.isAfter(dayjs(), "day")}
          onChange={(d) => d && setParams({ day: d.format(DAY) }, { replace: true })}
        />
      }
      actions={<ReportActions filename={t("daily_report.file", { project: project?.projectCode ?? "", day: dayText })} sheets={sheets} disabled={!data} />}
    >
      {data && (
        <Space direction="vertical" size="middle" style={{ width: "100%" }} className="report-print-section">
          {data.office && (
            <Card size="small" title={t("daily_report.office")}>
              <FigureStats figures={data.office} scope={data.scope} testIdPrefix="daily-office" />
            </Card>
          )}
          <Card size="small" title={data.scope === "own" ? t("daily_report.mine") : t("daily_report.byConsultant")}>
            <FiguresTable rows={data.rows} office={data.office} scope={data.scope} testId="daily-report-table" />
          </Card>
          <TargetProgressCard projectId={project?.projectId} month={day.startOf("month")} testId="daily-targets" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("reports.generatedAt", { time: dayjs(data.generated_at).format("YYYY-MM-DD HH:mm") })}
          </Typography.Text>
        </Space>
      )}
    </ReportPage>
  );
}
