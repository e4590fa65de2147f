import type { Locale, Translate } from "../../i18n/index.ts";
import type { UnitFilter } from "../../nlu/schema.ts";
import { formatClock, formatDateTime } from "../common/clock.ts";
import { areaText, formatWan, formatYuan, priceText } from "../common/format.ts";
import { PAGE_SIZE, unitLabel, type UnitDetail, type UnitLine } from "./search.ts";

/** 3栋 · 3室 · 110–130㎡ · 300万以内 · 10–20层 */
export function filterText(t: Translate, f: UnitFilter): string {
  const parts: string[] = [];
  if (f.building) parts.push(t("units.filter.building", { building: f.building }));
  if (f.rooms !== null) parts.push(t("units.filter.rooms", { rooms: f.rooms }));
  if (f.area_min !== null && f.area_max !== null) parts.push(`${f.area_min}–${areaText(f.area_max)}`);
  else if (f.area_min !== null) parts.push(t("register.areaMin", { area: areaText(f.area_min) }));
  else if (f.area_max !== null) parts.push(t("register.areaMax", { area: areaText(f.area_max) }));
  if (f.price_max_wan !== null) parts.push(t("units.filter.price", { wan: f.price_max_wan }));
  if (f.orientation) parts.push(t("units.filter.orientation", { orientation: f.orientation }));
  if (f.sort) parts.push(t(`units.filter.${f.sort}`));
  if (f.floor_min !== null && f.floor_max !== null && f.floor_min === f.floor_max) parts.push(t("units.filter.floor", { floor: f.floor_min }));
  else if (f.floor_min !== null || f.floor_max !== null) {
    parts.push(t("units.filter.floors", { from: f.floor_min ?? 1, to: f.floor_max === null ? "" : String(f.floor_max) }));
  }
  return parts.length > 0 ? parts.join(" · ") : t("units.filter.all");
}

export const unitLineText = (u: UnitLine) => `${unitLabel(u)}  ${u.layout}  ${areaText(u.building_area)}  ${formatWan(u.list_price)}`;

/** Words of the search not applied (高楼层, anything not understood): said, never dropped. */
export function ignoredText(t: Translate, f: UnitFilter): string | null {
  const words = [
    ...(f.floor_band ? [t(`units.band.${f.floor_band}`)] : []),
    ...(f.unparsed ?? []),
  ];
  return words.length > 0 ? t("units.ignored", { words: words.map((w) => `『${w}』`).join("、") }) : null;
}

/** The page of results as a message. */
export function listText(t: Translate, f: UnitFilter, units: UnitLine[], total: number, page: number): string {
  const ignored = ignoredText(t, f);
  if (total === 0) return [t("units.none", { filter: filterText(t, f) }), ...(ignored ? [ignored] : [])].join("\n");
  const pages = Math.ceil(total / PAGE_SIZE);
  return [
    ...(ignored ? [ignored] : []),
    t("units.found", { total, filter: filterText(t, f), page: page + 1, pages }),
    ...units.map((u, i) => `${page * PAGE_SIZE + i + 1}. ${unitLineText(u)}`),
    "",
    t("units.tapForCard"),
  ].join("\n");
}

/** One unit: everything the board knows, with its effective status. */
export function unitCardText(t: Translate, locale: Locale, u: UnitDetail, me: string): string {
  const lines = [
    t("units.card.title", { label: unitLabel(u), building: u.building_name, floor: u.floor }),
    t("units.card.layout", { layout: u.layout, orientation: u.orientation ?? t("unknown") }),
    u.inner_area
      ? t("units.card.areas", { area: areaText(u.building_area), inner: areaText(u.inner_area) })
      : t("units.card.area", { area: areaText(u.building_area) }),
    t("units.card.unitPrice", { price: formatYuan(u.unit_price) }),
    t("units.card.listPrice", { price: priceText(u.list_price) }),
    t("units.card.status", { status: t(`unitStatus.${u.status}`) }),
  ];
  if (u.status === "held" && u.hold_expires_at) {
    lines.push(
      u.held_by === me
        ? t("units.card.heldByMe", { until: formatClock(u.hold_expires_at) })
        : t("units.card.heldBy", { name: u.held_by_name ?? t("unknown"), until: formatDateTime(u.hold_expires_at, locale) }),
    );
  }
  return lines.join("\n");
}
