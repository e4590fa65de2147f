import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { signedIn, sql } from "../../../supabase/tests/support/clients.ts";
import { PROJECT, userId } from "../../../supabase/tests/support/sales.ts";
import { useAdminBrowser } from "./support/browser.ts";

/** A mobile nobody used yet (168 + 8 random digits: apart from the other tests' 166…/167…). */
const freshPhone = () => `168${crypto.randomInt(0, 100_000_000).toString().padStart(8, "0")}`;

/** broker1 reports a customer (filed 61 minutes ago) and the channel manager confirms the visit. */
async function confirmedVisit(name: string, phone: string): Promise<string> {
  const broker = await signedIn("broker1");
  const { data, error } = await broker.rpc("submit_report", {
    p_project_id: PROJECT, p_customer_name: name, p_customer_phone: phone,
    p_expected_visit: new Date(Date.now() + 3 * 3600_000).toISOString(),
  });
  expect(error).toBeNull();
  const { report_id } = data as { report_id: string };
  await sql("update public.channel_reports set created_at = now() - interval '61 minutes' where id = $1", [report_id]);
  const channel = await signedIn("channel");
  const confirmed = await channel.rpc("confirm_visit", { p_report_id: report_id, p_full_phone: phone, p_consultant_id: userId("consultant1") });
  expect(confirmed.error).toBeNull();
  return report_id;
}

/** 带看确认单: printed from the report board by the channel manager, and by the broker from the portal. */
describe("带看确认单 (admin)", { timeout: 180_000 }, () => {
  const admin = useAdminBrowser();

  it("the channel manager and the broker print the slip of a confirmed visit, the phone masked", async () => {
    const phone = freshPhone();
    const name = `确认单客户${phone.slice(-4)}`;
    await confirmedVisit(name, phone);
    const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;

    const channel = await admin.newPage();
    await admin.signInTo(channel, "/report_board", "channel");
    // Other tests fill the demo project's board: find the report as a person would, by searching.
    const search = channel.getByPlaceholder("客户、手机或经纪人");
    await search.fill(name);
    await search.press("Enter");
    const row = channel.getByTestId("report-board-table").locator("tr", { hasText: name });
    await row.getByTestId("visit-slip").click();
    const slip = channel.getByTestId("visit-slip");
    await slip.getByTestId("slip-phone").getByText(masked).waitFor();
    await slip.getByTestId("slip-customer").getByText(name).waitFor();
    await slip.getByText("经纪人签字：").waitFor();
    expect(await slip.innerText()).not.toContain(phone);

    const broker = await admin.newPage();
    await admin.signInTo(broker, "/broker_visits", "broker1");
    await broker.getByTestId("broker-visits-table").getByText(name).first().waitFor();
    const mine = broker.getByTestId("broker-visits-table").locator("tr, .ant-card", { hasText: name }).first();
    await mine.getByTestId("visit-slip").click();
    await broker.getByTestId("visit-slip").getByTestId("slip-phone").getByText(masked).waitFor();
    await broker.getByTestId("visit-slip").getByTestId("slip-consultant").getByText(/\S/).waitFor();
    await admin.screenshot(broker, "visit-slip");
  });
});
