import type { ViewRow } from "../../lib/db-rows.ts";
import { List, useTable } from "@refinedev/antd";
import { Button, Segmented, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CustomerLink } from "../../components/customers/customer-link.tsx";
import { GradeTag } from "../../components/customers/customer-tags.tsx";
import { FollowUpDrawer } from "../../components/reception/follow-up-drawer.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";
import { TwoLines } from "../../components/two-lines.tsx";

type DueRow = ViewRow<"follow_ups_due", "grade" | "ownership_expires_at">;

type Show = "all" | "overdue" | "today";

/**
 * 待追访 (view follow_ups_due): my customers whose last follow-up asked for a contact today or
 * earlier; overdue first. 登记追访 logs the next one (log_follow_up) and the row leaves the list.
 */
export default function FollowUpsDueList() {
  const { t } = useTranslation();
  const [show, setShow] = useState<Show>("all");
  const [logging, setLogging] = useState<{ id: string; name: string } | null>(null);
  return (
    <List>
      <Segmented<Show>
        value={show}
        onChange={setShow}
        options={(["all", "overdue", "today"] as const).map((s) => ({ value: s, label: t(`follow_ups_due.tabs.${s}`) }))}
        style={{ marginBottom: 16 }}
      />
      <DueTable key={show} show={show} onLog={setLogging} />
      <FollowUpDrawer customer={logging} onClose={() => setLogging(null)} />
    </List>
  );
}

function DueTable({ show, onLog }: { show: Show; onLog: (c: { id: string; name: string }) => void }) {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const { tableProps } = useTable<DueRow>({
    resource: "follow_ups_due",
    syncWithLocation: false,
    pagination: { pageSize: 20 },
    filters: {
      permanent: [
        ...(show === "all" ? [] : [{ field: "overdue", operator: "eq" as const, value: show === "overdue" }]),
      ],
    },
    sorters: { initial: [{ field: "next_date", order: "asc" }] },
    queryOptions: { enabled: Boolean(project) },
  });
  return (
    <Table {...tableProps} rowKey="customer_id" size="middle" data-testid="follow-ups-due-table" locale={{ emptyText: t("follow_ups_due.empty") }}>
      <Table.Column<DueRow>
        dataIndex="name"
        title={t("follow_ups_due.fields.customer")}
        render={(name: string, r) => <TwoLines main={<CustomerLink id={r.customer_id}>{name}</CustomerLink>} sub={r.phone} />}
      />
      <Table.Column<DueRow> dataIndex="grade" title={t("customers.fields.grade")} render={(g) => <GradeTag grade={g} />} />
      <Table.Column<DueRow>
        dataIndex="next_date"
        title={t("follow_ups_due.fields.next_date")}
        render={(d: string, r) => (
          <Space direction="vertical" size={0}>
            <span>{d}</span>
            {r.overdue ? (
              <Tag color="red">{t("follow_ups_due.overdueDays", { days: r.days_overdue })}</Tag>
            ) : (
              <Tag color="blue">{t("follow_ups_due.dueToday")}</Tag>
            )}
          </Space>
        )}
      />
      <Table.Column<DueRow>
        dataIndex="last_content"
        title={t("follow_ups_due.fields.last_content")}
        render={(text: string, r) => (
          <Space direction="vertical" size={0}>
            <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 360 }}>
              {text}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dayjs(r.last_follow_up_at).format("YYYY-MM-DD")}
            </Typography.Text>
          </Space>
        )}
      />
      <Table.Column<DueRow>
        dataIndex="ownership_expires_at"
        title={t("follow_ups_due.fields.protected_until")}
        render={(at: string | null) => {
          if (!at || at.startsWith("infinity")) return "—";
          const days = dayjs(at).diff(dayjs(), "day");
          return <Typography.Text type={days <= 7 ? "danger" : undefined}>{t("follow_ups_due.protectedDays", { date: dayjs(at).format("MM-DD"), days })}</Typography.Text>;
        }}
      />
      <Table.Column<DueRow>
        key="actions"
        title={t("table.actions")}
        render={(_, r) => (
          <Button type="primary" size="small" onClick={() => onLog({ id: r.customer_id, name: r.name })} data-testid={`log-${r.customer_id}`}>
            {t("follow_ups_due.log")}
          </Button>
        )}
      />
    </Table>
  );
}
