import { List, useTable } from "@refinedev/antd";
import { Button, Space, Table, Tabs, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CustomerLink } from "../../components/customers/customer-link.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";
import { RuleCollisionModal } from "./rule-modal.tsx";
import { COLLISION_SELECT, type CollisionRow } from "./types.ts";
import { TwoLines } from "../../components/two-lines.tsx";
import { useAllowed } from "../../hooks/use-allowed.ts";

type Tab = "open" | "ruled" | "all";
const STATUS_COLORS = { open: "red", kept: "blue", transferred: "purple" } as const;

/** 撞单: a known, protected phone registered again. Managers rule; consultants see theirs. */
export default function CollisionList() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>("open");
  const [ruling, setRuling] = useState<CollisionRow | null>(null);
  return (
    <List>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={(["open", "ruled", "all"] as const).map((key) => ({ key, label: t(`customer_collisions.tabs.${key}`) }))}
      />
      <CollisionTable key={tab} tab={tab} onRule={setRuling} />
      <RuleCollisionModal collision={ruling} onClose={() => setRuling(null)} />
    </List>
  );
}

function CollisionTable({ tab, onRule }: { tab: Tab; onRule: (c: CollisionRow) => void }) {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const canRule = useAllowed("customer_collisions", "edit");
  const { tableProps } = useTable<CollisionRow>({
    syncWithLocation: false,
    pagination: { pageSize: 20 },
    filters: {
      permanent: [
        ...(tab === "open"
          ? [{ field: "status", operator: "eq" as const, value: "open" }]
          : tab === "ruled"
            ? [{ field: "status", operator: "in" as const, value: ["kept", "transferred"] }]
            : []),
      ],
    },
    sorters: { initial: [{ field: "created_at", order: "desc" }] },
    meta: { select: COLLISION_SELECT },
    queryOptions: { enabled: Boolean(project) },
  });

  return (
    <Table {...tableProps} rowKey="id" size="middle" data-testid="collisions-table">
      <Table.Column<CollisionRow>
        dataIndex="created_at"
        title={t("customer_collisions.fields.created_at")}
        render={(at: string) => dayjs(at).format("YYYY-MM-DD HH:mm")}
      />
      <Table.Column<CollisionRow>
        key="customer"
        title={t("customer_collisions.fields.customer")}
        render={(_, c) =>
          c.customer ? (
            <TwoLines main={<CustomerLink id={c.customer.id}>{c.customer.name}</CustomerLink>} sub={c.customer.phone} />
          ) : (
            <Typography.Text>{c.claimant_name ?? "—"}</Typography.Text>
          )
        }
      />
      <Table.Column<CollisionRow> key="owner" title={t("customer_collisions.fields.owner")} render={(_, c) => c.owner?.name ?? "—"} />
      <Table.Column<CollisionRow>
        key="claimant"
        title={t("customer_collisions.fields.claimant")}
        render={(_, c) => (
          <Space direction="vertical" size={0}>
            <span>{c.claimant?.name ?? "—"}</span>
            {c.source && <Typography.Text type="secondary">{t(`customers.sources.${c.source}`)}</Typography.Text>}
          </Space>
        )}
      />
      <Table.Column<CollisionRow> dataIndex="note" title={t("customer_collisions.fields.note")} render={(n) => n ?? "—"} />
      <Table.Column<CollisionRow>
        dataIndex="status"
        title={t("customer_collisions.fields.status")}
        render={(status: CollisionRow["status"], c) => (
          <Space direction="vertical" size={0} data-testid={`collision-status-${c.id}`}>
            <Tag color={STATUS_COLORS[status]}>{t(`customer_collisions.statuses.${status}`)}</Tag>
            {c.decision_reason && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("customer_collisions.decidedBy", { name: c.decider?.name ?? "—", at: dayjs(c.decided_at).format("MM-DD HH:mm") })}：{c.decision_reason}
              </Typography.Text>
            )}
            {c.customer?.owner && status !== "open" && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("customer_collisions.currentOwner", { name: c.customer.owner.name })}
              </Typography.Text>
            )}
          </Space>
        )}
      />
      {canRule && (
        <Table.Column<CollisionRow>
          key="actions"
          title={t("table.actions")}
          render={(_, c) =>
            c.status === "open" ? (
              <Button size="small" type="primary" onClick={() => onRule(c)} data-testid={`rule-${c.id}`}>
                {t("customer_collisions.rule.button")}
              </Button>
            ) : null
          }
        />
      )}
    </Table>
  );
}
