import { List, useTable } from "@refinedev/antd";
import { useDataProvider } from "@refinedev/core";
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Money } from "../../components/money.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";
import { exportStatement, type StatementRow } from "./export.ts";

const keyOf = (r: StatementRow) => `${r.agency_id}:${r.month}`;

/** 佣金结算单: per agency and month of signing — deals, contract total, commission approved/paid/unpaid. */
export default function CommissionStatementList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useCurrentProject();
  const dataProvider = useDataProvider();
  const [exporting, setExporting] = useState<string | null>(null);
  const { tableProps } = useTable<StatementRow>({
    resource: "commission_statements",
    syncWithLocation: false,
    sorters: { initial: [{ field: "month", order: "desc" }, { field: "agency_name", order: "asc" }] },
  });

  const onExport = async (row: StatementRow) => {
    setExporting(keyOf(row));
    try {
      await exportStatement(dataProvider(), row, t, project?.projectName ?? "");
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(null);
    }
  };

  return (
    <List>
      <Typography.Paragraph type="secondary">{t("commission_statements.help")}</Typography.Paragraph>
      <Table<StatementRow> {...tableProps} rowKey={keyOf} data-testid="statements-table">
        <Table.Column<StatementRow> title={t("commission_statements.fields.month")} dataIndex="month" render={(v) => dayjs(v).format("YYYY年M月")} />
        <Table.Column<StatementRow> title={t("commission_statements.fields.agency")} dataIndex="agency_name" />
        <Table.Column<StatementRow> title={t("commission_statements.fields.deals")} dataIndex="deals" align="right" />
        <Table.Column<StatementRow> title={t("commission_statements.fields.contract_total")} dataIndex="contract_total" align="right" render={(v) => <Money value={v} />} />
        <Table.Column<StatementRow> title={t("commission_statements.fields.commission_total")} dataIndex="commission_total" align="right" render={(v) => <Money value={v} strong />} />
        <Table.Column<StatementRow> title={t("commission_statements.fields.approved_amount")} dataIndex="approved_amount" align="right" render={(v) => <Money value={v ?? 0} />} />
        <Table.Column<StatementRow> title={t("commission_statements.fields.paid_amount")} dataIndex="paid_amount" align="right" render={(v) => <Money value={v ?? 0} />} />
        <Table.Column<StatementRow> title={t("commission_statements.fields.unpaid_amount")} dataIndex="unpaid_amount" align="right" render={(v) => <Money value={v} />} />
        <Table.Column<StatementRow>
          title={t("table.actions")}
          render={(_, row) => (
            <Button size="small" icon={<DownloadOutlined />} loading={exporting === keyOf(row)} onClick={() => onExport(row)} data-testid="export-statement">
              {t("commission_statements.export.action")}
            </Button>
          )}
        />
      </Table>
    </List>
  );
}
