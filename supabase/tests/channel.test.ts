import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import {
  PROJECT, ageOwnership, as, auditFor, dbNow, freshPhone, newCustomer, notificationsFor, ok, refused, rpc, userId,
} from "./support/sales.ts";

/** Channel (渠道): 报备 with immediate 判客, masked phones, 带看确认, protection, visibility. */

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const mask = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;
/**
 * A fresh phone whose masked form matches no customer and no report of the project yet: random
 * phones share their first three digits, and with hundreds made by the suite before this file,
 * a random last four matched one now and then (a report expected valid came back pending).
 */
async function unmatchedPhone(): Promise<string> {
  for (;;) {
    const phone = freshPhone();
    // The database's own rule for "a masked phone matches someone" (判客), asked directly.
    const [{ taken }] = await sql<{ taken: boolean }>("select private.report_mask_matches($1, $2, $3, null) as taken", [PROJECT, phone.slice(0, 3), phone.slice(7)]);
    if (!taken) return phone;
  }
}
/** A report submitted just now (its lead time from submission has not passed yet). */
const reportNow = (who: string, phone: string, extra: Record<string, unknown> = {}) =>
  ok(who, "submit_report", { p_project_id: PROJECT, p_customer_name: "渠道客户", p_customer_phone: phone, p_expected_visit: inHours(3), ...extra });
/** Move a report's submission into the past (the customer arrives that long after it). */
const submittedAgo = (id: string, minutes: number) =>
  sql("update public.channel_reports set created_at = now() - make_interval(mins => $2::int) where id = $1", [id, minutes]);
/** A report filed 61 minutes ago: its visit may be confirmed now. */
const report = async (who: string, phone: string, extra: Record<string, unknown> = {}) => {
  const result = await reportNow(who, phone, extra);
  await submittedAgo(result.report_id, 61);
  return result;
};
const reportRow = async (id: string) => (await sql<Record<string, any>>("select * from public.channel_reports where id = $1", [id]))[0];

// confirm_visit by a consultant needs them on today's reception queue.
beforeAll(async () => {
  await sql(
    `delete from public.reception_queue where project_id = $1 and day = (now() at time zone 'Asia/Shanghai')::date and staff_id = $2`,
    [PROJECT, userId("consultant2")],
  );
});
afterAll(async () => {
  await sql("update public.cooperations set valid_to = null where agency_id = (select agency_id from public.brokers where user_id = $1)", [userId("broker2")]);
});

