import { beforeEach, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { person } from "./support/people.ts";
import { PROJECT, ageOwnership, as, auditFor, dbNow, freshPhone, newCustomer, notificationsFor, ok, refused, userId } from "./support/sales.ts";

/** Reception (接待): rotation, visits, calls, follow-ups and ownership, complaints. */

const customer = async (id: string) => (await sql<Record<string, any>>("select * from public.customers where id = $1", [id]))[0];

describe("rotation (轮排)", () => {
  beforeEach(async () => {
    // start each case from an empty queue for today
    await sql("delete from public.reception_queue where project_id = $1 and day = (now() at time zone 'Asia/Shanghai')::date", [PROJECT]);
  });
  const next = (customerId?: string) => ok("manager", "next_walk_in", { p_project_id: PROJECT, p_customer_id: customerId ?? null });

  it("checks in consultants on duty; not one in their first month, not twice", async () => {
    const first = await ok("consultant1", "reception_check_in", { p_project_id: PROJECT });
    expect(first).toMatchObject({ staff_id: userId("consultant1"), position: 1, checked_in: true });
    expect(await ok("consultant2", "reception_check_in", { p_project_id: PROJECT })).toMatchObject({ position: 2 });
    await refused("consultant1", "reception_check_in", { p_project_id: PROJECT }, "already_checked_in");
    await refused("consultant3", "reception_check_in", { p_project_id: PROJECT }, "probation_no_solo_reception");
    await refused("broker1", "reception_check_in", { p_project_id: PROJECT }, "forbidden");
    await refused("consultant1", "reception_check_in", { p_project_id: PROJECT, p_staff_id: userId("consultant2") }, "forbidden");
    await refused("manager", "reception_check_in", { p_project_id: PROJECT, p_staff_id: userId("finance") }, "invalid_assignee");

    // the order is visible to everyone on the floor
    for (const who of ["consultant3", "finance", "channel", "gm"]) {
      const { data } = await (await as(who)).from("reception_board").select("staff_id, position").order("position");
      expect(data, who).toEqual([
        { staff_id: userId("consultant1"), position: 1 },
        { staff_id: userId("consultant2"), position: 2 },
      ]);
    }
    expect((await (await as("broker1")).from("reception_board").select("staff_id")).data).toEqual([]);
  });

  it("gives first visits in turn; a busy consultant is skipped and keeps the place", async () => {
    await ok("consultant1", "reception_check_in", { p_project_id: PROJECT });
    await ok("consultant2", "reception_check_in", { p_project_id: PROJECT });
    const since = await dbNow();
    expect((await next()).staff_id).toBe(userId("consultant1"));
    expect((await next()).staff_id).toBe(userId("consultant2"));
    expect(await notificationsFor("consultant1", "walk_in_assigned", since)).toHaveLength(1);

    await ok("consultant1", "reception_set_busy", { p_project_id: PROJECT, p_busy: true });
    expect((await next()).staff_id).toBe(userId("consultant2"));
    expect((await next()).staff_id).toBe(userId("consultant2"));
    await ok("consultant1", "reception_set_busy", { p_project_id: PROJECT, p_busy: false });
    // consultant1 kept their place: next in turn, ahead of consultant2
    expect(await next()).toMatchObject({ staff_id: userId("consultant1"), reason: "rotation", turn_used: true });

    await ok("manager", "reception_set_busy", { p_project_id: PROJECT, p_busy: true, p_staff_id: userId("consultant1") });
    await ok("consultant2", "reception_check_out", { p_project_id: PROJECT });
    await refused("manager", "next_walk_in", { p_project_id: PROJECT }, "no_consultant_available");
    await refused("consultant2", "reception_check_out", { p_project_id: PROJECT }, "not_checked_in");
    await refused("broker1", "next_walk_in", { p_project_id: PROJECT }, "forbidden");
  });

  it("sends a returning customer to the owner without using a turn", async () => {
    const owned = await newCustomer("consultant2");
    await ok("consultant1", "reception_check_in", { p_project_id: PROJECT });
    // the owner is not on duty: the next in turn receives for them
    expect(await next(owned)).toMatchObject({ reason: "owner_absent", staff_id: userId("consultant1"), owner_id: userId("consultant2"), owner_name: "陈磊" });
    await ok("consultant2", "reception_check_in", { p_project_id: PROJECT });
    const before = await sql("select staff_id, queue_pos, turns from public.reception_queue where project_id = $1 order by staff_id", [PROJECT]);
    expect(await next(owned)).toMatchObject({ staff_id: userId("consultant2"), reason: "owner", turn_used: false });
    expect(await sql("select staff_id, queue_pos, turns from public.reception_queue where project_id = $1 order by staff_id", [PROJECT])).toEqual(before);
    // a customer in the pool is a first visit again
    await ageOwnership(owned, 31);
    expect((await next(owned)).reason).toBe("rotation");
  });
});

describe("record_visit / record_call", () => {
  it("records first and return visits; the first contact makes a new customer following", async () => {
    const id = await newCustomer("consultant1", { p_grade: "C" });
    expect((await customer(id)).status).toBe("new");
    const first = await ok("consultant1", "record_visit", { p_customer_id: id, p_party_size: 3, p_shown: "沙盘、样板间", p_questions: "学区？", p_intent: "B", p_notes: "夫妻带孩子" });
    expect(first.is_first).toBe(true);
    const row = await customer(id);
    expect(row).toMatchObject({ status: "following", grade: "B" });
    expect(row.last_follow_up_at).not.toBeNull();
    expect((await ok("consultant1", "record_visit", { p_customer_id: id })).is_first).toBe(false);
    expect(await auditFor(id, "customer.status")).toHaveLength(1);

    // a colleague receiving for an absent owner records it, but neither refreshes ownership nor sets the grade
    await sql("update public.customers set last_follow_up_at = now() - interval '10 days' where id = $1", [id]);
    await ok("consultant2", "record_visit", { p_customer_id: id, p_intent: "D" });
    const after = await customer(id);
    expect(after.grade).toBe("B");
    expect(Date.now() - new Date(after.last_follow_up_at).getTime()).toBeGreaterThan(9 * 86400_000);

    await refused("consultant1", "record_visit", { p_customer_id: id, p_party_size: 0 }, "invalid_value");
    await refused("consultant1", "record_visit", { p_customer_id: id, p_intent: "Z" }, "invalid_value");
    await refused("finance", "record_visit", { p_customer_id: id }, "forbidden");
  });

  it("records calls with what was asked", async () => {
    const result = await ok("consultant1", "record_call", {
      p_project_id: PROJECT, p_caller_name: "李女士", p_phone: "+86 138 0013 8000", p_topics: ["price", "loans"], p_invited: true,
    });
    const [call] = await sql("select * from public.calls where id = $1", [result.call_id]);
    expect(call).toMatchObject({ phone: "13800138000", topics: ["price", "loans"], invited: true, consultant_id: userId("consultant1") });
    await ok("consultant1", "record_call", { p_project_id: PROJECT, p_caller_name: "匿名", p_phone: null, p_topics: ["location"] });
    await refused("consultant1", "record_call", { p_project_id: PROJECT, p_caller_name: "x", p_phone: "12345", p_topics: [] }, "invalid_phone");
    await refused("consultant1", "record_call", { p_project_id: PROJECT, p_caller_name: "x", p_phone: null, p_topics: ["weather"] }, "invalid_topic");
    const seen = async (who: string) => ((await (await as(who)).from("calls").select("id").eq("id", result.call_id)).data ?? []).length;
    expect(await seen("consultant1")).toBe(1);
    expect(await seen("consultant2")).toBe(0);
    expect(await seen("manager")).toBe(1);
  });
});

describe("registering at the door and recording the visit or call in one transaction", () => {
  const customersWith = (phone: string) =>
    sql<{ id: string; owner_id: string; source: string; grade: string | null }>(
      "select id, owner_id, source::text, grade from public.customers where project_id = $1 and phone = $2", [PROJECT, phone]);
  const visitsOf = (customerId: string) =>
    sql<{ consultant_id: string; is_first: boolean }>("select consultant_id, is_first from public.visits where customer_id = $1 order by visited_at", [customerId]);

  it("a new visitor given by phone and name becomes the consultant's customer with the visit", async () => {
    const phone = freshPhone();
    const result = await ok("consultant1", "record_visit", {
      p_project_id: PROJECT, p_phone: phone, p_name: "吴先生", p_source: "walk_in", p_gender: "male", p_party_size: 2, p_intent: "B",
    });
    expect(result).toMatchObject({ outcome: "new", is_first: true });
    const [row] = await customersWith(phone);
    expect(row).toEqual({ id: result.customer_id, owner_id: userId("consultant1"), source: "walk_in", grade: "B" });
    expect(await visitsOf(row.id)).toEqual([{ consultant_id: userId("consultant1"), is_first: true }]);
    expect(await auditFor(row.id, "customer.register")).toHaveLength(1);

    // the same visitor again: already yours, a return visit
    expect(await ok("consultant1", "record_visit", { p_project_id: PROJECT, p_phone: phone, p_name: "吴先生" }))
      .toMatchObject({ outcome: "already_yours", customer_id: row.id, is_first: false });
    // a colleague receiving them: 撞单 (the owner keeps the customer), the visit is still recorded
    expect(await ok("consultant2", "record_visit", { p_project_id: PROJECT, p_phone: phone, p_name: "吴先生" }))
      .toMatchObject({ outcome: "collision", customer_id: row.id, owner_name: expect.any(String), is_first: false });
    expect((await customersWith(phone))[0].owner_id).toBe(userId("consultant1"));
    expect((await visitsOf(row.id)).map((v) => v.consultant_id)).toEqual([userId("consultant1"), userId("consultant1"), userId("consultant2")]);
  });

  it("a refused visit leaves no customer behind", async () => {
    const since = await dbNow();
    for (const bad of [{ p_party_size: 0 }, { p_visited_at: new Date(Date.now() - 30 * 86400_000).toISOString() }]) {
      const phone = freshPhone();
      await refused("consultant1", "record_visit", { p_project_id: PROJECT, p_phone: phone, p_name: "半截客户", ...bad }, "invalid_value");
      expect(await customersWith(phone)).toEqual([]);
    }
    // nor a collision row or its notifications when the visitor belonged to a colleague
    const phone = freshPhone();
    const owned = await newCustomer("consultant2", { p_phone: phone });
    await refused("consultant1", "record_visit", { p_project_id: PROJECT, p_phone: phone, p_name: "撞单客户", p_party_size: 0 }, "invalid_value");
    expect(await sql("select id from public.customer_collisions where customer_id = $1", [owned])).toEqual([]);
    expect(await notificationsFor("consultant2", "collision", since)).toEqual([]);
    expect(await visitsOf(owned)).toEqual([]);
  });

  it("refuses other roles, other projects, bad phones and a missing visitor", async () => {
    const phone = freshPhone();
    for (const who of ["finance", "broker1", "channel"]) {
      await refused(who, "record_visit", { p_project_id: PROJECT, p_phone: phone, p_name: "x" }, "forbidden");
      await refused(who, "record_call", { p_project_id: PROJECT, p_caller_name: "x", p_phone: phone, p_topics: [], p_register: true }, "forbidden");
    }
    const [{ id: other }] = await sql<{ id: string }>(
      "insert into public.projects (code, name, city) values ('HF' || substr(md5(random()::text), 1, 6), '别的项目', '杭州') returning id");
    await refused("consultant1", "record_visit", { p_project_id: other, p_phone: phone, p_name: "x" }, "forbidden");
    await refused("consultant1", "record_visit", { p_project_id: PROJECT, p_phone: "12345", p_name: "x" }, "invalid_phone");
    await refused("consultant1", "record_visit", { p_party_size: 2 }, "customer_not_found");
    expect(await customersWith(phone)).toEqual([]);
  });

  it("of two consultants receiving the same new visitor at once, one registers and the other collides", async () => {
    const phone = freshPhone();
    const results = await Promise.all(["consultant1", "consultant2"].map((who) =>
      ok(who, "record_visit", { p_project_id: PROJECT, p_phone: phone, p_name: "并发客户" })));
    expect(results.map((r) => r.outcome).sort()).toEqual(["collision", "new"]);
    const rows = await customersWith(phone);
    expect(rows).toHaveLength(1);
    expect(new Set(results.map((r) => r.customer_id))).toEqual(new Set([rows[0].id]));
    expect((await visitsOf(rows[0].id)).map((v) => v.is_first).sort()).toEqual([false, true]);
  });

  it("a deactivated consultant's visit or call is refused before the function, leaving no customer", async () => {
    const gone = await person("离职顾问", ["consultant"], PROJECT);
    await as(gone.email); // signed in before the deactivation
    await sql("update public.staff set active = false where id = $1", [gone.id]);
    const phone = freshPhone();
    await refused(gone.email, "record_visit", { p_project_id: PROJECT, p_phone: phone, p_name: "离职后来访" }, "staff_inactive");
    await refused(gone.email, "record_call", { p_project_id: PROJECT, p_caller_name: "离职后来电", p_phone: phone, p_topics: [], p_register: true }, "staff_inactive");
    expect(await customersWith(phone)).toEqual([]);
    expect(await sql("select id from public.calls where phone = $1", [phone])).toEqual([]);
  });

  it("a double tap of one consultant registers the visitor once", async () => {
    const phone = freshPhone();
    const results = await Promise.all([1, 2].map(() => ok("consultant1", "record_visit", { p_project_id: PROJECT, p_phone: phone, p_name: "连点客户" })));
    expect(results.map((r) => r.outcome).sort()).toEqual(["already_yours", "new"]);
    expect(await customersWith(phone)).toHaveLength(1);
    const calls = freshPhone();
    const answers = await Promise.all([1, 2].map(() =>
      ok("consultant1", "record_call", { p_project_id: PROJECT, p_caller_name: "连点来电", p_phone: calls, p_topics: [], p_register: true })));
    expect(answers.map((r) => r.registered.outcome).sort()).toEqual(["already_yours", "new"]);
    expect(await customersWith(calls)).toHaveLength(1);
  });

  it("a call can register the caller (source 来电) and is linked to them; a refused call leaves no customer", async () => {
    const phone = freshPhone();
    const result = await ok("consultant1", "record_call", {
      p_project_id: PROJECT, p_caller_name: "郑女士", p_phone: phone, p_topics: ["price"], p_invited: true, p_register: true,
    });
    expect(result.registered).toMatchObject({ outcome: "new" });
    const [row] = await customersWith(phone);
    expect(row).toMatchObject({ id: result.registered.customer_id, owner_id: userId("consultant1"), source: "call" });
    const [call] = await sql("select customer_id from public.calls where id = $1", [result.call_id]);
    expect(call.customer_id).toBe(row.id);
    // without p_register nothing is registered, as before
    const unregistered = freshPhone();
    expect((await ok("consultant1", "record_call", { p_project_id: PROJECT, p_caller_name: "路人", p_phone: unregistered, p_topics: [] })).registered).toBeNull();
    expect(await customersWith(unregistered)).toEqual([]);

    const refusedPhone = freshPhone();
    await refused("consultant1", "record_call", { p_project_id: PROJECT, p_caller_name: "郑女士", p_phone: refusedPhone, p_topics: ["weather"], p_register: true }, "invalid_topic");
    expect(await customersWith(refusedPhone)).toEqual([]);
    await refused("consultant1", "record_call", { p_project_id: PROJECT, p_caller_name: "", p_phone: refusedPhone, p_topics: [], p_register: true }, "name_required");
    expect(await sql("select id from public.calls where phone = $1", [refusedPhone])).toEqual([]);
  });
});

describe("log_follow_up (追访) keeps ownership alive", () => {
  it("refreshes last_follow_up_at when the owner follows up, not when a manager does", async () => {
    const id = await newCustomer("consultant1");
    await ageOwnership(id, 25);
    const result = await ok("consultant1", "log_follow_up", {
      p_customer_id: id, p_method: "wechat", p_content: "发了户型图", p_objections: "价格偏高", p_result: "考虑中", p_next_date: null,
    });
    const row = await customer(id);
    expect(Date.now() - new Date(row.last_follow_up_at).getTime()).toBeLessThan(60_000);
    expect(new Date(result.ownership_expires_at).getTime() - Date.now()).toBeGreaterThan(29 * 86400_000);
    expect(row.status).toBe("following");

    await sql("update public.customers set last_follow_up_at = now() - interval '20 days' where id = $1", [id]);
    await ok("manager", "log_follow_up", { p_customer_id: id, p_method: "phone", p_content: "经理回访" });
    expect(Date.now() - new Date((await customer(id)).last_follow_up_at).getTime()).toBeGreaterThan(19 * 86400_000);
    const [row2] = await sql("select method, objections, result from public.follow_ups where id = $1", [result.follow_up_id]);
    expect(row2).toEqual({ method: "wechat", objections: "价格偏高", result: "考虑中" });
  });

  it("refuses colleagues, a lapsed owner and bad input", async () => {
    const id = await newCustomer("consultant1");
    await refused("consultant2", "log_follow_up", { p_customer_id: id, p_method: "phone", p_content: "x" }, "customer_not_yours");
    await refused("consultant1", "log_follow_up", { p_customer_id: id, p_method: "fax", p_content: "x" }, "invalid_method");
    await refused("consultant1", "log_follow_up", { p_customer_id: id, p_method: "phone", p_content: " " }, "content_required");
    await refused("consultant1", "log_follow_up", { p_customer_id: id, p_method: "phone", p_content: "x", p_next_date: "2000-01-01" }, "invalid_value");
    await ageOwnership(id, 31);
    await refused("consultant1", "log_follow_up", { p_customer_id: id, p_method: "phone", p_content: "x" }, "ownership_lapsed");
  });

  it("lists follow-ups due today and overdue for the caller", async () => {
    const id = await newCustomer("consultant1");
    const today = (await sql<{ d: string }>("select to_char((now() at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as d"))[0].d;
    const { follow_up_id } = await ok("consultant1", "log_follow_up", { p_customer_id: id, p_method: "phone", p_content: "约周末", p_next_date: today });
    const due = async (who: string) => (await (await as(who)).from("follow_ups_due").select("*").eq("customer_id", id)).data ?? [];
    expect(await due("consultant1")).toMatchObject([{ follow_up_id, overdue: false, days_overdue: 0 }]);
    expect(await due("consultant2")).toEqual([]);
    await sql("update public.follow_ups set next_date = next_date - 3 where id = $1", [follow_up_id]);
    expect(await due("consultant1")).toMatchObject([{ overdue: true, days_overdue: 3 }]);
    // a newer follow-up with a later date clears it
    const later = new Date(Date.parse(today) + 5 * 86400_000).toISOString().slice(0, 10);
    await ok("consultant1", "log_follow_up", { p_customer_id: id, p_method: "phone", p_content: "改约下周", p_next_date: later });
    expect(await due("consultant1")).toEqual([]);
  });
});

describe("complaints (投诉)", () => {
  it("goes open → handling → resolved by the handler or a manager, and then is closed", async () => {
    const since = await dbNow();
    const { complaint_id } = await ok("consultant1", "file_complaint", {
      p_project_id: PROJECT, p_complainant_name: "赵先生", p_channel: "phone", p_content: "样板间空调不制冷", p_phone: "13800138000",
    });
    expect(await notificationsFor("manager", "complaint_filed", since)).toHaveLength(1);
    await refused("consultant2", "update_complaint", { p_complaint_id: complaint_id, p_status: "handling" }, "forbidden");
    await refused("consultant1", "update_complaint", { p_complaint_id: complaint_id, p_status: "handling", p_handler_id: userId("consultant1") }, "forbidden");
    await ok("manager", "update_complaint", { p_complaint_id: complaint_id, p_status: "handling", p_handler_id: userId("consultant2") });
    expect(await notificationsFor("consultant2", "complaint_assigned", since)).toHaveLength(1);
    await refused("consultant2", "update_complaint", { p_complaint_id: complaint_id, p_status: "resolved" }, "resolution_required");
    await refused("consultant2", "update_complaint", { p_complaint_id: complaint_id, p_status: "open" }, "invalid_transition");
    expect(await ok("consultant2", "update_complaint", { p_complaint_id: complaint_id, p_status: "resolved", p_resolution: "已维修并致歉", p_follow_up: "客户满意" }))
      .toMatchObject({ status: "resolved", handler_id: userId("consultant2") });
    expect(await notificationsFor("consultant1", "complaint_resolved", since)).toHaveLength(1);
    await refused("manager", "update_complaint", { p_complaint_id: complaint_id, p_status: "handling" }, "complaint_closed");
    expect(await auditFor(complaint_id, "complaint.update")).toHaveLength(2);

    const seen = async (who: string) => ((await (await as(who)).from("complaints").select("id").eq("id", complaint_id)).data ?? []).length;
    expect([await seen("consultant1"), await seen("consultant2"), await seen("consultant3"), await seen("manager"), await seen("finance")]).toEqual([1, 1, 0, 1, 0]);
  });

  it("refuses bad complaints and brokers", async () => {
    const base = { p_project_id: PROJECT, p_complainant_name: "钱女士", p_channel: "visit", p_content: "等待太久" };
    await refused("consultant1", "file_complaint", { ...base, p_channel: "email" }, "invalid_value");
    await refused("consultant1", "file_complaint", { ...base, p_content: "" }, "content_required");
    await refused("consultant1", "file_complaint", { ...base, p_complainant_name: "" }, "name_required");
    await refused("consultant1", "file_complaint", { ...base, p_handler_id: userId("broker1") }, "invalid_assignee");
    await refused("broker1", "file_complaint", base, "forbidden");
  });
});

describe("direct tampering", () => {
  it("refuses direct writes to the queue, visits, follow-ups, calls and complaints", async () => {
    const client = await as("manager");
    const id = await newCustomer("consultant1");
    const attempts = [
      client.from("reception_queue").insert({ project_id: PROJECT, day: "2030-01-01", staff_id: userId("consultant1"), queue_pos: 0 }),
      client.from("visits").insert({ project_id: PROJECT, customer_id: id, consultant_id: userId("manager"), is_first: true }),
      client.from("follow_ups").insert({ project_id: PROJECT, customer_id: id, staff_id: userId("manager"), method: "phone", content: "x" }),
      client.from("calls").insert({ project_id: PROJECT, consultant_id: userId("manager"), phone: freshPhone() }),
      client.from("complaints").update({ status: "resolved" }).eq("project_id", PROJECT),
    ];
    for (const attempt of await Promise.all(attempts)) expect(attempt.error?.code).toBe("42501");
  });
});
