import { List, useTable } from "@refinedev/antd";
import { useDataProvider, useGo, useList } from "@refinedev/core";
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Input, Radio, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import Decimal from "decimal.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { dec, Money } from "../../components/money.tsx";
import { useAllowed } from "../../hooks/use-allowed.ts";
import { CollectModal } from "./collect-modal.tsx";
import { CollectionStageTag } from "./stage-tag.tsx";
import { itemLabel } from "./item-label.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { exportReceivables } from "./export.ts";
import type { ReceivableRow } from "./types.ts";
import { textSearch } from "../../components/text-search.ts";
import { TwoLines } from "../../components/two-lines.tsx";

type Scope = "overdue" | "open" | "all";

/**
 * 应收款与催款: every amount still due — contract plan items and 认购 定金 not yet received — with
 * the customer's consultant, days overdue, the latest 催款 contact and a totals row over all
 * matching rows (not just the page); 催款 records a contact, 收款 opens the payment form
 * prefilled with what is due; export to .xlsx.
 */
export default function ReceivableList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useCurrentProject();
  const dataProvider = useDataProvider();
  const [scope, setScope] = useState<Scope>("overdue");
  const [exporting, setExporting] = useState(false);
  const [collecting, setCollecting] = useState<ReceivableRow | null>(null);
  const canCollect = useAllowed("collection_contacts", "create");
  const canReceive = useAllowed("payments", "create");
  const go = useGo();
  const { tableProps, setFilters, filters } = useTable<ReceivableRow>({
    resource: "receivables",
    syncWithLocation: false,
    filters: {
      initial: [{ field: "overdue_days", operator: "gt", value: 0 }],
    },
    sorters: { initial: [{ field: "overdue_days", order: "desc" }, { field: "due_date", order: "asc" }] },
  });
  // 合计 over every row the filters match.
  const all = useList<Pick<ReceivableRow, "amount_due" | "paid" | "outstanding">>({
    resource: "receivables",
    pagination: { mode: "off" },
    filters: [
      ...filters.filter((f) => !("field" in f && f.field === "project_id") && f.value !== undefined),
    ],
    meta: { select: "amount_due, paid, outstanding" },
    queryOptions: { enabled: Boolean(project) },
  }).result.data;
  const totals = (["amount_due", "paid", "outstanding"] as const).map((k) =>
    all.reduce<Decimal>((acc, r) => acc.plus(dec(r[k])), new Decimal(0)).toFixed(2),
  );

  const receive = (r: ReceivableRow) => {
    const q = new URLSearchParams({ customer: r.customer_id, back: "/receivables" });
    if (r.subscription_id) q.set("subscription", r.subscription_id);
    if (r.contract_id) q.set("contract", r.contract_id);
    q.set("kind", r.kind);
    go({ to: `/payments/create?${q.toString()}` });
  };

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
      <Table<ReceivableRow>
        {...tableProps}
        rowKey="id"
        data-testid="receivables-table"
        summary={() => (
          <Table.Summary.Row data-testid="receivables-totals">
            <Table.Summary.Cell index={0} colSpan={4}>
              <Typography.Text strong>{t("receivables.total", { count: all.length })}</Typography.Text>
            </Table.Summary.Cell>
            {totals.map((v, i) => (
              <Table.Summary.Cell key={i} index={i + 1} align="right">
                <span data-testid={`total-${["amount_due", "paid", "outstanding"][i]}`}>
                  <Money value={v} strong />
                </span>
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={4} colSpan={3} />
          </Table.Summary.Row>
        )}
      >
        <Table.Column<ReceivableRow>
          title={t("receivables.fields.contract_no")}
          render={(_, r) => (
            <Space direction="vertical" size={0}>
              <span style={{ whiteSpace: "nowrap" }}>{r.contract_no ?? <Tag>{t("receivables.beforeContract")}</Tag>}</span>
              <Typography.Text type="secondary">{r.unit_label}</Typography.Text>
            </Space>
          )}
        />
        <Table.Column<ReceivableRow>
          title={t("receivables.fields.customer")}
          render={(_, r) => (
            <Space direction="vertical" size={0}>
              <span>{r.customer_name}</span>
              <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
                {r.customer_phone}
              </Typography.Text>
            </Space>
          )}
        />
        <Table.Column<ReceivableRow>
          title={<span style={{ whiteSpace: "nowrap" }}>{t("receivables.fields.consultant")}</span>}
          dataIndex="consultant_name"
          render={(v: string | null) => <span style={{ whiteSpace: "nowrap" }}>{v}</span>}
        />
        <Table.Column<ReceivableRow>
          title={t("receivables.fields.item")}
          render={(_, r) => <TwoLines main={itemLabel(t, r)} sub={t("receivables.dueOn", { date: r.due_date })} nowrap />}
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
        <Table.Column<ReceivableRow>
          title={t("collection_paper.stage")}
          dataIndex="collection_stage"
          render={(stage: string, r) => (
            <Space direction="vertical" size={4}>
              <CollectionStageTag stage={stage} />
              {stage !== "normal" && (
                <Button size="small" type="link" style={{ padding: 0 }} onClick={() => go({ to: `/collection-papers/report/${r.id}` })} data-testid="paper-report">
                  {t("collection_paper.report")}
                </Button>
              )}
              {stage === "month" && (
                <Button size="small" type="link" style={{ padding: 0 }} onClick={() => go({ to: `/collection-papers/letter/${r.id}` })} data-testid="paper-letter">
                  {t("collection_paper.letter")}
                </Button>
              )}
            </Space>
          )}
        />
        <Table.Column<ReceivableRow>
          title={t("receivables.fields.last_contact")}
          width={220}
          render={(_, r) =>
            r.last_contact_at ? (
              <Space direction="vertical" size={0} data-testid="last-contact">
                <Typography.Text style={{ fontSize: 13 }}>
                  {t("receivables.lastContact", {
                    by: r.last_contact_by_name ?? "",
                    at: dayjs(r.last_contact_at).format("MM-DD HH:mm"),
                    channel: t(`receivables.collect.channels.${r.last_contact_channel}`),
                    note: r.last_contact_note ?? "",
                  })}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("receivables.contactCount", { count: r.contact_count ?? 0 })}
                  {r.last_contact_promised_on ? ` · ${t("receivables.promised", { date: r.last_contact_promised_on })}` : ""}
                </Typography.Text>
              </Space>
            ) : (
              <Typography.Text type="secondary">{t("receivables.noContact")}</Typography.Text>
            )
          }
        />
        {(canCollect || canReceive) && (
          <Table.Column<ReceivableRow>
            render={(_, r) =>
              dec(r.outstanding).gt(0) && (
                <Space size={4}>
                  {canCollect && (
                    <Button size="small" onClick={() => setCollecting(r)} data-testid="collect">
                      {t("receivables.actions.collect")}
                    </Button>
                  )}
                  {canReceive && (
                    <Button size="small" type="link" onClick={() => receive(r)} data-testid="receive">
                      {t("receivables.actions.receive")}
                    </Button>
                  )}
                </Space>
              )
            }
          />
        )}
      </Table>
      <CollectModal row={collecting} onClose={() => setCollecting(null)} />
    </List>
  );
}
