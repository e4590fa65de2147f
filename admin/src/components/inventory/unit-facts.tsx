import { formatWan, formatYuan } from "@so/shared/money";
import { Descriptions } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { unitLayout } from "./board-filter.ts";
import type { BoardUnit } from "./use-sales-board.ts";

/** 房源信息: layout, areas, orientation, prices; who holds it and until when; why it is withheld. */
export function UnitFacts({ unit, column = 1 }: { unit: BoardUnit; column?: number }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={column} size="small" bordered data-testid="unit-facts">
      <Descriptions.Item label={t("units.fields.floor")}>{t("board.floor", { floor: unit.floor })}</Descriptions.Item>
      <Descriptions.Item label={t("units.fields.layout")}>{unitLayout(unit)}</Descriptions.Item>
      <Descriptions.Item label={t("units.fields.building_area")}>{unit.building_area} ㎡</Descriptions.Item>
      <Descriptions.Item label={t("units.fields.inner_area")}>{unit.inner_area ? `${unit.inner_area} ㎡` : "—"}</Descriptions.Item>
      <Descriptions.Item label={t("units.fields.orientation")}>{unit.orientation ?? "—"}</Descriptions.Item>
      <Descriptions.Item label={t("units.fields.unit_price")}>{t("units.perSquareMetre", { price: formatYuan(unit.unit_price) })}</Descriptions.Item>
      <Descriptions.Item label={t("units.fields.list_price")}>
        <span data-testid="unit-list-price">
          {formatYuan(unit.list_price)}（{formatWan(unit.list_price)}）
        </span>
      </Descriptions.Item>
      {unit.pending_price && (
        <Descriptions.Item label={t("units.fields.pending_price")}>
          <span data-testid="unit-pending-price">
            {t("units.pendingPrice", {
              price: formatYuan(unit.pending_price.new_list_price),
              pct: unit.pending_price.cut_pct,
            })}
          </span>
        </Descriptions.Item>
      )}
      {unit.status === "held" && (
        <>
          <Descriptions.Item label={t("units.fields.held_by")}>{unit.held_by_name ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("units.fields.held_for")}>{unit.held_for_name ?? t("units.hiddenCustomer")}</Descriptions.Item>
          <Descriptions.Item label={t("units.fields.hold_expires_at")}>
            {unit.hold_expires_at ? dayjs(unit.hold_expires_at).format("MM-DD HH:mm") : "—"}
          </Descriptions.Item>
        </>
      )}
      {unit.status === "withheld" && (
        <Descriptions.Item label={t("units.fields.withheld_reason")}>{unit.withheld_reason ?? "—"}</Descriptions.Item>
      )}
    </Descriptions>
  );
}
