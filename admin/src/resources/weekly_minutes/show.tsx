import { DeleteOutlined, EditOutlined, PlusOutlined, SyncOutlined } from "@ant-design/icons";
import { Show } from "@refinedev/antd";
import { useDelete, useList, useShow } from "@refinedev/core";
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { figureSheetColumns, FiguresTable, rowName } from "../../components/reports/figures-table.tsx";
import { yuanText } from "../../components/money.tsx";
import { ReportActions } from "../../components/reports/report-actions.tsx";
import { TargetProgressCard } from "../../components/reports/target-progress.tsx";
import { useProjectStaff } from "../../hooks/use-project-staff.ts";
import { useRpc } from "../../hooks/use-rpc.ts";
import { FIGURE_KEYS, MONEY_FIGURES } from "../../components/reports/types.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { ItemModal } from "./item-modal.tsx";
import { MarketSurveyCard } from "../../components/reports/market-survey-card.tsx";
import { MeetingModal } from "./meeting-modal.tsx";
import { SignOffCard } from "./sign-off-card.tsx";
import type { MinuteItem, WeeklyMinutes } from "./types.ts";
import { WeekCompare } from "./week-compare.tsx";
import { useAllowed } from "../../hooks/use-allowed.ts";

const Paragraph = ({ text }: { text: string | null }) => (
  <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{text || "—"}</Typography.Paragraph>
);

