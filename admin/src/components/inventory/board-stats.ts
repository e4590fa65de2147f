import { SOLD_STATUSES, UNIT_STATUSES, type UnitStatus } from "./unit-status.ts";

export interface BoardStats {
  total: number;
  counts: Record<UnitStatus, number>;
  sold: number;
  /** 去化率 in percent, one decimal ("37.5"); "0.0" for no units. */
  salesRatePct: string;
}

/** Counts per status and the 去化率: (已认购 + 已签约) ÷ all units. */
export function boardStats(units: readonly { status: UnitStatus }[]): BoardStats {
  const counts = Object.fromEntries(UNIT_STATUSES.map((s) => [s, 0])) as Record<UnitStatus, number>;
  for (const unit of units) counts[unit.status] += 1;
  const sold = SOLD_STATUSES.reduce((n, s) => n + counts[s], 0);
  // Integer arithmetic to the tenth of a percent, rounded half up.
  const tenths = units.length ? Math.round((sold * 1000) / units.length) : 0;
  return { total: units.length, counts, sold, salesRatePct: `${Math.floor(tenths / 10)}.${tenths % 10}` };
}
