import { formatWan } from "@so/shared/money";
import { Fragment, memo, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { buildingGrid, cellKey } from "./board-layout.ts";
import { boardStats } from "./board-stats.ts";
import { matchesFilter, unitLayout, type BoardFilter } from "./board-filter.ts";
import { ensureStatusStyles } from "./status-styles.ts";
import { UNIT_STATUSES } from "./unit-status.ts";
import { wanText } from "./wan-text.ts";
import type { BoardBuilding, BoardUnit } from "./use-sales-board.ts";
import "./board.css";

ensureStatusStyles();

interface Props {
  building: BoardBuilding;
  /** This building's units. */
  units: readonly BoardUnit[];
  filter?: BoardFilter;
  /** Called with the unit's id when a cell is clicked; cells are not clickable without it. */
  onSelect?: (unitId: string) => void;
  selectedId?: string | null;
}

/**
 * One building of the 销控表: floors top to bottom, units left to right, each cell coloured by
 * status with its number, layout, area and total price. Cells are plain elements styled by CSS
 * (no tooltip or popover per cell) and clicks are handled once for the whole grid, so a board of
 * a thousand units renders at once.
 */
export const BuildingBoard = memo(function BuildingBoard({ building, units, filter, onSelect, selectedId }: Props) {
  const { t } = useTranslation();
  const grid = useMemo(() => buildingGrid(units), [units]);
  const stats = useMemo(() => boardStats(units), [units]);
  // Each cell's text once per data change, not on every render.
  const cellText = useMemo(() => {
    const label = Object.fromEntries(UNIT_STATUSES.map((s) => [s, t(`inventory.status.${s}`)]));
    return new Map(
      units.map((u) => {
        const layout = unitLayout(u);
        const price = wanText(u.list_price, formatWan);
        const newPrice = u.pending_price ? wanText(u.pending_price.new_list_price, formatWan) : null;
        const pending = newPrice ? t("board.pendingPrice", { price: newPrice }) : null;
        return [u.id, {
          lines: `${layout}\n${u.building_area}㎡`, price, pending,
          title: `${building.name} ${u.number} · ${label[u.status]} · ${layout} · ${u.building_area}㎡ · ${price}${newPrice ? ` · ${t("board.pendingPriceTitle", { price: newPrice })}` : ""}`,
        }];
      }),
    );
  }, [units, building.name, t]);

  // One handler for the whole grid (clicks and Enter/Space on a focused cell).
  const pick = (target: EventTarget) => {
    const id = (target as HTMLElement).closest<HTMLElement>("[data-unit-id]")?.dataset.unitId;
    if (id) onSelect?.(id);
  };

  return (
    <section className="so-board-building" data-testid="board-building" data-building-code={building.code}>
      <header className="so-board-building-head">
        <span className="so-board-building-name">{building.name}</span>
        <span className="so-board-building-stats">
          {t("board.buildingStats", {
            total: stats.total,
            available: stats.counts.available,
            sold: stats.sold,
            rate: stats.salesRatePct,
          })}
        </span>
      </header>
      {units.length === 0 ? (
        <div className="so-board-empty">{t("board.noUnitsInBuilding")}</div>
      ) : (
        <div
          className="so-board-grid"
          style={{ gridTemplateColumns: `var(--so-floor-w) repeat(${grid.columns.length}, var(--so-cell-w))` }}
          onClick={onSelect && ((e) => pick(e.target))}
          onKeyDown={onSelect && ((e) => (e.key === "Enter" || e.key === " ") && pick(e.target))}
          role={onSelect ? "grid" : undefined}
          aria-label={building.name}
        >
          <div className="so-board-corner" />
          {grid.columns.map((column) => (
            <div key={column} className="so-board-col-head">
              {column}
            </div>
          ))}
          {grid.floors.map((floor) => (
            <Fragment key={floor}>
              <div className="so-board-floor-head">{t("board.floor", { floor })}</div>
              {grid.columns.map((column) => {
                const unit = grid.cells.get(cellKey(floor, column));
                if (!unit) return <div key={column} className="so-board-gap" />;
                const text = cellText.get(unit.id)!;
                const dim = filter && !matchesFilter(unit, filter);
                return (
                  <div
                    key={column}
                    role="button"
                    tabIndex={onSelect ? 0 : undefined}
                    className={dim ? "so-cell so-cell--dim" : unit.id === selectedId ? "so-cell so-cell--selected" : "so-cell"}
                    data-testid="board-cell"
                    data-unit-id={unit.id}
                    data-status={unit.status}
                    title={text.title}
                  >
                    <b>{unit.number}</b>
                    <span>{text.lines}</span>
                    <strong>{text.price}</strong>
                    {text.pending && (
                      <em className="so-cell-pending" data-testid="board-cell-pending">
                        {text.pending}
                      </em>
                    )}
                  </div>
                );
              })}
            </Fragment>
          ))}
        </div>
      )}
    </section>
  );
});
