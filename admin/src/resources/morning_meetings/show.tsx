import { Show } from "@refinedev/antd";
import { useShow } from "@refinedev/core";
import { Descriptions, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useProjectStaff } from "../../hooks/use-project-staff.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import type { MorningMeeting } from "./types.ts";

const Text = ({ value }: { value: string | null | undefined }) => (
  <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{value || "—"}</Typography.Paragraph>
);

/** 晨会记录: one morning meeting. */
export default function MorningMeetingShow() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const { nameOf } = useProjectStaff(project?.projectId);
  const { result: meeting, query } = useShow<MorningMeeting>();
  const f = (k: string) => t(`morning_meetings.fields.${k}`);
  return (
    <Show isLoading={query.isLoading}>
      {meeting && (
        <Descriptions column={1} bordered size="middle" data-testid="morning-meeting">
          <Descriptions.Item label={f("held_on")}>{dayjs(meeting.held_on).format(t("reports.formats.dayWithWeek"))}</Descriptions.Item>
          <Descriptions.Item label={f("host_id")}>{nameOf(meeting.host_id) || "—"}</Descriptions.Item>
          <Descriptions.Item label={f("attendance")}>{meeting.attendance || "—"}</Descriptions.Item>
          <Descriptions.Item label={f("content")}>
            <Text value={meeting.content} />
          </Descriptions.Item>
          <Descriptions.Item label={f("targets")}>
            <Text value={meeting.targets} />
          </Descriptions.Item>
          <Descriptions.Item label={f("updated_at")}>{dayjs(meeting.updated_at).format("YYYY-MM-DD HH:mm")}</Descriptions.Item>
        </Descriptions>
      )}
    </Show>
  );
}