describe("submit_report (报备) and 判客", () => {
  it("rules a fresh full phone valid, tells the broker and the channel manager", async () => {
    const since = await dbNow();
    const result = await report("broker1", freshPhone());
    expect(result).toMatchObject({ status: "valid", invalid_reason: null });
    const row = await reportRow(result.report_id);
    expect(row.broker_id).toBeTruthy();
    expect(new Date(row.lapses_at).getTime() - new Date(row.expected_visit_at).getTime()).toBe(7 * 86400_000);
    expect(await notificationsFor("broker1", "report_ruled", since)).toHaveLength(1);
    expect(await notificationsFor("channel", "report_received", since)).toHaveLength(1);
    expect(await auditFor(result.report_id, "report.submit")).toHaveLength(1);
  });

  it("rules already_customer for a protected customer, valid once the customer lapsed to the pool", async () => {
    const phone = freshPhone();
    const id = await newCustomer("consultant1", { p_phone: phone });
    const invalid = await report("broker1", phone);
    expect(invalid).toMatchObject({ status: "invalid", invalid_reason: "already_customer" });
    expect(invalid.invalid_reason_text).toContain("保护期");
    await ageOwnership(id, 31);
    expect((await report("broker1", phone)).status).toBe("valid");
  });

  it("rules already_reported while another report protects the phone, valid after it lapsed", async () => {
    const phone = freshPhone();
    const first = await report("broker1", phone);
    expect((await report("broker2", phone)).invalid_reason).toBe("already_reported");
    await sql("update public.channel_reports set expected_visit_at = now() - interval '8 days', lapses_at = now() - interval '1 day' where id = $1", [first.report_id]);
    const { data } = await (await as("broker1")).from("report_board").select("status").eq("id", first.report_id).single();
    expect(data!.status).toBe("expired");
    expect((await report("broker2", phone)).status).toBe("valid");
  });

  it("rules too_late less than report_lead_minutes before the visit", async () => {
    const late = await report("broker1", freshPhone(), { p_expected_visit: inHours(0.5) });
    expect(late).toMatchObject({ status: "invalid", invalid_reason: "too_late" });
    expect(late.invalid_reason_text).toContain("60");
    expect((await report("broker1", freshPhone(), { p_expected_visit: inHours(1.1) })).status).toBe("valid");
  });

  it("rules cooperation_expired when the agency's cooperation is not in force", async () => {
    await sql("update public.cooperations set valid_to = current_date - 1 where agency_id = (select agency_id from public.brokers where user_id = $1)", [userId("broker2")]);
    try {
      const result = await report("broker2", freshPhone());
      expect(result).toMatchObject({ status: "invalid", invalid_reason: "cooperation_expired" });
      expect((await reportRow(result.report_id)).cooperation_id).toBeNull();
    } finally {
      await sql("update public.cooperations set valid_to = null where agency_id = (select agency_id from public.brokers where user_id = $1)", [userId("broker2")]);
    }
  });

  it("holds a masked phone pending when it matches a customer or a report, valid otherwise", async () => {
    const phone = freshPhone();
    await newCustomer("consultant1", { p_phone: phone });
    expect((await report("broker1", mask(phone))).status).toBe("pending");
    const other = freshPhone();
    await report("broker2", other);
    expect((await report("broker1", mask(other))).status).toBe("pending");
    const unknown = await report("broker1", mask(await unmatchedPhone()));
    expect(unknown.status).toBe("valid");
    expect((await reportRow(unknown.report_id)).customer_phone).toBeNull();
  });

  it("tells a broker reporting their own protected customer again that it is a repeat, not another agency's", async () => {
    const phone = await unmatchedPhone();
    const first = await report("broker1", phone);
    const again = await refused("broker1", "submit_report", { p_project_id: PROJECT, p_customer_name: "渠道客户", p_customer_phone: phone, p_expected_visit: inHours(3) }, "already_reported_by_you");
    expect(again.message).toContain("您已于");
    // A masked form of the same phone is the same customer too; nothing new is recorded.
    await refused("broker1", "submit_report", { p_project_id: PROJECT, p_customer_name: "渠道客户", p_customer_phone: mask(phone), p_expected_visit: inHours(3) }, "already_reported_by_you");
    expect(await sql("select 1 from public.channel_reports where customer_phone = $1 or (phone_prefix, phone_suffix) = ($2, $3) and customer_phone is null", [phone, phone.slice(0, 3), phone.slice(7)])).toHaveLength(1);
    // Another broker still hits the other-agency ruling; a different phone with the same ends is not a repeat.
    expect((await report("broker2", phone)).invalid_reason).toBe("already_reported");
    const sameEnds = `${phone.slice(0, 3)}${((Number(phone.slice(3, 7)) + 1) % 10_000).toString().padStart(4, "0")}${phone.slice(7)}`;
    expect((await report("broker1", sameEnds)).status).toBe("valid");
    // Once the first report lapsed the broker may report the customer again.
    await sql("update public.channel_reports set expected_visit_at = now() - interval '8 days', lapses_at = now() - interval '1 day' where id = $1", [first.report_id]);
    expect((await report("broker1", phone)).status).toBe("valid");
  });

  it("refuses what is not a report", async () => {
    await refused("broker1", "submit_report", { p_project_id: PROJECT, p_customer_name: "王", p_customer_phone: "138**5678", p_expected_visit: inHours(3) }, "invalid_phone");
    await refused("broker1", "submit_report", { p_project_id: PROJECT, p_customer_name: "", p_customer_phone: freshPhone(), p_expected_visit: inHours(3) }, "name_required");
    await refused("broker1", "submit_report", { p_project_id: PROJECT, p_customer_name: "王", p_customer_phone: freshPhone(), p_expected_visit: inHours(24 * 40) }, "visit_too_far");
    await refused("consultant1", "submit_report", { p_project_id: PROJECT, p_customer_name: "王", p_customer_phone: freshPhone(), p_expected_visit: inHours(3) }, "forbidden");
    await refused("channel", "submit_report", { p_project_id: PROJECT, p_customer_name: "王", p_customer_phone: freshPhone(), p_expected_visit: inHours(3) }, "forbidden");
  });
});

