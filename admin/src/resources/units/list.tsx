import { SearchOutlined } from "@ant-design/icons";
import { getDefaultSortOrder, List, ShowButton, useTable } from "@refinedev/antd";
import { useList, type CrudFilters, type HttpError } from "@refinedev/core";
import { formatWan, formatYuan } from "@so/shared/money";
import { wanToYuan } from "@so/shared/wan";
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { UnitStatusTag } from "../../components/inventory/unit-status-tag.tsx";
import { UNIT_STATUSES } from "../../components/inventory/unit-status.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import type { UnitBoardRow } from "./types.ts";

interface UnitSearch {
  building_id?: string;
  status?: string[];
  rooms?: number;
  number?: string;
  price_min_wan?: number;
  price_max_wan?: number;
}


/** 房源列表: every unit of the current project with its effective status, filterable. */
export default function UnitList() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const { result: buildings } = useList<{ id: string; name: string }>({
    resource: "buildings",
    sorters: [{ field: "sort", order: "asc" }],
    pagination: { mode: "off" },
    meta: { select: "id, name" },
  });
  const { tableProps, searchFormProps, sorters } = useTable<UnitBoardRow, HttpError, UnitSearch>({
    resource: "unit_board",
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: {
      initial: [
        { field: "building_sort", order: "asc" },
        { field: "floor", order: "asc" },
        { field: "number", order: "asc" },
      ],
    },
    onSearch: (v) => {
      const filters: CrudFilters = [
        { field: "building_id", operator: "eq", value: v.building_id || undefined },
        { field: "status", operator: "in", value: v.status?.length ? v.status : undefined },
        { field: "rooms", operator: "eq", value: v.rooms ?? undefined },
        { field: "number", operator: "contains", value: v.number?.trim() || undefined },
        { field: "list_price", operator: "gte", value: v.price_min_wan ? wanToYuan(v.price_min_wan) : undefined },
        { field: "list_price", operator: "lte", value: v.price_max_wan ? wanToYuan(v.price_max_wan) : undefined },
      ];
      return filters;
    },
    meta: {
      select:
        "id, building_id, building_name, building_sort, floor, number, layout, building_area, unit_price, list_price, status, held_by_name, hold_expires_at",
    },
  });

  return (
    <List>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form {...searchFormProps} layout="inline" data-testid="units-filters" style={{ rowGap: 8 }}>
          <Form.Item name="building_id" label={t("units.fields.building")}>
            <Select allowClear placeholder={t("board.filters.allBuildings")} style={{ width: 120 }} options={buildings.data.map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
          <Form.Item name="status" label={t("units.fields.status")}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t("units.filters.anyStatus")}
              style={{ minWidth: 160 }}
              options={UNIT_STATUSES.map((s) => ({ value: s, label: t(`inventory.status.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="rooms" label={t("units.fields.rooms")}>
            <Select
              allowClear
              placeholder={t("units.filters.anyRooms")}
              style={{ width: 100 }}
              options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: t("units.filters.rooms", { n }) }))}
            />
          </Form.Item>
          <Form.Item name="number" label={t("units.fields.number")}>
            <Input allowClear placeholder="1203" style={{ width: 100 }} />
          </Form.Item>
          <Form.Item label={t("units.filters.price")}>
            <Space.Compact>
              <Form.Item name="price_min_wan" noStyle>
                <InputNumber min={0} precision={0} placeholder={t("units.filters.min")} style={{ width: 90 }} aria-label={t("units.filters.priceMin")} />
              </Form.Item>
              <Form.Item name="price_max_wan" noStyle>
                <InputNumber min={0} precision={0} placeholder={t("units.filters.max")} addonAfter="万" style={{ width: 130 }} aria-label={t("units.filters.priceMax")} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t("buttons.filter")}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Table {...tableProps} rowKey="id" size="middle" data-testid="units-table" scroll={{ x: "max-content" }}>
        <Table.Column<UnitBoardRow> dataIndex="building_name" title={t("units.fields.building")} />
        <Table.Column<UnitBoardRow> dataIndex="number" title={t("units.fields.number")} sorter defaultSortOrder={getDefaultSortOrder("number", sorters)} />
        <Table.Column<UnitBoardRow> dataIndex="floor" title={t("units.fields.floor")} sorter defaultSortOrder={getDefaultSortOrder("floor", sorters)} />
        <Table.Column<UnitBoardRow> dataIndex="layout" title={t("units.fields.layout")} />
        <Table.Column<UnitBoardRow>
          dataIndex="building_area"
          title={t("units.fields.building_area")}
          sorter
          align="right"
          render={(v: number) => `${String(v)} ㎡`}
        />
        <Table.Column<UnitBoardRow> dataIndex="unit_price" title={t("units.fields.unit_price")} align="right" render={(v: number) => formatYuan(String(v))} />
        <Table.Column<UnitBoardRow>
          dataIndex="list_price"
          title={t("units.fields.list_price")}
          sorter
          align="right"
          render={(v: number) => (
            <span title={formatYuan(String(v))}>{formatWan(String(v))}</span>
          )}
        />
        <Table.Column<UnitBoardRow> dataIndex="status" title={t("units.fields.status")} render={(s) => <UnitStatusTag status={s} />} />
        <Table.Column<UnitBoardRow>
          key="hold"
          title={t("units.fields.held_by")}
          render={(_, u) =>
            u.status === "held" ? (
              <Typography.Text type="secondary">
                {t("units.heldUntil", { name: u.held_by_name ?? "—", at: dayjs(u.hold_expires_at).format("HH:mm") })}
              </Typography.Text>
            ) : null
          }
        />
        <Table.Column<UnitBoardRow>
          title={t("table.actions")}
          key="actions"
          render={(_, u) => <ShowButton hideText size="small" resource="units" recordItemId={u.id} />}
        />
      </Table>
    </List>
  );
}
