import type { ViewRow, With } from "../../lib/db-rows.ts";
import { useTable } from "@refinedev/antd";
import { useGo } from "@refinedev/core";
import { Button, Table, Tag, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { LapseCountdown } from "../../components/approvals/lapse-countdown.tsx";
import { SummaryText } from "../../components/approvals/summary-text.tsx";
import type { ApprovalSummary } from "../../components/approvals/types.ts";
import { useStaffNames } from "../../components/approvals/use-staff-names.ts";
import { StatusTag } from "../../components/deals/status-tag.tsx";
import { APPROVALS_REFRESH_MS } from "./refresh.ts";

type InboxRow = With<
  ViewRow<"my_approval_inbox", "on_behalf_of" | "lapses_at" | "escalated" | "escalated_from" | "escalation_reason">,
  { summary: ApprovalSummary }
>;

/** 待我审批: steps waiting for me now, as role holder or as someone's delegate (my_approval_inbox). */
export function InboxTab({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const go = useGo();
  const { tableProps } = useTable<InboxRow>({
    resource: "my_approval_inbox",
    syncWithLocation: false,
    sorters: { initial: [{ field: "activated_at", order: "asc" }] },
    queryOptions: { refetchInterval: APPROVALS_REFRESH_MS },
  });
  const names = useStaffNames((tableProps.dataSource ?? []).map((r) => r.on_behalf_of));
  return (
    <Table<InboxRow>
      {...tableProps}
      rowKey="step_id"
      data-testid="inbox-table"
      locale={{ emptyText: t("approval_center.inbox.empty") }}
      onRow={(row) => ({ onDoubleClick: () => go({ to: `/approvals/${row.approval_id}` }) })}
    >
      <Table.Column<InboxRow> title={t("approval_center.fields.subject_type")} dataIndex="subject_type" render={(v) => <StatusTag family="subject" value={v} />} />
      <Table.Column<InboxRow> title={t("approval_center.fields.summary")} render={(_, row) => <SummaryText type={row.subject_type} summary={row.summary} />} />
      <Table.Column<InboxRow> title={t("approval_center.fields.requester")} dataIndex="requester_name" render={(v) => <span style={{ whiteSpace: "nowrap" }}>{v}</span>} />
      <Table.Column<InboxRow>
        title={t("approval_center.fields.my_step")}
        render={(_, row) => (
          <>
            <span style={{ whiteSpace: "nowrap" }}>{t("approval_center.inbox.stepOf", { seq: row.seq, role: t(`roles.${row.role}`) })}</span>
            {row.escalated && (
              <Tooltip title={row.escalation_reason}>
                <Tag color="orange" style={{ marginInlineStart: 6 }} data-testid="inbox-escalated">
                  {t("approval_center.inbox.escalated")}
                </Tag>
              </Tooltip>
            )}
            {row.on_behalf_of && (
              <div>
                <Typography.Text type="warning">{t("approval_center.inbox.onBehalf", { name: names[row.on_behalf_of] ?? "" })}</Typography.Text>
              </div>
            )}
          </>
        )}
      />
      <Table.Column<InboxRow> title={t("approval_center.fields.waiting_since")} dataIndex="activated_at" render={(v) => dayjs(v).format("MM-DD HH:mm")} />
      <Table.Column<InboxRow> title={t("approval_center.fields.lapses_at")} dataIndex="lapses_at" render={(v) => <LapseCountdown lapsesAt={v} />} />
      <Table.Column<InboxRow>
        title={t("table.actions")}
        render={(_, row) => (
          <Button type="primary" size="small" onClick={() => go({ to: `/approvals/${row.approval_id}` })}>
            {t("approval_center.inbox.review")}
          </Button>
        )}
      />
    </Table>
  );
}
