import { List, useTable } from "@refinedev/antd";
import { Alert, Table } from "antd";
import { useTranslation } from "react-i18next";
import { OwnRecordActions, RecordDay, RecordText } from "../../components/reports/own-records.tsx";
import { useProjectStaff } from "../../hooks/use-project-staff.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { MANAGER_ROLES } from "../../session/roles.ts";
import { DiaryReviewCell } from "./review-cell.tsx";
import type { WorkDiary } from "./types.ts";

/** 工作笔记: one's own entries; managers read everyone's in the project (RLS decides). */
export default function WorkDiaryList() {
  const { t } = useTranslation();
  const { project, roles } = useCurrentProject();
  const { nameOf } = useProjectStaff(project?.projectId);
  // 已阅 marks are the managers' (review_work_diary checks again)
  const manager = roles.some((r) => MANAGER_ROLES.includes(r));
  const { tableProps } = useTable<WorkDiary>({
    syncWithLocation: true,
    sorters: { initial: [{ field: "day", order: "desc" }] },
    meta: { select: "id, day, staff_id, content, plan, updated_at, reviews:work_diary_reviews(reviewed_by, comment, reviewed_at)" },
  });
  const f = (k: string) => t(`work_diaries.fields.${k}`);
  const text = (v: string | null) => <RecordText value={v} rows={4} maxWidth={480} />;
  return (
    <List>
      <Alert type="info" showIcon message={t("work_diaries.help")} style={{ marginBottom: 16 }} />
      <Table<WorkDiary> {...tableProps} rowKey="id" data-testid="work-diaries-table">
        <Table.Column<WorkDiary> dataIndex="day" title={f("day")} width={130} render={(v: string) => <RecordDay value={v} />} />
        <Table.Column<WorkDiary> dataIndex="staff_id" title={f("staff_id")} width={90} render={(v: string) => nameOf(v)} />
        <Table.Column<WorkDiary> dataIndex="content" title={f("content")} render={text} />
        <Table.Column<WorkDiary> dataIndex="plan" title={f("plan")} render={text} />
        <Table.Column<WorkDiary> key="review" title={f("review")} width={200} render={(_, r) => <DiaryReviewCell diary={r} manager={manager} nameOf={nameOf} />} />
        <Table.Column<WorkDiary> title={t("table.actions")} width={90} render={(_, r) => <OwnRecordActions id={r.id} authorId={r.staff_id} />} />
      </Table>
    </List>
  );
}
