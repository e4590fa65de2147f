import { DeleteButton, EditButton, List, useTable } from "@refinedev/antd";
import { Alert, Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useProjectStaff } from "../../components/reports/use-project-staff.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import type { WorkDiary } from "./types.ts";

/** 工作笔记: one's own entries; managers read everyone's in the project (RLS decides). */
export default function WorkDiaryList() {
  const { t } = useTranslation();
  const { project, identity } = useCurrentProject();
  const { nameOf } = useProjectStaff(project?.projectId);
  const { tableProps } = useTable<WorkDiary>({
    syncWithLocation: true,
    sorters: { initial: [{ field: "day", order: "desc" }] },
    filters: { permanent: [{ field: "project_id", operator: "eq", value: project?.projectId }] },
    meta: { select: "id, day, staff_id, content, plan, updated_at" },
  });
  const f = (k: string) => t(`work_diaries.fields.${k}`);
  const text = (v: string | null) => (
    <Typography.Paragraph ellipsis={{ rows: 4 }} style={{ whiteSpace: "pre-wrap", marginBottom: 0, maxWidth: 480 }}>
      {v || "—"}
    </Typography.Paragraph>
  );
  return (
    <List>
      <Alert type="info" showIcon message={t("work_diaries.help")} style={{ marginBottom: 16 }} />
      <Table<WorkDiary> {...tableProps} rowKey="id" data-testid="work-diaries-table">
        <Table.Column<WorkDiary> dataIndex="day" title={f("day")} width={130} render={(v: string) => <span style={{ whiteSpace: "nowrap" }}>{dayjs(v).format(t("reports.formats.dayShort"))}</span>} />
        <Table.Column<WorkDiary> dataIndex="staff_id" title={f("staff_id")} width={90} render={(v: string) => nameOf(v)} />
        <Table.Column<WorkDiary> dataIndex="content" title={f("content")} render={text} />
        <Table.Column<WorkDiary> dataIndex="plan" title={f("plan")} render={text} />
        <Table.Column<WorkDiary>
          title={t("table.actions")}
          width={90}
          render={(_, r) =>
            r.staff_id === identity?.id ? (
              <Space>
                <EditButton hideText size="small" recordItemId={r.id} />
                <DeleteButton hideText size="small" recordItemId={r.id} />
              </Space>
            ) : null
          }
        />
      </Table>
    </List>
  );
}
