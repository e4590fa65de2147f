import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { List } from "@refinedev/antd";
import { useList } from "@refinedev/core";
import { Button, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import isoWeek from "dayjs/plugin/isoWeek";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ReportActions } from "../../components/reports/report-actions.tsx";
import { useProjectStaff, type ProjectPerson } from "../../hooks/use-project-staff.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { ShiftModal, type ShiftTarget } from "./shift-modal.tsx";
import { SHIFT_COLORS, type RosterEntry } from "./types.ts";
import { useAllowed } from "../../hooks/use-allowed.ts";

dayjs.extend(isoWeek);
const DAY = "YYYY-MM-DD";
/** Who is on the roster by default: the people who receive visitors (others appear once on it). */
const ON_FLOOR = ["consultant", "sales_manager"];

/** 排班表: a week (Monday to Sunday) per person; managers click a cell to assign a shift. */
export default function DutyRosterList() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const { people } = useProjectStaff(project?.projectId);
  const canEdit = useAllowed("duty_roster", "create");
  const [params, setParams] = useSearchParams();
  const asked = dayjs(params.get("week") ?? "", DAY, true);
  const monday = (asked.isValid() ? asked : dayjs()).isoWeekday(1).startOf("day");
  const days = Array.from({ length: 7 }, (_, i) => monday.add(i, "day").format(DAY));
  const [target, setTarget] = useState<ShiftTarget | null>(null);

  const { result, query } = useList<RosterEntry>({
    resource: "duty_roster",
    filters: [
      { field: "day", operator: "gte", value: days[0] },
      { field: "day", operator: "lte", value: days[6] },
    ],
    pagination: { mode: "off" },
    queryOptions: { enabled: Boolean(project) },
  });
  const entries = result?.data ?? [];
  const rows = useMemo(
    () => people.filter((p) => p.roles.some((r) => ON_FLOOR.includes(r)) || entries.some((e) => e.staff_id === p.id)),
    [people, entries],
  );
  const entryOf = (staffId: string, day: string) => entries.find((e) => e.staff_id === staffId && e.day === day);
  const weekdays = t("reports.weekdays", { returnObjects: true }) as string[];
  const cellText = (e: RosterEntry | undefined) => (e ? `${t(`reports.shifts.${e.shift}`)}${e.post ? ` ${e.post}` : ""}` : t("duty_roster.rest"));
  const go = (weeks: number) => setParams({ week: monday.add(weeks, "week").format(DAY) }, { replace: true });

  return (
    <List
      title={t("duty_roster.title")}
      headerButtons={
        <Space wrap>
          <Button icon={<LeftOutlined />} onClick={() => go(-1)}>
            {t("duty_roster.prevWeek")}
          </Button>
          <Button onClick={() => setParams({}, { replace: true })}>{t("duty_roster.thisWeek")}</Button>
          <Button onClick={() => go(1)}>
            {t("duty_roster.nextWeek")} <RightOutlined />
          </Button>
          <ReportActions
            filename={`${t("duty_roster.title")}_${project?.projectCode ?? ""}_${days[0]}.xlsx`}
            sheets={() => [
              {
                name: t("duty_roster.title"),
                title: `${project?.projectName ?? ""} ${t("duty_roster.title")} ${t("duty_roster.week", { from: days[0], to: days[6] })}`,
                columns: [
                  { key: "name", header: t("duty_roster.person"), kind: "text" },
                  ...days.map((d, i) => ({ key: d, header: `${weekdays[i]} ${dayjs(d).format("M/D")}`, kind: "text" as const, width: 16 })),
                ],
                rows: rows.map((p) => ({ name: p.name, ...Object.fromEntries(days.map((d) => [d, cellText(entryOf(p.id, d))])) })),
              },
            ]}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t("duty_roster.week", { from: days[0], to: days[6] })}
        {canEdit ? ` · ${t("duty_roster.help")}` : ""}
      </Typography.Paragraph>
      <Table<ProjectPerson>
        data-testid="duty-roster-table"
        rowKey="id"
        size="middle"
        bordered
        pagination={false}
        loading={query.isLoading}
        dataSource={rows}
        scroll={{ x: "max-content" }}
        columns={[
          { key: "name", title: t("duty_roster.person"), dataIndex: "name", fixed: "left", width: 100 },
          ...days.map((day, i) => ({
            key: day,
            title: (
              <span style={{ color: day === dayjs().format(DAY) ? "#1677ff" : undefined }}>
                {weekdays[i]} {dayjs(day).format("M/D")}
              </span>
            ),
            width: 130,
            onCell: (p: ProjectPerson) => ({
              onClick: canEdit ? () => setTarget({ staffId: p.id, name: p.name, day, entry: entryOf(p.id, day) }) : undefined,
              style: { cursor: canEdit ? "pointer" : undefined },
              "data-testid": `cell-${p.name}-${day}`,
            }),
            render: (_: unknown, p: ProjectPerson) => {
              const e = entryOf(p.id, day);
              if (!e) return <Typography.Text type="secondary">{t("duty_roster.rest")}</Typography.Text>;
              return (
                <Space direction="vertical" size={0}>
                  <Tag color={SHIFT_COLORS[e.shift]} style={{ marginInlineEnd: 0 }}>
                    {t(`reports.shifts.${e.shift}`)}
                  </Tag>
                  {e.post && <Typography.Text style={{ fontSize: 12 }}>{e.post}</Typography.Text>}
                  {e.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.note}</Typography.Text>}
                </Space>
              );
            },
          })),
        ]}
      />
      {project && <ShiftModal projectId={project.projectId} target={target} onClose={() => setTarget(null)} />}
    </List>
  );
}
