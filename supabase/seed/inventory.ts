import { DEMO_PROJECT_ID, demoUserId } from "./accounts.ts";
import { createRandom, demoId, sqlText } from "./random.ts";

/**
 * 云栖雅苑 inventory: three buildings, 282 units, realistic layouts and prices rising with the
 * floor. list_price = round(unit_price × building_area, 2), so every row passes the price-list
 * import check. All units are available except the few withheld ones below and two fresh holds
 * (which lapse by themselves after the project's hold_minutes); subscriptions and contracts are
 * made by the deals seed through the database functions.
 */

export interface SeedBuilding {
  id: string;
  code: string;
  name: string;
  floors: number;
  /** unit layout per position 01..06 */
  stack: readonly Layout[];
  basePrice: number;
}

interface Layout {
  rooms: number;
  halls: number;
  baths: number;
  area: number;
  orientation: string;
}

const L89 = (orientation: string): Layout => ({ rooms: 2, halls: 2, baths: 1, area: 89, orientation });
const L118 = (orientation: string): Layout => ({ rooms: 3, halls: 2, baths: 2, area: 118, orientation });
const L128 = (orientation: string): Layout => ({ rooms: 3, halls: 2, baths: 2, area: 128, orientation });
const L143 = (orientation: string): Layout => ({ rooms: 4, halls: 2, baths: 2, area: 143, orientation });

export const SEED_BUILDINGS: readonly SeedBuilding[] = [
  { id: demoId("aa010000", 1), code: "1", name: "1栋", floors: 18, basePrice: 29800,
    stack: [L118("南北通透"), L89("南"), L89("南"), L118("南北通透"), L128("东南"), L143("南北通透")] },
  { id: demoId("aa010000", 2), code: "2", name: "2栋", floors: 18, basePrice: 30400,
    stack: [L143("南北通透"), L118("南"), L89("南"), L89("南"), L118("南北通透"), L128("西南")] },
  { id: demoId("aa010000", 3), code: "3", name: "3栋", floors: 11, basePrice: 32600,
    stack: [L128("南北通透"), L143("南北通透"), L118("南"), L118("南"), L143("南北通透"), L128("东南")] },
];

export interface SeedUnit {
  id: string;
  buildingId: string;
  buildingCode: string;
  floor: number;
  number: string;
  rooms: number;
  halls: number;
  baths: number;
  buildingArea: number;
  innerArea: number;
  orientation: string;
  unitPrice: number;
  listPrice: number;
}

/** Every unit, deterministic: ids aa020000-…-<n>, n = 1.. in building, floor, position order. */
export function seedUnits(): SeedUnit[] {
  const random = createRandom(20261123);
  const units: SeedUnit[] = [];
  for (const b of SEED_BUILDINGS) {
    for (let floor = 1; floor <= b.floors; floor++) {
      b.stack.forEach((layout, i) => {
        const position = i + 1;
        // Higher floors cost more (≈ +160/㎡ per floor), the top two a little less (西晒/顶层),
        // end units and 南北通透 a premium, plus a little noise — all to the yuan.
        const top = floor > b.floors - 2 ? -300 : 0;
        const premium = (position === 1 || position === 6 ? 300 : 0) + (layout.orientation === "南北通透" ? 200 : 0);
        const unitPrice = b.basePrice + floor * 160 + top + premium + random.int(-4, 4) * 10;
        const buildingArea = layout.area + random.int(0, 3) * 0.01 * 10; // 89.00 / 89.10 / 89.20 / 89.30
        const area = Math.round(buildingArea * 100) / 100;
        units.push({
          id: demoId("aa020000", units.length + 1),
          buildingId: b.id,
          buildingCode: b.code,
          floor,
          number: `${floor}${String(position).padStart(2, "0")}`,
          rooms: layout.rooms,
          halls: layout.halls,
          baths: layout.baths,
          buildingArea: area,
          innerArea: Math.round(area * 0.78 * 100) / 100,
          orientation: layout.orientation,
          unitPrice,
          // exact decimal: unitPrice is whole yuan and area has two decimals, so cents are exact
          listPrice: Math.round(unitPrice * Math.round(area * 100)) / 100,
        });
      });
    }
  }
  return units;
}

