import { CreateButton, List, useTable } from "@refinedev/antd";
import { Button, Space, Table, Tabs, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CustomerLink } from "../../components/customers/customer-link.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";
import { MANAGER_ROLES } from "../../session/roles.ts";
import { HandleComplaintDrawer } from "./handle-drawer.tsx";
import { COMPLAINT_SELECT, STATUS_COLORS, type ComplaintRow } from "./types.ts";

type Tab = "open" | "handling" | "resolved" | "all";

/** 投诉: filed complaints by status; the handler or a manager moves them to resolved. */
export default function ComplaintList() {
  const { t } = useTranslation();
  const { roles } = useCurrentProject();
  const manager = roles.some((r) => MANAGER_ROLES.includes(r));
  const [tab, setTab] = useState<Tab>("open");
  const [handling, setHandling] = useState<ComplaintRow | null>(null);
  return (
    <List headerButtons={<CreateButton>{t("complaints.actions.create")}</CreateButton>}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={(["open", "handling", "resolved", "all"] as const).map((key) => ({ key, label: t(`complaints.tabs.${key}`) }))}
      />
      <ComplaintTable key={tab} tab={tab} manager={manager} onHandle={setHandling} />
      <HandleComplaintDrawer complaint={handling} manager={manager} onClose={() => setHandling(null)} />
    </List>
  );
}

function ComplaintTable({ tab, manager, onHandle }: { tab: Tab; manager: boolean; onHandle: (c: ComplaintRow) => void }) {
  const { t } = useTranslation();
  const { project, identity } = useCurrentProject();
  const { tableProps } = useTable<ComplaintRow>({
    resource: "complaints",
    syncWithLocation: false,
    pagination: { pageSize: 20 },
    filters: {
      permanent: [
        ...(tab === "all" ? [] : [{ field: "status", operator: "eq" as const, value: tab }]),
      ],
    },
    sorters: { initial: [{ field: "created_at", order: "desc" }] },
    meta: { select: COMPLAINT_SELECT },
    queryOptions: { enabled: Boolean(project) },
  });
  return (
    <Table {...tableProps} rowKey="id" size="middle" data-testid="complaints-table" locale={{ emptyText: t("complaints.empty") }}>
      <Table.Column<ComplaintRow> dataIndex="created_at" title={t("complaints.fields.created_at")} render={(at: string) => dayjs(at).format("MM-DD HH:mm")} />
      <Table.Column<ComplaintRow>
        key="complainant"
        title={t("complaints.fields.complainant")}
        render={(_, c) => (
          <Space direction="vertical" size={0}>
            {c.customer ? <CustomerLink id={c.customer.id}>{c.complainant_name}</CustomerLink> : <span>{c.complainant_name}</span>}
            {c.phone && <Typography.Text type="secondary">{c.phone}</Typography.Text>}
          </Space>
        )}
      />
      <Table.Column<ComplaintRow> dataIndex="channel" title={t("complaints.fields.channel")} render={(ch: string) => t(`complaints.channels.${ch}`)} />
      <Table.Column<ComplaintRow>
        dataIndex="content"
        title={t("complaints.fields.content")}
        render={(text: string) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: text }} style={{ margin: 0, maxWidth: 320 }}>{text}</Typography.Paragraph>}
      />
      <Table.Column<ComplaintRow> key="handler" title={t("complaints.fields.handler")} render={(_, c) => c.handler?.name ?? t("complaints.unassigned")} />
      <Table.Column<ComplaintRow>
        dataIndex="status"
        title={t("complaints.fields.status")}
        render={(s: ComplaintRow["status"], c) => (
          <Space direction="vertical" size={0} data-testid={`complaint-status-${c.id}`}>
            <Tag color={STATUS_COLORS[s]}>{t(`complaints.statuses.${s}`)}</Tag>
            {c.resolution && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.resolution}
              </Typography.Text>
            )}
          </Space>
        )}
      />
      <Table.Column<ComplaintRow> key="filer" title={t("complaints.fields.filer")} render={(_, c) => c.filer?.name ?? "—"} />
      <Table.Column<ComplaintRow>
        key="actions"
        title={t("table.actions")}
        render={(_, c) =>
          c.status !== "resolved" && (manager || c.handler_id === identity?.id) ? (
            <Button size="small" type="primary" onClick={() => onHandle(c)} data-testid={`handle-${c.id}`}>
              {t("complaints.actions.handle")}
            </Button>
          ) : null
        }
      />
    </Table>
  );
}
