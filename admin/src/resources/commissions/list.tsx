import { List, useTable } from "@refinedev/antd";
import { App, Button, Popconfirm, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DbError } from "../../components/deals/db-error.tsx";
import { Money } from "../../components/money.tsx";
import { MoneyWithNote } from "../../components/money-with-note.tsx";
import { StatusTag } from "../../components/deals/status-tag.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import { useAllowed } from "../../hooks/use-allowed.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { PayModal } from "./pay-modal.tsx";
import { ruleText } from "./rule-text.ts";
import type { CommissionRow } from "./types.ts";
import { TwoLines } from "../../components/two-lines.tsx";

/** 渠道佣金: computed at signing within a report's protection; the channel manager approves, finance pays. */
export default function CommissionList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useCurrentProject();
  const canApprove = useAllowed("commissions", "edit");
  const canPay = useAllowed("commission_payouts", "create");
  const approve = useRpc("approve_commission");
  const [paying, setPaying] = useState<CommissionRow | null>(null);
  const { tableProps, setFilters, filters } = useTable<CommissionRow>({
    resource: "commission_overview",
    syncWithLocation: false,
    sorters: { initial: [{ field: "computed_at", order: "desc" }] },
  });
  const status = filters.find((f) => "field" in f && f.field === "status")?.value as string | undefined;

  return (
    <List>
      <Typography.Paragraph type="secondary">{t("commissions.help")}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t("commissions.fields.status")}
          value={status}
          onChange={(v) => setFilters([{ field: "status", operator: "eq", value: v }], "merge")}
          options={["computed", "approved", "paid", "cancelled"].map((s) => ({ value: s, label: t(`finance.commissionStatus.${s}`) }))}
        />
      </Space>
      <DbError error={approve.error} />
      <Table<CommissionRow> {...tableProps} rowKey="id" data-testid="commissions-table">
        <Table.Column<CommissionRow>
          title={t("commissions.fields.contract_no")}
          render={(_, r) => (
            <Space direction="vertical" size={0}>
              <span style={{ whiteSpace: "nowrap" }}>{r.contract_no}</span>
              <Typography.Text type="secondary">{t("commissions.signedOn", { date: r.signed_on })}</Typography.Text>
            </Space>
          )}
        />
        <Table.Column<CommissionRow> title={t("commissions.fields.deal")} render={(_, r) => <span style={{ whiteSpace: "nowrap" }}>{`${r.unit_label} · ${r.customer_name}`}</span>} />
        <Table.Column<CommissionRow>
          title={t("commissions.fields.agency")}
          render={(_, r) => <TwoLines main={r.agency_name} sub={r.broker_name} />}
        />
        <Table.Column<CommissionRow>
          title={t("commissions.fields.basis_amount")}
          align="right"
          render={(_, r) => <MoneyWithNote value={r.basis_amount} note={ruleText(t, r)} />}
        />
        <Table.Column<CommissionRow> title={t("commissions.fields.amount")} dataIndex="amount" align="right" render={(v) => <Money value={v} strong />} />
        <Table.Column<CommissionRow>
          title={t("commissions.fields.status")}
          render={(_, r) => (
            <Space direction="vertical" size={0}>
              <StatusTag family="commission" value={r.status} />
              {r.paid_on && (
                <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
                  {[r.paid_on, r.payment_reference].filter(Boolean).join(" · ")}
                </Typography.Text>
              )}
            </Space>
          )}
        />
        <Table.Column<CommissionRow>
          title={t("table.actions")}
          render={(_, r) => (
            <Space>
              {canApprove && r.status === "computed" && (
                <Popconfirm
                  title={t("commissions.approveConfirm", { agency: r.agency_name })}
                  onConfirm={() => approve.call({ p_commission_id: r.id }).then(() => message.success(t("commissions.approved")), () => undefined)}
                >
                  <Button size="small" type="primary" data-testid={`approve-${r.contract_no}`}>
                    {t("commissions.approve")}
                  </Button>
                </Popconfirm>
              )}
              {canPay && r.status === "approved" && (
                <Button size="small" onClick={() => setPaying(r)} data-testid={`pay-${r.contract_no}`}>
                  {t("commissions.pay.action")}
                </Button>
              )}
            </Space>
          )}
        />
      </Table>
      <PayModal commission={paying} onClose={() => setPaying(null)} />
    </List>
  );
}
