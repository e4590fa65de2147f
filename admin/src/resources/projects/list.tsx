import { EditButton, getDefaultSortOrder, List, ShowButton, useTable } from "@refinedev/antd";
import { Space, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { Project } from "./types.ts";

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
        <Table.Column<Project>
          title={t("table.actions")}
          dataIndex="actions"
          render={(_, record) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={record.id} />
              <EditButton hideText size="small" recordItemId={record.id} />
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
