import { Alert, Flex, Space, Spin, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import "./print.css";
import type { ReportScope } from "./types.ts";

interface Props {
  title: string;
  subtitle?: ReactNode;
  /** Pickers (day, week, month); hidden in print. */
  controls?: ReactNode;
  /** Export / print buttons. */
  actions?: ReactNode;
  scope?: ReportScope | null;
  loading?: boolean;
  error?: { message: string } | null;
  children?: ReactNode;
}

/** The frame of a report screen: title and pickers on top, the scope notice, then the report. */
export function ReportPage({ title, subtitle, controls, actions, scope, loading, error, children }: Props) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="report-title">
            {title}
          </Typography.Title>
          {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
        </div>
        <Space wrap className="no-print">
          {controls}
          {actions}
        </Space>
      </Flex>
      {scope === "own" && <Alert type="info" showIcon className="no-print" message={t("reports.scope.own")} />}
      {scope === "finance" && <Alert type="info" showIcon className="no-print" message={t("reports.scope.finance")} />}
      {error && <Alert type="error" showIcon message={t("reports.loadFailed", { message: error.message })} data-testid="report-error" />}
      {loading ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : (
        children
      )}
    </Space>
  );
}
