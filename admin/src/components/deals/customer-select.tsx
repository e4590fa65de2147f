import { useList, useOne } from "@refinedev/core";
import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { maskMobile } from "@so/shared/phone";
import { useDebounced } from "../../hooks/use-debounced.ts";

interface CustomerOption {
  id: string;
  name: string;
  phone: string;
}

/**
 * 客户: search by name or phone among the customers RLS lets the person see (a consultant: their
 * own and the public pool; managers and finance: the project's).
 */
export function CustomerSelect({
  projectId,
  value,
  onChange,
  testId = "customer-select",
}: {
  projectId: string;
  value?: string;
  onChange?: (id: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const query = useDebounced(search.trim());
  const { result, query: listQuery } = useList<CustomerOption>({
    resource: "customers",
    pagination: { pageSize: 20 },
    filters: [
      { field: "project_id", operator: "eq", value: projectId },
      ...(query
        ? [
            {
              operator: "or" as const,
              value: [
                { field: "name", operator: "contains" as const, value: query },
                { field: "phone", operator: "contains" as const, value: query.replace(/\D/g, "") || query },
              ],
            },
          ]
        : []),
    ],
    sorters: [{ field: "created_at", order: "desc" }],
    meta: { select: "id, name, phone" },
  });
  const { result: selected } = useOne<CustomerOption>({
    resource: "customers",
    id: value ?? "",
    meta: { select: "id, name, phone" },
    queryOptions: { enabled: Boolean(value) },
  });
  const options = [...result.data];
  if (selected && !options.some((c) => c.id === selected.id)) options.unshift(selected);
  return (
    <Select
      data-testid={testId}
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setSearch}
      loading={listQuery.isFetching}
      placeholder={t("deals.customerSelect.placeholder")}
      notFoundContent={t("deals.customerSelect.none")}
      options={options.map((c) => ({ value: c.id, label: `${c.name} ${maskMobile(c.phone) ?? c.phone}` }))}
    />
  );
}