/** 周例会纪要: the week's numbers (as generated), the meeting, and its items with owners. */
export default function WeeklyMinutesShow() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useCurrentProject();
  const { people, nameOf } = useProjectStaff(project?.projectId);
  const canEdit = useAllowed("weekly_minutes", "edit");
  const { result: minutes, query } = useShow<WeeklyMinutes>({ meta: { select: "*" } });
  const { result: itemResult } = useList<MinuteItem>({
    resource: "weekly_minute_items",
    filters: [{ field: "minutes_id", operator: "eq", value: minutes?.id }],
    sorters: [{ field: "seq", order: "asc" }],
    pagination: { mode: "off" },
    queryOptions: { enabled: Boolean(minutes?.id) },
  });
  const items = itemResult?.data ?? [];
  const { mutate: remove } = useDelete();
  const refresh = useRpc("generate_weekly_minutes");
  const [editing, setEditing] = useState<MinuteItem | null | undefined>(undefined);
  const [meetingOpen, setMeetingOpen] = useState(false);
  const f = (k: string) => t(`weekly_minutes.fields.${k}`);
  const fi = (k: string) => t(`weekly_minutes.items.${k}`);

  if (!minutes) return <Show isLoading={query.isLoading} />;
  const figures = minutes.figures;
  const weekLabel = t("weekly_minutes.weekLabel", { from: figures.from, to: figures.to });

  const sheets = () => [
    {
      name: t("weekly_minutes.sheetNumbers"),
      title: `${minutes.title} ${t("weekly_minutes.numbers")}`,
      columns: figureSheetColumns(t, "all", [{ key: "name", header: t("reports.columns.consultant"), kind: "text" }]),
      rows: figures.rows.map((r) => ({ ...r, name: rowName(t, r) })),
      total: { ...figures.office, name: t("reports.columns.office") },
    },
    {
      name: t("weekly_minutes.lastWeek"),
      title: `${minutes.title} ${t("weekly_minutes.thisWeek")} / ${t("weekly_minutes.lastWeek")}`,
      columns: [
        { key: "figure", header: "", kind: "text" as const },
        { key: "this", header: t("weekly_minutes.thisWeek"), kind: "text" as const },
        { key: "last", header: t("weekly_minutes.lastWeek"), kind: "text" as const },
      ],
      rows: FIGURE_KEYS.map((k) => {
        const text = (v: unknown) => (v === null || v === undefined ? "" : MONEY_FIGURES.includes(k) ? yuanText(v) : String(v));
        return { figure: t(`reports.figures.${k}`), this: text(figures.office[k]), last: text(figures.previous_office?.[k]) };
      }),
    },
    {
      name: t("weekly_minutes.sheetItems"),
      title: `${minutes.title} ${t("weekly_minutes.sheetItems")}`,
      columns: [
        { key: "seq", header: fi("seq"), kind: "count" as const },
        { key: "topic", header: fi("topic"), kind: "text" as const, width: 40 },
        { key: "decision", header: fi("decision"), kind: "text" as const, width: 40 },
        { key: "owner", header: fi("owner_id"), kind: "text" as const },
        { key: "due_date", header: fi("due_date"), kind: "text" as const },
        { key: "done", header: fi("done"), kind: "text" as const },
      ],
      rows: items.map((i) => ({ ...i, owner: nameOf(i.owner_id), done: i.done ? fi("doneYes") : fi("doneNo") })),
    },
  ];

  return (
    <Show
      title={minutes.title}
      headerButtons={
        <Space wrap className="no-print">
          {canEdit && (
            <Button
              icon={<SyncOutlined />}
              loading={refresh.pending}
              onClick={() =>
                refresh
                  .call({ p_project_id: minutes.project_id, p_week: minutes.week_start })
                  .then(() => message.success(t("weekly_minutes.refreshed")))
                  .catch(() => undefined)
              }
            >
              {t("weekly_minutes.refresh")}
            </Button>
          )}
          {canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setMeetingOpen(true)} data-testid="edit-meeting">
              {t("weekly_minutes.editMeeting")}
            </Button>
          )}
          <ReportActions filename={t("weekly_minutes.file", { project: project?.projectCode ?? "", week: minutes.week_start })} sheets={sheets} />
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {refresh.error && <Alert type="error" showIcon message={refresh.error.message} />}
        <Descriptions bordered size="small" column={2} data-testid="meeting-info">
          <Descriptions.Item label={f("week_start")}>{weekLabel}</Descriptions.Item>
          <Descriptions.Item label={f("held_on")}>{minutes.held_on ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={f("host_id")}>{nameOf(minutes.host_id) || "—"}</Descriptions.Item>
          <Descriptions.Item label={f("attendees")}>{minutes.attendees || "—"}</Descriptions.Item>
          <Descriptions.Item label={f("figures_at")} span={2}>
            {dayjs(minutes.figures_at).format("YYYY-MM-DD HH:mm")}
          </Descriptions.Item>
        </Descriptions>
        <SignOffCard minutesId={minutes.id} />

        <Card size="small" title={t("weekly_minutes.numbers")} className="report-print-section">
          <Space direction="vertical" size="middle" style={{ width: "100%" }}>
            <WeekCompare office={figures.office} previous={figures.previous_office} />
            <Typography.Text strong>{t("weekly_minutes.byConsultant")}</Typography.Text>
            <FiguresTable rows={figures.rows} office={figures.office} scope="all" testId="week-figures" />
          </Space>
        </Card>

        {/* the month the week ends in: a week across a month's end reports on the new month */}
        <TargetProgressCard projectId={minutes.project_id} month={dayjs(figures.to).startOf("month")} testId="week-targets" />
        <MarketSurveyCard projectId={minutes.project_id} from={figures.from} to={figures.to} testId="week-surveys" />

        <Card
          size="small"
          title={f("items")}
          className="report-print-section"
          extra={
            canEdit && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)} className="no-print" data-testid="add-item">
                {fi("add")}
              </Button>
            )
          }
        >
          <Table<MinuteItem>
            data-testid="minute-items"
            rowKey="id"
            size="small"
            bordered
            pagination={false}
            dataSource={items}
            locale={{ emptyText: fi("empty") }}
            onRow={(r) => ({ "data-testid": `item-${r.seq}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              { key: "seq", title: fi("seq"), dataIndex: "seq", width: 56, align: "center" },
              { key: "topic", title: fi("topic"), render: (_, r) => <Paragraph text={r.topic} /> },
              { key: "decision", title: fi("decision"), render: (_, r) => <Paragraph text={r.decision} /> },
              { key: "owner", title: fi("owner_id"), width: 90, render: (_, r) => <span data-testid="item-owner">{nameOf(r.owner_id) || "—"}</span> },
              { key: "due", title: fi("due_date"), width: 110, render: (_, r) => r.due_date ?? "—" },
              {
                key: "done",
                title: fi("done"),
                width: 80,
                render: (_, r) => <Tag color={r.done ? "success" : "processing"}>{r.done ? fi("doneYes") : fi("doneNo")}</Tag>,
              },
              ...(canEdit
                ? [
                    {
                      key: "actions",
                      title: t("table.actions"),
                      width: 90,
                      className: "no-print",
                      render: (_: unknown, r: MinuteItem) => (
                        <Space>
                          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid={`item-edit-${r.seq}`} />
                          <Popconfirm title={fi("deleteConfirm")} onConfirm={() => remove({ resource: "weekly_minute_items", id: r.id })}>
                            <Button size="small" danger icon={<DeleteOutlined />} />
                          </Popconfirm>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>

        <Card size="small" className="report-print-section">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={f("summary")}>
              <Paragraph text={minutes.summary} />
            </Descriptions.Item>
            <Descriptions.Item label={f("next_focus")}>
              <Paragraph text={minutes.next_focus} />
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Space>

      <ItemModal
        minutesId={minutes.id}
        item={editing ?? null}
        nextSeq={items.reduce((m, i) => Math.max(m, i.seq), 0) + 1}
        people={people}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
      />
      <MeetingModal minutes={minutes} people={people} open={meetingOpen} onClose={() => setMeetingOpen(false)} />
    </Show>
  );
}
