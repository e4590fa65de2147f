import { DeleteButton, EditButton, List, useTable } from "@refinedev/antd";
import { Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useProjectStaff } from "../../components/reports/use-project-staff.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import type { DutyLog } from "./types.ts";

/** 值班记录: everyone on the project reads them; each person edits their own. */
export default function DutyLogList() {
  const { t } = useTranslation();
  const { project, identity } = useCurrentProject();
  const { nameOf } = useProjectStaff(project?.projectId);
  const { tableProps } = useTable<DutyLog>({
    syncWithLocation: true,
    sorters: { initial: [{ field: "day", order: "desc" }] },
    filters: { permanent: [{ field: "project_id", operator: "eq", value: project?.projectId }] },
    meta: { select: "id, day, staff_id, shift, content, issues, handover, updated_at" },
  });
  const f = (k: string) => t(`duty_logs.fields.${k}`);
  const text = (v: string | null) => (
    <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ whiteSpace: "pre-wrap", marginBottom: 0, maxWidth: 360 }}>
      {v || "—"}
    </Typography.Paragraph>
  );
  return (
    <List>
      <Table<DutyLog> {...tableProps} rowKey="id" data-testid="duty-logs-table">
        <Table.Column<DutyLog> dataIndex="day" title={f("day")} width={130} render={(v: string) => <span style={{ whiteSpace: "nowrap" }}>{dayjs(v).format(t("reports.formats.dayShort"))}</span>} />
        <Table.Column<DutyLog> dataIndex="staff_id" title={f("staff_id")} width={90} render={(v: string) => nameOf(v)} />
        <Table.Column<DutyLog> dataIndex="shift" title={f("shift")} width={70} render={(v: string | null) => (v ? t(`reports.shifts.${v}`) : "—")} />
        <Table.Column<DutyLog> dataIndex="content" title={f("content")} render={text} />
        <Table.Column<DutyLog> dataIndex="issues" title={f("issues")} render={text} />
        <Table.Column<DutyLog> dataIndex="handover" title={f("handover")} render={text} />
        <Table.Column<DutyLog>
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
