import type { Tables } from "@so/shared/database.types";
import { CreateButton, EditButton, List, useSelect, useTable } from "@refinedev/antd";
import { Form, Input, Select, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Broker } from "./types.ts";
import { textSearch } from "../../components/text-search.ts";

type BrokerRow = Broker & {
  agencies: Pick<Tables<"agencies">, "name"> | null;
  agency_stores: Pick<Tables<"agency_stores">, "name"> | null;
  staff: Pick<Tables<"staff">, "email"> | null;
};

/** 经纪人: agency and store, phone, login account, active; filter by agency, search by name/phone. */
export default function BrokerList() {
  const { t } = useTranslation();
  const { tableProps, searchFormProps } = useTable<BrokerRow, never, { agency_id?: string; q?: string }>({
    syncWithLocation: false,
    sorters: { initial: [{ field: "created_at", order: "asc" }] },
    meta: { select: "*, agencies(name), agency_stores(name), staff(email)" },
    onSearch: ({ agency_id, q }) => {
      return [
        { field: "agency_id", operator: "eq", value: agency_id || undefined },
        textSearch(["name", "phone"], q),
      ];
    },
  });
  const { selectProps: agencies } = useSelect({ resource: "agencies", optionLabel: "name", optionValue: "id", pagination: { mode: "off" } });
  return (
    <List headerButtons={<CreateButton />}>
      <Form {...searchFormProps} layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="agency_id" label={t("brokers.fields.agency")}>
          <Select {...agencies} allowClear style={{ width: 160 }} placeholder={t("report_board.filters.all")} onChange={() => searchFormProps.form?.submit()} />
        </Form.Item>
        <Form.Item name="q">
          <Input.Search allowClear placeholder={t("brokers.search")} style={{ width: 220 }} onSearch={() => searchFormProps.form?.submit()} />
        </Form.Item>
      </Form>
      <Table {...tableProps} rowKey="id" data-testid="brokers-table">
        <Table.Column<BrokerRow> dataIndex="name" title={t("brokers.fields.name")} />
        <Table.Column<BrokerRow> dataIndex="phone" title={t("brokers.fields.phone")} render={(v) => v ?? "—"} />
        <Table.Column<BrokerRow> dataIndex={["agencies", "name"]} title={t("brokers.fields.agency")} />
        <Table.Column<BrokerRow> dataIndex={["agency_stores", "name"]} title={t("brokers.fields.store")} render={(v) => v ?? "—"} />
        <Table.Column<BrokerRow>
          dataIndex={["staff", "email"]}
          title={t("brokers.fields.login")}
          render={(v: string | undefined) => v ?? <Typography.Text type="secondary">{t("brokers.noLogin")}</Typography.Text>}
        />
        <Table.Column<BrokerRow>
          dataIndex="active"
          title={t("brokers.fields.active")}
          render={(v: boolean) => <Tag color={v ? "success" : "default"}>{t(v ? "brokers.active" : "brokers.inactive")}</Tag>}
        />
        <Table.Column<BrokerRow> title={t("table.actions")} dataIndex="actions" render={(_, b) => <EditButton hideText size="small" recordItemId={b.id} />} />
      </Table>
    </List>
  );
}
