import { DateField, List, useTable } from "@refinedev/antd";
import { Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ReportRow } from "../../components/channel/types.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { CardTable } from "../../components/responsive/card-table.tsx";
import { VisitSlipButton } from "../../components/channel/visit-slip-button.tsx";
import { TwoLines } from "../../components/two-lines.tsx";

/** 我的带看 (brokers): their confirmed visits and the protection each one started. */
export default function BrokerVisitList() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const { tableProps } = useTable<ReportRow>({
    syncWithLocation: false,
    sorters: { initial: [{ field: "visited_at", order: "desc" }] },
  });
  return (
    <List>
      <CardTable {...tableProps} rowKey="id" data-testid="broker-visits-table">
        <Table.Column<ReportRow>
          dataIndex="customer_name"
          title={t("report_board.fields.customer")}
          render={(_, r) => <TwoLines main={r.customer_name} sub={r.phone_input} strong />}
        />
        <Table.Column<ReportRow> dataIndex="visited_at" title={t("report_board.fields.visited_at")} render={(v) => <DateField value={v} format="YYYY-MM-DD HH:mm" />} />
        <Table.Column<ReportRow>
          dataIndex="protected_until"
          title={t("report_board.fields.protected_until")}
          render={(v: string) => <DateField value={v} format="YYYY-MM-DD" />}
        />
        <Table.Column<ReportRow>
          dataIndex="protection_active"
          title={t("broker_visits.fields.protection")}
          render={(active: boolean, r) =>
            active ? (
              <Tag color="success">{t("broker_visits.protected", { days: r.protection_days ?? "" })}</Tag>
            ) : (
              <Tag>{t("report_board.protectionOver")}</Tag>
            )
          }
        />
        <Table.Column<ReportRow> title={t("table.actions")} render={(_, r) => <VisitSlipButton reportId={r.id} />} />
      </CardTable>
    </List>
  );
}
