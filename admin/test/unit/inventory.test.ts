import { formatWan } from "@so/shared/money";
import { describe, expect, it } from "vitest";
import { priceBandOf } from "../../src/components/inventory/board-filter.ts";
import { buildingGrid, positionOf } from "../../src/components/inventory/board-layout.ts";
import { boardStats } from "../../src/components/inventory/board-stats.ts";
import type { BoardUnit } from "../../src/components/inventory/use-sales-board.ts";
import { wanText } from "../../src/components/inventory/wan-text.ts";
import { normalizeHeader, withHeaders } from "../../src/pages/price-list/columns.ts";
import { parseCsv, toCsv } from "../../src/pages/price-list/csv.ts";
import { cellText, rowsFromGrid } from "../../src/pages/price-list/read-sheet.ts";

const unit = (floor: number, number: string, status: BoardUnit["status"] = "available") =>
  ({ id: `${floor}-${number}`, floor, number, status }) as BoardUnit;

describe("销控表 grid", () => {
  it("places units by floor (top to bottom) and position (left to right)", () => {
    expect(positionOf({ floor: 12, number: "1203" })).toBe("03");
    expect(positionOf({ floor: 1, number: "101" })).toBe("01");
    expect(positionOf({ floor: 3, number: "A1" })).toBe("A1");
    const grid = buildingGrid([unit(1, "102"), unit(2, "201"), unit(1, "101"), unit(10, "1010"), unit(10, "1002")]);
    expect(grid.floors).toEqual([10, 2, 1]);
    expect(grid.columns).toEqual(["01", "02", "10"]);
    expect(grid.cells.get("10|10")?.number).toBe("1010");
  });

  it("counts statuses and the sales rate (认购 + 签约 of all units)", () => {
    const stats = boardStats([unit(1, "101", "subscribed"), unit(1, "102", "signed"), unit(1, "103", "held"), unit(1, "104", "withheld"), unit(1, "105"), unit(1, "106")]);
    expect(stats.counts).toEqual({ available: 2, held: 1, subscribed: 1, signed: 1, withheld: 1 });
    expect(stats.salesRatePct).toBe("33.3");
    expect(boardStats([]).salesRatePct).toBe("0.0");
    expect(boardStats([unit(1, "101", "signed"), unit(1, "102"), unit(1, "103")]).salesRatePct).toBe("33.3");
    expect(boardStats([unit(1, "101", "signed"), unit(1, "102", "signed"), unit(1, "103")]).salesRatePct).toBe("66.7");
  });

  it("writes 万 exactly as formatWan, from the digits", () => {
    for (const amount of ["3698809.18", "1000000", "2856000.00", "2914285.71", "0.5", "99.99", "123456789012.34", "4995.00", "5000"]) {
      expect(wanText(amount, formatWan)).toBe(formatWan(amount));
    }
    expect(wanText("-1", () => "fallback")).toBe("fallback");
  });

  it("bands prices by 100万", () => {
    expect(priceBandOf("3698809.18")).toBe("300");
    expect(priceBandOf("999999.99")).toBe("0");
    expect(priceBandOf("10000000")).toBe("1000");
  });
});

describe("价目表 files", () => {
  it("parses and writes CSV as spreadsheets do", () => {
    const rows = [["楼栋", "总价"], ["1", "2,670,000.00"], ["2", 'say "hi"\nthere'], ["", ""]];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
    expect(parseCsv("a,b\r\n1,2")).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("reads rows by their Chinese headers, keeps line numbers, and names missing headers", () => {
    const grid = [
      [null, null],
      ["楼栋", "楼层", "房号", "室", "厅", "卫", "建筑面积(㎡)", "单价（元/㎡）", "总价"],
      ["1", "12", "1203", "3", "2", "2", "118.36", "31250.5", "3698809.18"],
      [null, null, null],
      ["2", "1", "101", "2", "1", "1", "89", "30000", "2670000"],
    ];
    const read = rowsFromGrid(grid);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.rows.map((r) => r.line)).toEqual([3, 5]);
    expect(read.rows[0].values).toMatchObject({ building_code: "1", number: "1203", building_area: "118.36", inner_area: null, orientation: null });
    expect(rowsFromGrid([["楼栋", "房号"], ["1", "101"]])).toMatchObject({ ok: false, problem: "missingHeaders", missing: ["楼层", "室", "厅", "卫", "建筑面积", "单价", "总价"] });
    expect(normalizeHeader(" 建筑面积 (㎡) ")).toBe("建筑面积");
  });

  it("takes cells as exact text: numbers, formulas by result, rich text", () => {
    expect(cellText(3698809.18)).toBe("3698809.18");
    expect(cellText({ formula: "A1*B1", result: 2670000 } as never)).toBe("2670000");
    expect(cellText({ richText: [{ text: "南北" }, { text: "通透" }] } as never)).toBe("南北通透");
    expect(cellText("  ")).toBeNull();
  });

  it("names columns by their headers in the database's messages", () => {
    expect(withHeaders("building_area 不是数字：一百")).toBe("建筑面积 不是数字：一百");
    expect(withHeaders("缺少 list_price")).toBe("缺少 总价");
  });
});
