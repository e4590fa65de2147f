import { CreateButton, List } from "@refinedev/antd";
import { Input, Space, Tabs, Typography } from "antd";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useProjectRpcQuery } from "../../hooks/use-project-rpc-query.ts";
import { useProjectStaff } from "../../hooks/use-project-staff.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { CustomerTable } from "./customer-table.tsx";
import { CustomerSearchResults } from "./search-results.tsx";

type Tab = "active" | "pool";

/**
 * 客户列表: the protected customers (a consultant: their own; managers and finance: everyone's)
 * and the public pool (公客池) with 认领, filters, and a search box that asks search_customers.
 */
export default function CustomerList() {
  const { t } = useTranslation();
  const { project, roles } = useCurrentProject();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get("tab") === "pool" ? "pool" : "active";
  const query = params.get("q")?.trim() ?? "";
  const { consultants, nameOf } = useProjectStaff();
  // Whose customers the database lets the person read here: beyond their own, the list is 全部.
  const scope = useProjectRpcQuery("customer_scope", {}, { queryOptions: { retry: false }, errorNotification: false }).result.data;
  const seesEveryone = scope === "project" || scope === "reported";
  const canClaim = roles.includes("consultant");
  if (!project) return null;

  const update = (next: Record<string, string | null>) =>
    setParams((current) => {
      const copy = new URLSearchParams(current);
      for (const [k, v] of Object.entries(next)) {
        if (v) copy.set(k, v);
        else copy.delete(k);
      }
      return copy;
    });

  return (
    <List headerButtons={<CreateButton>{t("customers.actions.register")}</CreateButton>}>
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Input.Search
          key={query}
          defaultValue={query}
          allowClear
          enterButton={t("customers.search.button")}
          placeholder={t("customers.search.placeholder")}
          style={{ maxWidth: 480 }}
          onSearch={(value) => update({ q: value.trim() || null })}
          data-testid="customer-search"
        />
        {query ? (
          <CustomerSearchResults query={query} nameOf={nameOf} canClaim={canClaim} />
        ) : (
          <>
            <Tabs
              activeKey={tab}
              onChange={(key) => update({ tab: key === "pool" ? "pool" : null })}
              items={[
                { key: "active", label: seesEveryone ? t("customers.tabs.all") : t("customers.tabs.mine") },
                { key: "pool", label: t("customers.tabs.pool") },
              ]}
            />
            {tab === "pool" && <Typography.Paragraph type="secondary">{t("customers.pool.hint")}</Typography.Paragraph>}
            <CustomerTable
              key={tab}
              projectId={project.projectId}
              pool={tab === "pool"}
              owners={seesEveryone ? consultants : undefined}
              canClaim={canClaim}
            />
          </>
        )}
      </Space>
    </List>
  );
}
