import { ShowButton } from "@refinedev/antd";
import { Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import type { TFunction } from "i18next";
import { CustomerLink } from "../../components/customers/customer-link.tsx";
import { CustomerStatusTag, GradeTag, PoolTag } from "../../components/customers/customer-tags.tsx";
import type { CustomerRow } from "../../components/customers/types.ts";
import { ClaimButton } from "./claim-button.tsx";

export type ListedCustomer = Pick<CustomerRow, "id" | "name" | "phone" | "id_no_masked" | "grade" | "status" | "source" | "owner_id" | "in_pool" | "last_follow_up_at" | "created_at"> & {
  owner_name?: string | null;
  idle_days?: number;
};

export interface ColumnOptions {
  /** Tag customers in the pool (not needed in the pool's own tab). */
  tagPool?: boolean;
  showOwner: boolean;
  ownerTitle: string;
  canClaim: boolean;
  /** The masked 证件号码 (customer_list has it; search_customers does not). */
  showIdNo?: boolean;
}

const idleDays = (c: ListedCustomer) => c.idle_days ?? dayjs().diff(dayjs(c.last_follow_up_at ?? c.created_at), "day");

/** The columns shared by the list and the search results. */
export function customerColumns(t: TFunction, { tagPool = true, showOwner, ownerTitle, canClaim, showIdNo = true }: ColumnOptions) {
  return [
    <Table.Column<ListedCustomer>
      key="name"
      dataIndex="name"
      title={t("customers.fields.name")}
      render={(name: string, c) => (
        <Space size={4}>
          <CustomerLink id={c.id}>{name}</CustomerLink>
          {tagPool && c.in_pool && <PoolTag />}
        </Space>
      )}
      onCell={() => ({ style: { whiteSpace: "nowrap" } })}
    />,
    <Table.Column<ListedCustomer> key="phone" dataIndex="phone" title={t("customers.fields.phone")} />,
    ...(showIdNo
      ? [
          <Table.Column<ListedCustomer>
            key="id_no_masked"
            dataIndex="id_no_masked"
            title={t("papers.fields.id_no")}
            render={(v: string | null | undefined) => v ?? "—"}
            onCell={() => ({ style: { whiteSpace: "nowrap" } })}
          />,
        ]
      : []),
    <Table.Column<ListedCustomer> key="grade" dataIndex="grade" title={t("customers.fields.grade")} render={(g) => <GradeTag grade={g} />} />,
    <Table.Column<ListedCustomer> key="source" dataIndex="source" title={t("customers.fields.source")} render={(s: string) => t(`customers.sources.${s}`)} />,
    <Table.Column<ListedCustomer> key="status" dataIndex="status" title={t("customers.fields.status")} render={(s) => <CustomerStatusTag status={s} />} />,
    ...(showOwner
      ? [<Table.Column<ListedCustomer> key="owner" dataIndex="owner_name" title={ownerTitle} render={(n) => n ?? "—"} />]
      : []),
    <Table.Column<ListedCustomer>
      key="last_follow_up_at"
      dataIndex="last_follow_up_at"
      title={t("customers.fields.last_follow_up_at")}
      render={(at: string | null, c) => {
        const days = idleDays(c);
        return (
          <Space direction="vertical" size={0}>
            <span>{at ? dayjs(at).format("YYYY-MM-DD") : t("customers.never")}</span>
            <Typography.Text type={days >= 15 ? "danger" : "secondary"} style={{ fontSize: 12 }}>
              {at ? (days === 0 ? t("customers.followedToday") : t("customers.idle", { days })) : t("customers.registeredDays", { days })}
            </Typography.Text>
          </Space>
        );
      }}
    />,
    <Table.Column<ListedCustomer>
      key="created_at"
      dataIndex="created_at"
      title={t("customers.fields.created_at")}
      render={(at: string) => dayjs(at).format("YYYY-MM-DD")}
    />,
    <Table.Column<ListedCustomer>
      key="actions"
      title={t("table.actions")}
      render={(_, c) => (
        <Space>
          <ShowButton hideText size="small" resource="customers" recordItemId={c.id} />
          {canClaim && c.in_pool && <ClaimButton customerId={c.id} name={c.name} />}
        </Space>
      )}
    />,
  ];
}
