import { useTable } from "@refinedev/antd";
import type { HttpError } from "@refinedev/core";
import { Table } from "antd";
import { useTranslation } from "react-i18next";
import type { CustomerRow } from "../../components/customers/types.ts";
import type { ProjectPerson } from "../../hooks/use-project-staff.ts";
import { customerColumns } from "./columns.tsx";
import { CustomerFilterForm, customerFilters, type CustomerFilterValues } from "./filters.tsx";
import { CardTable } from "../../components/responsive/card-table.tsx";

interface Props {
  projectId: string;
  pool: boolean;
  /** Offer the owner filter and column (managers, finance: they see everyone's customers). */
  owners?: ProjectPerson[];
  canClaim: boolean;
}

/** One tab of the customer list: the protected customers the caller may read, or the pool. */
export function CustomerTable({ projectId, pool, owners, canClaim }: Props) {
  const { t } = useTranslation();
  const { tableProps, searchFormProps } = useTable<CustomerRow, HttpError, CustomerFilterValues>({
    resource: "customer_list",
    syncWithLocation: false,
    pagination: { pageSize: 20 },
    filters: {
      permanent: [
        { field: "in_pool", operator: "eq", value: pool },
      ],
    },
    sorters: { initial: [{ field: pool ? "ownership_expires_at" : "created_at", order: "desc" }] },
    onSearch: customerFilters,
    meta: {
      select: "id, name, phone, id_no_masked, grade, status, source, owner_id, owner_name, in_pool, idle_days, last_follow_up_at, created_at, ownership_expires_at",
    },
  });
  const columns = customerColumns(t, {
    tagPool: !pool,
    showOwner: Boolean(owners) || pool,
    ownerTitle: pool ? t("customers.fields.previous_owner") : t("customers.fields.owner"),
    canClaim,
  });
  return (
    <>
      <CustomerFilterForm formProps={searchFormProps} owners={owners} />
      <CardTable
        {...tableProps}
        rowKey="id"
        size="middle"
        data-testid={pool ? "pool-table" : "customers-table"}
        pagination={{ ...tableProps.pagination, showTotal: (total) => t("customers.total", { count: total }) }}
      >
        {columns}
      </CardTable>
    </>
  );
}
