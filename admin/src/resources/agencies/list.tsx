import type { Tables } from "@so/shared/database.types";
import { List, useTable } from "@refinedev/antd";
import { Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Agency } from "./types.ts";
import { showEditColumn } from "../../components/show-edit-column.tsx";

type AgencyRow = Agency & { agency_stores: Pick<Tables<"agency_stores">, "id">[]; brokers: Pick<Tables<"brokers">, "id">[] };

/** 中介公司: name, contact, stores and brokers, whether the cooperation is on. */
export default function AgencyList() {
  const { t } = useTranslation();
  const { tableProps } = useTable<AgencyRow>({
    syncWithLocation: true,
    sorters: { initial: [{ field: "name", order: "asc" }] },
    meta: { select: "id, name, contact_name, contact_phone, active, created_at, agency_stores(id), brokers(id)" },
  });
  return (
    <List>
      <Table {...tableProps} rowKey="id" data-testid="agencies-table">
        <Table.Column<AgencyRow> dataIndex="name" title={t("agencies.fields.name")} sorter />
        <Table.Column<AgencyRow> dataIndex="contact_name" title={t("agencies.fields.contact_name")} render={(v) => v ?? "—"} />
        <Table.Column<AgencyRow> dataIndex="contact_phone" title={t("agencies.fields.contact_phone")} render={(v) => v ?? "—"} />
        <Table.Column<AgencyRow> dataIndex="agency_stores" title={t("agencies.fields.stores")} render={(v: { id: string }[]) => v.length} />
        <Table.Column<AgencyRow> dataIndex="brokers" title={t("agencies.fields.brokers")} render={(v: { id: string }[]) => v.length} />
        <Table.Column<AgencyRow>
          dataIndex="active"
          title={t("agencies.fields.active")}
          render={(v: boolean) => <Tag color={v ? "success" : "default"}>{t(v ? "agencies.active" : "agencies.inactive")}</Tag>}
        />
        {showEditColumn<AgencyRow>(t("table.actions"))}
      </Table>
    </List>
  );
}
