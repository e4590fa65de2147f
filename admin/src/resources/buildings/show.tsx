import { Show } from "@refinedev/antd";
import { useGo, useShow } from "@refinedev/core";
import { Descriptions, Space } from "antd";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { BoardLegend } from "../../components/inventory/board-legend.tsx";
import { boardStats } from "../../components/inventory/board-stats.ts";
import { BuildingBoard } from "../../components/inventory/building-board.tsx";
import { useSalesBoard } from "../../components/inventory/use-sales-board.ts";
import type { Building } from "./types.ts";

/** 楼栋详情: the building and its 销控 grid; a click opens the unit. */
export default function BuildingShow() {
  const { t } = useTranslation();
  const go = useGo();
  const { result: building, query } = useShow<Building>({ meta: { select: "id, code, name, floors, sort" } });
  const { board } = useSalesBoard();
  const units = useMemo(() => (board?.units ?? []).filter((u) => u.building_id === building?.id), [board, building?.id]);
  const stats = useMemo(() => boardStats(units), [units]);
  const boardBuilding = board?.buildings.find((b) => b.id === building?.id);
  const open = useCallback((id: string) => go({ to: `/units/show/${id}` }), [go]);
  return (
    <Show isLoading={query.isLoading}>
      {building && (
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          <Descriptions bordered size="small" column={{ xs: 1, md: 4 }}>
            <Descriptions.Item label={t("buildings.fields.name")}>{building.name}</Descriptions.Item>
            <Descriptions.Item label={t("buildings.fields.code")}>{building.code}</Descriptions.Item>
            <Descriptions.Item label={t("buildings.fields.floors")}>{building.floors}</Descriptions.Item>
            <Descriptions.Item label={t("buildings.fields.units")}>{t("buildings.unitCount", { count: units.length })}</Descriptions.Item>
          </Descriptions>
          <BoardLegend stats={stats} />
          {boardBuilding && <BuildingBoard building={boardBuilding} units={units} onSelect={open} />}
        </Space>
      )}
    </Show>
  );
}
