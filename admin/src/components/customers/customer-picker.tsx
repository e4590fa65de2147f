import { useCustom } from "@refinedev/core";
import { Select } from "antd";
import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentProject } from "../../session/current-project.tsx";

interface Found {
  id: string;
  name: string;
  phone: string;
}

/** Pick a customer by phone tail, phone or name (search_customers; only those the caller may see). */
export function CustomerPicker({ value, onChange }: { value?: string | null; onChange?: (id: string | null) => void }) {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const [typed, setTyped] = useState("");
  const query = useDeferredValue(typed.trim());
  const { result, query: request } = useCustom<Found[]>({
    url: "rpc/search_customers",
    method: "get",
    config: { query: { p_project_id: project?.projectId, p_query: query, p_limit: 20 } },
    queryOptions: { enabled: Boolean(project) && query.length >= 2 },
  });
  return (
    <Select
      showSearch
      allowClear
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? null)}
      filterOption={false}
      onSearch={setTyped}
      loading={request.isFetching}
      placeholder={t("customers.search.placeholder")}
      notFoundContent={query.length >= 2 && !request.isFetching ? t("customers.search.none") : null}
      options={(Array.isArray(result.data) ? result.data : []).map((c) => ({ value: c.id, label: `${c.name} ${c.phone}` }))}
    />
  );
}
