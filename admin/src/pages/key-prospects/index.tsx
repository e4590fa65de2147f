import type { Database } from "@so/shared/database.types";
import { Button, Card, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CustomerCell } from "../../components/customers/customer-cell.tsx";
import { CustomerStatusTag, GradeTag } from "../../components/customers/customer-tags.tsx";
import { rowsOf } from "../../hooks/rows-of.ts";
import { useProjectRpcQuery } from "../../hooks/use-project-rpc-query.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { ProspectModal } from "./prospect-modal.tsx";

export type ProspectRow = Database["public"]["Functions"]["key_prospect_list"]["Returns"][number];

/**
 * 准客户名录: the key prospects (key_prospect_list) — managers see the project's, a consultant
 * their own — with status, consultant, last contact and the next deadline; the customer's
 * consultant or a manager marks and unmarks, each with a reason (mark/unmark_key_prospect).
 */
export default function KeyProspectsPage() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const [modal, setModal] = useState<{ unmark?: ProspectRow } | null>(null);
  const { result, query } = useProjectRpcQuery("key_prospect_list", {}, { errorNotification: false });
  const rows = rowsOf<ProspectRow>(result.data);
  const f = (k: string) => t(`key_prospects.fields.${k}`);

  if (!project) return null;
  return (
    <Card
      title={t("key_prospects.titles.list")}
      extra={
        <Button type="primary" onClick={() => setModal({})} data-testid="mark-prospect">
          {t("key_prospects.mark")}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t("key_prospects.help")}</Typography.Paragraph>
      <Table<ProspectRow>
        rowKey="key_prospect_id"
        size="middle"
        loading={query.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        data-testid="prospects-table"
        locale={{ emptyText: t("key_prospects.empty") }}
        onRow={(r) => ({ "data-testid": `prospect-${r.customer_id}` }) as React.HTMLAttributes<HTMLElement>}
      >
        <Table.Column<ProspectRow>
          title={f("customer")}
          render={(_, r) => <CustomerCell row={r} />}
        />
        <Table.Column<ProspectRow>
          title={f("status")}
          render={(_, r) => (
            <Space size={4}>
              <CustomerStatusTag status={r.status} />
              <GradeTag grade={r.grade} />
            </Space>
          )}
        />
        <Table.Column<ProspectRow> dataIndex="consultant_name" title={f("consultant")} render={(n) => n ?? "—"} />
        <Table.Column<ProspectRow>
          title={f("reason")}
          render={(_, r) => (
            <Space direction="vertical" size={0} style={{ maxWidth: 280 }}>
              <span>{r.reason}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("key_prospects.markedBy", { name: r.marked_by_name, at: dayjs(r.marked_at).format("MM-DD HH:mm") })}
              </Typography.Text>
            </Space>
          )}
        />
        <Table.Column<ProspectRow>
          title={f("last_contact")}
          render={(_, r) =>
            r.last_contact_at ? (
              <Space direction="vertical" size={0} style={{ maxWidth: 240 }}>
                <span>{dayjs(r.last_contact_at).format("MM-DD HH:mm")}</span>
                <Typography.Text type="secondary" ellipsis={{ tooltip: r.last_contact }}>{r.last_contact}</Typography.Text>
              </Space>
            ) : (
              t("key_prospects.noContact")
            )
          }
        />
        <Table.Column<ProspectRow>
          title={f("next_deadline")}
          render={(_, r) =>
            r.next_deadline ? (
              <Space size={4} data-testid={`deadline-${r.customer_id}`}>
                <span>{r.next_deadline}</span>
                {r.overdue && <Tag color="red">{t("key_prospects.overdue")}</Tag>}
              </Space>
            ) : (
              "—"
            )
          }
        />
        <Table.Column<ProspectRow>
          title={f("action")}
          fixed="right"
          render={(_, r) => (
            <Button size="small" onClick={() => setModal({ unmark: r })} data-testid={`unmark-${r.customer_id}`}>
              {t("key_prospects.unmark")}
            </Button>
          )}
        />
      </Table>
      {modal && <ProspectModal unmark={modal.unmark} onClose={() => setModal(null)} />}
    </Card>
  );
}
