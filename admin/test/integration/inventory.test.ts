import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { building, newProject, PASSWORD, person, setStatus, units, viewShot, type Person } from "./inventory-fixtures.ts";
import { useAdminBrowser } from "./support/browser.ts";

/** 楼栋, 房源, 项目设置 (rules, 审批权限) and 优惠政策, each against its own throwaway project. */

describe("房源 buildings and units", () => {
  const admin = useAdminBrowser();
  let project: { id: string; name: string };
  let manager: Person;
  let a: Map<string, string>;

  beforeAll(async () => {
    project = await newProject("楼栋测试苑");
    manager = await person(project.id, "sales_manager", "楼栋经理");
    a = await units(project.id, await building(project.id, "A", 4, 1), 4, 3);
    await setStatus(a.get("103")!, "subscribed");
    await setStatus(a.get("402")!, "subscribed");
    await setStatus(a.get("201")!, "withheld");
  });

  it("a manager adds a building, sees it listed, and a duplicate code is refused on the field", async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/buildings/create", manager.email, PASSWORD);
    await page.getByRole("textbox", { name: "楼栋编号" }).fill("C");
    await page.getByRole("textbox", { name: "名称" }).fill("C栋");
    await page.getByRole("spinbutton", { name: "层数" }).fill("20");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.waitForURL(/\/buildings\/show\//);
    const [row] = await sql<{ name: string; floors: number }>("select name, floors from public.buildings where project_id = $1 and code = 'C'", [project.id]);
    expect(row).toEqual({ name: "C栋", floors: 20 });

    await page.goto("/buildings");
    const table = page.getByTestId("buildings-table");
    await table.getByRole("row", { name: /A栋.*12 套/ }).waitFor();
    await table.getByRole("row", { name: /C栋.*0 套/ }).waitFor();
    await viewShot(page, "buildings-list");

    await page.goto("/buildings/create");
    await page.getByRole("textbox", { name: "楼栋编号" }).fill("C");
    await page.getByRole("textbox", { name: "名称" }).fill("又一个C栋");
    await page.getByRole("spinbutton", { name: "层数" }).fill("10");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.locator(".ant-form-item-explain-error", { hasText: "已存在相同的记录" }).waitFor();
    expect(await sql("select 1 from public.buildings where project_id = $1 and code = 'C'", [project.id])).toHaveLength(1);
  });

  it("a building's page shows its grid; the units list filters by status and opens a unit", async () => {
    const page = await admin.newPage();
    await admin.signIn(page, manager.email, PASSWORD);
    const [{ id }] = await sql<{ id: string }>("select id from public.buildings where project_id = $1 and code = 'A'", [project.id]);
    await page.goto(`/buildings/show/${id}`);
    await page.locator("[data-testid=board-cell]").nth(11).waitFor();
    await viewShot(page, "building-show");

    await page.goto("/units");
    const table = page.getByTestId("units-table");
    await table.locator("tbody tr").nth(11).waitFor();
    await page.getByRole("combobox", { name: "状态" }).click();
    await page.locator(".ant-select-item-option", { hasText: "已认购" }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: /筛\s*选/ }).click();
    await expect.poll(() => table.locator("tbody tr.ant-table-row").count()).toBe(2);
    expect(await table.locator("tbody").innerText()).toContain("402");
    await viewShot(page, "units-list-filtered");

    await table.getByRole("row", { name: /103/ }).getByRole("button").click();
    await page.waitForURL(new RegExp(`/units/show/${a.get("103")}`));
    await page.getByTestId("unit-facts").getByText("3室2厅2卫").waitFor();
    await page.getByText("已认购").first().waitFor();
    await viewShot(page, "unit-show");
  });
});

