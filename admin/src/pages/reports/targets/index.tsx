import type { Database } from "@so/shared/database.types";
import { Button, Card, DatePicker, Progress, Space, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { yuanText } from "../../../components/money.tsx";
import { useAllowed } from "../../../hooks/use-allowed.ts";
import { rowsOf } from "../../../hooks/rows-of.ts";
import { useCurrentProject } from "../../../session/current-project.tsx";
import { TargetForm } from "./target-form.tsx";
import { useRpcQuery } from "../../../hooks/use-rpc-query.ts";

export type ProgressRow = Database["public"]["Functions"]["target_progress"]["Returns"][number];

/** The four measures a target has, as target_progress names them. */
export const MEASURES = [
  { key: "subscriptions", target: "target_subscriptions", percent: "subscriptions_percent", money: false },
  { key: "subscription_amount", target: "target_subscription_amount", percent: "subscription_amount_percent", money: true },
  { key: "contract_amount", target: "target_contract_amount", percent: "contract_amount_percent", money: true },
  { key: "collections", target: "target_collections", percent: "collections_percent", money: true },
] as const;

/**
 * 销售指标: the month's targets for the project and each salesperson against what the reports
 * count (target_progress). Managers set them for this month and later ones (set_sales_target);
 * consultants see the project's line and their own.
 */
export default function SalesTargetsPage() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const [month, setMonth] = useState<Dayjs>(dayjs().startOf("month"));
  const [editing, setEditing] = useState<{ staffId: string | null; row?: ProgressRow } | null>(null);
  const mayEdit = useAllowed("sales_targets", "edit") && !month.isBefore(dayjs(), "month");
  const { result, query } = useRpcQuery("target_progress", { p_project_id: project?.projectId ?? "", p_month: month.format("YYYY-MM-DD") }, {
    queryOptions: { enabled: Boolean(project) },
    errorNotification: false,
  });
  const rows = rowsOf<ProgressRow>(result.data);

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

  if (!project) return null;
  return (
    <Card
      title={t("sales_targets.titles.list")}
      extra={
        <Space>
          <DatePicker picker="month" value={month} allowClear={false} onChange={(m) => m && setMonth(m.startOf("month"))} data-testid="target-month" />
          {mayEdit && (
            <Button type="primary" onClick={() => setEditing({ staffId: null })} data-testid="add-target">
              {t("sales_targets.add")}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t("sales_targets.help")}</Typography.Paragraph>
      <Table<ProgressRow>
        rowKey={(r) => r.staff_id ?? "project"}
        dataSource={rows}
        loading={query.isFetching}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="targets-table"
      >
        <Table.Column<ProgressRow>
          title={t("sales_targets.fields.who")}
          render={(_, r) => (r.is_project ? <strong>{t("sales_targets.project")}</strong> : r.staff_name)}
        />
        {MEASURES.map((m) => (
          <Table.Column<ProgressRow> key={m.key} title={t(`sales_targets.fields.${m.key}`)} render={cell(m)} />
        ))}
        {mayEdit && (
          <Table.Column<ProgressRow>
            title={t("sales_targets.fields.action")}
            render={(_, r) => (
              <Button size="small" onClick={() => setEditing({ staffId: r.staff_id, row: r })} data-testid={`edit-target-${r.is_project ? "project" : r.staff_id}`}>
                {t("sales_targets.edit")}
              </Button>
            )}
          />
        )}
      </Table>
      {editing && project && (
        <TargetForm projectId={project.projectId} month={month} staffId={editing.staffId} row={editing.row} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
