import { DateField, List, ShowButton, useSelect, useTable } from "@refinedev/antd";
import { Button, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmVisitModal } from "../../components/channel/confirm-visit-modal.tsx";
import { ReportRuling } from "../../components/channel/report-ruling.tsx";
import { VisitSlipButton } from "../../components/channel/visit-slip-button.tsx";
import { CONFIRMABLE, type ReportRow } from "../../components/channel/types.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { ReportFilterBar, reportFilters, type ReportSearch } from "./filters.tsx";
import { TwoLines } from "../../components/two-lines.tsx";
import { useAllowed } from "../../hooks/use-allowed.ts";

/** 报备: every report of the project with its 判客, filters, and 带看确认 for valid/pending ones. */
export default function ReportBoardList() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const [confirming, setConfirming] = useState<ReportRow | null>(null);
  const canConfirm = useAllowed("report_board", "edit");
  const { tableProps, searchFormProps } = useTable<ReportRow, never, ReportSearch>({
    syncWithLocation: false,
    sorters: { initial: [{ field: "created_at", order: "desc" }] },
    onSearch: reportFilters,
    // Brokers report around the clock: the board picks new reports up by itself (no realtime locally).
    queryOptions: { refetchInterval: 30_000 },
  });
  const { selectProps: agencySelect } = useSelect({ resource: "agencies", optionLabel: "name", optionValue: "id", pagination: { mode: "off" } });
  const agencies = (agencySelect.options ?? []) as { value: string; label: string }[];

  return (
    <List>
      <ReportFilterBar formProps={searchFormProps} agencies={agencies} />
      <Table {...tableProps} rowKey="id" data-testid="report-board-table" size="middle">
        <Table.Column<ReportRow>
          dataIndex="customer_name"
          title={t("report_board.fields.customer")}
          render={(_, r) => <TwoLines main={r.customer_name} sub={r.customer_phone ?? r.phone_input} strong />}
        />
        <Table.Column<ReportRow>
          dataIndex="broker_name"
          title={t("report_board.fields.broker")}
          render={(_, r) => <TwoLines main={r.broker_name} sub={r.agency_name} />}
        />
        <Table.Column<ReportRow>
          dataIndex="expected_visit_at"
          title={t("report_board.fields.expected_visit_at")}
          sorter
          render={(v) => <DateField value={v} format="MM-DD HH:mm" />}
        />
        <Table.Column<ReportRow>
          dataIndex="status"
          title={t("report_board.fields.ruling")}
          width={280}
          render={(_, r) => <ReportRuling status={r.status} reason={r.invalid_reason_text} />}
        />
        <Table.Column<ReportRow>
          dataIndex="protected_until"
          title={t("report_board.fields.protected_until")}
          render={(v: string | null, r) =>
            v ? (
              <Typography.Text type={r.protection_active ? undefined : "secondary"}>
                <DateField value={v} format="YYYY-MM-DD" />
                {!r.protection_active && ` ${t("report_board.protectionOver")}`}
              </Typography.Text>
            ) : (
              "—"
            )
          }
        />
        <Table.Column<ReportRow>
          dataIndex="created_at"
          title={t("report_board.fields.created_at")}
          sorter
          render={(v) => <DateField value={v} format="MM-DD HH:mm" />}
        />
        <Table.Column<ReportRow>
          title={t("table.actions")}
          dataIndex="actions"
          render={(_, r) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={r.id} />
              {r.status === "visited" && <VisitSlipButton reportId={r.id} />}
              {canConfirm && CONFIRMABLE.includes(r.status) && (
                <Button size="small" type="primary" ghost onClick={() => setConfirming(r)} data-testid="confirm-visit">
                  {t("report_board.confirm.button")}
                </Button>
              )}
            </Space>
          )}
        />
      </Table>
      {confirming && <ConfirmVisitModal report={confirming} open onClose={() => setConfirming(null)} />}
    </List>
  );
}
