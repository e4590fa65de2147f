import type { ViewRow } from "../../lib/db-rows.ts";
import { useTable } from "@refinedev/antd";
import { App, Button, Popconfirm, Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { StatusTag } from "../../components/deals/status-tag.tsx";
import { useRpc } from "../../hooks/use-rpc.ts";
import { useAllowed } from "../../hooks/use-allowed.ts";
import { DelegateForm } from "./delegate-form.tsx";

type DelegationRow = ViewRow<"delegation_overview", "project_id" | "project_name" | "note" | "revoked_at">;

const fmt = (v: string) => dayjs(v).format("YYYY-MM-DD HH:mm");

/** 授权代批: who approves for me (and for whom I approve), from when to when; revoke mine. */
export function DelegationsTab({ meId }: { meId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const canDelegate = useAllowed("approval_delegations", "create");
  const revoke = useRpc("revoke_delegation");
  const { tableProps } = useTable<DelegationRow>({
    resource: "delegation_overview",
    syncWithLocation: false,
    // A delegation may cover every project (project_id null): not limited to the one in use.
    meta: { allProjects: true },
    filters: {
      permanent: [
        {
          operator: "or",
          value: [
            { field: "delegator_id", operator: "eq", value: meId },
            { field: "delegate_id", operator: "eq", value: meId },
          ],
        },
      ],
    },
    sorters: { initial: [{ field: "valid_from", order: "desc" }] },
  });

  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Space style={{ width: "100%", justifyContent: "space-between" }}>
        <Typography.Text type="secondary">{t("approval_center.delegations.help")}</Typography.Text>
        {canDelegate && (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="new-delegation">
            {t("approval_center.delegations.create")}
          </Button>
        )}
      </Space>
      {revoke.error && <Typography.Text type="danger">{revoke.error.message}</Typography.Text>}
      <Table<DelegationRow> {...tableProps} rowKey="id" data-testid="delegations-table" locale={{ emptyText: t("approval_center.delegations.empty") }}>
        <Table.Column<DelegationRow>
          title={t("approval_center.delegations.direction")}
          render={(_, row) =>
            row.delegator_id === meId
              ? t("approval_center.delegations.given", { name: row.delegate_name })
              : t("approval_center.delegations.received", { name: row.delegator_name })
          }
        />
        <Table.Column<DelegationRow> title={t("approval_center.delegations.project")} dataIndex="project_name" render={(v) => v ?? t("approval_center.delegations.allProjects")} />
        <Table.Column<DelegationRow> title={t("approval_center.delegations.period")} render={(_, row) => `${fmt(row.valid_from)} ~ ${fmt(row.valid_to)}`} />
        <Table.Column<DelegationRow> title={t("approval_center.delegations.note")} dataIndex="note" />
        <Table.Column<DelegationRow> title={t("approval_center.fields.status")} dataIndex="state" render={(v) => <StatusTag family="delegation" value={v} />} />
        <Table.Column<DelegationRow>
          title={t("table.actions")}
          render={(_, row) =>
            row.delegator_id === meId && (row.state === "active" || row.state === "scheduled") ? (
              <Popconfirm
                title={t("approval_center.delegations.revokeConfirm", { name: row.delegate_name })}
                onConfirm={() => revoke.call({ p_delegation_id: row.id }).then(() => message.success(t("approval_center.delegations.revoked")), () => undefined)}
              >
                <Button size="small" danger>
                  {t("approval_center.delegations.revoke")}
                </Button>
              </Popconfirm>
            ) : null
          }
        />
      </Table>
      <DelegateForm open={open} onClose={() => setOpen(false)} meId={meId} />
    </Space>
  );
}
