import { describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { ok, PROJECT as DEMO_PROJECT_ID, userId } from "../../../supabase/tests/support/sales.ts";
import type { Page } from "playwright-core";
import { DEMO_PASSWORD, useAdminBrowser } from "./support/browser.ts";
import { customerOf, pick, throwawayName, throwawayPhone } from "./support/customers-fixtures.ts";
import { createProject, createStaff } from "./support/users.ts";

describe("接待 reception (admin)", { timeout: 180_000 }, () => {
  const admin = useAdminBrowser();

  /** A project of its own with two consultants and a manager, so the demo's queue stays as it is. */
  async function rotationProject() {
    const project = await createProject("轮排测试项目");
    const names = [throwawayName("顾问甲"), throwawayName("顾问乙")];
    const [a, b] = await Promise.all(names.map((name) => createStaff({ name, password: DEMO_PASSWORD, roles: [{ projectId: project.id, role: "consultant" }] })));
    const boss = await createStaff({ name: "轮排经理", password: DEMO_PASSWORD, roles: [{ projectId: project.id, role: "sales_manager" }] });
    return { project, names, a, b, boss };
  }

  /** The reception writes (RPCs) the page sends from now on, in order. */
  function writesOf(page: Page) {
    const names: string[] = [];
    page.on("request", (r) => {
      const fn = /\/rpc\/(register_customer|record_visit|record_call)\b/.exec(r.url())?.[1];
      if (fn && r.method() === "POST") names.push(fn);
    });
    return names;
  }

  /** 下一位接待 on the board; returns who was named ("请 … 接待"). */
  async function nextWalkIn(page: Page, phone?: string) {
    await page.getByTestId("next-walk-in").click();
    if (phone) await page.getByLabel("来访客户手机号（可不填）").fill(phone);
    await page.getByTestId("next-walk-in-submit").click();
    const assignee = (await page.getByTestId("walk-in-assignee").textContent()) ?? "";
    await page.getByRole("button", { name: "知道了" }).click();
    await page.getByTestId("walk-in-assignee").waitFor({ state: "detached" });
    return assignee;
  }

  it("轮排：经理为两位顾问签到，下一位接待先给第一位，再给第二位", async () => {
    const { project, names, a, b, boss } = await rotationProject();
    const page = await admin.newPage();
    await admin.signInTo(page, "/reception", boss.email);
    await page.getByText("今天还没有顾问签到").waitFor();
    for (const name of names) {
      await pick(page, page, "为顾问签到", name);
      await page.getByTestId("check-in-other").click();
      await page.getByText(new RegExp(`${name} 已签到`)).waitFor();
    }
    const rows = page.getByTestId("rotation-table").getByTestId("rotation-name");
    await rows.nth(1).waitFor();
    expect(await rows.allTextContents()).toEqual([`${names[0]}下一位`, names[1]]);

    expect(await nextWalkIn(page)).toBe(`请 ${names[0]} 接待`);
    await page.getByTestId("last-assignment").getByText(`刚刚分配：请 ${names[0]} 接待（按轮排）`).waitFor();
    expect(await nextWalkIn(page)).toBe(`请 ${names[1]} 接待`);
    const turns = await sql<{ staff_id: string; turns: number }>("select staff_id, turns from public.reception_queue where project_id = $1", [project.id]);
    expect(Object.fromEntries(turns.map((r) => [r.staff_id, r.turns]))).toEqual({ [a.id]: 1, [b.id]: 1 });
  });

  it("轮排：老客户交给权属顾问不占轮次；忙碌的顾问被跳过；大屏", async () => {
    const { project, names, a, b, boss } = await rotationProject();
    for (const who of [a, b]) await ok(boss.email, "reception_check_in", { p_project_id: project.id, p_staff_id: who.id });
    const returning = throwawayPhone();
    await ok(b.email, "register_customer", { p_project_id: project.id, p_name: "老客户", p_phone: returning, p_source: "walk_in" });

    const page = await admin.newPage();
    await admin.signInTo(page, "/reception", boss.email);
    await page.getByTestId("rotation-table").getByText(names[1]).waitFor();
    expect(await nextWalkIn(page, returning)).toBe(`请 ${names[1]} 接待`);
    await page.getByTestId("last-assignment").getByText(/老客户，由权属顾问接待/).waitFor();
    expect((await sql("select turns from public.reception_queue where staff_id = $1", [b.id]))[0]).toEqual({ turns: 0 });

    await page.getByTestId(`busy-${a.id}`).click();
    await page.getByTestId("rotation-table").getByText("忙碌", { exact: true }).waitFor();
    expect(await nextWalkIn(page)).toBe(`请 ${names[1]} 接待`);
    await admin.screenshot(page, "reception-board-manager");

    await page.getByTestId("big-screen-button").click();
    await page.getByTestId("big-screen").getByText(names[0]).waitFor();
    // Full screen: where the menu was, the board is.
    const box = await page.locator(".ant-layout-sider").boundingBox();
    const covered = await page.evaluate(([x, y]) => Boolean(document.elementFromPoint(x, y)?.closest("[data-testid=big-screen]")), [box!.x + 40, box!.y + 200]);
    expect(covered).toBe(true);
    await admin.screenshot(page, "reception-big-screen");
    await page.keyboard.press("Escape");
    await page.getByTestId("big-screen").waitFor({ state: "detached" });
  });

  it("待追访列表登记追访（方式、内容、抗性、结果），追访出现在客户时间线上", async () => {
    const c = await customerOf("consultant1", throwawayName("追访"));
    await ok("consultant1", "log_follow_up", {
      p_customer_id: c.id,
      p_method: "phone",
      p_content: "首次电话回访",
      p_next_date: (await sql<{ d: string }>("select to_char((now() at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') d"))[0].d,
    });

    const page = await admin.newPage();
    await admin.signInTo(page, "/follow_ups_due", "consultant1");
    // due today: under 今天到期 (the whole list, overdue first, is long once other tests ran)
    await page.getByText("今天到期", { exact: true }).click();
    const row = page.getByTestId("follow-ups-due-table").locator("tr", { hasText: c.name });
    await row.waitFor();
    await admin.screenshot(page, "follow-ups-due");
    await row.getByRole("button", { name: "登记追访" }).click();
    const form = page.getByTestId("follow-up-form");
    await form.getByText("微信").click();
    await page.getByTestId("follow-up-submit").click();
    await form.getByText("请填写追访内容").waitFor();
    await form.getByLabel("追访内容").fill("微信发送了118㎡户型图，客户很感兴趣");
    await form.getByLabel("客户抗性").fill("价格偏高");
    await form.getByLabel("追访结果").fill("约周六来访");
    await page.getByTestId("follow-up-submit").click();
    await form.waitFor({ state: "detached" });
    await page.getByTestId("follow-ups-due-table").locator("tr", { hasText: c.name }).waitFor({ state: "detached" });

    await page.goto(`/customers/show/${c.id}`);
    const entry = page.getByTestId("customer-timeline").getByTestId("timeline-follow_up").first();
    await entry.getByText("微信发送了118㎡户型图，客户很感兴趣").waitFor();
    await entry.getByText("价格偏高").waitFor();
    const [row2] = await sql("select method, objections, result, staff_id from public.follow_ups where customer_id = $1 order by created_at desc limit 1", [c.id]);
    expect(row2).toEqual({ method: "wechat", objections: "价格偏高", result: "约周六来访", staff_id: userId("consultant1") });
  });

  it("在客户页登记追访，时间线随即显示", async () => {
    const c = await customerOf("consultant1", throwawayName("客户页"));
    const page = await admin.newPage();
    await admin.signInTo(page, `/customers/show/${c.id}`, "consultant1");
    await page.getByTestId("customer-timeline").getByTestId("timeline-registered").waitFor();
    await page.getByRole("button", { name: "登记追访" }).click();
    await page.getByTestId("follow-up-form").getByLabel("追访内容").fill("电话确认周六来访时间");
    await page.getByTestId("follow-up-submit").click();
    await page.getByTestId("customer-timeline").getByText("电话确认周六来访时间").waitFor();
    await admin.screenshot(page, "customer-timeline-follow-up");
  });

  it("来访登记：新客户经权属确认登记并记首访", async () => {
    const phone = throwawayPhone();
    const name = throwawayName("来访");
    const page = await admin.newPage();
    await admin.signInTo(page, "/visits/create", "consultant1");
    await page.getByLabel("手机号").fill(phone);
    await page.getByLabel("姓名").fill(name);
    await page.getByLabel("来访人数").fill("3");
    await page.getByLabel("介绍内容").fill("沙盘、118㎡样板间");
    await pick(page, page, "意向评估", "A 一个月内购买");
    await admin.screenshot(page, "visit-create");
    const writes = writesOf(page);
    await page.getByRole("button", { name: "登记来访" }).last().click();
    await page.getByTestId("register-outcome").getByText(`新客户：${name} 已登记在您名下`).waitFor();
    expect(writes).toEqual(["record_visit"]); // one call, one transaction
    await page.getByTestId("visit-recorded").getByText("已登记首访").waitFor();
    const [visit] = await sql(
      "select v.is_first, v.party_size, v.intent, c.grade, c.status from public.visits v join public.customers c on c.id = v.customer_id where c.phone = $1",
      [phone],
    );
    expect(visit).toEqual({ is_first: true, party_size: 3, intent: "A", grade: "A", status: "following" });

    await page.goto("/visits");
    await page.getByTestId("visits-table").getByText(name).waitFor();
  });

  it("来电登记：咨询内容、邀约到访，并同时登记为客户", async () => {
    const caller = throwawayPhone();
    const name = throwawayName("钱女士");
    const page = await admin.newPage();
    await admin.signInTo(page, "/calls/create", "consultant1");
    await page.getByLabel("来电人").fill(name);
    await page.getByLabel("来电号码").fill(caller);
    // Wait for each box to show as on, not for the click: under load the re-render lags it.
    for (const label of ["价格", "贷款", "邀约到访", "同时登记为客户"]) {
      const box = page.getByLabel(label, { exact: true });
      await box.click();
      await box.and(page.locator(':checked, [aria-checked="true"]')).waitFor();
    }
    const writes = writesOf(page);
    await page.getByRole("button", { name: "登记来电" }).last().click();
    await page.getByTestId("register-outcome").getByText(`新客户：${name} 已登记在您名下`).waitFor();
    expect(writes).toEqual(["record_call"]); // one call, one transaction
    const [call] = await sql<Record<string, unknown>>(
      "select l.topics, l.invited, l.consultant_id, c.source, c.owner_id from public.calls l join public.customers c on c.id = l.customer_id where l.phone = $1",
      [caller],
    );
    expect(call).toEqual({ topics: ["price", "loans"], invited: true, consultant_id: userId("consultant1"), source: "call", owner_id: userId("consultant1") });
    await page.goto("/calls");
    await page.getByTestId("calls-table").getByRole("link", { name }).waitFor(); // linked to the new customer
    await admin.screenshot(page, "calls-list");
  });

  it("投诉：顾问登记投诉并指定处理人", async () => {
    const content = `${throwawayName("投诉")}：周末排队太久`;
    const page = await admin.newPage();
    await admin.signInTo(page, "/complaints/create", "consultant2");
    await page.getByLabel("投诉人").fill("孙女士");
    await page.getByLabel("投诉内容").fill(content);
    await pick(page, page, "处理人", "李经理");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.getByTestId("complaints-table").locator("tr", { hasText: content }).getByText("李经理").waitFor();
    const [complaint] = await sql("select status, channel, handler_id, created_by from public.complaints where content = $1", [content]);
    expect(complaint).toEqual({ status: "open", channel: "visit", handler_id: userId("manager"), created_by: userId("consultant2") });
  });

  it("投诉：经理处理并解决（须填写处理结果）", async () => {
    const content = `${throwawayName("投诉")}：样板间空调不制冷`;
    await ok("consultant2", "file_complaint", { p_project_id: DEMO_PROJECT_ID, p_complainant_name: "孙女士", p_channel: "phone", p_content: content });

    const page = await admin.newPage();
    await admin.signInTo(page, "/complaints", "manager");
    const row = page.getByTestId("complaints-table").locator("tr", { hasText: content });
    await row.getByRole("button", { name: /处\s*理/ }).click();
    const drawer = page.locator(".ant-drawer");
    await drawer.getByText("已解决").click();
    await page.getByTestId("complaint-save").click();
    await drawer.getByText("请填写处理结果").waitFor();
    await drawer.getByLabel("处理结果").fill("已联系物业维修空调并向客户致歉");
    await admin.screenshot(page, "complaint-handle");
    await page.getByTestId("complaint-save").click();
    await page.getByRole("tab", { name: "已解决" }).click();
    await page.getByTestId("complaints-table").locator("tr", { hasText: content }).getByText("已联系物业维修空调并向客户致歉").waitFor();
    const [complaint] = await sql("select status, resolution, handler_id from public.complaints where content = $1", [content]);
    expect(complaint).toEqual({ status: "resolved", resolution: "已联系物业维修空调并向客户致歉", handler_id: userId("manager") });
    await admin.screenshot(page, "complaints-list");
  });
});
