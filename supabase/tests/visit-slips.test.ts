import { describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { dealProject } from "./support/deals.ts";
import { person } from "./support/people.ts";
import { PROJECT, as, freshPhone, ok, refused, userId } from "./support/sales.ts";

/**
 * 带看确认单: the slip of a confirmed broker visit, for the project's channel managers and
 * managers, the consultant who received the customer, and the broker of the report — nobody else,
 * and only once the visit is confirmed. The customer's phone is masked on it.
 */
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

/** A report by broker1 filed 61 minutes ago (its visit may be confirmed now). */
async function reported(phone: string) {
  const { report_id } = await ok("broker1", "submit_report", {
    p_project_id: PROJECT, p_customer_name: "带看客户", p_customer_phone: phone, p_expected_visit: inHours(3),
  });
  await sql("update public.channel_reports set created_at = now() - interval '61 minutes' where id = $1", [report_id]);
  return report_id as string;
}

describe("带看确认单 (visit_slip)", () => {
  it("is refused before the visit is confirmed, then gives the slip with the phone masked", async () => {
    const phone = freshPhone();
    const reportId = await reported(phone);
    await refused("channel", "visit_slip", { p_report_id: reportId }, "visit_not_confirmed");
    await refused("broker1", "visit_slip", { p_report_id: reportId }, "visit_not_confirmed");
    await ok("channel", "confirm_visit", { p_report_id: reportId, p_full_phone: phone, p_consultant_id: userId("consultant1") });

    const slip = await ok("channel", "visit_slip", { p_report_id: reportId });
    const [names] = await sql<{ agency: string; broker: string; project: string }>(
      `select a.name as agency, b.name as broker, p.name as project from public.channel_reports r
         join public.agencies a on a.id = r.agency_id join public.brokers b on b.id = r.broker_id
         join public.projects p on p.id = r.project_id where r.id = $1`,
      [reportId],
    );
    expect(slip).toMatchObject({
      report_id: reportId,
      project_name: names.project,
      agency_name: names.agency,
      broker_name: names.broker,
      customer_name: "带看客户",
      customer_phone: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      consultant_name: expect.any(String),
    });
    expect(JSON.stringify(slip)).not.toContain(phone);
    expect(slip.visited_at).toBeTruthy();

    // Who may print it: the receiving consultant, managers, the broker of the report.
    for (const who of ["consultant1", "manager", "director", "broker1"]) {
      expect((await ok(who, "visit_slip", { p_report_id: reportId })).report_id, who).toBe(reportId);
    }
    // Not another consultant, finance, the other agency's broker (it cannot tell the report exists).
    for (const who of ["consultant2", "finance", "broker2"]) await refused(who, "visit_slip", { p_report_id: reportId }, "report_not_found");
    const { error } = await (await as("broker2")).rpc("visit_slip", { p_report_id: reportId });
    expect(error?.message).toBe("报备记录不存在");
  });

  it("another project's manager and a deactivated channel manager are refused", async () => {
    const phone = freshPhone();
    const reportId = await reported(phone);
    await ok("channel", "confirm_visit", { p_report_id: reportId, p_full_phone: phone, p_consultant_id: userId("consultant1") });
    const spare = await person("停用渠道", ["channel_manager"], PROJECT);
    expect((await ok(spare.email, "visit_slip", { p_report_id: reportId })).report_id).toBe(reportId);
    await sql(`update public.staff set active = false where id = $1`, [spare.id]);
    await refused(spare.email, "visit_slip", { p_report_id: reportId }, "staff_inactive");

    // A manager of another project only.
    const other = await dealProject(`T-SLIPS-${Date.now() % 100000}`, 1);
    const outsider = await person("外项目经理", ["sales_manager"], other.projectId);
    await refused(outsider.email, "visit_slip", { p_report_id: reportId }, "report_not_found");
    await refused("finance", "visit_slip", { p_report_id: "00000000-0000-4000-8000-000000000000" }, "report_not_found");
  });
});
