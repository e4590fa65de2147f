import { List, useTable } from "@refinedev/antd";
import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { OwnRecordActions, RecordDay, RecordText } from "../../components/reports/own-records.tsx";
import { useProjectStaff } from "../../hooks/use-project-staff.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import type { DutyLog } from "./types.ts";

/** 值班记录: everyone on the project reads them; each person edits their own. */
export default function DutyLogList() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const { nameOf } = useProjectStaff(project?.projectId);
  const { tableProps } = useTable<DutyLog>({
    syncWithLocation: true,
    sorters: { initial: [{ field: "day", order: "desc" }] },
    meta: { select: "id, day, staff_id, shift, content, issues, handover, updated_at" },
  });
  const f = (k: string) => t(`duty_logs.fields.${k}`);
  const text = (v: string | null) => <RecordText value={v} rows={3} maxWidth={360} />;
  return (
    <List>
      <Table<DutyLog> {...tableProps} rowKey="id" data-testid="duty-logs-table">
        <Table.Column<DutyLog> dataIndex="day" title={f("day")} width={130} render={(v: string) => <RecordDay value={v} />} />
        <Table.Column<DutyLog> dataIndex="staff_id" title={f("staff_id")} width={90} render={(v: string) => nameOf(v)} />
        <Table.Column<DutyLog> dataIndex="shift" title={f("shift")} width={70} render={(v: string | null) => (v ? t(`reports.shifts.${v}`) : "—")} />
        <Table.Column<DutyLog> dataIndex="content" title={f("content")} render={text} />
        <Table.Column<DutyLog> dataIndex="issues" title={f("issues")} render={text} />
        <Table.Column<DutyLog> dataIndex="handover" title={f("handover")} render={text} />
        <Table.Column<DutyLog> title={t("table.actions")} width={90} render={(_, r) => <OwnRecordActions id={r.id} authorId={r.staff_id} />} />
      </Table>
    </List>
  );
}
