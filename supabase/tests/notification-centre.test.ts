import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { currentStep, dealProject, ok, refused, uid, type DealProject } from "./support/deals.ts";

// The admin's notification centre and menu counts: own rows only, counts that match the inbox,
// and nothing of it depends on the bot having delivered anything (demo accounts are not bound).
let p: DealProject;
let approvalId: string;
beforeAll(async () => {
  p = await dealProject("T-NOTIFY-CENTRE", 4);
  const b = await ok("consultant1", "price_buildup", { p_unit_id: p.units[0], p_policy_ids: [p.policies.full] });
  const r = await ok("consultant1", "request_discount", {
    p_unit_id: p.units[0], p_customer_id: p.customers.c12, p_policy_ids: [p.policies.full],
    p_requested_price: (Number(b.price_after_policies) * 0.99).toFixed(2), p_reason: "客户诚意足，请求1%特批",
  });
  approvalId = r.approval_id;
});

const counts = (who: string, projectId = p.projectId) => ok(who, "my_counts", { p_project_id: projectId });
const listOf = (who: string) => ok<any[]>(who, "my_notifications", { p_project_id: p.projectId });

describe("my_counts", () => {
  it("counts the approval step for its approver only, and for a delegate of the approver", async () => {
    expect((await counts("manager")).approvals).toBe(1);
    expect((await counts("consultant1")).approvals).toBe(0);
    expect((await counts("director")).approvals).toBe(0);
    const now = Date.now();
    const delegation = await ok("manager", "delegate_approvals", {
      p_delegate_id: uid("vp"), p_project_id: p.projectId,
      p_valid_from: new Date(now - 60_000).toISOString(), p_valid_to: new Date(now + 86_400_000).toISOString(), p_note: "休假代批",
    });
    try {
      expect((await counts("vp")).approvals).toBe(1);
    } finally {
      await ok("manager", "revoke_delegation", { p_delegation_id: delegation.id });
    }
    expect((await counts("vp")).approvals).toBe(0);
  });

  it("counts an own customer's follow-up due today or overdue, in the project's calendar", async () => {
    expect((await counts("consultant1")).follow_ups_due).toBe(0);
    await sql(
      `insert into public.follow_ups (project_id, customer_id, staff_id, method, content, next_date)
       values ($1, $2, $3, 'phone', '约周末再来看房', private.project_today($1) - 1),
              ($1, $4, $3, 'phone', '下周再联系', private.project_today($1) + 3)`,
      [p.projectId, p.customers.c13, uid("consultant1"), p.customers.c14],
    );
    expect((await counts("consultant1")).follow_ups_due).toBe(1);
    expect((await counts("consultant2")).follow_ups_due).toBe(0);
    expect((await counts("manager")).follow_ups_due).toBe(0);
  });

  it("refuses a project the caller is not in", async () => {
    const other = randomUUID();
    await sql(`insert into public.projects (id, code, name, city) values ($1, 'T-NOTIFY-OTHER', '测试别的项目', '杭州')`, [other]);
    await refused("consultant1", "my_counts", { p_project_id: other }, "forbidden");
  });
});

describe("notifications read in the admin", () => {
  it("lists only own notifications, including the approval waiting, unread while the bot never sent it", async () => {
    const mine = await listOf("manager");
    const waiting = mine.find((n) => n.kind === "approval_waiting" && n.payload.approval_id === approvalId);
    expect(waiting).toBeTruthy();
    expect(waiting.read_at).toBeNull();
    const [row] = await sql<{ recipient_id: string; status: string }>(`select recipient_id, status from public.notifications where id = $1`, [waiting.id]);
    expect(row.recipient_id).toBe(uid("manager"));
    expect(row.status).not.toBe("sent");
    expect((await listOf("consultant2")).some((n) => n.id === waiting.id)).toBe(false);
    const unread = mine.filter((n) => n.read_at === null).length;
    expect((await counts("manager")).unread_notifications).toBe(unread);
  });

  it("refuses to mark another person's notification read and leaves it unread", async () => {
    const waiting = (await listOf("manager")).find((n) => n.kind === "approval_waiting" && n.payload.approval_id === approvalId);
    await refused("consultant1", "mark_notifications_read", { p_ids: [waiting.id] }, "not_found");
    await refused("director", "mark_notifications_read", { p_ids: [waiting.id] }, "not_found");
    const [row] = await sql<{ read_at: Date | null }>(`select read_at from public.notifications where id = $1`, [waiting.id]);
    expect(row.read_at).toBeNull();
    // marking "all of mine" as someone else does not touch it either
    await ok("consultant1", "mark_notifications_read", { p_project_id: p.projectId });
    const [still] = await sql<{ read_at: Date | null }>(`select read_at from public.notifications where id = $1`, [waiting.id]);
    expect(still.read_at).toBeNull();
  });

  it("marks one, then all, read; the bot's delivery status is left alone", async () => {
    const before = await counts("manager");
    const waiting = (await listOf("manager")).find((n) => n.kind === "approval_waiting" && n.payload.approval_id === approvalId);
    const [{ status }] = await sql<{ status: string }>(`select status from public.notifications where id = $1`, [waiting.id]);
    expect(await ok("manager", "mark_notifications_read", { p_ids: [waiting.id] })).toBe(1);
    expect(await ok("manager", "mark_notifications_read", { p_ids: [waiting.id] })).toBe(0); // second tap
    expect((await counts("manager")).unread_notifications).toBe(before.unread_notifications - 1);
    const [after] = await sql<{ status: string; read_at: Date | null }>(`select status, read_at from public.notifications where id = $1`, [waiting.id]);
    expect(after.status).toBe(status);
    expect(after.read_at).not.toBeNull();
    await ok("manager", "mark_notifications_read", { p_project_id: p.projectId });
    expect((await counts("manager")).unread_notifications).toBe(0);
    expect((await listOf("manager")).every((n) => n.read_at !== null)).toBe(true);
    // the step still waits: reading the notification is not deciding
    expect(await currentStep(approvalId)).toBeTruthy();
    expect((await counts("manager")).approvals).toBe(1);
  });
});

describe("my_counts for the workbench's to-dos", () => {
  it("counts the requester's unread decision, and 报备 to rule only for the 渠道经理", async () => {
    const before = await counts("consultant1");
    expect(before.reports_to_confirm).toBe(0);
    expect(typeof (await counts("channel")).reports_to_confirm).toBe("number");
    const step = await currentStep(approvalId);
    await ok("manager", "decide_approval", { p_step_id: step.id, p_decision: "approve" });
    const after = await counts("consultant1");
    expect(after.decisions_unread).toBe(before.decisions_unread + 1);
    expect(after.unread_notifications).toBeGreaterThan(before.unread_notifications);
    expect((await counts("manager")).approvals).toBe(0);
    await ok("consultant1", "mark_notifications_read", { p_project_id: p.projectId });
    expect((await counts("consultant1")).decisions_unread).toBe(0);
  });
});
