import { findArea } from "../area.js";
import { findFloors } from "../floors.js";
import { FILLER, QUERY_WORDS } from "../keywords.js";
import { findAmounts } from "../money.js";
import { Remainder } from "../remainder.js";
import { findRooms } from "../rooms.js";
import type { QueryUnits } from "../schema.js";
import { findBuilding, findUnit, floorOfRoom, unitLabel } from "../units.js";

/**
 * 3栋还有三房吗 / 300万以内 120平左右 → a unit search. A specific unit (3-1203还在吗) becomes its
 * building and floor, and `unit` names it. Any total price that is not a lower bound is the
 * ceiling (300万, 300万左右, 250-300万 → 300; 300万以上 → none). Unit prices (2.8万/平) are
 * ignored: the filter has only a total price, and multiplying by an area would invent precision
 * the consultant did not give. Preferences with no bound (朝南, 最便宜, 高楼层) are kept as
 * optional fields, and words still not understood are listed in `unparsed`, never dropped.
 */
export function buildQuery(text: string): QueryUnits {
  const rest = new Remainder(text);
  const unit = rest.take(findUnit(text));
  const fullUnit = unit?.building ? unit : null;
  const building = fullUnit?.building ?? rest.take(findBuilding(text))?.building ?? null;
  const floors = rest.take(findFloors(text));
  const unitFloor = fullUnit ? floorOfRoom(fullUnit.room) : null;
  const area = rest.take(findArea(text));
  const rooms = rest.take(findRooms(text));
  const amounts = findAmounts(text);
  amounts.forEach((amount) => rest.blank(amount));
  const price = amounts.find((amount) => amount.bound !== "min");
  const orientation = rest.take(findOrientation(text));
  const sort = rest.take(findSort(text));
  const band = rest.take(findFloorBand(text));

  const filter: QueryUnits["filter"] = {
    building,
    rooms: rooms?.rooms ?? null,
    area_min: area?.min ?? null,
    area_max: area?.max ?? null,
    price_max_wan: price?.value ?? null,
    floor_min: floors?.min ?? unitFloor,
    floor_max: floors?.max ?? unitFloor,
  };
  if (fullUnit) filter.unit = unitLabel(fullUnit);
  if (orientation) filter.orientation = orientation.value;
  if (sort) filter.sort = sort.value;
  if (band) filter.floor_band = band.value;
  const unparsed = notUnderstood(rest);
  if (unparsed.length) filter.unparsed = unparsed;
  return { intent: "query_units", filter };
}

type Found<T> = { value: T; start: number; end: number };
const at = <T>(match: RegExpExecArray | null, value: (m: RegExpExecArray) => T): Found<T> | null =>
  match ? { value: value(match), start: match.index, end: match.index + match[0].length } : null;

/** 朝南 → 南, 南北通透 → 南北, 坐北朝南 → 南. */
function findOrientation(text: string): Found<string> | null {
  return (
    at(/南北通透|南北向/.exec(text), () => "南北") ??
    at(/(?:坐[东南西北]\s?)?朝\s?(东南|西南|东北|西北|东|南|西|北)(?:向)?|(东南|西南|东北|西北|东|南|西|北)向/.exec(text), (m) => (m[1] ?? m[2])!)
  );
}

/** 最便宜 / 总价最低 → price_asc; 最贵 → price_desc. */
function findSort(text: string): Found<"price_asc" | "price_desc"> | null {
  return (
    at(/最便宜|最低价|价格最低|总价最低|最实惠/.exec(text), () => "price_asc" as const) ??
    at(/最贵|价格最高|总价最高/.exec(text), () => "price_desc" as const)
  );
}

/** 高楼层 / 中间楼层 / 低楼层 (and 高层, 低区…). */
function findFloorBand(text: string): Found<"low" | "middle" | "high"> | null {
  return at(/(高|中间?|低|底)(?:楼层|层|区)/.exec(text), (m) => (m[1] === "高" ? "high" : m[1]!.startsWith("中") ? "middle" : "low"));
}

const QUERY_FILLER = new RegExp(
  `^(?:${FILLER.source}|${QUERY_WORDS.source}|还在吗?|在不在|还在不在|在么|卖了没|卖了吗|能卖吗|被锁|有没有被锁|几套|的|吗|么|呢|下|一下|帮我|帮忙|房源|在售|可售|多少|之间|以内|左右|[,.?!、，。？！:：]+)+$`,
);

/** What is left of a search once everything understood is blanked. */
function notUnderstood(rest: Remainder): string[] {
  rest.blankAll(new RegExp(QUERY_WORDS.source, "g"));
  return rest.text
    .split(/[\s,?!、，。？！:：]+/)
    .map((word) => word.replace(/^(?:还有|还剩|剩下|几套|几个|哪些|有没有|的)+|(?:的|吗|么|呢|吧)+$/g, ""))
    .filter((word) => word.length > 0 && !QUERY_FILLER.test(word));
}
