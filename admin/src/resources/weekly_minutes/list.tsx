import { List, ShowButton, useTable } from "@refinedev/antd";
import { Table, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useProjectStaff } from "../../hooks/use-project-staff.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { GenerateMinutesButton } from "./generate-button.tsx";
import type { WeeklyMinutes } from "./types.ts";

/** 周例会纪要: one per week, latest first; managers generate them from the week's numbers. */
export default function WeeklyMinutesList() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const { nameOf } = useProjectStaff(project?.projectId);
  const { tableProps } = useTable<WeeklyMinutes>({
    syncWithLocation: true,
    sorters: { initial: [{ field: "week_start", order: "desc" }] },
    meta: { select: "id, week_start, title, held_on, host_id, figures_at" },
  });
  const f = (k: string) => t(`weekly_minutes.fields.${k}`);
  return (
    <List headerButtons={project ? <GenerateMinutesButton /> : undefined}>
      <Table<WeeklyMinutes> {...tableProps} rowKey="id" data-testid="weekly-minutes-table">
        <Table.Column<WeeklyMinutes>
          dataIndex="week_start"
          title={f("week_start")}
          render={(v: string) => t("weekly_minutes.weekLabel", { from: v, to: dayjs(v).add(6, "day").format("YYYY-MM-DD") })}
        />
        <Table.Column<WeeklyMinutes> dataIndex="title" title={f("title")} render={(v: string) => <Typography.Text strong>{v}</Typography.Text>} />
        <Table.Column<WeeklyMinutes> dataIndex="held_on" title={f("held_on")} render={(v: string | null) => v ?? "—"} />
        <Table.Column<WeeklyMinutes> dataIndex="host_id" title={f("host_id")} render={(v: string | null) => nameOf(v) || "—"} />
        <Table.Column<WeeklyMinutes> dataIndex="figures_at" title={f("figures_at")} render={(v: string) => dayjs(v).format("YYYY-MM-DD HH:mm")} />
        <Table.Column<WeeklyMinutes> title={t("table.actions")} render={(_, r) => <ShowButton size="small" recordItemId={r.id} />} />
      </Table>
    </List>
  );
}
