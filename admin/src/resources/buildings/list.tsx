import { List, useTable } from "@refinedev/antd";
import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { useCurrentProject } from "../../session/current-project.tsx";
import type { Building } from "./types.ts";
import { showEditColumn } from "../../components/show-edit-column.tsx";

/** 楼栋列表 of the current project: 编号, 名称, 层数, 房源套数. */
export default function BuildingList() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const { tableProps } = useTable<Building>({
    syncWithLocation: true,
    sorters: { initial: [{ field: "sort", order: "asc" }, { field: "code", order: "asc" }] },
    meta: { select: "id, code, name, floors, sort, units(count)" },
  });
  return (
    <List>
      <Table {...tableProps} rowKey="id" data-testid="buildings-table">
        <Table.Column<Building> dataIndex="name" title={t("buildings.fields.name")} />
        <Table.Column<Building> dataIndex="code" title={t("buildings.fields.code")} />
        <Table.Column<Building> dataIndex="floors" title={t("buildings.fields.floors")} />
        <Table.Column<Building>
          key="units"
          title={t("buildings.fields.units")}
          render={(_, b) => t("buildings.unitCount", { count: b.units?.[0]?.count ?? 0 })}
        />
        <Table.Column<Building> dataIndex="sort" title={t("buildings.fields.sort")} />
        {showEditColumn<Building>(t("table.actions"))}
      </Table>
    </List>
  );
}