describe("confirm_visit (带看确认)", () => {
  it("matches the phone, creates the customer for the consultant and starts protection", async () => {
    const phone = await unmatchedPhone();
    const { report_id } = await report("broker1", mask(phone));
    await refused("broker1", "confirm_visit", { p_report_id: report_id, p_full_phone: phone }, "forbidden");
    await refused("consultant2", "confirm_visit", { p_report_id: report_id, p_full_phone: phone }, "not_on_duty");
    await refused("channel", "confirm_visit", { p_report_id: report_id, p_full_phone: "12345" }, "invalid_phone");
    const wrong = phone.slice(0, 10) + String((Number(phone[10]) + 1) % 10);
    await refused("channel", "confirm_visit", { p_report_id: report_id, p_full_phone: wrong }, "phone_mismatch");
    await refused("channel", "confirm_visit", { p_report_id: report_id, p_full_phone: phone }, "consultant_required");

    const since = await dbNow();
    const visitsToday = async () => (await ok("manager", "daily_report", { p_project_id: PROJECT })).office.visits as number;
    const before = await visitsToday();
    const visited = await ok("channel", "confirm_visit", { p_report_id: report_id, p_full_phone: phone, p_consultant_id: userId("consultant1") });
    expect(visited).toMatchObject({ status: "visited", consultant_id: userId("consultant1") });
    expect(await visitsToday()).toBe(before + 1); // the 日报 counts the group that came
    const days = (new Date(visited.protected_until).getTime() - new Date(visited.visited_at).getTime()) / 86400_000;
    expect(days).toBe(30);
    const [customer] = await sql("select * from public.customers where id = $1", [visited.customer_id]);
    expect(customer).toMatchObject({ phone, source: "agency", owner_id: userId("consultant1"), name: "渠道客户" });
    expect(await notificationsFor("broker1", "report_ruled", since)).toHaveLength(1);
    expect(await notificationsFor("consultant1", "report_visit", since)).toHaveLength(1);
    const [{ deal }] = await sql("select private.report_for_deal($1) as deal", [visited.customer_id]);
    expect(deal).toBe(report_id);
    await refused("channel", "confirm_visit", { p_report_id: report_id, p_full_phone: phone, p_consultant_id: userId("consultant1") }, "report_already_visited");
    expect(await auditFor(report_id, "report.visit")).toHaveLength(1);
    // the customer came: a 来访 (首访) of the receiving consultant, marked as a channel visit, once
    expect(await sql("select consultant_id, is_first, report_id from public.visits where customer_id = $1", [visited.customer_id]))
      .toEqual([{ consultant_id: userId("consultant1"), is_first: true, report_id }]);

    // the phone is now a protected customer; and even if the customer lapses to the pool,
    // the visited report still protects the broker
    expect((await report("broker2", phone)).invalid_reason).toBe("already_customer");
    await ageOwnership(visited.customer_id, 31);
    expect((await report("broker2", phone)).invalid_reason).toBe("already_reported");
    // until its protection ends
    await sql("update public.channel_reports set protected_until = now() - interval '1 minute' where id = $1", [report_id]);
    const [{ none }] = await sql("select private.report_for_deal($1) as none", [visited.customer_id]);
    expect(none).toBeNull();
  });

  it("lets the consultant on duty confirm, and becomes the owner", async () => {
    await ok("consultant2", "reception_check_in", { p_project_id: PROJECT });
    const phone = freshPhone();
    const { report_id } = await report("broker2", phone);
    const visited = await ok("consultant2", "confirm_visit", { p_report_id: report_id, p_full_phone: phone });
    expect(visited.consultant_id).toBe(userId("consultant2"));
    await ok("consultant2", "reception_check_out", { p_project_id: PROJECT });
    const again = await report("broker1", freshPhone());
    await refused("consultant2", "confirm_visit", { p_report_id: again.report_id, p_full_phone: "13800000000" }, "not_on_duty");
  });

  it("settles a pending report invalid when the full phone is a protected customer", async () => {
    const phone = freshPhone();
    const customerId = await newCustomer("consultant1", { p_phone: phone });
    await sql("update public.customers set owned_since = now() - interval '2 hours' where id = $1", [customerId]); // before the report
    const { report_id, status } = await report("broker2", mask(phone));
    expect(status).toBe("pending");
    const since = await dbNow();
    const ruled = await ok("manager", "confirm_visit", { p_report_id: report_id, p_full_phone: phone });
    expect(ruled).toMatchObject({ status: "invalid", invalid_reason: "already_customer" });
    expect((await reportRow(report_id)).customer_phone).toBe(phone);
    const [note] = await notificationsFor("broker2", "report_ruled", since);
    expect(note.payload.invalid_reason).toBe("already_customer");
    await refused("manager", "confirm_visit", { p_report_id: report_id, p_full_phone: phone }, "report_invalid");
  });

  it("gives a full-phone report priority over an earlier masked one", async () => {
    const phone = await unmatchedPhone();
    const masked = await report("broker1", mask(phone));
    expect(masked.status).toBe("valid");
    const full = await report("broker2", phone);
    expect(full.status).toBe("valid");
    const ruled = await ok("channel", "confirm_visit", { p_report_id: masked.report_id, p_full_phone: phone, p_consultant_id: userId("consultant1") });
    expect(ruled).toMatchObject({ status: "invalid", invalid_reason: "already_reported" });
  });

  it("links a customer registered after the report; the owner keeps them", async () => {
    const phone = freshPhone();
    const { report_id } = await report("broker1", phone);
    const customerId = await newCustomer("consultant2", { p_phone: phone }); // walked in, registered at the desk first
    const visited = await ok("channel", "confirm_visit", { p_report_id: report_id, p_full_phone: phone, p_consultant_id: userId("consultant1") });
    expect(visited).toMatchObject({ status: "visited", customer_id: customerId, consultant_id: userId("consultant2") });
  });

  it("refuses a lapsed report", async () => {
    const phone = freshPhone();
    const { report_id } = await report("broker1", phone);
    await sql("update public.channel_reports set lapses_at = now() - interval '1 minute' where id = $1", [report_id]);
    await refused("channel", "confirm_visit", { p_report_id: report_id, p_full_phone: phone, p_consultant_id: userId("consultant1") }, "report_expired");
  });
});

