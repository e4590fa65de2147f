import { CreateButton, List, ShowButton, useTable } from "@refinedev/antd";
import { Input, Select, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Money } from "../../components/money.tsx";
import { MoneyWithNote } from "../../components/money-with-note.tsx";
import { nowrap } from "../../components/deals/nowrap.tsx";
import { StatusTag } from "../../components/deals/status-tag.tsx";
import { useCurrentProject } from "../../session/current-project.tsx";
import type { ContractOverview } from "./types.ts";
import { textSearch } from "../../components/text-search.ts";

const STATUSES = ["pending", "approved", "signed", "rejected", "cancelled"];

/** 合同列表: number, unit, customer, price, status, signing and 网签备案, money received. */
export default function ContractList() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const { tableProps, setFilters, filters } = useTable<ContractOverview>({
    resource: "contract_overview",
    syncWithLocation: false,
    sorters: { initial: [{ field: "created_at", order: "desc" }] },
  });
  const status = filters.find((f) => "field" in f && f.field === "status")?.value as string | undefined;
  return (
    <List headerButtons={<CreateButton>{t("contracts.titles.create")}</CreateButton>}>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t("contracts.filters.search")}
          onSearch={(v) =>
            setFilters([textSearch(["contract_no", "customer_name", "unit_label"], v)], "merge")
          }
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t("contracts.filters.status")}
          value={status}
          onChange={(v) => setFilters([{ field: "status", operator: "eq", value: v }], "merge")}
          options={STATUSES.map((s) => ({ value: s, label: t(`deals.contractStatus.${s}`) }))}
        />
      </Space>
      <Table<ContractOverview> {...tableProps} rowKey="id" data-testid="contracts-table">
        <Table.Column<ContractOverview>
          title={t("contracts.fields.contract_no")}
          render={(_, r) => (
            <Space direction="vertical" size={0}>
              {nowrap(r.contract_no)}
              <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
                {r.unit_label} · {r.customer_name}
              </Typography.Text>
            </Space>
          )}
        />
        <Table.Column<ContractOverview> title={t("contracts.fields.consultant")} dataIndex="consultant_name" render={nowrap} />
        <Table.Column<ContractOverview>
          title={t("contracts.fields.price")}
          align="right"
          render={(_, r) => <MoneyWithNote value={r.price} strong note={t(`deals.paymentMethods.${r.payment_method}`)} />}
        />
        <Table.Column<ContractOverview> title={t("contracts.fields.status")} dataIndex="status" render={(v) => <StatusTag family="contract" value={v} />} />
        <Table.Column<ContractOverview>
          title={t("contracts.fields.signing")}
          render={(_, r) =>
            r.signed_on ? (
              <Space direction="vertical" size={0}>
                {nowrap(t("contracts.signedOn", { date: r.signed_on }))}
                <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
                  {r.registration_no ? t("contracts.registeredAs", { no: r.registration_no }) : t("contracts.notRegistered")}
                </Typography.Text>
              </Space>
            ) : (
              "—"
            )
          }
        />
        <Table.Column<ContractOverview> title={t("contracts.fields.received")} dataIndex="received" align="right" render={(v) => <Money value={v} />} />
        <Table.Column<ContractOverview> title={t("table.actions")} render={(_, row) => <ShowButton hideText size="small" recordItemId={row.id} />} />
      </Table>
    </List>
  );
}
