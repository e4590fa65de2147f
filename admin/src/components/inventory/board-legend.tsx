import { useTranslation } from "react-i18next";
import type { BoardStats } from "./board-stats.ts";
import { STATUS_COLORS, UNIT_STATUSES } from "./unit-status.ts";

/** 图例: each status's colour and count, the total and the 去化率. */
export function BoardLegend({ stats }: { stats: BoardStats }) {
  const { t } = useTranslation();
  return (
    <div className="so-board-legend" data-testid="board-legend">
      {UNIT_STATUSES.map((status) => (
        <span key={status} className="so-board-legend-item" data-status={status}>
          <span className="so-board-swatch" style={{ background: STATUS_COLORS[status].background, borderColor: STATUS_COLORS[status].border }} />
          {t(`inventory.status.${status}`)}
          <strong data-testid={`legend-count-${status}`}>{stats.counts[status]}</strong>
        </span>
      ))}
      <span className="so-board-legend-item">
        {t("board.total")}
        <strong data-testid="legend-total">{stats.total}</strong>
      </span>
      <span className="so-board-legend-item so-board-legend-rate">
        {t("board.salesRate")}
        <strong data-testid="legend-sales-rate">{stats.salesRatePct}%</strong>
      </span>
    </div>
  );
}
