import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { as, dealProject, ok, refused, rpc, uid, type DealProject } from "./support/deals.ts";

/**
 * 项目设置: every change of a project's rules is audited (who, before, after); shortening the
 * protection period (ownership_days) is previewed, needs confirmation, and never pools anyone
 * without the warning period.
 */

let p: DealProject;
beforeAll(async () => {
  p = await dealProject(`SET${randomUUID().slice(0, 6)}`, 1);
});

/** Let a customer's last contact be `days` ago (ownership runs from it). */
const lastContact = (key: string, days: number) =>
  sql(
    `update public.customers set owned_since = now() - make_interval(days => $2::int), last_follow_up_at = null where id = $1`,
    [p.customers[key], days],
  );
const customer = async (key: string) =>
  (await sql<{ in_pool: boolean; expires: Date; grace: Date | null }>(
    `select ownership_expires_at <= now() as in_pool, ownership_expires_at as expires, ownership_grace_until as grace
       from public.customers where id = $1`,
    [p.customers[key]],
  ))[0];
const settingsAudit = () =>
  sql<{ actor: string; surface: string; before: any; after: any }>(
    `select actor, surface, before, after from public.audit_log where action = 'project.settings' and record_id = $1 order by id`,
    [p.projectId],
  );

describe("project settings are audited", () => {
  it("records who changed which rule, before and after, and only the changed fields", async () => {
    const result = await ok("admin", "update_project_settings", {
      p_project_id: p.projectId, p_changes: { hold_minutes: 45, report_lead_minutes: 90 },
    });
    expect(result.settings).toMatchObject({ hold_minutes: 45, report_lead_minutes: 90 });
    const [row] = (await settingsAudit()).slice(-1);
    expect(row).toMatchObject({
      actor: uid("admin"), surface: "admin",
      before: { hold_minutes: 30, report_lead_minutes: 60 }, after: { hold_minutes: 45, report_lead_minutes: 90 },
    });
    expect(Object.keys(row.after).sort()).toEqual(["hold_minutes", "report_lead_minutes"]);
    // the settings page reads the history
    const { data } = await (await as("admin")).from("project_settings_history").select("actor_name, before, after").eq("project_id", p.projectId);
    expect(data!.at(-1)).toMatchObject({ after: { hold_minutes: 45 } });
  });

  it("audits a direct edit of the project form too, and saving nothing changed writes nothing", async () => {
    const before = (await settingsAudit()).length;
    const client = await as("admin");
    expect((await client.from("projects").update({ approval_lapse_hours: 24, address: "西湖区1号" }).eq("id", p.projectId)).error).toBeNull();
    const rows = await settingsAudit();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ before: { approval_lapse_hours: 48, address: null }, after: { approval_lapse_hours: 24, address: "西湖区1号" } });
    await ok("admin", "update_project_settings", { p_project_id: p.projectId, p_changes: { approval_lapse_hours: 24 } });
    expect(await settingsAudit()).toHaveLength(before + 1);
  });

  it("refuses other roles, unknown fields, bad values — nothing written", async () => {
    const before = (await settingsAudit()).length;
    for (const who of ["manager", "gm", "consultant1", "finance", "broker1"]) {
      await refused(who, "update_project_settings", { p_project_id: p.projectId, p_changes: { hold_minutes: 10 } }, "forbidden");
      await refused(who, "preview_project_settings", { p_project_id: p.projectId, p_changes: { ownership_days: 10 } }, "forbidden");
    }
    await refused("admin", "update_project_settings", { p_project_id: p.projectId, p_changes: { name: "改名" } }, "invalid_value");
    await refused("admin", "update_project_settings", { p_project_id: p.projectId, p_changes: { hold_minutes: 0 } }, "invalid_value");
    await refused("admin", "update_project_settings", { p_project_id: p.projectId, p_changes: { hold_minutes: "abc" } }, "invalid_value");
    const error = await refused("admin", "update_project_settings", { p_project_id: p.projectId, p_changes: { timezone: "Mars/Olympus" } }, "invalid_value");
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await settingsAudit()).toHaveLength(before);
    const [{ hold_minutes }] = await sql<{ hold_minutes: number }>("select hold_minutes from public.projects where id = $1", [p.projectId]);
    expect(hold_minutes).toBe(45);
  });
});

