import { List, useTable } from "@refinedev/antd";
import { useDataProvider } from "@refinedev/core";
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Input, Radio, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { dec, Money } from "../../components/money.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";
import { exportReceivables } from "./export.ts";
import type { ReceivableRow } from "./types.ts";
import { textSearch } from "../../components/text-search.ts";

type Scope = "overdue" | "open" | "all";

/** 应收款与催款: plan items still due, the customer's consultant, days overdue; export to .xlsx. */
export default function ReceivableList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useCurrentProject();
  const dataProvider = useDataProvider();
  const [scope, setScope] = useState<Scope>("overdue");
  const [exporting, setExporting] = useState(false);
  const { tableProps, setFilters, filters } = useTable<ReceivableRow>({
    resource: "receivables",
    syncWithLocation: false,
    filters: {
      permanent: [{ field: "project_id", operator: "eq", value: project?.projectId }],
      initial: [{ field: "overdue_days", operator: "gt", value: 0 }],
    },
    sorters: { initial: [{ field: "overdue_days", order: "desc" }, { field: "due_date", order: "asc" }] },
  });

  const changeScope = (next: Scope) => {
    setScope(next);
    setFilters(
      [
        { field: "overdue_days", operator: "gt", value: next === "overdue" ? 0 : undefined },
        { field: "outstanding", operator: "gt", value: next === "open" ? 0 : undefined },
      ],
      "merge",
    );
  };

  const onExport = async () => {
    setExporting(true);
    try {
      if (!project) return;
      const count = await exportReceivables(dataProvider(), { id: project.projectId, name: project.projectName }, filters, t);
      message.success(t("receivables.export.done", { count }));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <List
      headerButtons={
        <Button icon={<DownloadOutlined />} onClick={onExport} loading={exporting} data-testid="export-receivables">
          {t("receivables.export.action")}
        </Button>
      }
    >
      <Space style={{ marginBottom: 16 }} wrap>
        <Radio.Group
          optionType="button"
          value={scope}
          onChange={(e) => changeScope(e.target.value as Scope)}
          options={(["overdue", "open", "all"] as const).map((s) => ({ value: s, label: t(`receivables.scope.${s}`) }))}
        />
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t("receivables.filters.search")}
          onSearch={(v) =>
            setFilters([textSearch(["customer_name", "contract_no", "unit_label", "consultant_name"], v)], "merge")
          }
        />
      </Space>
      <Table<ReceivableRow> {...tableProps} rowKey="plan_item_id" data-testid="receivables-table">
        <Table.Column<ReceivableRow>
          title={t("receivables.fields.contract_no")}
          render={(_, r) => (
            <Space direction="vertical" size={0}>
              <span style={{ whiteSpace: "nowrap" }}>{r.contract_no}</span>
              <Typography.Text type="secondary">{r.unit_label}</Typography.Text>
            </Space>
          )}
        />
        <Table.Column<ReceivableRow>
          title={t("receivables.fields.customer")}
          render={(_, r) => (
            <Space direction="vertical" size={0}>
              <span>{r.customer_name}</span>
              <Typography.Text type="secondary">{r.customer_phone}</Typography.Text>
            </Space>
          )}
        />
        <Table.Column<ReceivableRow> title={t("receivables.fields.consultant")} dataIndex="consultant_name" />
        <Table.Column<ReceivableRow>
          title={t("receivables.fields.item")}
          render={(_, r) => (
            <Space direction="vertical" size={0}>
              <span style={{ whiteSpace: "nowrap" }}>{`${t("deals.plan.nth", { n: r.seq })} ${t(`deals.planKinds.${r.kind}`)}`}</span>
              <Typography.Text type="secondary">{t("receivables.dueOn", { date: r.due_date })}</Typography.Text>
            </Space>
          )}
        />
        <Table.Column<ReceivableRow> title={t("receivables.fields.amount_due")} dataIndex="amount_due" align="right" render={(v) => <Money value={v} />} />
        <Table.Column<ReceivableRow> title={t("receivables.fields.paid")} dataIndex="paid" align="right" render={(v) => <Money value={v} />} />
        <Table.Column<ReceivableRow> title={t("receivables.fields.outstanding")} dataIndex="outstanding" align="right" render={(v) => <Money value={v} strong />} />
        <Table.Column<ReceivableRow>
          title={t("receivables.fields.overdue_days")}
          dataIndex="overdue_days"
          render={(v: number, r) =>
            dec(r.outstanding).lte(0) ? (
              <Tag color="success">{t("receivables.settled")}</Tag>
            ) : v > 0 ? (
              <Tag color={v > 30 ? "red" : "orange"}>{t("receivables.overdue", { days: v })}</Tag>
            ) : (
              <Tag>{t("receivables.notDue")}</Tag>
            )
          }
        />
      </Table>
    </List>
  );
}
