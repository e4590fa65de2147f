import { maskMobile } from "@so/shared/phone";
import { Select, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebounced } from "../../hooks/use-debounced.ts";
import { useProjectRpcQuery } from "../../hooks/use-project-rpc-query.ts";

interface FoundCustomer {
  id: string;
  name: string;
  phone: string;
  grade: string | null;
  in_pool: boolean;
}

type SearchResult = FoundCustomer[] & { [key: string]: unknown };

/**
 * 选择客户: the caller's customers found by `search_customers` (phone tail, full mobile or name
 * prefix) in the project in use — as the database lets them see (a consultant: their own and the
 * public pool).
 */
export function CustomerPicker({ value, onChange }: { value?: string | null; onChange?: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState("");
  const q = useDebounced(typed.trim(), 250);
  const { query, result } = useProjectRpcQuery("search_customers", { p_query: q, p_limit: 20 }, {
    queryOptions: { enabled: q.length > 0 },
    errorNotification: false,
  });
  const found = q && query.data ? ((result.data as unknown as FoundCustomer[]) ?? []) : [];
  return (
    <Select
      showSearch
      allowClear
      value={value ?? undefined}
      onChange={(id) => onChange?.(id)}
      onSearch={setTyped}
      filterOption={false}
      placeholder={t("customers.picker.placeholder")}
      notFoundContent={q ? (query.isFetching ? t("customers.picker.searching") : t("customers.picker.none")) : t("customers.picker.typeToSearch")}
      loading={query.isFetching}
      style={{ width: "100%" }}
      data-testid="customer-picker"
      options={found.map((c) => ({
        value: c.id,
        label: (
          <span>
            {c.name} <span style={{ color: "rgba(0,0,0,0.45)" }}>{maskMobile(c.phone) ?? c.phone}</span>
            {c.grade && <Tag style={{ marginInlineStart: 6 }}>{c.grade}</Tag>}
            {c.in_pool && <Tag color="orange">{t("customers.picker.inPool")}</Tag>}
          </span>
        ),
      }))}
    />
  );
}
