import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { building, newProject, PASSWORD, person, type Person } from "./inventory-fixtures.ts";
import { useAdminBrowser } from "./support/browser.ts";

/** 价目表: every bad row shown and nothing changed; a clean file applied whole; export ⇄ import. */

const HEADERS = ["楼栋", "楼层", "房号", "室", "厅", "卫", "建筑面积", "套内面积", "朝向", "单价", "总价"];
type Cell = string | number | null;

/** 31250.5 × 118.36 = 3698809.18 */
const good = (b: string, number: string, over: Partial<Record<string, Cell>> = {}): Cell[] => {
  const row: Record<string, Cell> = {
    楼栋: b, 楼层: Number(number.slice(0, -2)), 房号: number, 室: 3, 厅: 2, 卫: 2,
    建筑面积: 118.36, 套内面积: 92.1, 朝向: "南北通透", 单价: 31250.5, 总价: 3698809.18, ...over,
  };
  return HEADERS.map((h) => row[h] ?? null);
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "price-list-e2e-"));

async function xlsxFile(name: string, rows: Cell[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("价目表");
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  const file = path.join(tmp, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

function csvFile(name: string, rows: Cell[][]): string {
  const file = path.join(tmp, name);
  const field = (v: Cell) => (v === null ? "" : /[",]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  fs.writeFileSync(file, "\uFEFF" + [HEADERS, ...rows].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n");
  return file;
}

interface UnitRow {
  code: string;
  floor: number;
  number: string;
  rooms: number;
  halls: number;
  baths: number;
  building_area: string;
  inner_area: string | null;
  orientation: string | null;
  unit_price: string;
  list_price: string;
  status: string;
  updated_at: Date;
}
const unitsOf = (projectId: string) =>
  sql<UnitRow>(
    `select b.code, u.floor, u.number, u.rooms, u.halls, u.baths, u.building_area, u.inner_area, u.orientation,
            u.unit_price, u.list_price, u.status, u.updated_at
       from public.units u join public.buildings b on b.id = u.building_id
      where u.project_id = $1 order by b.code, u.number`,
    [projectId],
  );

describe("价目表 price list", () => {
  const admin = useAdminBrowser();
  let project: { id: string; code: string; name: string };
  let manager: Person;

  beforeAll(async () => {
    project = await newProject("价目表测试苑");
    manager = await person(project.id, "sales_manager", "价目表经理");
    await building(project.id, "1", 30, 1);
    await building(project.id, "2", 30, 2);
  });

  const openPage = async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/price-list", manager.email, PASSWORD);
    await page.getByTestId("price-list-import").waitFor();
    return page;
  };
  const upload = (page: Page, file: string) => page.getByTestId("price-list-upload").locator("input[type=file]").setInputFiles(file);
  const line = (page: Page, n: number) => page.locator(`[data-testid=price-list-preview] tr[data-line="${n}"]`);

  it("offers a template with the Chinese headers", async () => {
    const page = await openPage();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载 Excel 模板" }).click()]);
    const file = path.join(tmp, "template.xlsx");
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets[0].getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(workbook.worksheets[0].rowCount).toBe(1);
  });

  it("shows every bad row with its reason and changes nothing", async () => {
    const page = await openPage();
    const file = await xlsxFile("bad.xlsx", [
      good("1", "101"), // line 2: fine
      good("9", "201"), // line 3: unknown building
      good("1", "301"), // line 4
      good("1", "301"), // line 5: duplicate of line 4
      good("1", "401", { 建筑面积: "一百" }), // line 6: area not a number
      good("2", "501", { 单价: "三万" }), // line 7: price not a number
      good("2", "601", { 总价: 3698900 }), // line 8: total ≠ unit price × area
      good("2", "701"), // line 9: fine
    ]);
    await upload(page, file);
    const summary = page.getByTestId("price-list-errors");
    await summary.waitFor();
    expect(await summary.innerText()).toContain("共 8 行，其中 5 行有问题");
    expect(await summary.innerText()).toContain("未做任何修改");
    expect(await page.getByTestId("price-list-apply").count()).toBe(0);

    expect(await line(page, 3).getByTestId("row-errors").innerText()).toContain("楼栋 9 不存在");
    expect(await line(page, 5).getByTestId("row-errors").innerText()).toContain("房号 1-301 在文件中重复");
    expect(await line(page, 6).getByTestId("row-errors").innerText()).toContain("建筑面积 不是数字：一百");
    expect(await line(page, 7).getByTestId("row-errors").innerText()).toContain("单价 不是数字：三万");
    expect(await line(page, 8).getByTestId("row-errors").innerText()).toMatch(/总价 3698900 与 单价 31250\.5 × 面积 118\.36 = 3698809\.18 不符/);
    for (const fine of [2, 4, 9]) expect(await line(page, fine).getByTestId("row-errors").count()).toBe(0);
    // the bad cell itself is marked
    expect(await line(page, 6).locator("td.so-price-bad-cell").innerText()).toBe("一百");
    await admin.screenshot(page, "price-list-errors");

    await page.getByRole("switch", { name: "只看有问题的行" }).click();
    await expect.poll(() => page.locator("[data-testid=price-list-preview] tbody tr[data-line]").count()).toBe(5);

    expect(await unitsOf(project.id)).toEqual([]);
    expect(await sql("select 1 from public.audit_log where project_id = $1 and action = 'price_list.import'", [project.id])).toEqual([]);
  });

  it("imports the corrected file, every row in one go", async () => {
    const page = await openPage();
    const rows = [
      good("1", "101"),
      good("1", "102", { 室: 2, 卫: 1, 建筑面积: 89, 套内面积: 70.2, 朝向: "南", 单价: 30000, 总价: "2,670,000.00" }),
      good("1", "301"),
      good("1", "401"),
      good("2", "501"),
      good("2", "601"),
      good("2", "701", { 套内面积: null, 朝向: null }),
    ];
    await upload(page, csvFile("fixed.csv", rows));
    const clean = page.getByTestId("price-list-clean");
    await clean.waitFor();
    expect(await clean.innerText()).toContain("7 行全部校验通过");
    expect(await clean.innerText()).toContain("将新增 7 套");
    expect(await unitsOf(project.id)).toEqual([]); // checked, not applied
    await admin.screenshot(page, "price-list-clean");

    await page.getByTestId("price-list-apply").click();
    await page.getByTestId("price-list-applied").getByText("导入完成：7 行").waitFor();
    await admin.screenshot(page, "price-list-applied");

    const stored = await unitsOf(project.id);
    expect(stored.map((u) => `${u.code}-${u.number}`)).toEqual(["1-101", "1-102", "1-301", "1-401", "2-501", "2-601", "2-701"]);
    expect(stored.every((u) => u.status === "available")).toBe(true);
    expect(stored[1]).toMatchObject({ rooms: 2, baths: 1, building_area: "89.00", inner_area: "70.20", unit_price: "30000.00", list_price: "2670000.00" });
    expect(stored[0]).toMatchObject({ building_area: "118.36", unit_price: "31250.50", list_price: "3698809.18", orientation: "南北通透" });
    expect(stored[6]).toMatchObject({ inner_area: null, orientation: null });
  });

  for (const format of ["xlsx", "csv"] as const) {
    it(`exports the list as ${format} and imports it back unchanged`, async () => {
      const before = await unitsOf(project.id);
      expect(before.length).toBe(7);
      const page = await openPage();
      await page.getByTestId("price-list-export").getByText("7 套房源").waitFor();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: format === "xlsx" ? "导出 Excel" : "导出 CSV" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^价目表-${project.code}-\\d{8}-\\d{4}\\.${format}$`));
      const file = path.join(tmp, `export.${format}`);
      await download.saveAs(file);

      if (format === "xlsx") {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file);
        expect(workbook.worksheets[0].getRow(1).values).toEqual([undefined, ...HEADERS]);
      } else {
        expect(fs.readFileSync(file, "utf8").split("\r\n")[0]).toBe(`\uFEFF${HEADERS.join(",")}`);
      }

      await upload(page, file);
      const clean = page.getByTestId("price-list-clean");
      await clean.waitFor();
      expect(await clean.innerText()).toContain("将新增 0 套、更新 0 套（其中调价 0 套），7 套无变化");
      await page.getByTestId("price-list-apply").click();
      await page.getByTestId("price-list-applied").waitFor();
      const after = await unitsOf(project.id);
      const strip = (rows: UnitRow[]) => rows.map(({ updated_at: _, ...rest }) => rest);
      expect(strip(after)).toEqual(strip(before));
    });
  }
});
