import { beforeAll, describe, expect, it } from "vitest";
import { dealProject, ok, type DealProject } from "./support/deals.ts";
import { signedIn } from "./support/clients.ts";

// 审计日志 readable: the view names records and references; no UUID reaches the page.
let p: DealProject;
beforeAll(async () => {
  p = await dealProject("T-AUDIT", 2);
});
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe("audit_trail, readable", () => {
  it("names the unit, the customer (phone masked) and the people in a hold and a 认购", async () => {
    await ok("consultant1", "hold_unit", { p_unit_id: p.units[0], p_customer_id: p.customers.c12 });
    const sub = await ok("consultant1", "create_subscription", {
      p_unit_id: p.units[0], p_customer_id: p.customers.c12, p_payment_method: "full", p_policy_ids: [p.policies.full], p_deposit_due: "50000",
    });
    const admin = await signedIn("admin");
    const { data, error } = await admin
      .from("audit_trail")
      .select("action, table_name, record_id, record_label, before, after, before_text, after_text")
      .eq("project_id", p.projectId)
      .order("id");
    expect(error).toBeNull();
    const readable = (r: { after_text: unknown }) => r.after_text as Record<string, unknown>;
    const hold = data!.find((r) => r.action === "unit.hold")!;
    expect(hold.record_label).toBe(p.label(0));
    expect(readable(hold).status).toBe("held");
    expect(readable(hold).held_by).not.toMatch(UUID);
    const created = data!.find((r) => r.table_name === "subscriptions" && r.record_id === sub.id)!;
    expect(created.record_label).toBe(`${p.label(0)} · 客户c12`);
    expect(readable(created).unit_id).toBe(p.label(0));
    expect(readable(created).customer_id).toMatch(/^客户c12 139\*{4}\d{4}$/);
    expect(readable(created).project_id).toBe("测试T-AUDIT");
    expect(readable(created).policy_ids).toEqual(["一次性付款98折"]);
    // The raw before/after stay for who needs them; the readable ones carry no UUID at all.
    expect(JSON.stringify(created.after)).toMatch(UUID);
    for (const r of data!) {
      expect(JSON.stringify([r.record_label, r.before_text, r.after_text]), r.action ?? undefined).not.toMatch(UUID);
    }
  });
});
