import { useTable } from "@refinedev/antd";
import { useGo } from "@refinedev/core";
import { Button, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { LapseCountdown } from "../../components/approvals/lapse-countdown.tsx";
import { SummaryText } from "../../components/approvals/summary-text.tsx";
import type { ApprovalOverview } from "../../components/approvals/types.ts";
import { StatusTag } from "../../components/deals/status-tag.tsx";
import { APPROVALS_REFRESH_MS } from "./refresh.ts";

/** 我的申请: what I asked for and where it stands — the current step, or why it was rejected. */
export function RequestsTab({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const go = useGo();
  const { tableProps } = useTable<ApprovalOverview>({
    resource: "my_approval_requests",
    syncWithLocation: false,
    sorters: { initial: [{ field: "created_at", order: "desc" }] },
    queryOptions: { refetchInterval: APPROVALS_REFRESH_MS },
  });
  return (
    <Table<ApprovalOverview> {...tableProps} rowKey="id" data-testid="requests-table" locale={{ emptyText: t("approval_center.requests.empty") }}>
      <Table.Column<ApprovalOverview> title={t("approval_center.fields.subject_type")} dataIndex="subject_type" render={(v) => <StatusTag family="subject" value={v} />} />
      <Table.Column<ApprovalOverview> title={t("approval_center.fields.summary")} render={(_, row) => <SummaryText type={row.subject_type} summary={row.summary} />} />
      <Table.Column<ApprovalOverview> title={t("approval_center.fields.submitted_at")} dataIndex="created_at" render={(v) => dayjs(v).format("YYYY-MM-DD HH:mm")} />
      <Table.Column<ApprovalOverview> title={t("approval_center.fields.status")} dataIndex="effective_status" render={(v) => <StatusTag family="approval" value={v} />} />
      <Table.Column<ApprovalOverview>
        title={t("approval_center.fields.progress")}
        render={(_, row) => {
          const rejected = (row.steps ?? []).find((s) => s.status === "rejected");
          if (rejected) return <Typography.Text type="danger">{t("approval_center.requests.rejectedBy", { name: rejected.decider, comment: rejected.comment })}</Typography.Text>;
          if (row.effective_status === "pending" && row.current_step_role) {
            return t("approval_center.requests.waitingFor", { role: t(`roles.${row.current_step_role}`), seq: row.current_seq, total: row.steps?.length ?? 0 });
          }
          return null;
        }}
      />
      <Table.Column<ApprovalOverview>
        title={t("approval_center.fields.lapses_at")}
        render={(_, row) => <LapseCountdown lapsesAt={row.lapses_at} active={row.effective_status === "pending" || row.effective_status === "approved"} />}
      />
      <Table.Column<ApprovalOverview>
        title={t("table.actions")}
        render={(_, row) => (
          <Button size="small" onClick={() => go({ to: `/approvals/${row.id}` })}>
            {t("buttons.show")}
          </Button>
        )}
      />
    </Table>
  );
}
