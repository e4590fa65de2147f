import { DeleteButton, EditButton, List, ShowButton, useTable } from "@refinedev/antd";
import { Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useProjectStaff } from "../../hooks/use-project-staff.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import type { MorningMeeting } from "./types.ts";

/** 晨会记录: the project's morning meetings, latest first. */
export default function MorningMeetingList() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const { nameOf } = useProjectStaff(project?.projectId);
  const { tableProps } = useTable<MorningMeeting>({
    syncWithLocation: true,
    sorters: { initial: [{ field: "held_on", order: "desc" }] },
    meta: { select: "id, held_on, host_id, attendance, content, targets" },
  });
  const f = (k: string) => t(`morning_meetings.fields.${k}`);
  const clip = (text: string | null) => (
    <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ whiteSpace: "pre-wrap", marginBottom: 0, maxWidth: 420 }}>
      {text || "—"}
    </Typography.Paragraph>
  );
  return (
    <List>
      <Table<MorningMeeting> {...tableProps} rowKey="id" data-testid="morning-meetings-table">
        <Table.Column<MorningMeeting> dataIndex="held_on" title={f("held_on")} width={130} render={(v: string) => <span style={{ whiteSpace: "nowrap" }}>{dayjs(v).format(t("reports.formats.dayShort"))}</span>} />
        <Table.Column<MorningMeeting> dataIndex="host_id" title={f("host_id")} width={90} render={(v: string | null) => nameOf(v) || "—"} />
        <Table.Column<MorningMeeting> dataIndex="attendance" title={f("attendance")} width={160} />
        <Table.Column<MorningMeeting> dataIndex="content" title={f("content")} render={clip} />
        <Table.Column<MorningMeeting> dataIndex="targets" title={f("targets")} render={clip} />
        <Table.Column<MorningMeeting>
          title={t("table.actions")}
          width={120}
          render={(_, r) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={r.id} />
              <EditButton hideText size="small" recordItemId={r.id} />
              <DeleteButton hideText size="small" recordItemId={r.id} />
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
