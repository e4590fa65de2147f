import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { building, customer, newProject, PASSWORD, person, units, viewShot, type Person } from "./inventory-fixtures.ts";
import { useAdminBrowser } from "./support/browser.ts";

/** 优惠政策 with conditions: the admin states them; the subscription form disables unfit policies with the reason. */
describe("policy conditions (admin)", () => {
  const admin = useAdminBrowser();
  let project: { id: string; name: string };
  let administrator: Person, consultant: Person;
  let unitId: string;
  let customerId: string;

  beforeAll(async () => {
    project = await newProject("政策条件苑");
    [administrator, consultant] = await Promise.all([
      person(project.id, "admin", "政策管理员"),
      person(project.id, "consultant", "政策顾问"),
    ]);
    await sql(`update public.staff set regularised_on = current_date - 60 where id = $1`, [consultant.id]);
    const a = await units(project.id, await building(project.id, "A", 2, 1), 2, 2);
    unitId = a.get("101")!;
    customerId = await customer(project.id, consultant, "钱先生");
  });

  it("an admin limits 按揭99折 to mortgages; on a full-payment subscription it is disabled with the reason", async () => {
    const page = await admin.newPage();
    await admin.signInTo(page, "/policies/create", administrator.email, PASSWORD);
    await page.getByRole("textbox", { name: "政策名称" }).fill("按揭99折");
    await page.getByRole("spinbutton", { name: "折扣系数" }).fill("0.99");
    await page.getByTestId("policy-payment-methods").getByText("按揭", { exact: true }).click();
    await page.getByRole("button", { name: /保\s*存/ }).click();
    await page.waitForURL(/\/policies$|\/policies\?/);
    await page.getByTestId("policies-table").getByRole("row", { name: /按揭99折.*按揭/ }).waitFor();
    await viewShot(page, "policies-list-conditions");
    const [policy] = await sql<{ payment_methods: string[]; customer_sources: string[] | null }>(
      "select payment_methods, customer_sources from public.policies where project_id = $1", [project.id]);
    expect(policy).toEqual({ payment_methods: ["mortgage"], customer_sources: null });
    await page.close();

    const c = await admin.newPage();
    await admin.signInTo(c, `/subscriptions/create?unit=${unitId}&customer=${customerId}`, consultant.email, PASSWORD);
    await c.getByTestId("payment-method").getByText("一次性付款", { exact: true }).click(); // no method is assumed
    await c.getByTestId("policy-unfit").getByText("「按揭99折」仅适用于按揭，本单付款方式为一次性付款").waitFor();
    expect(await c.getByTestId("policies").getByRole("checkbox").isDisabled()).toBe(true);
    await viewShot(c, "subscription-policy-unfit");
    await c.getByTestId("payment-method").getByText("按揭", { exact: true }).click();
    await c.getByTestId("policy-unfit").waitFor({ state: "detached" });
    expect(await c.getByTestId("policies").getByRole("checkbox").isDisabled()).toBe(false);
    await c.close();
  }, 300_000);
});