describe("shortening the protection period", () => {
  it("previews how many customers it pools or shortens, refuses without confirmation, gives a grace period with it", async () => {
    // c11: last contact 25 days ago (→ pooled at once under 20 days); c12: 16 days ago (→ drops in 4 days,
    // beyond the 3-day warning: no grace); c13: 19 days ago (→ drops in 1 day, within the warning: grace);
    // the others: just now (shortened, still far).
    await lastContact("c11", 25);
    await lastContact("c12", 16);
    await lastContact("c13", 19);
    const preview = await ok("admin", "preview_project_settings", { p_project_id: p.projectId, p_changes: { ownership_days: 20 } });
    expect(preview).toMatchObject({
      ownership_days_before: 30, ownership_days_after: 20, pool_warning_days: 3,
      pooled_now: 1, pooled_soon: 1, shortened: 18, extended: 0, owners: 3, needs_confirmation: true,
    });

    const before = (await settingsAudit()).length;
    const error = await refused("admin", "update_project_settings", { p_project_id: p.projectId, p_changes: { ownership_days: 20 } }, "confirmation_required");
    expect(error.message).toContain("18 位客户的保护期将缩短，其中 1 位将立即进入公客池");
    expect(await settingsAudit()).toHaveLength(before);
    expect((await customer("c11")).in_pool).toBe(false);

    // a direct update of the column (skipping preview and grace) is refused too
    const direct = await (await as("admin")).from("projects").update({ ownership_days: 20 }).eq("id", p.projectId);
    expect(direct.error?.details).toBe("use_settings_page");

    const done = await ok("admin", "update_project_settings", { p_project_id: p.projectId, p_changes: { ownership_days: 20 }, p_confirm: true });
    expect(done.grace_given).toBe(2);
    const c11 = await customer("c11");
    expect(c11.in_pool).toBe(false); // never pooled silently: three days of grace
    const graceDays = (c11.expires.getTime() - Date.now()) / 86400_000;
    expect(graceDays).toBeGreaterThan(2.9);
    expect(graceDays).toBeLessThanOrEqual(3);
    expect((await customer("c13")).grace).not.toBeNull();
    const c12 = await customer("c12");
    expect(c12.grace).toBeNull();
    expect((c12.expires.getTime() - Date.now()) / 86400_000).toBeCloseTo(4, 1);
    expect((await settingsAudit()).at(-1)).toMatchObject({ before: { ownership_days: 30 }, after: { ownership_days: 20 } });
  });

  it("the projects form may lengthen the period, or shorten it where nobody is affected", async () => {
    const client = await as("admin");
    const empty = await dealProject(`SE2${randomUUID().slice(0, 5)}`, 1);
    await sql("update public.customers set owner_id = null where project_id = $1", [empty.projectId]);
    expect((await client.from("projects").update({ ownership_days: 10 }).eq("id", empty.projectId)).error).toBeNull();
    expect((await client.from("projects").update({ ownership_days: 60 }).eq("id", empty.projectId)).error).toBeNull();
    const rows = await sql<{ after: any }>(
      "select after from public.audit_log where action = 'project.settings' and record_id = $1 order by id", [empty.projectId]);
    expect(rows.map((r) => r.after.ownership_days)).toEqual([10, 60]);
  });

  it("lengthening needs no confirmation and extends everyone", async () => {
    const preview = await ok("admin", "preview_project_settings", { p_project_id: p.projectId, p_changes: { ownership_days: 40 } });
    expect(preview).toMatchObject({ pooled_now: 0, shortened: 0, extended: 18, needs_confirmation: false });
    await ok("admin", "update_project_settings", { p_project_id: p.projectId, p_changes: { ownership_days: 40 } });
    const c12 = await customer("c12");
    expect((c12.expires.getTime() - Date.now()) / 86400_000).toBeCloseTo(24, 1);
  });

  it("two admins saving at once: both audited in turn, the last one wins", async () => {
    const results = await Promise.all([
      rpc("admin", "update_project_settings", { p_project_id: p.projectId, p_changes: { digest_hour: 8 } }),
      rpc("admin", "update_project_settings", { p_project_id: p.projectId, p_changes: { digest_hour: 10 } }),
    ]);
    expect(results.every((r) => r.error === null)).toBe(true);
    const rows = (await settingsAudit()).filter((r) => "digest_hour" in r.after);
    expect(rows).toHaveLength(2);
    expect(rows[1].before.digest_hour).toBe(rows[0].after.digest_hour);
  });
});
