import type { ViewRow, With } from "../../lib/db-rows.ts";
import { useTable } from "@refinedev/antd";
import { Button, Table, Tag, Typography } from "antd";
import { useGo } from "@refinedev/core";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { SummaryText } from "../../components/approvals/summary-text.tsx";
import type { ApprovalSummary } from "../../components/approvals/types.ts";
import { StatusTag } from "../../components/deals/status-tag.tsx";

type DecisionRow = With<ViewRow<"my_approval_decisions", "comment" | "on_behalf_of">, { decision: "approved" | "rejected"; summary: ApprovalSummary }>;

/** 我已审批: the steps I decided, with how each approval ended up (my_approval_decisions). */
export function DecisionsTab({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const go = useGo();
  const { tableProps } = useTable<DecisionRow>({
    resource: "my_approval_decisions",
    syncWithLocation: false,
    sorters: { initial: [{ field: "decided_at", order: "desc" }] },
  });
  return (
    <Table<DecisionRow> {...tableProps} rowKey="step_id" data-testid="decisions-table" locale={{ emptyText: t("approval_center.decisions.empty") }}>
      <Table.Column<DecisionRow> title={t("approval_center.fields.subject_type")} dataIndex="subject_type" render={(v) => <StatusTag family="subject" value={v} />} />
      <Table.Column<DecisionRow> title={t("approval_center.fields.summary")} render={(_, row) => <SummaryText type={row.subject_type} summary={row.summary} />} />
      <Table.Column<DecisionRow> title={t("approval_center.fields.requester")} dataIndex="requester_name" />
      <Table.Column<DecisionRow>
        title={t("approval_center.fields.my_decision")}
        render={(_, row) => (
          <>
            <Tag color={row.decision === "approved" ? "success" : "error"}>{t(`approval_center.stepStatus.${row.decision}`)}</Tag>
            {row.on_behalf_of && <Typography.Text type="secondary">{t("approval_center.decisions.delegated")}</Typography.Text>}
            {row.comment && <div><Typography.Text type="secondary">{row.comment}</Typography.Text></div>}
          </>
        )}
      />
      <Table.Column<DecisionRow> title={t("approval_center.fields.decided_at")} dataIndex="decided_at" render={(v) => dayjs(v).format("YYYY-MM-DD HH:mm")} />
      <Table.Column<DecisionRow> title={t("approval_center.fields.status")} dataIndex="approval_effective_status" render={(v) => <StatusTag family="approval" value={v} />} />
      <Table.Column<DecisionRow>
        title={t("table.actions")}
        render={(_, row) => (
          <Button size="small" onClick={() => go({ to: `/approvals/${row.approval_id}` })}>
            {t("buttons.show")}
          </Button>
        )}
      />
    </Table>
  );
}
