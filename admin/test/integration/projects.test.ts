import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { useAdminBrowser } from "./support/browser.ts";

describe("项目 projects (admin)", () => {
  const admin = useAdminBrowser();

  it("an admin creates a project, sees it, and edits its rules", async () => {
    const code = `E2E-${crypto.randomBytes(3).toString("hex").toUpperCase()}`;
    const page = await admin.newPage();
    await admin.signInTo(page, "/projects/create", "admin");
    await page.getByRole("textbox", { name: "项目名称" }).fill("滨江壹号");
    await page.getByRole("textbox", { name: "编号" }).fill(code.toLowerCase());
    await page.getByRole("textbox", { name: "城市" }).fill("杭州");
    await page.getByRole("textbox", { name: "地址" }).fill("杭州市滨江区江南大道1号");
    await page.getByRole("button", { name: /保\s*存/ }).click();

    // Saved, then shown: with the code normalised and the database's default rules.
    await page.waitForURL(/\/projects\/show\//);
    await page.getByText(code, { exact: true }).waitFor();
    await page.getByText("30 天").first().waitFor();

    await page.getByRole("button", { name: /编\s*辑/ }).click();
    await page.waitForURL(/\/projects\/edit\//);
    const ownership = page.getByRole("spinbutton", { name: "客户权属保护天数" });
    await ownership.waitFor();
    expect(await ownership.inputValue()).toBe("30");
    await ownership.fill("45");
    await admin.screenshot(page, "project-edit-admin");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.waitForURL(/\/projects\/show\//);
    await page.getByText("45 天").waitFor();
    await admin.screenshot(page, "project-show-admin");

    await page.goto("/projects");
    await page.getByTestId("projects-table").getByRole("cell", { name: "滨江壹号" }).first().waitFor();
  });

  it("a duplicate code is refused with a Chinese message", async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/projects/create", "admin");
    await page.getByRole("textbox", { name: "项目名称" }).fill("重复的项目");
    await page.getByRole("textbox", { name: "编号" }).fill("HZ-YQ");
    await page.getByRole("textbox", { name: "城市" }).fill("杭州");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.locator(".ant-notification").getByText("项目创建失败").waitFor();
    await page.locator(".ant-form-item-explain-error", { hasText: "已存在相同的记录" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/projects/create");
    await admin.screenshot(page, "project-duplicate-code");
  });
});
