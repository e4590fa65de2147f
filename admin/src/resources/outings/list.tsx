import { PlusOutlined } from "@ant-design/icons";
import { List, useTable } from "@refinedev/antd";
import { Alert, App, Button, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAllowed } from "../../hooks/use-allowed.ts";
import { useRpc } from "../../hooks/use-rpc.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { ReportOutingForm } from "./report-form.tsx";
import { OUTING_SELECT, type Outing } from "./types.ts";

const at = (v: string | null) => (v ? dayjs(v).format("MM-DD HH:mm") : "—");

/** 外出带看报备: managers see the project's outings, consultants their own; 登记外出 and 已返回. */
export default function OutingList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, identity } = useCurrentProject();
  const manager = useAllowed("outings", "edit");
  const back = useRpc("return_from_outing");
  const [adding, setAdding] = useState(false);
  const { tableProps } = useTable<Outing>({
    resource: "outings",
    syncWithLocation: false,
    pagination: { pageSize: 20 },
    filters: { permanent: [{ field: "project_id", operator: "eq", value: project?.projectId }] },
    sorters: { initial: [{ field: "planned_out_at", order: "desc" }] },
    meta: { select: OUTING_SELECT },
    queryOptions: { enabled: Boolean(project) },
  });
  const f = (k: string) => t(`outings.fields.${k}`);
  return (
    <List
      headerButtons={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-outing">
          {t("outings.titles.create")}
        </Button>
      }
    >
      <Alert type="info" showIcon message={t("outings.help")} style={{ marginBottom: 16 }} />
      {back.error && <Alert type="error" showIcon message={back.error.message} style={{ marginBottom: 16 }} />}
      <Table<Outing> {...tableProps} rowKey="id" size="middle" data-testid="outings-table" locale={{ emptyText: t("outings.empty") }}>
        <Table.Column<Outing> key="customer" title={f("customer")} render={(_, r) => r.customer?.name} />
        <Table.Column<Outing> dataIndex="destination" title={f("destination")} />
        <Table.Column<Outing> dataIndex="planned_out_at" title={f("planned_out_at")} render={at} />
        <Table.Column<Outing> dataIndex="expected_back_at" title={f("expected_back_at")} render={at} />
        <Table.Column<Outing>
          key="returned"
          title={f("returned_at")}
          render={(_, r) =>
            r.returned_at ? at(r.returned_at)
              : dayjs().isAfter(r.expected_back_at) ? <Tag color="red">{t("outings.overdue")}</Tag>
              : <Tag color="processing">{t("outings.out")}</Tag>
          }
        />
        <Table.Column<Outing> key="by" title={f("staff_id")} render={(_, r) => r.reporter?.name} />
        <Table.Column<Outing>
          key="actions"
          width={90}
          render={(_, r) =>
            !r.returned_at && (manager || r.staff_id === identity?.id) && (
              <Button
                size="small"
                loading={back.pending}
                data-testid={`return-${r.id}`}
                onClick={() => back.call({ p_outing_id: r.id }).then(() => message.success(t("outings.returnedOk"))).catch(() => undefined)}
              >
                {t("outings.markReturned")}
              </Button>
            )
          }
        />
      </Table>
      {adding && project && <ReportOutingForm onClose={() => setAdding(false)} />}
    </List>
  );
}