describe("报备 lead time from the submission", () => {
  it("rules a visit confirmed 1 minute after the report late: not protected, reason to broker and channel manager", async () => {
    const phone = freshPhone();
    const { report_id, status } = await reportNow("broker1", phone); // declares a visit in 3 hours: valid at submission
    expect(status).toBe("valid");
    await submittedAgo(report_id, 1);
    const since = await dbNow();
    const ruled = await ok("channel", "confirm_visit", { p_report_id: report_id, p_full_phone: phone, p_consultant_id: userId("consultant1") });
    expect(ruled).toMatchObject({ status: "invalid", invalid_reason: "visit_too_soon", customer_id: null, protected_until: null });
    expect(ruled.invalid_reason_text).toMatch(/^报备过晚：报备提交于 .+，距提交仅 1 分钟（须至少 60 分钟），不予保护$/);
    const row = await reportRow(report_id);
    expect(row).toMatchObject({ status: "invalid", customer_phone: phone, customer_id: null });
    // no customer was made from it, no deal can be attributed to it
    expect(await sql("select 1 from public.customers where project_id = $1 and phone = $2", [PROJECT, phone])).toHaveLength(0);
    expect(await sql("select 1 from public.visits where report_id = $1", [report_id])).toHaveLength(0);

    // the broker reads the reason: in the notification, in the portal's list (report_board) and in the bot
    const [note] = await notificationsFor("broker1", "report_ruled", since);
    expect(note.payload).toMatchObject({ status: "invalid", invalid_reason: "visit_too_soon", invalid_reason_text: ruled.invalid_reason_text });
    const { data: mine } = await (await as("broker1")).from("report_board").select("status, invalid_reason_text").eq("id", report_id).single();
    expect(mine).toEqual({ status: "invalid", invalid_reason_text: ruled.invalid_reason_text });
    // and the channel manager, told and in the list
    const [told] = await notificationsFor("channel", "report_ruled", since);
    expect(told.payload).toMatchObject({ report_id, invalid_reason: "visit_too_soon" });
    const { data: theirs } = await (await as("channel")).from("report_board").select("invalid_reason_text").eq("id", report_id).single();
    expect(theirs!.invalid_reason_text).toBe(ruled.invalid_reason_text);
    // the other broker is told nothing
    expect(await notificationsFor("broker2", "report_ruled", since)).toHaveLength(0);
    expect(await auditFor(report_id, "report.rule")).toHaveLength(1);
    // a second confirmation: the report is invalid now
    await refused("channel", "confirm_visit", { p_report_id: report_id, p_full_phone: phone, p_consultant_id: userId("consultant1") }, "report_invalid");
  });

  it("protects the broker when the visit comes 61 minutes or more after the submission", async () => {
    const phone = freshPhone();
    const { report_id } = await reportNow("broker2", phone);
    await submittedAgo(report_id, 61);
    const visited = await ok("channel", "confirm_visit", { p_report_id: report_id, p_full_phone: phone, p_consultant_id: userId("consultant1") });
    expect(visited).toMatchObject({ status: "visited", invalid_reason: null });
    expect(new Date(visited.protected_until).getTime()).toBeGreaterThan(Date.now());
  });

  it("measures the project's own lead time, and a manager confirming does not skip it", async () => {
    await sql("update public.projects set report_lead_minutes = 120 where id = $1", [PROJECT]);
    try {
      const phone = freshPhone();
      const { report_id } = await reportNow("broker1", phone, { p_expected_visit: inHours(3) });
      await submittedAgo(report_id, 90);
      const ruled = await ok("manager", "confirm_visit", { p_report_id: report_id, p_full_phone: phone, p_consultant_id: userId("consultant1") });
      expect(ruled).toMatchObject({ status: "invalid", invalid_reason: "visit_too_soon" });
      expect(ruled.invalid_reason_text).toContain("距提交仅 90 分钟（须至少 120 分钟）");
    } finally {
      await sql("update public.projects set report_lead_minutes = 60 where id = $1", [PROJECT]);
    }
  });

  it("keeps the declared-time check at submission", async () => {
    const late = await reportNow("broker1", freshPhone(), { p_expected_visit: inHours(0.5) });
    expect(late).toMatchObject({ status: "invalid", invalid_reason: "too_late" });
  });
});

