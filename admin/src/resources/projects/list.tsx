import { getDefaultSortOrder, List, useTable } from "@refinedev/antd";
import { Table } from "antd";
import { useTranslation } from "react-i18next";
import type { Project } from "./types.ts";
import { showEditColumn } from "../../components/show-edit-column.tsx";

/** 项目列表: 项目名称, 编号, 城市, 地址. */
export default function ProjectList() {
  const { t } = useTranslation();
  const { tableProps, sorters } = useTable<Project>({
    syncWithLocation: true,
    sorters: { initial: [{ field: "code", order: "asc" }] },
    meta: { select: "id, code, name, city, address" },
  });
  return (
    <List>
      <Table {...tableProps} rowKey="id" data-testid="projects-table">
        <Table.Column<Project> dataIndex="name" title={t("projects.fields.name")} sorter defaultSortOrder={getDefaultSortOrder("name", sorters)} />
        <Table.Column<Project> dataIndex="code" title={t("projects.fields.code")} sorter defaultSortOrder={getDefaultSortOrder("code", sorters)} />
        <Table.Column<Project> dataIndex="city" title={t("projects.fields.city")} sorter defaultSortOrder={getDefaultSortOrder("city", sorters)} />
        <Table.Column<Project> dataIndex="address" title={t("projects.fields.address")} />
        {showEditColumn<Project>(t("table.actions"))}
      </Table>
    </List>
  );
}
