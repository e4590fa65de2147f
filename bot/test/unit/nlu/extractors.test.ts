import { describe, expect, it } from "vitest";
import { findArea } from "../../../src/nlu/area.js";
import { findDiscount } from "../../../src/nlu/discount.js";
import { findFloors } from "../../../src/nlu/floors.js";
import { findAmounts } from "../../../src/nlu/money.js";
import { normalizeText } from "../../../src/nlu/normalize.js";
import { findPhones } from "../../../src/nlu/phones.js";
import { findRooms } from "../../../src/nlu/rooms.js";
import { findBuilding, findUnit, unitLabel } from "../../../src/nlu/units.js";

const n = normalizeText;

describe("findDiscount", () => {
  it.each([
    ["97折", 0.97],
    ["九七折", 0.97],
    ["九五折", 0.95],
    ["9.5折", 0.95],
    ["九点五折", 0.95],
    ["9折", 0.9],
    ["九折", 0.9],
    ["98.5折", 0.985],
    ["优惠3个点", 0.97],
    ["让2个点", 0.98],
    ["让两个点", 0.98],
    ["优惠1.5个点", 0.985],
    ["再让2点", 0.98],
  ])("%s → %d", (text, rate) => {
    expect(findDiscount(text)?.rate).toBe(rate);
  });

  it.each(["便宜一点", "打折吗", "折扣", "3点到"])("finds no rate in %s", (text) => {
    expect(findDiscount(text)).toBeNull();
  });
});

describe("findUnit / findBuilding", () => {
  it.each([
    ["3栋1203", "3-1203"],
    ["3号楼1203室", "3-1203"],
    ["3-1203", "3-1203"],
    ["3#1203", "3-1203"],
    ["3幢1203", "3-1203"],
    ["A栋1203", "A-1203"],
    ["b座802", "B-802"],
    ["十一号楼502", "11-502"],
    ["1203", "1203"],
    ["1203室", "1203"],
  ])("%s → %s", (text, label) => {
    const unit = findUnit(text);
    expect(unit && unitLabel(unit)).toBe(label);
  });

  it("does not read areas, prices, years or ranges as rooms", () => {
    expect(findUnit("120平")).toBeNull();
    expect(findUnit("300万")).toBeNull();
    expect(findUnit("2026年")).toBeNull();
    expect(findUnit("90-120平")).toBeNull();
    expect(findUnit("11号楼100到120平")?.building ?? null).toBeNull();
  });

  it.each([
    ["3栋", "3"],
    ["三号楼", "3"],
    ["5#", "5"],
    ["A座", "A"],
    ["a栋", "A"],
  ])("building %s → %s", (text, building) => {
    expect(findBuilding(text)?.building).toBe(building);
  });
});

describe("findAmounts", () => {
  it("reads totals in 万 in both scripts", () => {
    expect(findAmounts("300万")[0]).toMatchObject({ value: 300, bound: "about" });
    expect(findAmounts("三百万")[0]?.value).toBe(300);
    expect(findAmounts("两百五十万")[0]?.value).toBe(250);
    expect(findAmounts("300w")[0]?.value).toBe(300);
    expect(findAmounts("预算280")[0]?.value).toBe(280);
  });

  it("knows ceilings, floors and ranges", () => {
    expect(findAmounts("300万以内")[0]?.bound).toBe("max");
    expect(findAmounts("不超过400万")[0]).toMatchObject({ value: 400, bound: "max" });
    expect(findAmounts("300万以上")[0]?.bound).toBe("min");
    expect(findAmounts("250-300万")[0]).toMatchObject({ low: 250, value: 300, bound: "max" });
  });

  it("never returns unit prices or partial payments", () => {
    expect(findAmounts("2.8万/平")).toEqual([]);
    expect(findAmounts("3万一平")).toEqual([]);
    expect(findAmounts("单价2.8万")).toEqual([]);
    expect(findAmounts("首付100万")).toEqual([]);
  });
});

describe("findArea", () => {
  it("treats a single area as ±10 m²", () => {
    expect(findArea("120平")).toMatchObject({ min: 110, max: 130 });
    expect(findArea("120平左右")).toMatchObject({ min: 110, max: 130 });
    expect(findArea(n("一百二十平米"))).toMatchObject({ min: 110, max: 130 });
    expect(findArea(n("120㎡"))).toMatchObject({ min: 110, max: 130 });
  });

  it("reads ranges and open bounds", () => {
    expect(findArea("90-120平")).toMatchObject({ min: 90, max: 120 });
    expect(findArea("90到120平")).toMatchObject({ min: 90, max: 120 });
    expect(findArea("120平以上")).toMatchObject({ min: 120, max: null });
    expect(findArea("90平以下")).toMatchObject({ min: null, max: 90 });
    expect(findArea("100多平")).toMatchObject({ min: 100, max: 110 });
  });

  it("ignores unit prices", () => {
    expect(findArea("3万一平")).toBeNull();
    expect(findArea("2.8万/平")).toBeNull();
  });
});

describe("findRooms", () => {
  it.each([
    ["三房", 3],
    ["3房", 3],
    ["两房", 2],
    ["三室两厅", 3],
    ["3室2厅2卫", 3],
    ["四居室", 4],
    ["大三房", 3],
  ])("%s → %d", (text, rooms) => {
    expect(findRooms(text)?.rooms).toBe(rooms);
  });

  it("does not read room numbers or 一房一价", () => {
    expect(findRooms("1203室")).toBeNull();
    expect(findRooms("一房一价")).toBeNull();
    expect(findRooms("房源")).toBeNull();
  });
});

describe("findFloors", () => {
  it("reads bounds and ranges", () => {
    expect(findFloors("10层以上")).toMatchObject({ min: 10, max: null });
    expect(findFloors("10楼以上")).toMatchObject({ min: 10, max: null });
    expect(findFloors("15层以下")).toMatchObject({ min: null, max: 15 });
    expect(findFloors("10到20层")).toMatchObject({ min: 10, max: 20 });
    expect(findFloors("十二层")).toMatchObject({ min: 12, max: 12 });
  });

  it("gives no bounds for 高楼层 / 低楼层 and ignores 号楼", () => {
    expect(findFloors("高楼层")).toMatchObject({ min: null, max: null });
    expect(findFloors("低楼层")).toMatchObject({ min: null, max: null });
    expect(findFloors("3号楼")).toBeNull();
  });
});

describe("findPhones", () => {
  it("reads full numbers in any spelling and masked numbers", () => {
    expect(findPhones(n("+86 138 1234 5678")).map((p) => p.phone)).toEqual(["13812345678"]);
    expect(findPhones("138-1234-5678").map((p) => p.phone)).toEqual(["13812345678"]);
    expect(findPhones(n("１３８１２３４５６７８")).map((p) => p.phone)).toEqual(["13812345678"]);
    expect(findPhones("138****5678")).toMatchObject([{ phone: "138****5678", masked: true }]);
    expect(findPhones("138xxxx5678")).toMatchObject([{ phone: "138****5678", masked: true }]);
  });

  it("includes a label such as 电话: in the span", () => {
    const text = "张三 电话:13812345678 来访";
    const [phone] = findPhones(text);
    expect(text.slice(phone!.start, phone!.end)).toBe("电话:13812345678");
  });

  it("ignores numbers that are not mobiles", () => {
    expect(findPhones("12345678901")).toEqual([]);
    expect(findPhones("3-1203 1502")).toEqual([]);
    expect(findPhones("138123456789")).toEqual([]);
  });
});
