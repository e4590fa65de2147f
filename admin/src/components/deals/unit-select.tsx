import { useList } from "@refinedev/core";
import type { UnitStatus } from "@so/shared/enums";
import { Select, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { formatWan } from "../money.tsx";

/** A row of public.unit_board (销控表), as the deal forms use it. */
export interface BoardUnit {
  id: string;
  building_code: string;
  building_name: string;
  number: string;
  floor: number;
  layout: string;
  building_area: number;
  inner_area: number | null;
  orientation: string | null;
  unit_price: number;
  list_price: number;
  status: UnitStatus;
  held_by: string | null;
  held_by_name: string | null;
  held_for: string | null;
  hold_expires_at: string | null;
}

export const unitLabel = (u: Pick<BoardUnit, "building_code" | "number">) => `${u.building_code}-${u.number}`;

/** The project's units a deal could use now (effective status from the board), held ones marked. */
export function useDealUnits(projectId: string | undefined, statuses: BoardUnit["status"][] = ["available", "held"]) {
  return useList<BoardUnit>({
    resource: "unit_board",
    pagination: { mode: "off" },
    filters: [
      { field: "project_id", operator: "eq", value: projectId },
      { field: "status", operator: "in", value: statuses },
    ],
    sorters: [
      { field: "building_sort", order: "asc" },
      { field: "building_code", order: "asc" },
      { field: "floor", order: "asc" },
      { field: "number", order: "asc" },
    ],
    queryOptions: { enabled: Boolean(projectId) },
  });
}

/** 房源: search by 楼栋-房号; units held by me come first. */
export function UnitSelect({
  units,
  meId,
  value,
  onChange,
  testId = "unit-select",
}: {
  units: BoardUnit[];
  meId?: string;
  value?: string;
  onChange?: (id: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const mineFirst = [...units].sort((a, b) => Number(b.held_by === meId) - Number(a.held_by === meId));
  return (
    <Select
      data-testid={testId}
      showSearch
      value={value}
      onChange={onChange}
      placeholder={t("deals.unitSelect.placeholder")}
      optionFilterProp="search"
      options={mineFirst.map((u) => ({
        value: u.id,
        search: unitLabel(u),
        label: (
          <span>
            {unitLabel(u)} · {u.layout} · {u.building_area}㎡ · {formatWan(String(u.list_price))}{" "}
            {u.status === "held" && (
              <Tag color={u.held_by === meId ? "orange" : "default"}>
                {u.held_by === meId ? t("deals.unitSelect.heldByMe") : t("deals.unitSelect.heldBy", { name: u.held_by_name })}
              </Tag>
            )}
          </span>
        ),
      }))}
    />
  );
}
