import crypto from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signedIn, sql } from "../../../supabase/tests/support/clients.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { createProject, createStaff } from "./support/users.ts";

const PASSWORD = "invited-password-1";
const freshEmail = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString("hex")}@test.local`;
/** A throwaway project the demo admin administers (administrators act in their own projects only). */
const adminsProject = (name: string) => createProject(name, { administeredBy: "admin@demo.local" });

/** Signs up through the 注册 page reached from the login page. */
async function signUp(page: Page, { name, email }: { name: string; email: string }) {
  await page.goto("/login");
  await page.getByRole("link", { name: "注册" }).click();
  await page.waitForURL(/\/register/);
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await page.getByLabel("确认密码").fill(PASSWORD);
  await page.getByTestId("register-submit").click();
  await page.getByTestId("welcome").waitFor();
}

// Screenshots of full pages are slow on a busy machine: more time than the default per test.
describe("员工 staff (admin)", { timeout: 180_000 }, () => {
  const admin = useAdminBrowser();

  it("an admin invites with roles; the person opens the link with its token, signs up and has exactly those roles", async () => {
    const project = await adminsProject("邀请测试案场");
    const email = freshEmail("invited");
    const page = await admin.newPage();
    await admin.signInTo(page, "/staff", "admin");
    await page.getByTestId("invite-staff").click();
    await page.waitForURL(/\/staff\/create/);
    await page.getByLabel("邮箱").fill(email);
    await page.getByLabel("姓名").fill("邀请测试");
    const row = page.getByTestId("role-row-0");
    await row.locator(".ant-select").first().click();
    await page.keyboard.type(project.code); // the list is long once other tests made projects: search it
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: project.code }).click();
    await row.locator(".ant-select").nth(1).click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "销售经理" }).click();
    await admin.screenshot(page, "staff-invite-form");
    await page.getByRole("button", { name: "发送邀请" }).click();
    await page.getByTestId("invite-done").waitFor();
    const link = (await page.getByTestId("sign-up-link").textContent())!.trim();
    expect(link).toMatch(/\/register\?token=[A-Za-z0-9_-]{32}&email=/);
    await admin.screenshot(page, "staff-invite-done");
    const [invitation] = await sql<{ status: string; roles: unknown }>("select status, roles from public.staff_invitations where email = $1", [email]);
    expect(invitation).toEqual({ status: "pending", roles: [{ project_id: project.id, role: "sales_manager" }] });

    // The invitation list shows it, waiting for the sign-up.
    await page.goto("/staff_invitation_list");
    await page.getByTestId("invitations-table").locator("tr", { hasText: email }).getByText("待注册").waitFor();
    await admin.screenshot(page, "staff-invitations");

    // Someone who signs up with the invited email but without the link gets nothing (see the
    // database tests); the invitee opens the link, signs up, and the invitation is accepted.
    const invited = await admin.newPage();
    await invited.goto(link);
    await invited.getByLabel("姓名").fill("邀请测试");
    expect(await invited.getByLabel("邮箱").inputValue()).toBe(email);
    await invited.getByLabel("密码", { exact: true }).fill(PASSWORD);
    await invited.getByLabel("确认密码").fill(PASSWORD);
    await admin.screenshot(invited, "staff-invitation-register");
    await invited.getByTestId("register-submit").click();
    await invited.getByTestId("welcome").waitFor();
    await invited.getByTestId("current-project-card").getByText(project.name).waitFor();
    expect(await invited.getByTestId("role-tags").first().textContent()).toBe("销售经理");
    await admin.screenshot(invited, "staff-invited-signed-up");

    const roles = await sql<{ project_id: string; role: string }>(
      "select sp.project_id, sp.role from public.staff_projects sp join public.staff s on s.id = sp.staff_id where s.email = $1",
      [email],
    );
    expect(roles).toEqual([{ project_id: project.id, role: "sales_manager" }]);
    const [accepted] = await sql<{ status: string }>("select status from public.staff_invitations where email = $1", [email]);
    expect(accepted.status).toBe("accepted");
  });

  it("a revoked invitation gives nothing at sign-up", async () => {
    const project = await adminsProject("撤销邀请案场");
    const email = freshEmail("revoked");
    const adminApi = await signedIn("admin");
    const invited = await adminApi.rpc("invite_staff", { p_email: email, p_name: "撤销测试", p_roles: [{ project_id: project.id, role: "consultant" }] });
    expect(invited.error).toBeNull();

    const page = await admin.newPage();
    await admin.signInTo(page, "/staff_invitation_list", "admin");
    const row = page.getByTestId("invitations-table").locator("tr", { hasText: email });
    await row.getByRole("button", { name: /撤\s*销/ }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: /确\s*定/ }).click();
    await row.getByText("已撤销").waitFor();
    const [revoked] = await sql<{ status: string }>("select status from public.staff_invitations where email = $1", [email]);
    expect(revoked.status).toBe("revoked");

    const person = await admin.newPage();
    await signUp(person, { name: "撤销测试", email });
    await person.getByText("您尚未被邀请加入任何项目").waitFor();
    expect(await sql("select 1 from public.staff where email = $1", [email])).toHaveLength(0);
  });

  it("a sign-up without an invitation gets no staff row and is told so", async () => {
    const email = freshEmail("uninvited");
    const page = await admin.newPage();
    await signUp(page, { name: "路人甲", email });
    await page.getByText("您尚未被邀请加入任何项目").waitFor();
    await admin.screenshot(page, "staff-uninvited");
    const labels = (await page.locator(".ant-layout-sider .ant-menu-item").allTextContents()).map((s) => s.trim());
    expect(labels).toEqual(["工作台", "退出登录"]);
    const [user] = await sql<{ id: string }>("select id from auth.users where email = $1", [email]);
    expect(user).toBeDefined();
    expect(await sql("select 1 from public.staff where id = $1", [user.id])).toHaveLength(0);
    expect(await sql("select 1 from public.staff_projects where staff_id = $1", [user.id])).toHaveLength(0);
  });

  it("a person makes their own code in 我的绑定码 (stored in telegram_bind_codes); an admin can only unbind", async () => {
    const project = await adminsProject("绑定测试案场");
    const person = await createStaff({ name: "绑定测试", password: PASSWORD, roles: [{ projectId: project.id, role: "consultant" }] });
    const page = await admin.newPage();
    await admin.signInTo(page, `/staff/show/${person.id}`, "admin");
    await page.getByTestId("telegram-unbound").waitFor();
    await page.getByTestId("bind-code-self-only").getByText("只能由本人").waitFor();
    expect(await page.getByTestId("generate-bind-code").count()).toBe(0);

    const own = await admin.newPage();
    await admin.signIn(own, person.email, PASSWORD);
    await own.getByRole("menuitem", { name: "我的绑定码" }).click();
    await own.waitForURL(/\/telegram/);
    await own.getByTestId("generate-bind-code").click();
    const code = (await own.getByTestId("bind-code").textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await own.getByText(`/start ${code}`).waitFor();
    await own.getByTestId("bind-code-countdown").getByText(/1[45]:\d\d 后失效/).waitFor();
    await admin.screenshot(own, "staff-my-bind-code");
    const [stored] = await sql<{ staff_id: string; created_by: string; minutes: number }>(
      "select staff_id, created_by, round(extract(epoch from expires_at - created_at) / 60)::int as minutes from public.telegram_bind_codes where code = $1",
      [code],
    );
    expect(stored).toEqual({ staff_id: person.id, created_by: person.id, minutes: 15 });

    // Bound (as the bot would), the page says so; 解绑 clears it.
    await sql("update public.staff set telegram_user_id = $2 where id = $1", [person.id, 700000000 + crypto.randomInt(0, 99_999_999)]);
    await page.reload();
    await page.getByTestId("telegram-bound").waitFor();
    await page.getByTestId("unbind-telegram").click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: /解\s*绑/ }).click();
    await page.getByTestId("telegram-unbound").waitFor();
    const [after] = await sql<{ telegram_user_id: string | null }>("select telegram_user_id from public.staff where id = $1", [person.id]);
    expect(after.telegram_user_id).toBeNull();
  });

  it("an admin adds and removes a role and sets the 转正日期; refusals are the database's", async () => {
    const project = await adminsProject("角色测试案场");
    const person = await createStaff({ name: "角色测试", password: PASSWORD, roles: [{ projectId: project.id, role: "consultant" }] });
    const page = await admin.newPage();
    await admin.signInTo(page, `/staff/show/${person.id}`, "admin");
    const card = page.getByTestId("roles-card");
    await card.getByText("置业顾问").waitFor();
    await card.locator(".ant-select").first().click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: project.code }).click();
    await card.locator(".ant-select").nth(1).click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "置业顾问" }).click();
    await card.getByTestId("add-role").click();
    await card.getByTestId("roles-error").getByText("该员工在此项目已有这个角色").waitFor();

    await card.locator(".ant-select").nth(1).click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "渠道经理" }).click();
    await card.getByTestId("add-role").click();
    await card.getByTestId(`role-${project.id}-channel_manager`).waitFor();
    await admin.screenshot(page, "staff-show");
    const roles = async () =>
      (await sql<{ role: string }>("select role from public.staff_projects where staff_id = $1 order by role", [person.id])).map((r) => r.role);
    expect(await roles()).toEqual(["consultant", "channel_manager"]);

    await card.getByTestId(`role-${project.id}-consultant`).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: /确\s*定|OK/ }).click();
    await card.getByTestId(`role-${project.id}-consultant`).waitFor({ state: "detached" });
    expect(await roles()).toEqual(["channel_manager"]);

    // 转正日期 before 入职日期 is refused on the field, in the database's words.
    await page.goto(`/staff/edit/${person.id}`);
    await page.getByLabel("入职日期").fill("2026-03-01");
    await page.getByLabel("入职日期").press("Enter");
    await page.getByLabel("转正日期").fill("2026-02-01");
    await page.getByLabel("转正日期").press("Enter");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.getByText("转正日期不能早于入职日期").waitFor();
    await page.getByLabel("转正日期").fill("2026-06-01");
    await page.getByLabel("转正日期").press("Enter");
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.waitForURL(/\/staff\/show\//);
    await page.getByTestId("staff-details").getByText("已转正").waitFor();
    const [saved] = await sql<{ hired_on: string; regularised_on: string }>(
      "select hired_on::text, regularised_on::text from public.staff where id = $1",
      [person.id],
    );
    expect(saved).toEqual({ hired_on: "2026-03-01", regularised_on: "2026-06-01" });
    const audit = await sql<{ action: string }>("select action from public.audit_log where record_id = $1 order by id", [person.id]);
    expect(audit.map((a) => a.action)).toEqual(["staff.role_add", "staff.role_remove", "staff.update"]);
  });

  it("admins see the notifications the bot failed to deliver", async () => {
    const error = `Forbidden: bot was blocked by the user (${crypto.randomBytes(3).toString("hex")})`;
    await sql(
      `insert into public.notifications (recipient_id, kind, status, attempts, last_error)
       select id, 'approval_decided', 'failed', 5, $1 from public.staff where email = 'consultant3@demo.local'`,
      [error],
    );
    const page = await admin.newPage();
    await admin.signInTo(page, "/failed_notifications", "admin");
    const row = page.getByTestId("failed-notifications-table").locator("tr", { hasText: error });
    await row.waitFor();
    for (const text of ["刘婷", "审批结果", "5"]) expect(await row.textContent()).toContain(text);
    await admin.screenshot(page, "staff-failed-notifications");
  });
});
