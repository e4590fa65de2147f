import { layoutText } from "@so/shared/layout";
import type { BoardUnit } from "./use-sales-board.ts";
import type { UnitStatus } from "./unit-status.ts";

/** The board's filters; an empty list means "any". Cells that do not match are dimmed. */
export interface BoardFilter {
  statuses: UnitStatus[];
  layouts: string[];
  /** Price bands by their lower bound in 万: "300" = 300–400万. */
  priceBands: string[];
}

export const NO_FILTER: BoardFilter = { statuses: [], layouts: [], priceBands: [] };

/** Price bands are 100万 wide. */
const BAND_YUAN = 1_000_000;

export const unitLayout = (u: Pick<BoardUnit, "rooms" | "halls" | "baths">) => layoutText(u);

/**
 * The band of a total price, from its whole yuan (the decimal string's integer part, exact as an
 * integer): 3698809.18 → "300".
 */
export function priceBandOf(listPrice: string): string {
  const yuan = Number(listPrice.split(".")[0]);
  return String(Math.floor(yuan / BAND_YUAN) * (BAND_YUAN / 10_000));
}

export const isFiltering = (f: BoardFilter) => f.statuses.length + f.layouts.length + f.priceBands.length > 0;

export function matchesFilter(unit: BoardUnit, f: BoardFilter): boolean {
  return (
    (!f.statuses.length || f.statuses.includes(unit.status)) &&
    (!f.layouts.length || f.layouts.includes(unitLayout(unit))) &&
    (!f.priceBands.length || f.priceBands.includes(priceBandOf(unit.list_price)))
  );
}

const byNumber = (a: string, b: string) => Number(a) - Number(b);
const naturalOrder = new Intl.Collator("zh-CN", { numeric: true }).compare;

/** The layouts and price bands present, for the filters' choices. */
export function filterChoices(units: readonly BoardUnit[]) {
  const layouts = new Set<string>();
  const bands = new Set<string>();
  for (const u of units) {
    layouts.add(unitLayout(u));
    bands.add(priceBandOf(u.list_price));
  }
  return { layouts: [...layouts].sort(naturalOrder), priceBands: [...bands].sort(byNumber) };
}
