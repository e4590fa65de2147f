import crypto from "node:crypto";
import type { Page } from "playwright-core";
import type { AdminBrowser } from "./browser.ts";
import { sql } from "../../../../supabase/tests/support/clients.ts";
import { ok, PROJECT } from "../../../../supabase/tests/support/sales.ts";

/** Test data for the customers and reception screens (throwaway phones and names). */

/** A throwaway mainland mobile, 1[3-9] + 9 random digits, so tests never meet the seed's. */
export const throwawayPhone = () => `1${crypto.randomInt(3, 10)}${crypto.randomInt(0, 1_000_000_000).toString().padStart(9, "0")}`;

/** A name nobody else has: 测试 + a tag + 4 random letters. */
export const throwawayName = (tag: string) => `${tag}${crypto.randomBytes(3).toString("hex").slice(0, 4).toUpperCase()}`;

/** A customer of the demo project registered through the API as `who` (a demo account). */
export async function customerOf(who: string, name: string, phone = throwawayPhone()) {
  const result = await ok(who, "register_customer", { p_project_id: PROJECT, p_name: name, p_phone: phone, p_source: "walk_in", p_grade: "B" });
  return { id: result.customer_id as string, name, phone, outcome: result.outcome as string };
}

export const customerRow = async (id: string) =>
  (await sql<Record<string, any>>("select * from public.customers where id = $1", [id]))[0];

/** Picks `option` in the antd Select labelled `label` (the form item's label or aria-label). */
export async function pick(page: Page, scope: ReturnType<Page["locator"]> | Page, label: string, option: string) {
  // The selected value's label covers the input, so click the whole select; a normal click also
  // waits until a drawer has finished sliding in.
  const input = scope.getByLabel(label, { exact: true }).and(page.getByRole("combobox"));
  await input.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' ant-select ')][1]").click();
  // A searchable list may be longer than its virtual window: type to bring the option into view.
  if ((await input.getAttribute("readonly")) === null) await page.keyboard.type(option);
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option }).first().click();
}

