/**
 * The price list's columns (价目表): the template's Chinese headers, in order, and the key of
 * each in the rows import_price_list takes.
 */
export const PRICE_LIST_COLUMNS = [
  { key: "building_code", header: "楼栋", required: true },
  { key: "floor", header: "楼层", required: true },
  { key: "number", header: "房号", required: true },
  { key: "rooms", header: "室", required: true },
  { key: "halls", header: "厅", required: true },
  { key: "baths", header: "卫", required: true },
  { key: "building_area", header: "建筑面积", required: true },
  { key: "inner_area", header: "套内面积", required: false },
  { key: "orientation", header: "朝向", required: false },
  { key: "unit_price", header: "单价", required: true },
  { key: "list_price", header: "总价", required: true },
] as const;

export type PriceListKey = (typeof PRICE_LIST_COLUMNS)[number]["key"];
/** One row as sent to the database: every value as the sheet gave it, numbers as exact text. */
export type PriceListRow = Record<PriceListKey, string | null>;

export const HEADER_OF = Object.fromEntries(PRICE_LIST_COLUMNS.map((c) => [c.key, c.header])) as Record<PriceListKey, string>;

/** "建筑面积(㎡)", " 单价（元/㎡） " → "建筑面积", "单价": units in brackets and spaces do not matter. */
export const normalizeHeader = (header: string) =>
  header.replace(/\s+/g, "").replace(/[（(][^）)]*[）)]$/, "");

/**
 * The database words its row errors with column keys ("building_area 不是数字：一百"); people
 * know the columns by their headers ("建筑面积 不是数字：一百").
 */
export function withHeaders(message: string): string {
  return message.replace(/\b(building_code|floor|number|rooms|halls|baths|building_area|inner_area|orientation|unit_price|list_price)\b/g, (key) => HEADER_OF[key as PriceListKey]);
}
