import { EditButton, List, useTable } from "@refinedev/antd";
import { formatYuan } from "@so/shared/money";
import { Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useCurrentProject } from "../../session/current-project.tsx";
import { factorPercent, type Policy } from "./types.ts";

/** 优惠政策 of the current project: the standing discounts a consultant applies without approval. */
export default function PolicyList() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const { tableProps } = useTable<Policy>({
    syncWithLocation: true,
    sorters: { initial: [{ field: "sort", order: "asc" }, { field: "name", order: "asc" }] },
    meta: { select: "id, name, kind, value, stackable, active, sort, note, payment_methods, customer_sources" },
  });
  return (
    <List>
      <Table {...tableProps} rowKey="id" data-testid="policies-table">
        <Table.Column<Policy> dataIndex="name" title={t("policies.fields.name")} />
        <Table.Column<Policy> dataIndex="kind" title={t("policies.fields.kind")} render={(k) => t(`policies.kinds.${k}`)} />
        <Table.Column<Policy>
          dataIndex="value"
          title={t("policies.fields.value")}
          render={(v, p) => (p.kind === "factor" ? t("policies.factorShort", { percent: factorPercent(v) }) : t("policies.amountShort", { amount: formatYuan(String(v)) }))}
        />
        <Table.Column<Policy>
          dataIndex="stackable"
          title={t("policies.fields.stackable")}
          render={(v: boolean) => (v ? <Tag color="blue">{t("policies.stackable")}</Tag> : <Tag>{t("policies.exclusive")}</Tag>)}
        />
        <Table.Column<Policy>
          dataIndex="active"
          title={t("policies.fields.active")}
          render={(v: boolean) => (v ? <Tag color="green">{t("policies.on")}</Tag> : <Tag>{t("policies.off")}</Tag>)}
        />
        <Table.Column<Policy>
          key="conditions"
          title={t("policies.fields.conditions")}
          render={(_, p) => {
            const parts = [
              ...(p.payment_methods ?? []).map((m) => t(`deals.paymentMethods.${m}`)),
              ...(p.customer_sources ?? []).map((s) => t(`customers.sources.${s}`)),
            ];
            return parts.length ? parts.map((x) => <Tag key={x}>{x}</Tag>) : t("policies.anyCondition");
          }}
        />
        <Table.Column<Policy> dataIndex="sort" title={t("policies.fields.sort")} />
        <Table.Column<Policy> dataIndex="note" title={t("policies.fields.note")} render={(v) => v ?? "—"} />
        <Table.Column<Policy>
          title={t("table.actions")}
          key="actions"
          render={(_, record) => <EditButton hideText size="small" recordItemId={record.id} />}
        />
      </Table>
    </List>
  );
}
