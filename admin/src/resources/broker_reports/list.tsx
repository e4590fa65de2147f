import { DateField, List, ShowButton, useTable } from "@refinedev/antd";
import { useGo } from "@refinedev/core";
import { Button, Form, Select, Table } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { ReportRuling } from "../../components/channel/report-ruling.tsx";
import { REPORT_STATUSES, type ReportRow } from "../../components/channel/types.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { CardTable } from "../../components/responsive/card-table.tsx";
import { TwoLines } from "../../components/two-lines.tsx";

/** 我的报备 (brokers): their own reports only (the view filters to the caller), with 判客 and status. */
export default function BrokerReportList() {
  const { t } = useTranslation();
  const go = useGo();
  const { project } = useCurrentProject();
  const { tableProps, searchFormProps } = useTable<ReportRow, never, { status?: string }>({
    syncWithLocation: false,
    sorters: { initial: [{ field: "created_at", order: "desc" }] },
    onSearch: ({ status }) => [{ field: "status", operator: "eq", value: status || undefined }],
  });
  return (
    <List
      headerButtons={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => go({ to: "/report-submit" })}>
          {t("report_submit.report_submit")}
        </Button>
      }
    >
      <Form {...searchFormProps} layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item name="status" label={t("report_board.fields.status")}>
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t("report_board.filters.all")}
            options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`report_board.statuses.${s}`) }))}
            onChange={() => searchFormProps.form?.submit()}
          />
        </Form.Item>
      </Form>
      <CardTable {...tableProps} rowKey="id" data-testid="broker-reports-table">
        <Table.Column<ReportRow>
          dataIndex="customer_name"
          title={t("report_board.fields.customer")}
          render={(_, r) => <TwoLines main={r.customer_name} sub={r.customer_phone ?? r.phone_input} strong />}
        />
        <Table.Column<ReportRow> dataIndex="created_at" title={t("report_board.fields.created_at")} render={(v) => <DateField value={v} format="MM-DD HH:mm" />} />
        <Table.Column<ReportRow> dataIndex="expected_visit_at" title={t("report_board.fields.expected_visit_at")} render={(v) => <DateField value={v} format="MM-DD HH:mm" />} />
        <Table.Column<ReportRow>
          dataIndex="status"
          title={t("report_board.fields.ruling")}
          width={300}
          render={(_, r) => <ReportRuling status={r.status} reason={r.invalid_reason_text} />}
        />
        <Table.Column<ReportRow>
          dataIndex="protected_until"
          title={t("report_board.fields.protected_until")}
          render={(v: string | null) => (v ? <DateField value={v} format="YYYY-MM-DD" /> : "—")}
        />
        <Table.Column<ReportRow> title={t("table.actions")} dataIndex="actions" render={(_, r) => <ShowButton hideText size="small" recordItemId={r.id} />} />
      </CardTable>
    </List>
  );
}