describe("项目设置 rules, authority matrix and policies", () => {
  const admin = useAdminBrowser();
  let project: { id: string; name: string };
  let administrator: Person, consultant: Person;

  beforeAll(async () => {
    project = await newProject("设置测试苑");
    [administrator, consultant] = await Promise.all([
      person(project.id, "admin", "设置管理员"),
      person(project.id, "consultant", "设置顾问"),
    ]);
  });

  const matrix = () =>
    sql<{ max_depth_pct: string | null; chain: string }>(
      "select max_depth_pct, chain::text from public.approval_rules where project_id = $1 order by max_depth_pct nulls last",
      [project.id],
    );

  it("an admin changes the rules and the authority matrix; a bad matrix is refused next to the row", async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/project-settings", administrator.email, PASSWORD);

    const hold = page.getByRole("spinbutton", { name: "房源预留时长（分钟）" });
    await expect.poll(() => hold.inputValue()).toBe("30");
    await hold.fill("45");
    await page.getByTestId("rules-save").click();
    await page.locator(".ant-notification").getByText(/已保存/).waitFor();
    expect((await sql<{ hold_minutes: number }>("select hold_minutes from public.projects where id = $1", [project.id]))[0].hold_minutes).toBe(45);

    const rows = page.getByTestId("matrix-row");
    await expect.poll(() => rows.count()).toBe(4);
    const before = await matrix();
    const depth2 = rows.nth(1).getByRole("spinbutton", { name: "优惠幅度" });
    await depth2.fill("1.5"); // below the first rule's 2%
    await page.getByTestId("matrix-save").click();
    await rows.nth(1).locator(".ant-form-item-explain-error", { hasText: "幅度必须比上一条规则大" }).waitFor();
    await page.getByTestId("approval-matrix").scrollIntoViewIfNeeded();
    await viewShot(page, "project-settings-matrix-error");
    expect(await matrix()).toEqual(before);

    await depth2.fill("4");
    // the chain of the 8% rule loses its VP
    await rows.nth(2).locator(".ant-select-selection-item", { hasText: "主管副总" }).locator(".ant-select-selection-item-remove").click();
    await page.getByTestId("matrix-save").click();
    await page.locator(".ant-message").getByText("审批权限已保存").waitFor();
    expect(await page.getByTestId("approval-matrix").locator(".ant-form-item-explain-error").count()).toBe(0);
    expect(await matrix()).toEqual([
      { max_depth_pct: "2.00", chain: "{sales_manager}" },
      { max_depth_pct: "4.00", chain: "{sales_manager,marketing_director}" },
      { max_depth_pct: "8.00", chain: "{sales_manager,marketing_director}" },
      { max_depth_pct: null, chain: "{sales_manager,marketing_director,vp,gm}" },
    ]);
    const audit = await sql("select 1 from public.audit_log where project_id = $1 and action = 'approval_matrix.set'", [project.id]);
    expect(audit).toHaveLength(1);
    await page.getByTestId("approval-matrix").scrollIntoViewIfNeeded();
    await viewShot(page, "project-settings-admin");
  });

  it("an admin adds a policy (a factor above 1 is refused), audited by the table's trigger", async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/policies/create", administrator.email, PASSWORD);
    await page.getByRole("textbox", { name: "政策名称" }).fill("一次性付款98折");
    const value = page.getByRole("spinbutton", { name: "折扣系数" });
    await value.fill("1.5");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.locator(".ant-form-item-explain-error", { hasText: "折扣系数须大于 0、不超过 1" }).waitFor();
    await viewShot(page, "policy-create-error");
    await value.fill("0.98");
    await page.getByText("即 98 折").waitFor();
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.waitForURL(/\/policies$|\/policies\?/);
    await page.getByTestId("policies-table").getByRole("row", { name: /一次性付款98折.*98折.*不可叠加.*启用/ }).waitFor();
    await viewShot(page, "policies-list-admin");

    const [policy] = await sql<{ id: string; kind: string; value: string; stackable: boolean; active: boolean }>(
      "select id, kind, value, stackable, active from public.policies where project_id = $1", [project.id]);
    expect(policy).toMatchObject({ kind: "factor", value: "0.9800", stackable: false, active: true });
    const audit = await sql<{ actor: string; surface: string }>(
      "select actor, surface from public.audit_log where table_name = 'policies' and record_id = $1 and action = 'policies.insert'", [policy.id]);
    expect(audit).toEqual([{ actor: administrator.id, surface: "admin" }]);
  });

  it("a consultant reads the settings and policies but cannot change them", async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/project-settings", consultant.email, PASSWORD);
    await page.getByText("只有系统管理员可以修改").waitFor();
    await page.getByTestId("approval-matrix").getByText("≤ 2%").waitFor();
    expect(await page.getByTestId("rules-save").count()).toBe(0);
    expect(await page.getByRole("spinbutton", { name: "房源预留时长（分钟）" }).isDisabled()).toBe(true);
    await viewShot(page, "project-settings-consultant");

    await page.goto("/policies");
    await page.getByTestId("policies-table").waitFor();
    expect(await page.getByRole("button", { name: /新\s*建/ }).count()).toBe(0);
    await page.goto("/policies/create");
    await page.getByText("无权访问").waitFor();
  });
});
