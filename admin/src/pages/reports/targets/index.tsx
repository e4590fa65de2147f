import { Button, Card, DatePicker, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TargetProgressTable, useTargetProgress, type ProgressRow } from "../../../components/reports/target-progress.tsx";
import { useAllowed } from "../../../hooks/use-allowed.ts";
import { useCurrentProject } from "../../../session/current-project.tsx";
import { TargetForm } from "./target-form.tsx";

export type { ProgressRow };

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
  const { rows, loading } = useTargetProgress(project?.projectId, month);

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
      <TargetProgressTable
        rows={rows}
        loading={loading}
        testId="targets-table"
        action={
          mayEdit
            ? (r) => (
                <Button size="small" onClick={() => setEditing({ staffId: r.staff_id, row: r })} data-testid={`edit-target-${r.is_project ? "project" : r.staff_id}`}>
                  {t("sales_targets.edit")}
                </Button>
              )
            : undefined
        }
      />
      {editing && project && (
        <TargetForm month={month} staffId={editing.staffId} row={editing.row} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
