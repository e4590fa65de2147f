import { describe, expect, it } from "vitest";
import { useAdminBrowser } from "./support/browser.ts";

describe("无权访问 access by role", () => {
  const admin = useAdminBrowser();

  it("a consultant opening an admin-only page by URL sees 无权访问", async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/projects/create", "consultant1");
    await page.getByText("无权访问").waitFor();
    expect(await page.getByTestId("no-access-required").textContent()).toContain("系统管理员");
    expect(await page.getByRole("textbox", { name: "项目名称" }).count()).toBe(0);
    await admin.screenshot(page, "no-access-consultant");

    // …and the list shows no 新建 / 编辑 buttons to them.
    await page.goto("/projects");
    await page.getByTestId("projects-table").getByRole("cell", { name: "云栖雅苑" }).waitFor();
    expect(await page.getByRole("button", { name: /新\s*建/ }).count()).toBe(0);
    expect(await page.locator("button.refine-edit-button").count()).toBe(0);
  });

  it("an admin opens the same page and gets the form", async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/projects", "admin");
    await page.getByTestId("projects-table").getByRole("cell", { name: "云栖雅苑" }).waitFor();
    await page.getByRole("button", { name: /新\s*建/ }).click();
    await page.waitForURL(/\/projects\/create/);
    await page.getByRole("textbox", { name: "项目名称" }).waitFor();
    expect(await page.getByText("无权访问").count()).toBe(0);
    await admin.screenshot(page, "project-create-admin");
  });
});