/** Kept off the market by management (销控): the developer's reserve on the top floors. */
export const SEED_WITHHELD: readonly { building: string; number: string; reason: string }[] = [
  { building: "1", number: "1806", reason: "开发商保留房源" },
  { building: "2", number: "1801", reason: "开发商保留房源" },
  { building: "3", number: "1101", reason: "样板间，暂不销售" },
  { building: "3", number: "1102", reason: "样板间，暂不销售" },
];

/** Two live holds by consultant1 for their customers (lapse after 30 minutes by themselves). */
export const SEED_HOLDS: readonly { building: string; number: string; customerN: number }[] = [
  { building: "1", number: "1205", customerN: 1 },
  { building: "2", number: "905", customerN: 2 },
];

/** Units the deals seed must leave alone (withheld or held here). */
export const SEED_UNITS_IN_USE = [...SEED_WITHHELD, ...SEED_HOLDS].map((u) => `${u.building}-${u.number}`);

export function seedUnitId(building: string, number: string): string {
  const unit = seedUnits().find((u) => u.buildingCode === building && u.number === number);
  if (!unit) throw new Error(`no seed unit ${building}-${number}`);
  return unit.id;
}

export function inventorySql(): string {
  const buildings = SEED_BUILDINGS.map(
    (b, i) => `  (${sqlText(b.id)}, ${sqlText(DEMO_PROJECT_ID)}, ${sqlText(b.code)}, ${sqlText(b.name)}, ${b.floors}, ${i + 1})`,
  ).join(",\n");
  const units = seedUnits()
    .map(
      (u) =>
        `  (${sqlText(u.id)}, ${sqlText(u.buildingId)}, ${u.floor}, ${sqlText(u.number)}, ${u.rooms}, ${u.halls}, ${u.baths}, ` +
        `${u.buildingArea.toFixed(2)}, ${u.innerArea.toFixed(2)}, ${sqlText(u.orientation)}, ${u.unitPrice.toFixed(2)}, ${u.listPrice.toFixed(2)})`,
    )
    .join(",\n");
  const withheld = SEED_WITHHELD.map(
    (w) =>
      `update public.units set status = 'withheld', withheld_reason = ${sqlText(w.reason)}, withheld_at = now() - interval '20 days' ` +
      `where id = ${sqlText(seedUnitId(w.building, w.number))};`,
  ).join("\n");
  return `-- Inventory: 云栖雅苑, 3 buildings, ${seedUnits().length} units.
insert into public.buildings (id, project_id, code, name, floors, sort)
values
${buildings};

insert into public.units (id, project_id, building_id, floor, number, rooms, halls, baths, building_area, inner_area,
                          orientation, unit_price, list_price)
select v.id::uuid, ${sqlText(DEMO_PROJECT_ID)}, v.building_id::uuid, v.floor, v.number, v.rooms, v.halls, v.baths,
       v.building_area, v.inner_area, v.orientation, v.unit_price, v.list_price
from (values
${units}
) as v(id, building_id, floor, number, rooms, halls, baths, building_area, inner_area, orientation, unit_price, list_price);

${withheld}
`;
}

/** Holds reference customers, so they are applied after the customers seed. */
export function inventoryHoldsSql(customerId: (n: number) => string): string {
  return `-- Two live holds (lapse after 25 minutes).\n${SEED_HOLDS.map(
    (h) =>
      `update public.units set status = 'held', held_by = ${sqlText(demoUserId("consultant1@demo.local"))}, ` +
      `held_for = ${sqlText(customerId(h.customerN))}, hold_expires_at = now() + interval '25 minutes' ` +
      `where id = ${sqlText(seedUnitId(h.building, h.number))};`,
  ).join("\n")}\n`;
}
