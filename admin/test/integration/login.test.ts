import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, useAdminBrowser } from "./support/browser.ts";

describe("登录 sign-in", () => {
  const admin = useAdminBrowser();

  it("a demo user signs in and sees the projects list with 云栖雅苑", async () => {
    const page = await admin.newPage();
    const surfaces: (string | undefined)[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/rest/v1/")) surfaces.push(request.headers()["x-surface"]);
    });

    await page.goto("/");
    await page.waitForURL(/\/login/);
    await page.getByRole("button", { name: /登\s*录/ }).waitFor();
    await admin.screenshot(page, "login");

    // Through the form, as a person signs in (elsewhere tests sign in without it).
    await page.getByLabel("邮箱").fill("consultant1@demo.local");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.getByTestId("welcome").waitFor();
    expect(await page.getByTestId("welcome").textContent()).toBe("欢迎，王芳");
    expect(await page.getByTestId("role-tags").first().textContent()).toContain("置业顾问");
    await admin.screenshot(page, "dashboard-consultant");

    await page.getByRole("menuitem").filter({ hasText: /^项目$/ }).click();
    await page.waitForURL(/\/projects/);
    const table = page.getByTestId("projects-table");
    await table.getByRole("cell", { name: "云栖雅苑" }).waitFor();
    for (const header of ["项目名称", "编号", "城市", "地址"]) {
      await table.getByRole("columnheader", { name: header }).waitFor();
    }
    expect(await table.getByRole("row", { name: /云栖雅苑/ }).textContent()).toContain("HZ-YQ");
    await admin.screenshot(page, "projects-list-consultant");

    // Every API request carried the surface the audit log records.
    expect(surfaces.length).toBeGreaterThan(0);
    expect(new Set(surfaces)).toEqual(new Set(["admin"]));
  });

  it("a wrong password is refused with a Chinese message", async () => {
    const page = await admin.newPage();
    await page.goto("/login");
    await page.getByLabel("邮箱").fill("consultant1@demo.local");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: /登\s*录/ }).click();
    const error = page.getByTestId("login-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("邮箱或密码错误");
    expect(new URL(page.url()).pathname).toBe("/login");
    await admin.screenshot(page, "login-wrong-password");
  });

  it("signing out returns to the login page, and protected pages send you there", async () => {
    const page = await admin.newPage();
    await admin.signIn(page, "manager");
    await page.getByTestId("user-menu").click();
    await page.locator(".ant-dropdown-menu").getByRole("menuitem", { name: "退出登录" }).click();
    await page.waitForURL(/\/login/);
    await page.goto("/projects");
    await page.waitForURL(/\/login/);
    await page.getByLabel("邮箱").waitFor();
  });
});
