import { CN_NUMERALS, parseChineseInteger } from "./numbers.js";
import { spanOf, type Found } from "./span.js";

/**
 * Units (房号) and buildings (楼栋): 3栋1203, 3号楼1203室, 3-1203, 3#1203, 3幢1203, A栋1203, 三号楼.
 * A unit is written `<building>-<room>`; with no building in the message it is just the room.
 */

export type UnitMention = Found<{ building: string | null; room: string }>;
export type BuildingMention = Found<{ building: string }>;

const BUILDING_ID = `([A-Za-z]|\\d{1,2}|[${CN_NUMERALS}]{1,3})`;
const BUILDING_WORD = "(?:栋|幢|座|号楼|#楼?)";
const ROOM = "(\\d{3,4})";
const ROOM_END = "(?:室|号房?)?(?![\\d.万wW平层楼年月天元到至~-])";

const FULL_UNIT = new RegExp(`(?<![\\d.A-Za-z-])${BUILDING_ID}\\s?(?:${BUILDING_WORD}|-)\\s?${ROOM}${ROOM_END}`);
const BARE_ROOM = new RegExp(`(?<![\\d.\\-/:*])${ROOM}(?:室|号房?|房)?(?![\\d.:万wW平层楼年月天元%折个点/*到至~-])`);
const BUILDING_ONLY = new RegExp(`(?<![\\d.A-Za-z])${BUILDING_ID}\\s?${BUILDING_WORD}`);

export function findUnit(text: string): UnitMention | null {
  const full = FULL_UNIT.exec(text);
  if (full) {
    const building = buildingLabel(full[1]!);
    if (building !== null) return { building, room: full[2]!, ...spanOf(full) };
  }
  const bare = BARE_ROOM.exec(text);
  return bare ? { building: null, room: bare[1]!, ...spanOf(bare) } : null;
}

export function findBuilding(text: string): BuildingMention | null {
  const match = BUILDING_ONLY.exec(text);
  if (!match) return null;
  const building = buildingLabel(match[1]!);
  return building === null ? null : { building, ...spanOf(match) };
}

export function unitLabel(unit: { building: string | null; room: string }): string {
  return unit.building === null ? unit.room : `${unit.building}-${unit.room}`;
}

/** 1203 → floor 12, 502 → floor 5: the usual Chinese room numbering. */
export function floorOfRoom(room: string): number {
  return Math.floor(Number(room) / 100);
}

function buildingLabel(id: string): string | null {
  if (/^[A-Za-z]$/.test(id)) return id.toUpperCase();
  if (/^\d+$/.test(id)) return String(Number(id));
  const value = parseChineseInteger(id);
  return value === null || value === 0 ? null : String(value);
}
