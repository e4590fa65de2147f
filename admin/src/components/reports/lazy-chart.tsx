import { Flex, Spin } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { ChartSpec } from "./charts.tsx";

const ReportChart = lazy(() => import("./charts.tsx"));

/** A report chart, loaded on first use (the charting library is large). */
export function LazyChart({ spec, height = 260 }: { spec: ChartSpec; height?: number }) {
  const { t } = useTranslation();
  return (
    <div className="report-chart" style={{ minHeight: height }}>
      <Suspense
        fallback={
          <Flex justify="center" align="center" style={{ height }}>
            <Spin tip={t("monthly_report.chartsLoading")}>
              <div style={{ width: 80 }} />
            </Spin>
          </Flex>
        }
      >
        <ReportChart spec={spec} height={height} />
      </Suspense>
    </div>
  );
}
