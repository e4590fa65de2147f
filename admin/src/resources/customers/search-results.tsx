import { Alert, Table, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { customerSearchKind } from "@so/shared/schemas/customers";
import type { ListedCustomer } from "./columns.tsx";
import { customerColumns } from "./columns.tsx";
import { rowsOf } from "../../hooks/rows-of.ts";
import { useProjectRpcQuery } from "../../hooks/use-project-rpc-query.ts";

interface Props {
  query: string;
  nameOf: (id: string | null | undefined) => string;
  canClaim: boolean;
}

/** search_customers in the project in use: by phone tail (4 digits), full phone, phone prefix or name; RLS decides what is found. */
export function CustomerSearchResults({ query, nameOf, canClaim }: Props) {
  const { t } = useTranslation();
  const { result, query: request } = useProjectRpcQuery("search_customers", { p_query: query, p_limit: 100 }, {
    queryOptions: { enabled: query.length > 0 },
  });
  const rows = useMemo(
    () => rowsOf<ListedCustomer>(result.data).map((c) => ({ ...c, owner_name: nameOf(c.owner_id) || null })),
    [result, nameOf],
  );
  if (request.error) return <Alert type="error" showIcon message={request.error.message} />;
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="search-summary">
        {request.isFetching
          ? t("pages.loading")
          : t("customers.search.summary", { count: rows.length, kind: t(`customers.search.kinds.${customerSearchKind(query)}`), query })}
      </Typography.Paragraph>
      <Table<ListedCustomer> dataSource={rows} rowKey="id" size="middle" loading={request.isFetching} pagination={false} data-testid="search-table">
        {customerColumns(t, { showOwner: true, ownerTitle: t("customers.fields.owner"), canClaim, showIdNo: false })}
      </Table>
    </>
  );
}
