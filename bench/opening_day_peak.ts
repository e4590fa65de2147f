import { OPENING_DAY_PEAK, openingDay } from "./opening_day.ts";

/** 开盘 at five times the office's size: 3,000 clients racing for 1,500 units (see opening_day.ts). */
export const bench = () => openingDay(OPENING_DAY_PEAK);

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await bench()));
}
