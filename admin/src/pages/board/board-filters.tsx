import { ClearOutlined } from "@ant-design/icons";
import { Button, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { isFiltering, NO_FILTER, type BoardFilter } from "../../components/inventory/board-filter.ts";
import { STATUS_COLORS, UNIT_STATUSES } from "../../components/inventory/unit-status.ts";
import type { BoardBuilding } from "../../components/inventory/use-sales-board.ts";

interface Props {
  buildings: BoardBuilding[];
  buildingId: string | undefined;
  onBuilding: (id: string | undefined) => void;
  filter: BoardFilter;
  onFilter: (filter: BoardFilter) => void;
  choices: { layouts: string[]; priceBands: string[] };
}

/** 楼栋, 状态, 户型, 总价区间: the board's filters (non-matching cells are dimmed, not removed). */
export function BoardFilters({ buildings, buildingId, onBuilding, filter, onFilter, choices }: Props) {
  const { t } = useTranslation();
  return (
    <Space wrap data-testid="board-filters">
      <Select
        aria-label={t("board.filters.building")}
        placeholder={t("board.filters.allBuildings")}
        allowClear
        value={buildingId}
        onChange={onBuilding}
        style={{ minWidth: 120 }}
        options={buildings.map((b) => ({ value: b.id, label: b.name }))}
      />
      <Select
        aria-label={t("board.filters.status")}
        mode="multiple"
        allowClear
        placeholder={t("board.filters.status")}
        value={filter.statuses}
        onChange={(statuses) => onFilter({ ...filter, statuses })}
        style={{ minWidth: 160 }}
        maxTagCount="responsive"
        options={UNIT_STATUSES.map((s) => ({
          value: s,
          label: (
            <Space size={6}>
              <span className="so-board-swatch" style={{ background: STATUS_COLORS[s].background, borderColor: STATUS_COLORS[s].border }} />
              {t(`inventory.status.${s}`)}
            </Space>
          ),
        }))}
      />
      <Select
        aria-label={t("board.filters.layout")}
        mode="multiple"
        allowClear
        placeholder={t("board.filters.layout")}
        value={filter.layouts}
        onChange={(layouts) => onFilter({ ...filter, layouts })}
        style={{ minWidth: 160 }}
        maxTagCount="responsive"
        options={choices.layouts.map((l) => ({ value: l, label: l }))}
      />
      <Select
        aria-label={t("board.filters.priceBand")}
        mode="multiple"
        allowClear
        placeholder={t("board.filters.priceBand")}
        value={filter.priceBands}
        onChange={(priceBands) => onFilter({ ...filter, priceBands })}
        style={{ minWidth: 180 }}
        maxTagCount="responsive"
        options={choices.priceBands.map((b) => ({ value: b, label: t("board.filters.band", { from: b, to: Number(b) + 100 }) }))}
      />
      {isFiltering(filter) && (
        <Button icon={<ClearOutlined />} onClick={() => onFilter(NO_FILTER)}>
          {t("board.filters.clear")}
        </Button>
      )}
    </Space>
  );
}
