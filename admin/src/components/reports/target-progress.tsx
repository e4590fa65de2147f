import type { Database } from "@so/shared/database.types";
import { Card, Progress, Space, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { rowsOf } from "../../hooks/rows-of.ts";
import { useRpcQuery } from "../../hooks/use-rpc-query.ts";
import { yuanText } from "../money.tsx";

export type ProgressRow = Database["public"]["Functions"]["target_progress"]["Returns"][number];

/** The four measures a target has, as target_progress names them. */
export const MEASURES = [
  { key: "subscriptions", target: "target_subscriptions", percent: "subscriptions_percent", money: false },
  { key: "subscription_amount", target: "target_subscription_amount", percent: "subscription_amount_percent", money: true },
  { key: "contract_amount", target: "target_contract_amount", percent: "contract_amount_percent", money: true },
  { key: "collections", target: "target_collections", percent: "collections_percent", money: true },
] as const;

/** The month's plan vs actual as the database counts it (target_progress), for any screen. */
export function useTargetProgress(projectId: string | undefined, month: Dayjs) {
  const { result, query } = useRpcQuery("target_progress", { p_project_id: projectId ?? "", p_month: month.startOf("month").format("YYYY-MM-DD") }, {
    queryOptions: { enabled: Boolean(projectId) },
    errorNotification: false,
  });
  return { rows: rowsOf<ProgressRow>(result.data), loading: query.isFetching, error: query.error };
}

/**
 * 指标完成情况: one line for the project and one per salesperson, each measure as actual / target
 * with a progress bar. The targets page, the 日报, the weekly minutes and the monthly report all
 * show this table, so their figures cannot differ.
 */
export function TargetProgressTable({ rows, loading, testId, action }: {
  rows: ProgressRow[]; loading?: boolean; testId: string; action?: (row: ProgressRow) => ReactNode;
}) {
  const { t } = useTranslation();
  const cell = (measure: (typeof MEASURES)[number]) => (_: unknown, r: ProgressRow) => {
    const actual = r[measure.key];
    const target = r[measure.target];
    const pct = r[measure.percent];
    const show = (v: unknown) => (measure.money ? yuanText(v) : String(v ?? 0));
    return (
      <Space direction="vertical" size={0} style={{ minWidth: 150 }} data-testid={`${measure.key}-${r.is_project ? "project" : r.staff_id}`}>
        <span>
          {show(actual)} <Typography.Text type="secondary">/ {target === null ? t("sales_targets.noTarget") : show(target)}</Typography.Text>
        </span>
        {pct !== null && <Progress percent={Math.min(pct, 100)} format={() => `${pct}%`} size="small" status={pct >= 100 ? "success" : "normal"} />}
      </Space>
    );
  };
  return (
    <Table<ProgressRow>
      rowKey={(r) => r.staff_id ?? "project"}
      dataSource={rows}
      loading={loading}
      pagination={false}
      size="small"
      scroll={{ x: 900 }}
      data-testid={testId}
      locale={{ emptyText: t("sales_targets.empty") }}
    >
      <Table.Column<ProgressRow>
        title={t("sales_targets.fields.who")}
        render={(_, r) => (r.is_project ? <strong>{t("sales_targets.project")}</strong> : r.staff_name)}
      />
      {MEASURES.map((m) => (
        <Table.Column<ProgressRow> key={m.key} title={t(`sales_targets.fields.${m.key}`)} render={cell(m)} />
      ))}
      {action && <Table.Column<ProgressRow> title={t("sales_targets.fields.action")} render={(_, r) => action(r)} />}
    </Table>
  );
}

/** The month's targets as a section of a report; nothing for someone the database does not show them to. */
export function TargetProgressCard({ projectId, month, testId }: { projectId: string | undefined; month: Dayjs; testId: string }) {
  const { t } = useTranslation();
  const { rows, loading, error } = useTargetProgress(projectId, month);
  if (error) return null;
  return (
    <Card size="small" title={t("sales_targets.inReport", { month: month.format(t("reports.formats.month")) })} className="report-print-section">
      <TargetProgressTable rows={rows} loading={loading} testId={testId} />
    </Card>
  );
}