describe("who sees reports", () => {
  it("brokers see only their own, channel managers and managers all, consultants the visits they received", async () => {
    const mine = await report("broker1", freshPhone());
    const theirs = await report("broker2", freshPhone());
    const ids = async (who: string) => new Set(((await (await as(who)).from("channel_reports").select("id")).data ?? []).map((r) => r.id));
    const broker1 = await ids("broker1");
    expect(broker1.has(mine.report_id)).toBe(true);
    expect(broker1.has(theirs.report_id)).toBe(false);
    const [{ own }] = await sql<{ own: number }>(
      "select count(*)::int as own from public.channel_reports r join public.brokers b on b.id = r.broker_id where b.user_id = $1", [userId("broker1")]);
    expect(broker1.size).toBe(own);
    for (const who of ["channel", "manager", "gm"]) {
      const seen = await ids(who);
      expect(seen.has(mine.report_id) && seen.has(theirs.report_id), who).toBe(true);
    }
    const consultant = await ids("consultant1");
    expect(consultant.has(mine.report_id)).toBe(false);
    for (const id of consultant) expect((await reportRow(id)).consultant_id).toBe(userId("consultant1"));
    expect((await ids("finance")).size).toBe(0);
    expect(((await (await as("broker1")).from("customers").select("id")).data ?? []).length).toBe(0);
  });

  it("refuses direct writes to reports", async () => {
    const { report_id } = await report("broker1", freshPhone());
    const broker = await as("broker1");
    expect((await broker.from("channel_reports").update({ status: "visited" }).eq("id", report_id)).error?.code).toBe("42501");
    const channel = await as("channel");
    expect((await channel.from("channel_reports").update({ protected_until: inHours(1000) }).eq("id", report_id)).error?.code).toBe("42501");
    expect((await channel.from("channel_reports").delete().eq("id", report_id)).error?.code).toBe("42501");
    expect((await reportRow(report_id)).status).toBe("valid");
  });

  it("lets channel managers edit cooperations, audited; brokers and consultants not", async () => {
    // their own agency's terms only (other test files may give the agency terms in projects of their own)
    const { data: coops } = await (await as("broker1")).from("cooperations").select("id, commission_type, commission_value, agency_id");
    const [{ agency_id: own }] = await sql<{ agency_id: string }>(`select agency_id from public.brokers where user_id = $1`, [userId("broker1")]);
    expect(coops!.length).toBeGreaterThanOrEqual(1);
    expect(coops!.every((c) => c.agency_id === own)).toBe(true);
    const { data: here } = await (await as("broker1")).from("cooperations").select("id").eq("project_id", PROJECT);
    expect(here).toHaveLength(1);
    const id = here![0].id;
    const consultant = await (await as("consultant1")).from("cooperations").update({ commission_value: 9 }).eq("id", id).select();
    expect(consultant.data ?? []).toEqual([]);
    const broker = await (await as("broker1")).from("cooperations").update({ commission_value: 9 }).eq("id", id).select();
    expect(broker.data ?? []).toEqual([]);
    const before = coops![0].commission_value;
    const changed = await (await as("channel")).from("cooperations").update({ commission_value: 1.6 }).eq("id", id).select();
    expect(changed.error).toBeNull();
    expect(changed.data).toHaveLength(1);
    const audit = await auditFor(id, "cooperations.update");
    expect(audit.at(-1)!.after.commission_value).toBe(1.6);
    await (await as("channel")).from("cooperations").update({ commission_value: before }).eq("id", id);
  });

  it("hands parallel reports of one phone exactly one valid ruling", async () => {
    const phone = freshPhone();
    await Promise.all([as("broker1"), as("broker2")]);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => rpc(i % 2 ? "broker2" : "broker1", "submit_report", {
        p_project_id: PROJECT, p_customer_name: "并发", p_customer_phone: phone, p_expected_visit: inHours(3),
      })),
    );
    // One valid ruling; the winner's other four are told they repeat their own report, the other
    // broker's five are ruled already_reported.
    const ruled = results.filter((r) => r.error === null);
    expect(ruled.filter((r) => r.data.status === "valid")).toHaveLength(1);
    expect(ruled.filter((r) => r.data.invalid_reason === "already_reported")).toHaveLength(5);
    expect(results.filter((r) => r.error?.details === "already_reported_by_you")).toHaveLength(4);
  });
});
