import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { building, customer, newProject, PASSWORD, person, units, viewShot, type Person } from "./inventory-fixtures.ts";
import { useAdminBrowser } from "./support/browser.ts";

/**
 * 项目设置: shortening the protection period shows the database's preview and saves only when
 * confirmed; the change is listed with who, before and after. 工作台: 当天签约 and 应收款.
 */

describe("项目设置: preview and confirm, audited", { timeout: 180_000 }, () => {
  const admin = useAdminBrowser();
  let project: { id: string; name: string };
  let administrator: Person;

  beforeAll(async () => {
    project = await newProject("规则审计苑");
    administrator = await person(project.id, "admin", "规则管理员");
    const consultant = await person(project.id, "consultant", "规则顾问");
    // three customers: last contact 25, 19 and 2 days ago
    for (const [name, days] of [["甲客户", 25], ["乙客户", 19], ["丙客户", 2]] as const) {
      const id = await customer(project.id, consultant, name);
      await sql("update public.customers set owned_since = now() - make_interval(days => $2::int), last_follow_up_at = null where id = $1", [id, days]);
    }
  });

  const ownershipDays = async () =>
    (await sql<{ d: number }>("select ownership_days as d from public.projects where id = $1", [project.id]))[0].d;

  it("shows how many customers a shorter protection period pools, cancels, then saves once confirmed", async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/project-settings", administrator.email, PASSWORD);
    const days = page.getByRole("spinbutton", { name: "客户权属保护天数" });
    await expect.poll(() => days.inputValue()).toBe("30");
    await days.fill("20");
    await page.getByTestId("rules-save").click();

    const preview = page.getByTestId("shortening-preview");
    await preview.waitFor();
    expect(await page.getByTestId("preview-shortened").textContent()).toBe("3");
    expect(await page.getByTestId("preview-pooled-now").textContent()).toBe("1");
    expect(await page.getByTestId("preview-pooled-soon").textContent()).toBe("1");
    await viewShot(page, "project-settings-shortening-preview");
    await page.locator(".ant-modal-confirm-title", { hasText: "客户权属保护天数由 30 天改为 20 天" }).waitFor();
    await page.getByRole("button", { name: /取\s*消/ }).click();
    await preview.waitFor({ state: "hidden" });
    expect(await ownershipDays()).toBe(30);

    await page.getByTestId("rules-save").click();
    await page.getByRole("button", { name: "确认修改" }).click();
    await page.locator(".ant-notification").getByText("规则已保存").waitFor();
    expect(await ownershipDays()).toBe(20);
    const [{ pooled }] = await sql<{ pooled: number }>(
      "select count(*)::int as pooled from public.customers where project_id = $1 and ownership_expires_at <= now()", [project.id]);
    expect(pooled).toBe(0); // nobody dropped silently: a grace period instead

    const history = page.getByTestId("settings-history");
    await history.getByText("规则管理员").waitFor();
    await expect.poll(() => history.getByTestId("settings-change").first().innerText()).toContain("客户权属保护天数：30 → 20");
    await history.scrollIntoViewIfNeeded();
    await viewShot(page, "project-settings-history");
    const [audit] = await sql<{ actor: string; before: any; after: any }>(
      "select actor, before, after from public.audit_log where action = 'project.settings' and record_id = $1 order by id desc limit 1", [project.id]);
    expect(audit).toEqual({ actor: administrator.id, before: { ownership_days: 30 }, after: { ownership_days: 20 } });
  });
});

describe("工作台: 当天签约 and 应收款", { timeout: 180_000 }, () => {
  const admin = useAdminBrowser();
  let project: { id: string; name: string };
  let consultant: Person, other: Person;

  beforeAll(async () => {
    project = await newProject("待办测试苑");
    consultant = await person(project.id, "consultant", "待办顾问");
    other = await person(project.id, "consultant", "别的顾问");
    const unit = await units(project.id, await building(project.id, "D", 2, 2), 2, 2);
    const deal = async (owner: Person, name: string, unitNo: string, deadlineIn: number) => {
      const customerId = await customer(project.id, owner, name);
      const [s] = await sql<{ id: string }>(
        `insert into public.subscriptions (project_id, unit_id, customer_id, consultant_id, payment_method, list_price,
                                           price_after_policies, price, buildup, deposit_due, contract_deadline, created_by)
         values ($1, $2, $3, $4, 'mortgage', 2600000, 2600000, 2600000, '{}'::jsonb, 100000, private.project_today($1) + $5::int, $4)
         returning id`,
        [project.id, unit.get(unitNo), customerId, owner.id, deadlineIn],
      );
      return { customerId, subscriptionId: s.id };
    };
    await deal(consultant, "林签约", "101", 0);
    await deal(other, "别人的客户", "102", 0);
    const late = await deal(consultant, "陈欠款", "201", 7);
    const contractId = randomUUID();
    await sql(
      `insert into public.contracts (id, project_id, subscription_id, unit_id, customer_id, consultant_id, contract_no, price,
                                   payment_method, status, signed_on, created_by)
       values ($1, $2, $3, $4, $5, $6, 'HT-DB-001', 2600000, 'mortgage', 'signed', private.project_today($2) - 10, $6)`,
      [contractId, project.id, late.subscriptionId, unit.get("201"), late.customerId, consultant.id],
    );
    await sql("update public.subscriptions set status = 'converted' where id = $1", [late.subscriptionId]);
    await sql(
      `insert into public.payment_plan_items (contract_id, project_id, seq, due_date, amount, kind)
       values ($1, $2, 1, private.project_today($2) - 5, 780000, 'down_payment'), ($1, $2, 2, private.project_today($2) + 30, 1820000, 'mortgage')`,
      [contractId, project.id],
    );
  });

  it("lists the consultant's own signings due today and receivables overdue, not a colleague's", async () => {
    const page = await admin.newPage();
    await admin.signIn(page, consultant.email, PASSWORD);
    const todo = page.getByTestId("workbench-todo");
    await todo.waitFor();
    await expect.poll(() => todo.getByTestId("todo-signing").count()).toBe(1);
    const signing = await todo.getByTestId("todo-signing").innerText();
    expect(signing).toContain("D-101 · 林签约 · 260万");
    expect(signing).toContain("今天签约期限");
    // the overdue 首付 of the signed contract, and the 定金 of today's 认购 not yet received
    await expect.poll(() => todo.getByTestId("todo-receivable").count()).toBe(2);
    const receivable = await todo.getByTestId("todo-receivable").filter({ hasText: "陈欠款" }).innerText();
    expect(receivable).toContain("D-201 · 陈欠款 · 首付 78万");
    expect(receivable).toContain("逾期 5 天");
    expect(await todo.getByTestId("todo-receivable").filter({ hasText: "林签约" }).innerText()).toContain("D-101 · 林签约 · 定金 10万");
    expect(await todo.innerText()).not.toContain("别人的客户");
    await todo.scrollIntoViewIfNeeded();
    await viewShot(page, "workbench-todo");
  });
});
