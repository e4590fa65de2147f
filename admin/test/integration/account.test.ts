import { describe, expect, it } from "vitest";
import { useAdminBrowser } from "./support/browser.ts";
import { createProject, createStaff, DEMO_PROJECT_ID } from "./support/users.ts";

describe("账号 account: password, projects, language", () => {
  const admin = useAdminBrowser();

  it("修改密码: a wrong current password is refused; the new one works at the next sign-in", async () => {
    const person = await createStaff({
      name: "测试顾问",
      password: "old-password-1",
      roles: [{ projectId: DEMO_PROJECT_ID, role: "consultant" }],
    });
    const page = await admin.newPage();
    await admin.signIn(page, person.email, "old-password-1");
    await page.getByTestId("user-menu").click();
    await page.locator(".ant-dropdown-menu").getByRole("menuitem", { name: "修改密码" }).click();
    await page.waitForURL(/\/account\/password/);

    const fill = async (current: string, next: string) => {
      await page.getByLabel("当前密码").fill(current);
      await page.getByLabel("新密码", { exact: true }).fill(next);
      await page.getByLabel("确认新密码").fill(next);
      await page.getByRole("button", { name: "保存新密码" }).click();
    };
    await fill("not-my-password", "new-password-2");
    const outcome = page.getByTestId("password-outcome");
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain("当前密码不正确");

    await fill("old-password-1", "new-password-2");
    await page.getByText("密码已修改").waitFor();
    await admin.screenshot(page, "password-changed");

    const fresh = await admin.newPage();
    await fresh.goto("/login");
    await fresh.getByLabel("邮箱").fill(person.email);
    await fresh.getByLabel("密码").fill("old-password-1");
    await fresh.getByRole("button", { name: /登\s*录/ }).click();
    await fresh.getByText("邮箱或密码错误").waitFor();
    await admin.signIn(fresh, person.email, "new-password-2");
  });

  it("with the system set to less motion, menus open and close at once; they slide again when it is unset", async () => {
    const page = await admin.newPage(); // asks for less motion
    await admin.signIn(page, "consultant1");
    // The classes of a motion's running steps (antd's `…-enter-start`, `…-enter-active`, …) as they are
    // put on. A popup's first step, `…-prepare`, comes either way: it places the popup before it shows.
    await page.evaluate(() => {
      const moving: string[] = ((window as unknown as { moving: string[] }).moving = []);
      const note = (el: Element) => {
        const name = el.getAttribute("class") ?? "";
        if (/-(appear|enter|leave)-(start|active)\b/.test(name)) moving.push(name);
      };
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === "attributes") note(record.target as Element);
          for (const node of record.addedNodes) if (node instanceof Element) [node, ...node.querySelectorAll("*")].forEach(note);
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
    });
    const moving = () => page.evaluate(() => (window as unknown as { moving: string[] }).moving);
    const menu = page.locator(".ant-dropdown:not(.ant-dropdown-hidden)");
    const openAndClose = async () => {
      await page.getByTestId("user-menu").click();
      await menu.getByRole("menuitem", { name: "修改密码" }).waitFor();
      await page.getByTestId("user-menu").click();
      await menu.waitFor({ state: "hidden" });
    };

    await openAndClose();
    expect(await moving()).toEqual([]);

    await page.emulateMedia({ reducedMotion: "no-preference" });
    await openAndClose();
    const steps = (await moving()).map((name) => name.match(/-(enter|leave)-(start|active)\b/)?.[0]);
    expect(steps).toEqual(expect.arrayContaining(["-enter-active", "-leave-active"]));
  });

  it("a person in two projects switches project; roles follow, and the choice is remembered", async () => {
    const second = await createProject("望江府");
    const person = await createStaff({
      name: "双项目经理",
      password: "two-projects-1",
      roles: [
        { projectId: DEMO_PROJECT_ID, role: "consultant" },
        { projectId: second.id, role: "sales_manager" },
      ],
    });
    const page = await admin.newPage();
    await admin.signIn(page, person.email, "two-projects-1");
    const switcher = page.getByTestId("project-switcher");
    const roleTags = page.locator("header").getByTestId("role-tags");

    expect(await switcher.textContent()).toContain("云栖雅苑");
    expect(await roleTags.textContent()).toBe("置业顾问");

    await switcher.click();
    await page.getByRole("option", { name: /望江府/ }).click();
    await page.locator("header").getByText("销售经理").waitFor();
    expect(await roleTags.textContent()).toBe("销售经理");
    await admin.screenshot(page, "project-switched");

    await page.reload();
    await page.getByTestId("welcome").waitFor();
    expect(await page.getByTestId("project-switcher").textContent()).toContain("望江府");
  });

  it("English is one click away and is remembered", async () => {
    const page = await admin.newPage();
    await admin.signIn(page, "finance");
    await page.getByTestId("language-switch").click();
    await page.getByText("Welcome, 赵会计").waitFor();
    await page.getByRole("menuitem", { name: "Projects" }).waitFor();
    await page.reload();
    await page.getByText("Welcome, 赵会计").waitFor();
    await admin.screenshot(page, "dashboard-english");
    await page.getByTestId("language-switch").click();
    await page.getByText("欢迎，赵会计").waitFor();
  });
});
