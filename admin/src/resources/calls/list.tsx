import type { Tables } from "@so/shared/database.types";
import { CreateButton, List, useTable } from "@refinedev/antd";
import { Table, Tag } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { CustomerLink } from "../../components/customers/customer-link.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";
import { TwoLines } from "../../components/two-lines.tsx";

type CallRow = Pick<Tables<"calls">, "id" | "called_at" | "caller_name" | "phone" | "topics" | "invited" | "note" | "customer_id"> & {
  customer: Pick<Tables<"customers">, "id" | "name"> | null;
  consultant: Pick<Tables<"staff">, "name"> | null;
};

/** 来电登记: who called, what they asked, whether they were invited to visit. */
export default function CallList() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const { tableProps } = useTable<CallRow>({
    syncWithLocation: false,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: "called_at", order: "desc" }] },
    meta: {
      select:
        "id, called_at, caller_name, phone, topics, invited, note, customer_id, " +
        "customer:customers(id, name), consultant:staff!calls_consultant_id_fkey(name)",
    },
    queryOptions: { enabled: Boolean(project) },
  });
  return (
    <List headerButtons={<CreateButton>{t("calls.actions.create")}</CreateButton>}>
      <Table {...tableProps} rowKey="id" size="middle" data-testid="calls-table">
        <Table.Column<CallRow> dataIndex="called_at" title={t("calls.fields.called_at")} render={(at: string) => dayjs(at).format("MM-DD HH:mm")} />
        <Table.Column<CallRow>
          key="caller"
          title={t("calls.fields.caller")}
          render={(_, c) => <TwoLines main={c.caller_name ?? t("calls.anonymous")} sub={c.phone} />}
        />
        <Table.Column<CallRow>
          dataIndex="topics"
          title={t("calls.fields.topics")}
          render={(topics: string[]) => topics.map((topic) => <Tag key={topic}>{t(`reception.topics.${topic}`)}</Tag>)}
        />
        <Table.Column<CallRow>
          dataIndex="invited"
          title={t("calls.fields.invited")}
          render={(invited: boolean) => (invited ? <Tag color="green">{t("calls.invited")}</Tag> : <Tag>{t("calls.notInvited")}</Tag>)}
        />
        <Table.Column<CallRow> key="consultant" title={t("calls.fields.consultant")} render={(_, c) => c.consultant?.name ?? "—"} />
        <Table.Column<CallRow>
          key="customer"
          title={t("calls.fields.customer")}
          render={(_, c) => (c.customer ? <CustomerLink id={c.customer.id}>{c.customer.name}</CustomerLink> : "—")}
        />
        <Table.Column<CallRow> dataIndex="note" title={t("calls.fields.note")} render={(n) => n ?? "—"} />
      </Table>
    </List>
  );
}
