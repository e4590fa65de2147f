import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import {
  PROJECT, ageOwnership, as, auditFor, dbNow, freshPhone, newCustomer, notificationsFor, ok, refused, rpc, userId,
} from "./support/sales.ts";

/** Customers and ownership (客户权属): registration, collisions, the pool, rulings, reassignment. */

const register = (who: string, phone: string, extra: Record<string, unknown> = {}) =>
  ok(who, "register_customer", { p_project_id: PROJECT, p_name: "张先生", p_phone: phone, p_source: "walk_in", ...extra });
const customer = async (id: string) =>
  (await sql<Record<string, any>>("select * from public.customers where id = $1", [id]))[0];
const sees = async (who: string, id: string) =>
  ((await (await as(who)).from("customers").select("id").eq("id", id)).data ?? []).length === 1;

describe("register_customer", () => {
  it("normalises the mobile and makes the caller the owner", async () => {
    const digits = freshPhone();
    const spelled = `+86 ${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
    const result = await register("consultant1", spelled, { p_gender: "female", p_grade: "B", p_rooms: 3, p_area_min: 110, p_area_max: 130, p_budget_max: 4000000, p_purpose: "self" });
    expect(result.outcome).toBe("new");
    expect(await customer(result.customer_id)).toMatchObject({
      phone: digits, owner_id: userId("consultant1"), status: "new", source: "walk_in", grade: "B", rooms: 3,
    });
    expect(await auditFor(result.customer_id, "customer.register")).toHaveLength(1);
    for (const spelling of [`0086${digits}`, `86${digits}`, `${digits.slice(0, 3)} ${digits.slice(3)}`]) {
      expect((await register("consultant1", spelling)).outcome).toBe("already_yours");
    }
  });

  it("refuses what is not a mainland mobile, and bad fields", async () => {
    for (const phone of ["12812345678", "1381234567", "138123456789", "abc", "+1 415 555 0100"]) {
      await refused("consultant1", "register_customer", { p_project_id: PROJECT, p_name: "张", p_phone: phone, p_source: "call" }, "invalid_phone");
    }
    await refused("consultant1", "register_customer", { p_project_id: PROJECT, p_name: "张", p_phone: freshPhone(), p_source: "tv" }, "invalid_source");
    await refused("consultant1", "register_customer", { p_project_id: PROJECT, p_name: " ", p_phone: freshPhone(), p_source: "call" }, "name_required");
    await refused("consultant1", "register_customer", { p_project_id: PROJECT, p_name: "张", p_phone: freshPhone(), p_source: "call", p_grade: "E" }, "invalid_value");
    await refused("consultant1", "register_customer", { p_project_id: PROJECT, p_name: "张", p_phone: freshPhone(), p_source: "call", p_area_min: 140, p_area_max: 90 }, "invalid_value");
    await refused("broker1", "register_customer", { p_project_id: PROJECT, p_name: "张", p_phone: freshPhone(), p_source: "call" }, "forbidden");
    await refused("finance", "register_customer", { p_project_id: PROJECT, p_name: "张", p_phone: freshPhone(), p_source: "call" }, "forbidden");
  });

  it("records a collision (撞单): the owner keeps the customer, the manager and owner hear of it", async () => {
    const phone = freshPhone();
    const { customer_id } = await register("consultant1", phone);
    const since = await dbNow();
    const result = await register("consultant2", phone, { p_name: "张总", p_source: "call" });
    expect(result).toMatchObject({ outcome: "collision", customer_id, owner_name: "王芳" });
    expect((await customer(customer_id)).owner_id).toBe(userId("consultant1"));
    const [collision] = await sql("select * from public.customer_collisions where id = $1", [result.collision_id]);
    expect(collision).toMatchObject({ status: "open", owner_id: userId("consultant1"), claimant_id: userId("consultant2"), claimant_name: "张总" });
    expect(await notificationsFor("manager", "collision", since)).toHaveLength(1);
    expect(await notificationsFor("consultant1", "collision", since)).toHaveLength(1);
    // the claimant still does not see the record
    expect(await sees("consultant2", customer_id)).toBe(false);
  });

  it("claims from the pool when the owner's protection lapsed", async () => {
    const phone = freshPhone();
    const { customer_id } = await register("consultant1", phone);
    await ageOwnership(customer_id, 29);
    expect((await register("consultant2", phone)).outcome).toBe("collision");
    await ageOwnership(customer_id, 2); // 31 days without a follow-up
    const since = await dbNow();
    expect(await register("consultant2", phone)).toMatchObject({ outcome: "claimed_from_pool", customer_id });
    expect((await customer(customer_id)).owner_id).toBe(userId("consultant2"));
    expect(await notificationsFor("consultant1", "customer_claimed", since)).toHaveLength(1);
    expect(await auditFor(customer_id, "customer.claim")).toHaveLength(1);
  });

  it("gives a phone exactly one owner under parallel registrations", async () => {
    const phone = freshPhone();
    await Promise.all(["consultant1", "consultant2", "manager"].map(as));
    const who = Array.from({ length: 24 }, (_, i) => ["consultant1", "consultant2", "manager"][i % 3]);
    const results = await Promise.all(who.map((w) => rpc(w, "register_customer", { p_project_id: PROJECT, p_name: "并发", p_phone: phone, p_source: "walk_in" })));
    expect(results.every((r) => r.error === null)).toBe(true);
    const news = results.map((r, i) => ({ outcome: r.data.outcome, who: who[i] })).filter((r) => r.outcome === "new");
    expect(news).toHaveLength(1);
    const rows = await sql<{ owner_id: string }>("select owner_id from public.customers where project_id = $1 and phone = $2", [PROJECT, phone]);
    expect(rows).toEqual([{ owner_id: userId(news[0].who) }]);
    for (const [i, r] of results.entries()) {
      if (r.data.outcome === "new") continue;
      expect(r.data.outcome).toBe(who[i] === news[0].who ? "already_yours" : "collision");
    }
  });
});

describe("who sees a customer", () => {
  it("consultants see their own and the pool, never a colleague's protected customer", async () => {
    const id = await newCustomer("consultant1");
    expect(await sees("consultant1", id)).toBe(true);
    expect(await sees("consultant2", id)).toBe(false);
    for (const who of ["manager", "director", "vp", "gm", "finance"]) expect(await sees(who, id), who).toBe(true);
    for (const who of ["broker1", "admin", "channel"]) expect(await sees(who, id), who).toBe(false);
    await ageOwnership(id, 31);
    expect(await sees("consultant2", id)).toBe(true);
    expect(await sees("consultant3", id)).toBe(true);
  });

  it("search_customers finds by phone tail, full phone or name, within what the caller may see", async () => {
    const phone = freshPhone();
    const name = `搜${crypto.randomInt(0, 1e6)}`;
    const id = (await register("consultant1", phone, { p_name: `${name}先生` })).customer_id;
    const ids = async (who: string, q: string) =>
      (await ok<{ id: string }[]>(who, "search_customers", { p_project_id: PROJECT, p_query: q })).map((r) => r.id);
    expect(await ids("consultant1", phone.slice(-4))).toContain(id);
    expect(await ids("consultant1", `+86 ${phone}`)).toEqual([id]);
    expect(await ids("consultant1", name)).toEqual([id]);
    expect(await ids("consultant1", phone.slice(0, 7))).toContain(id);
    expect(await ids("consultant2", `+86 ${phone}`)).toEqual([]);
    expect(await ids("manager", name)).toEqual([id]);
    const [row] = await ok("consultant1", "search_customers", { p_project_id: PROJECT, p_query: phone });
    expect(row).toMatchObject({ id, in_pool: false, owner_id: userId("consultant1") });
    await refused("consultant1", "search_customers", { p_project_id: PROJECT, p_query: "  " }, "invalid_query");
  });
});

describe("customer_list idle days (未跟进天数)", () => {
  it("counts the office's calendar days: a follow-up late yesterday is 1 day, not 今天已跟进", async () => {
    const { customer_id: id } = await register("consultant1", freshPhone());
    // Office midnight of today (Asia/Shanghai), computed by the database: any hour of the day holds.
    const officeMidnight = `((now() at time zone 'Asia/Shanghai')::date::timestamp at time zone 'Asia/Shanghai')`;
    const idle = async (at: string) => {
      await sql(`update public.customers set last_follow_up_at = ${at} where id = $1`, [id]);
      const { data, error } = await (await as("consultant1")).from("customer_list").select("idle_days").eq("id", id).single();
      expect(error).toBeNull();
      return data!.idle_days;
    };
    expect(await idle(`${officeMidnight} + interval '1 second'`)).toBe(0);
    expect(await idle(`${officeMidnight} - interval '1 minute'`)).toBe(1);
    expect(await idle(`${officeMidnight} - interval '1 day' - interval '1 minute'`)).toBe(2);
  });
});

describe("claim_customer", () => {
  it("takes a lapsed customer from the pool, refuses a protected one", async () => {
    const id = await newCustomer("consultant1");
    await refused("consultant2", "claim_customer", { p_customer_id: id }, "customer_not_in_pool");
    await ageOwnership(id, 31);
    await refused("manager", "claim_customer", { p_customer_id: id }, "forbidden");
    const since = await dbNow();
    expect(await ok("consultant2", "claim_customer", { p_customer_id: id })).toMatchObject({ owner_id: userId("consultant2") });
    const row = await customer(id);
    expect(row.owner_id).toBe(userId("consultant2"));
    expect(new Date(row.ownership_expires_at).getTime() - Date.now()).toBeGreaterThan(29 * 86400_000);
    expect(await notificationsFor("consultant1", "customer_claimed", since)).toHaveLength(1);
    await refused("consultant1", "claim_customer", { p_customer_id: id }, "customer_not_in_pool");
  });

  it("never lets a subscribed customer lapse", async () => {
    const id = await newCustomer("consultant1");
    await sql("select private.set_customer_status($1, 'subscribed')", [id]);
    await ageOwnership(id, 400);
    await refused("consultant2", "claim_customer", { p_customer_id: id }, "customer_not_in_pool");
    expect(await auditFor(id, "customer.status")).toHaveLength(1);
  });
});

describe("rule_collision", () => {
  const collide = async () => {
    const phone = freshPhone();
    const { customer_id } = await register("consultant1", phone);
    const { collision_id } = await register("consultant2", phone);
    return { customer_id, collision_id };
  };

  it("keeps the owner or transfers to the claimant, once, with a reason", async () => {
    const a = await collide();
    await refused("consultant1", "rule_collision", { p_collision_id: a.collision_id, p_decision: "keep_owner", p_reason: "x" }, "forbidden");
    await refused("manager", "rule_collision", { p_collision_id: a.collision_id, p_decision: "split", p_reason: "x" }, "invalid_decision");
    await refused("manager", "rule_collision", { p_collision_id: a.collision_id, p_decision: "keep_owner", p_reason: "" }, "reason_required");
    const since = await dbNow();
    expect(await ok("manager", "rule_collision", { p_collision_id: a.collision_id, p_decision: "keep_owner", p_reason: "原顾问持续跟进" }))
      .toMatchObject({ status: "kept", owner_id: userId("consultant1") });
    expect(await notificationsFor("consultant2", "collision_ruled", since)).toHaveLength(1);
    await refused("manager", "rule_collision", { p_collision_id: a.collision_id, p_decision: "transfer", p_reason: "改判" }, "collision_already_ruled");

    const b = await collide();
    await ok("director", "rule_collision", { p_collision_id: b.collision_id, p_decision: "transfer", p_reason: "客户指定陈磊" });
    expect((await customer(b.customer_id)).owner_id).toBe(userId("consultant2"));
    const [audit] = await auditFor(b.customer_id, "customer.transfer");
    expect(audit.before).toEqual({ owner_id: userId("consultant1") });
    expect(await sees("consultant2", b.customer_id)).toBe(true);
    expect(await sees("consultant1", b.customer_id)).toBe(false);
  });
});

describe("reassign_customers", () => {
  /** A consultant who is leaving: a fresh auth user + staff row with a few customers. */
  const leaver = async (count: number) => {
    const id = crypto.randomUUID();
    await sql("insert into auth.users (id, email) values ($1, $2)", [id, `leaver-${id}@demo.local`]);
    await sql("insert into public.staff (id, name, email, hired_on) values ($1, '离职顾问', $2, current_date - 400)", [id, `leaver-${id}@demo.local`]);
    await sql("insert into public.staff_projects (staff_id, project_id, role) values ($1, $2, 'consultant')", [id, PROJECT]);
    const customers = await sql<{ id: string }>(
      `insert into public.customers (project_id, name, phone, owner_id, created_by)
       select $1, '老客户' || i, '168' || lpad((floor(random() * 1e8))::bigint::text, 8, '0'), $2, $2 from generate_series(1, $3::int) i
       returning id`,
      [PROJECT, id, count],
    );
    return { id, customers: customers.map((c) => c.id) };
  };

  it("moves all of a leaving consultant's customers, audited one by one", async () => {
    const from = await leaver(3);
    await sql("update public.staff set active = false where id = $1", [from.id]);
    await refused("consultant1", "reassign_customers", { p_from_staff: from.id, p_to_staff: userId("consultant2"), p_project_id: PROJECT, p_reason: "离职" }, "forbidden");
    await refused("manager", "reassign_customers", { p_from_staff: from.id, p_to_staff: userId("consultant2"), p_project_id: PROJECT, p_reason: "" }, "reason_required");
    await refused("manager", "reassign_customers", { p_from_staff: from.id, p_to_staff: userId("broker1"), p_project_id: PROJECT, p_reason: "离职" }, "invalid_assignee");
    const since = await dbNow();
    const result = await ok("manager", "reassign_customers", { p_from_staff: from.id, p_to_staff: userId("consultant2"), p_project_id: PROJECT, p_reason: "顾问离职" });
    expect(result.count).toBe(3);
    for (const id of from.customers) {
      expect((await customer(id)).owner_id).toBe(userId("consultant2"));
      const [audit] = await auditFor(id, "customer.reassign");
      expect(audit.before.owner_id).toBe(from.id);
      expect(audit.after).toMatchObject({ owner_id: userId("consultant2"), reason: "顾问离职" });
    }
    expect(await notificationsFor("consultant2", "customers_assigned", since)).toHaveLength(1);
  });

  it("moves only the listed customers, each of which must be the source's", async () => {
    const from = await leaver(3);
    const other = await newCustomer("consultant1");
    await refused("manager", "reassign_customers", {
      p_from_staff: from.id, p_to_staff: userId("consultant1"), p_project_id: PROJECT, p_reason: "调整", p_customer_ids: [from.customers[0], other],
    }, "customer_not_owned_by_source");
    const result = await ok("manager", "reassign_customers", {
      p_from_staff: from.id, p_to_staff: userId("consultant1"), p_project_id: PROJECT, p_reason: "调整", p_customer_ids: [from.customers[0]],
    });
    expect(result).toMatchObject({ count: 1, customer_ids: [from.customers[0]] });
    expect((await customer(from.customers[1])).owner_id).toBe(from.id);
  });
});

describe("update_customer / mark_customer_lost", () => {
  it("edits grade and needs for the owner or a manager, never phone, owner or status", async () => {
    const id = await newCustomer("consultant1", { p_grade: "C" });
    const updated = await ok("consultant1", "update_customer", { p_customer_id: id, p_patch: { grade: "A", rooms: 4, area_min: 130, area_max: 150, note: "想要高楼层" } });
    expect(updated).toMatchObject({ grade: "A", rooms: 4, note: "想要高楼层" });
    const [audit] = await auditFor(id, "customer.update");
    expect(audit.before).toMatchObject({ grade: "C", rooms: null });
    expect(audit.after).toMatchObject({ grade: "A", rooms: 4 });
    for (const field of ["phone", "owner_id", "status"]) {
      await refused("consultant1", "update_customer", { p_customer_id: id, p_patch: { [field]: "x" } }, "field_not_editable");
    }
    await refused("consultant1", "update_customer", { p_customer_id: id, p_patch: { grade: "S" } }, "invalid_value");
    await refused("consultant1", "update_customer", { p_customer_id: id, p_patch: { rooms: "three" } }, "invalid_value");
    await refused("consultant2", "update_customer", { p_customer_id: id, p_patch: { grade: "D" } }, "customer_not_yours");
    await refused("broker1", "update_customer", { p_customer_id: id, p_patch: { grade: "D" } }, "customer_not_found");
    expect(await ok("manager", "update_customer", { p_customer_id: id, p_patch: { name: "张伟" } })).toMatchObject({ name: "张伟" });
  });

  it("marks lost with a reason; not a customer with a deal", async () => {
    const id = await newCustomer("consultant1");
    await refused("consultant1", "mark_customer_lost", { p_customer_id: id, p_reason: "" }, "reason_required");
    await refused("consultant2", "mark_customer_lost", { p_customer_id: id, p_reason: "x" }, "customer_not_yours");
    await ok("consultant1", "mark_customer_lost", { p_customer_id: id, p_reason: "已在别处购房" });
    expect(await customer(id)).toMatchObject({ status: "lost", lost_reason: "已在别处购房" });
    await refused("consultant1", "mark_customer_lost", { p_customer_id: id, p_reason: "x" }, "customer_already_lost");

    const deal = await newCustomer("consultant1");
    await sql("select private.set_customer_status($1, 'subscribed')", [deal]);
    await refused("manager", "mark_customer_lost", { p_customer_id: deal, p_reason: "x" }, "customer_has_deal");
  });
});

describe("direct tampering", () => {
  it("refuses writes to customers and collisions through the API", async () => {
    const id = await newCustomer("consultant2");
    const c1 = await as("consultant1");
    expect((await c1.from("customers").update({ owner_id: userId("consultant1") }).eq("id", id)).error?.code).toBe("42501");
    const manager = await as("manager");
    expect((await manager.from("customers").update({ status: "signed" }).eq("id", id)).error?.code).toBe("42501");
    expect((await manager.from("customers").insert({ project_id: PROJECT, name: "x", phone: freshPhone() })).error?.code).toBe("42501");
    expect((await manager.from("customers").delete().eq("id", id)).error?.code).toBe("42501");
    expect((await manager.from("customer_collisions").update({ status: "kept" }).eq("customer_id", id)).error?.code).toBe("42501");
    expect((await customer(id)).owner_id).toBe(userId("consultant2"));
  });

  it("keeps private.set_customer_status out of the API", async () => {
    const [{ allowed }] = await sql<{ allowed: boolean }>(
      "select has_function_privilege('authenticated', 'private.set_customer_status(uuid, public.customer_status)', 'execute') as allowed",
    );
    expect(allowed).toBe(false);
  });
});
