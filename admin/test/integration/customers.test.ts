import { describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { ok, PROJECT as DEMO_PROJECT_ID, userId } from "../../../supabase/tests/support/sales.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { createProject, createStaff } from "./support/users.ts";
import { customerOf, customerRow, pick, throwawayName, throwawayPhone } from "./support/customers-fixtures.ts";

describe("客户 customers (admin)", { timeout: 180_000 }, () => { // several screens per test: slow on a busy machine
  const admin = useAdminBrowser();

  it("登记客户：手机号规范化，新客户归登记的顾问", async () => {
    const phone = throwawayPhone();
    const name = throwawayName("新客");
    const page = await admin.newPage();
    await admin.signInTo(page, "/customers/create", "consultant1");
    await page.getByLabel("姓名").fill(name);
    await page.getByLabel("手机号").fill(`+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`);
    await page.getByLabel("姓名").click(); // leaving the field shows the normalised number
    await expect.poll(() => page.getByLabel("手机号").inputValue()).toBe(phone); // the re-render may lag the blur
    await pick(page, page, "意向等级", "B 三个月内购买");
    await page.getByLabel("最小面积").fill("110");
    await page.getByLabel("最大面积").fill("130");
    await page.getByLabel("预算上限").fill("420");
    await admin.screenshot(page, "customer-register-form");
    await page.getByRole("button", { name: /登\s*记/ }).click();
    await page.getByTestId("register-outcome").getByText(`新客户：${name} 已登记在您名下`).waitFor();
    const [created] = await sql("select owner_id, grade, area_min, area_max, budget_max from public.customers where phone = $1", [phone]);
    expect(created).toEqual({ owner_id: userId("consultant1"), grade: "B", area_min: "110.00", area_max: "130.00", budget_max: "4200000.00" });
  });

  it("第二位顾问登记同一手机号看到撞单（原顾问姓名），权属不变", async () => {
    const first = await customerOf("consultant1", throwawayName("撞单"));
    const page = await admin.newPage();
    await admin.signInTo(page, "/customers/create", "consultant2");
    await page.getByLabel("姓名").fill("另一个名字");
    await page.getByLabel("手机号").fill(first.phone);
    await page.getByRole("button", { name: /登\s*记/ }).click();
    await page.getByTestId("register-outcome").getByText("撞单：该客户已是 王芳 的客户").waitFor();
    await admin.screenshot(page, "customer-register-collision");
    expect((await customerRow(first.id)).owner_id).toBe(userId("consultant1"));
    const collisions = await sql("select status, claimant_id, claimant_name from public.customer_collisions where customer_id = $1", [first.id]);
    expect(collisions).toEqual([{ status: "open", claimant_id: userId("consultant2"), claimant_name: "另一个名字" }]);
  });

  it("经理裁定撞单（须填写理由）：转给登记人，结果显示在列表中", async () => {
    const first = await customerOf("consultant1", throwawayName("裁定"));
    const second = await ok("consultant2", "register_customer", { p_project_id: DEMO_PROJECT_ID, p_name: "来访张总", p_phone: first.phone, p_source: "walk_in" });
    expect(second.outcome).toBe("collision");

    const page = await admin.newPage();
    await admin.signInTo(page, "/customer_collisions", "manager");
    const row = page.getByTestId("collisions-table").locator("tr", { hasText: first.name });
    await row.waitFor();
    await admin.screenshot(page, "customer-collisions");
    await row.getByRole("button", { name: /裁\s*定/ }).click();
    const form = page.getByTestId("rule-form");
    await form.getByText("转给登记人").click();
    await page.getByRole("button", { name: "确认裁定" }).click();
    await form.getByText("请填写裁定理由").waitFor();
    await form.getByLabel("裁定理由").fill("客户表示一直由陈磊接待");
    await admin.screenshot(page, "customer-collision-rule");
    await page.getByRole("button", { name: "确认裁定" }).click();
    await form.waitFor({ state: "detached" });

    await page.getByRole("tab", { name: "已裁定" }).click();
    const ruled = page.getByTestId("collisions-table").locator("tr", { hasText: first.name });
    await ruled.getByText("已转给登记人").waitFor();
    await ruled.getByText("现归属：陈磊").waitFor();
    await ruled.getByText(/客户表示一直由陈磊接待/).waitFor();
    expect((await customerRow(first.id)).owner_id).toBe(userId("consultant2"));
    expect((await sql("select status, decision_reason, decided_by from public.customer_collisions where id = $1", [second.collision_id]))[0]).toEqual({
      status: "transferred",
      decision_reason: "客户表示一直由陈磊接待",
      decided_by: userId("manager"),
    });
  });

  it("按手机尾号（后4位）搜索找到客户；看不到同事受保护的客户", async () => {
    const mine = await customerOf("consultant1", throwawayName("尾号"));
    const theirs = await customerOf("consultant2", throwawayName("同事"));

    const page = await admin.newPage();
    await admin.signInTo(page, "/customers", "consultant1");
    // The newest customers come first: my own is on the first page, the colleague's is not listed.
    await page.getByTestId("customers-table").getByText(mine.name).waitFor();
    expect(await page.getByTestId("customers-table").getByText(theirs.name).count()).toBe(0);
    await admin.screenshot(page, "customers-list-consultant");

    await page.getByPlaceholder("手机号、尾号（后4位）或姓名").fill(mine.phone.slice(-4));
    await page.getByPlaceholder("手机号、尾号（后4位）或姓名").press("Enter");
    await page.getByTestId("search-table").getByText(mine.name).waitFor();
    await page.getByTestId("search-summary").getByText(/按手机尾号/).waitFor();
    await admin.screenshot(page, "customers-search-tail");

    // Searching the colleague's full number finds nothing; their page says so too.
    await page.getByPlaceholder("手机号、尾号（后4位）或姓名").fill(theirs.phone);
    await page.getByPlaceholder("手机号、尾号（后4位）或姓名").press("Enter");
    await page.getByTestId("search-summary").getByText(/找到 0 位客户/).waitFor();
    await page.goto(`/customers/show/${theirs.id}`);
    await page.getByText("记录不存在或您无权查看").waitFor();
  });

  it("公客池列出超期客户，认领后归认领的顾问", async () => {
    const lapsed = await customerOf("consultant1", throwawayName("公客"));
    await sql("update public.customers set owned_since = now() - interval '45 days', last_follow_up_at = null where id = $1", [lapsed.id]);

    const page = await admin.newPage();
    await admin.signInTo(page, "/customers?tab=pool", "consultant2");
    const row = page.getByTestId("pool-table").locator("tr", { hasText: lapsed.name });
    await row.waitFor();
    await row.getByText("王芳").waitFor(); // the previous owner
    await admin.screenshot(page, "customers-pool");
    await row.getByRole("button", { name: /认\s*领/ }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: /认\s*领/ }).click();
    await page.getByText(`已认领，${lapsed.name} 现归您跟进`).waitFor();
    await page.getByTestId("pool-table").locator("tr", { hasText: lapsed.name }).waitFor({ state: "detached" });
    expect((await customerRow(lapsed.id)).owner_id).toBe(userId("consultant2"));

    await page.getByRole("tab", { name: "我的客户" }).click();
    await page.getByTestId("customers-table").getByText(lapsed.name).waitFor();
  });

  it("标记流失必须填写原因；编辑意向等级与需求", async () => {
    const c = await customerOf("consultant1", throwawayName("流失"));
    const page = await admin.newPage();
    await admin.signInTo(page, `/customers/show/${c.id}`, "consultant1");
    await page.getByTestId("customer-owner").getByText("王芳").waitFor();

    await page.getByRole("button", { name: "编辑需求" }).click();
    const edit = page.getByTestId("customer-edit-form");
    await pick(page, edit, "意向等级", "A 一个月内购买");
    await edit.getByLabel("意向居室").fill("3");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await edit.waitFor({ state: "detached" });
    await page.getByTestId("customer-profile").getByText("A 一个月内购买").waitFor();
    expect(await customerRow(c.id)).toMatchObject({ grade: "A", rooms: 3 });

    await page.getByRole("button", { name: "标记流失" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "标记流失" }).click();
    await dialog.getByText("请填写流失原因").waitFor();
    expect((await customerRow(c.id)).status).toBe("new");
    await dialog.getByLabel("流失原因").fill("已在其他楼盘购房");
    await dialog.getByRole("button", { name: "标记流失" }).click();
    await page.getByTestId("customer-profile").getByText("已在其他楼盘购房").waitFor();
    expect(await customerRow(c.id)).toMatchObject({ status: "lost", lost_reason: "已在其他楼盘购房" });
    await page.getByTestId("customer-profile").getByText("流失", { exact: true }).waitFor();
    await admin.screenshot(page, "customer-show-consultant");
  });

  it("经理查看客户的完整时间线（含认购、收款与操作记录）", async () => {
    const [deal] = await sql<{ customer_id: string; name: string }>(
      `select p.customer_id, c.name from public.payments p join public.customers c on c.id = p.customer_id
        group by p.customer_id, c.name order by count(*) desc limit 1`,
    );
    const page = await admin.newPage();
    await admin.signInTo(page, `/customers/show/${deal.customer_id}`, "manager");
    const timeline = page.getByTestId("customer-timeline");
    await timeline.getByTestId("timeline-payment").first().waitFor();
    await timeline.getByTestId("timeline-subscription").first().waitFor();
    await timeline.getByTestId("timeline-audit").first().waitFor(); // the audit trail: managers only
    await timeline.getByText(/¥[\d,]+\.\d\d/).first().waitFor();
    await admin.screenshot(page, "customer-show-manager");
  });

  it("经理把离职顾问的客户转给另一位顾问", async () => {
    const project = await createProject("转移测试项目");
    const password = "demo-password";
    const leaving = await createStaff({ name: throwawayName("离职"), password, roles: [{ projectId: project.id, role: "consultant" }] });
    const staying = await createStaff({ name: throwawayName("接手"), password, roles: [{ projectId: project.id, role: "consultant" }] });
    const boss = await createStaff({ name: "转移经理", password, roles: [{ projectId: project.id, role: "sales_manager" }] });
    const names = [throwawayName("甲"), throwawayName("乙")];
    for (const name of names) {
      await ok(leaving.email, "register_customer", { p_project_id: project.id, p_name: name, p_phone: throwawayPhone(), p_source: "call" });
    }
    const [stayingName] = await sql<{ name: string }>("select name from public.staff where id = $1", [staying.id]);
    const [leavingName] = await sql<{ name: string }>("select name from public.staff where id = $1", [leaving.id]);

    const page = await admin.newPage();
    await admin.signInTo(page, "/customer-reassign", boss.email, password);
    await pick(page, page, "原顾问", leavingName.name);
    await page.getByTestId("reassign-table").getByText(names[0]).waitFor();
    await pick(page, page, "接收顾问", stayingName.name);
    await page.getByLabel("转移原因").fill("顾问离职，客户交接");
    await admin.screenshot(page, "customer-reassign");
    await page.getByRole("button", { name: "转移全部客户" }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: /确\s*定|OK/ }).click();
    await page.getByTestId("reassign-done").getByText(`已将 2 位客户转给 ${stayingName.name}`).waitFor();
    const owners = await sql<{ owner_id: string }>("select owner_id from public.customers where project_id = $1", [project.id]);
    expect(owners.map((o) => o.owner_id)).toEqual([staying.id, staying.id]);
    expect(await sql("select count(*)::int n from public.audit_log where action = 'customer.reassign' and project_id = $1", [project.id])).toEqual([{ n: 2 }]);
  });
});
